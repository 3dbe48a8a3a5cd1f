"""The case list's own choices (chain cell, buckets, age, amount remaining, sort, page): labels, URL form, files."""

from dataclasses import dataclass, fields, replace
from datetime import date

import pandas as pd

from data_access import codes
from data_access.exchange.cells import MAX_AMOUNT, PLAUSIBLE_DAYS
from data_access.queries.case_list import BUCKETS, CELLS, SORTS, CaseFilter
from data_access.queries.flow_queries import WARNINGS
from dashboard.metrics.flow_labels import WARNING_LABELS
from data_access.record_text import holds_forbidden_characters
from dashboard.charts.axis_labels import short_unit_name
from dashboard.metrics.formatting import format_count
from dashboard.metrics.chain_labels import CHAIN_LABELS
from dashboard.ui.labels import CHAIN_IN_URL, CHAIN_NAMES, COMPLETED_NOTE
from dashboard.view.filters import FilterOptions, Filters, describe
from dashboard.view.url_values import LARGEST_WHOLE, refused, whole_number

__all__ = ["BUCKETS", "CELLS", "SORTS", "WARNINGS", "CaseFilter", "ListState"]

TITLE = "Danh sách việc"
# One screen of rows at 1920x1080; the database pages, so a page costs the same whatever the total.
PAGE_SIZE = 50
# The most rows a downloaded file holds: an Excel sheet stays usable and the server's memory bounded.
EXPORT_CAP = 100_000

CELL_LABELS = {chain: {cell: CHAIN_LABELS[cell] for cell in CELLS[chain]}
               | {"completed": f"{CHAIN_LABELS['completed']} ({COMPLETED_NOTE[chain]})"} for chain in CELLS}
BUCKET_LABELS = {
    "in_progress": "Đang thi hành",
    "deferred_c": "Hoãn điểm c",
    "not_enforceable": "Chưa có điều kiện",
    "done": "Xong",
    "terminated": "Đình chỉ",
    "delegated": "Ủy thác",
    "cancelled": "Hủy quyết định",
}
SORT_LABELS = {
    "code": "Mã việc",
    "decided_on": "Ngày quyết định",
    "amount": "Số tiền phải thi hành",
    "remaining": "Số tiền còn lại",
    "age_days": "Số ngày từ ngày ra quyết định",
    "value": "Số tiền tính vào chỉ tiêu",
}
# URL query-parameter names; none clashes with the shared filters' (nam, den, don_vi, nhom, loai, hinh_thuc).
PARAMETERS = {
    "chain": "chuoi", "cell": "o", "buckets": "trang_thai", "min_age_days": "tuoi_tu", "max_age_days": "tuoi_den",
    "min_remaining": "con_lai_tu", "max_remaining": "con_lai_den", "sort": "sap_xep", "descending": "giam_dan",
    "page": "trang", "search": "tim", "warning": "canh_bao",
}
# The longest text the list searches for: far above any code, number or name fragment.
SEARCH_CHARACTERS = 100
BOUNDS = ("min_age_days", "max_age_days", "min_remaining", "max_remaining")
# The largest bound a URL may ask: an age the dates can reach back from any period end, an amount no larger than
# the largest an import accepts.
_OLDEST_DAYS = (PLAUSIBLE_DAYS[0] - date.min).days
BOUND_LIMITS = {"min_age_days": _OLDEST_DAYS, "max_age_days": _OLDEST_DAYS, "min_remaining": MAX_AMOUNT,
                "max_remaining": MAX_AMOUNT}
UNASSIGNED = "Chưa phân công"


@dataclass(frozen=True)
class ListState:
    """What the case list shows: the chain and its cell, the narrowing filters, the sort and the page (from 1)."""

    chain: str = "cases"
    cell: str = "caseload"
    buckets: tuple[str, ...] = ()
    min_age_days: int | None = None
    max_age_days: int | None = None
    min_remaining: int | None = None
    max_remaining: int | None = None
    sort: str = "remaining"
    descending: bool = True
    page: int = 1
    search: str = ""
    warning: str | None = None

    def sorts(self) -> tuple[str, ...]:
        """Return the sort keys this list offers: its money share only for a money cell."""
        return SORTS if self.chain == "money" else tuple(sort for sort in SORTS if sort != "value")

    def narrow(self) -> CaseFilter:
        """Return the CaseFilter of the buckets, bounds and search."""
        return CaseFilter(self.buckets, self.min_age_days, self.max_age_days, self.min_remaining,
                          self.max_remaining, self.search or None, self.warning)

    @property
    def offset(self) -> int:
        """Return the number of rows before this page."""
        return (self.page - 1) * PAGE_SIZE


def last_page(total: int) -> int:
    """Return the number of the last page of a list of `total` cases (1 for an empty list)."""
    return max(1, -(-total // PAGE_SIZE))


def from_query(query: dict[str, str]) -> tuple[ListState, list[str]]:
    """Return the list state a URL asks for and a Vietnamese notice for every value that was refused."""
    state, notices = ListState(), []

    def refuse(name: str, fallback: str) -> None:
        notices.append(refused(PARAMETERS[name], query[PARAMETERS[name]], f"đang hiển thị {fallback}"))

    chain = query.get(PARAMETERS["chain"])
    if chain is not None:
        chains = {value: name for name, value in CHAIN_IN_URL.items()}
        if chain in chains:
            state = replace(state, chain=chains[chain])
        else:
            refuse("chain", "số liệu về việc")
    cell = query.get(PARAMETERS["cell"])
    if cell is not None:
        if cell in CELLS[state.chain]:
            state = replace(state, cell=cell)
        else:
            refuse("cell", f"dòng {CELL_LABELS[state.chain][state.cell].lower()}")
    buckets = query.get(PARAMETERS["buckets"])
    if buckets:
        chosen = tuple(bucket for bucket in BUCKETS if bucket in buckets.split(","))
        if set(buckets.split(",")) <= set(BUCKETS):
            state = replace(state, buckets=chosen)
        else:
            refuse("buckets", "mọi tình trạng")
    for name in BOUNDS:
        text = query.get(PARAMETERS[name])
        if text is None or text == "":
            continue
        value = whole_number(text, 0, BOUND_LIMITS[name])
        if value is None:
            refuse(name, "không giới hạn")
        else:
            state = replace(state, **{name: value})
    sort = query.get(PARAMETERS["sort"])
    if sort is not None:
        if sort in state.sorts():
            state = replace(state, sort=sort)
        else:
            refuse("sort", f"sắp xếp theo {SORT_LABELS[state.sort].lower()}")
    descending = query.get(PARAMETERS["descending"])
    if descending is not None:
        if descending in ("0", "1"):
            state = replace(state, descending=descending == "1")
        else:
            refuse("descending", "thứ tự giảm dần")
    search = searched(query.get(PARAMETERS["search"], ""))
    if search is None:
        refuse("search", "mọi việc")
    else:
        state = replace(state, search=search)
    warning = query.get(PARAMETERS["warning"])
    if warning:
        if warning in WARNINGS:
            state = replace(state, warning=warning)
        else:
            refuse("warning", "mọi việc")
    page = query.get(PARAMETERS["page"])
    if page is not None:
        number = whole_number(page, 1, LARGEST_WHOLE // PAGE_SIZE)
        if number is not None:
            state = replace(state, page=number)
        else:
            refuse("page", "trang 1")
    return state, notices


def searched(text: str) -> str | None:
    """Return the text to search for, trimmed; None when it is too long or holds what no record holds."""
    text = text.strip()
    if len(text) > SEARCH_CHARACTERS or holds_forbidden_characters(text):
        return None
    return text


def to_query(state: ListState) -> dict[str, str]:
    """Return the URL query parameters that reproduce the list: the cell always, the rest when not the default."""
    default = ListState()
    query = {PARAMETERS["cell"]: state.cell}
    for field in fields(ListState):
        value = getattr(state, field.name)
        if field.name == "cell" or value == getattr(default, field.name):
            continue
        if field.name == "chain":
            query[PARAMETERS["chain"]] = CHAIN_IN_URL[value]
        elif field.name == "buckets":
            query[PARAMETERS["buckets"]] = ",".join(value)
        elif field.name == "descending":
            query[PARAMETERS["descending"]] = "1" if value else "0"
        else:
            query[PARAMETERS[field.name]] = str(value)
    return query


def _range(low: int | None, high: int | None, unit: str) -> str:
    if low is not None and high is not None:
        return f"từ {format_count(low)} đến {format_count(high)} {unit}"
    return f"từ {format_count(low)} {unit} trở lên" if low is not None else f"đến {format_count(high)} {unit}"


def filter_lines(state: ListState) -> list[str]:
    """Return the cell, every list filter and the sort in Vietnamese words, one line each."""
    lines = [f"Dòng số liệu: {CELL_LABELS[state.chain][state.cell]} ({CHAIN_NAMES[state.chain].lower()})"]
    if state.buckets:
        lines.append("Tình trạng: " + ", ".join(BUCKET_LABELS[bucket].lower() for bucket in state.buckets))
    if state.min_age_days is not None or state.max_age_days is not None:
        lines.append("Số ngày từ ngày ra quyết định: "
                     + _range(state.min_age_days, state.max_age_days, "ngày"))
    if state.min_remaining is not None or state.max_remaining is not None:
        lines.append("Số tiền còn lại: " + _range(state.min_remaining, state.max_remaining, "đồng"))
    if state.search:
        lines.append(f"Tìm: {state.search}")
    if state.warning:
        lines.append(f"Cảnh báo: {WARNING_LABELS[state.warning]}")
    order = "giảm dần" if state.descending else "tăng dần"
    lines.append(f"Sắp xếp theo: {SORT_LABELS[state.sort].lower()} ({order})")
    return lines


def heading_lines(state: ListState, filters: Filters, options: FilterOptions) -> list[str]:
    """Return the lines written above an exported list: the title, the scope and period, the list's filters."""
    return [TITLE, describe(filters, options), *filter_lines(state)]


VALUE_COLUMN = "Tính vào chỉ tiêu (đồng)"


def list_table(frame: pd.DataFrame, units: dict[str, str], officers: dict[str, str],
               chain: str = "cases") -> pd.DataFrame:
    """Return the case rows with Vietnamese column names and names instead of codes; dates stay dates.

    A money list also shows what each case adds to the money cell it was drilled from.
    """
    table = pd.DataFrame({
        "Mã việc": frame["code"],
        "Số quyết định": frame["decision_no"],
        "Người phải thi hành án": frame["debtor"].fillna(""),
        "Người được thi hành án": frame["creditor"].fillna(""),
        "Bản án số": frame["judgment_no"].fillna(""),
        "Tòa án": frame["court"].fillna(""),
        "Ngày quyết định": pd.Series(list(frame["decided_on"]), index=frame.index, dtype=object),
        "Đơn vị": [short_unit_name(units.get(code, code)) for code in frame["unit_code"]],
        "Chấp hành viên": [UNASSIGNED if pd.isna(code) else officers.get(code, code) for code in frame["officer_code"]],
        "Loại án": [codes.JUDGMENT_TYPES.get(code, code) for code in frame["judgment_type"]],
        "Hình thức": [codes.MODES.get(code, code) for code in frame["mode"]],
        "Phải thi hành (đồng)": frame["amount"].astype("int64"),
        "Còn lại (đồng)": frame["remaining"].astype("int64"),
        "Tình trạng": [BUCKET_LABELS.get(bucket, bucket) for bucket in frame["bucket"]],
        "Số ngày từ quyết định": frame["age_days"].astype("int64"),
    })
    if chain == "money":
        table.insert(table.columns.get_loc("Còn lại (đồng)"), VALUE_COLUMN, frame["value"].astype("int64"))
    return table
