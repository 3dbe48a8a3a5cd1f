"""Checks every row of the exchange tables and turns them into typed records (domain.md section 7)."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from data_access import codes
from data_access.exchange.cells import PLAUSIBLE_DAYS, Rows
from data_access.exchange.files import ImportIssue, file_name
from data_access.exchange.timeline import Event

# A rate in ASCII digits with an optional decimal point or comma: Decimal() would also read "٥٠" and "1e2".
_RATE = re.compile(r"[0-9]{1,3}([.,][0-9]+)?")


@dataclass
class Batch:
    """The typed content of one import, keyed by code, with each record's source line."""

    units: dict[str, dict] = field(default_factory=dict)
    officers: dict[str, dict] = field(default_factory=dict)
    cases: dict[str, dict] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)
    targets: dict[tuple, dict] = field(default_factory=dict)
    # Every ma_viec of the viec file, valid or not, so events of a refused case are not called unknown.
    case_codes_seen: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class KnownCodes:
    """Codes already in the database that rows of an import may refer to."""

    units: dict[str, str]
    officers: frozenset[str]
    # Units of level tinh: a province's own target names one of them.
    provinces: frozenset[str] = frozenset()


def check_columns(stem: str, frame: pd.DataFrame) -> list[ImportIssue]:
    """Return an issue when a table's header is not exactly the columns of the exchange format."""
    expected = list(codes.EXCHANGE_COLUMNS[stem])
    header = list(map(str, frame.columns))
    optional = list(codes.OPTIONAL_CASE_COLUMNS) if stem == "viec" else []
    extra = header[len(expected):]
    if header[:len(expected)] == expected and set(extra) <= set(optional) and len(set(extra)) == len(extra):
        return []
    allowed = f" (có thể thêm sau đó: {','.join(optional)})" if optional else ""
    return [ImportIssue(file_name(stem), 1, "columns",
                        f"tiêu đề phải là: {','.join(expected)}{allowed} (nhận được: {','.join(header)})")]


def parse_units(frame: pd.DataFrame, batch: Batch, issues: list[ImportIssue]) -> None:
    """Fill batch.units from don_vi rows, recording issues."""
    rows = Rows("don_vi", frame, issues)
    seen: set = set()
    for row in rows:
        unit = rows.identifier(row, "ma_don_vi")
        name = rows.required(row, "ten_don_vi")
        level = rows.code(row, "cap", codes.UNIT_LEVELS, "cấp đơn vị")
        parent = row["ma_don_vi_cha"] or None
        if unit is not None and rows.unique(seen, unit, "mã đơn vị") and name and level:
            batch.units[unit] = {"code": unit, "name": name, "level": level, "parent_code": parent,
                                 "line": rows.line}


def check_unit_parents(batch: Batch, known: KnownCodes, issues: list[ImportIssue]) -> dict[str, str | None]:
    """Return every unit's parent (database and batch merged), recording unknown parents and cycles."""
    parents = dict(known.units)
    parents.update({code: unit["parent_code"] for code, unit in batch.units.items()})
    for code, unit in batch.units.items():
        parent = unit["parent_code"]
        if parent is not None and parent not in parents:
            issues.append(ImportIssue("don_vi.csv", unit["line"], "parent", f"đơn vị cha '{parent}' không tồn tại"))
            continue
        seen = {code}
        while parent is not None and parent in parents:
            if parent in seen:
                issues.append(ImportIssue("don_vi.csv", unit["line"], "parent",
                                          f"đơn vị '{code}' nằm trong một vòng đơn vị cha"))
                break
            seen.add(parent)
            parent = parents[parent]
    return parents


def parse_officers(frame: pd.DataFrame, batch: Batch, unit_codes, issues: list[ImportIssue]) -> None:
    """Fill batch.officers from chap_hanh_vien rows, recording issues."""
    rows = Rows("chap_hanh_vien", frame, issues)
    seen: set = set()
    for row in rows:
        officer = rows.identifier(row, "ma_chv")
        name = rows.required(row, "ho_ten")
        unit = rows.code(row, "ma_don_vi", unit_codes, "mã đơn vị")
        grade = rows.code(row, "ngach", codes.OFFICER_GRADES, "ngạch chấp hành viên")
        if officer is not None and rows.unique(seen, officer, "mã chấp hành viên") and name and unit and grade:
            batch.officers[officer] = {"code": officer, "name": name, "unit_code": unit, "grade": grade}


def parse_cases(frame: pd.DataFrame, batch: Batch, unit_codes, officer_codes, issues: list[ImportIssue]) -> None:
    """Fill batch.cases from viec rows, recording issues."""
    rows = Rows("viec", frame, issues)
    seen: set = set()
    for row in rows:
        case = rows.identifier(row, "ma_viec")
        fields = {
            "decision_no": rows.required(row, "so_quyet_dinh"),
            "decided_on": rows.day(row, "ngay_quyet_dinh"),
            "unit_code": rows.code(row, "ma_don_vi", unit_codes, "mã đơn vị"),
            "officer_code": rows.code(row, "ma_chv", officer_codes, "mã chấp hành viên"),
            "judgment_type": rows.code(row, "loai_ban_an", codes.JUDGMENT_TYPES, "loại bản án"),
            "mode": rows.code(row, "hinh_thuc", codes.MODES, "hình thức thụ lý"),
            "amount": rows.whole_amount(row, "so_tien_phai_thi_hanh"),
        }
        parties = {field: row.get(column) or None for column, field in codes.OPTIONAL_CASE_COLUMNS.items()}
        if case is not None:
            batch.case_codes_seen.add(case)
        groups = [group.strip() for group in row["nhom"].split("|") if group.strip()]
        unknown = [group for group in groups if group not in codes.GROUPS]
        if unknown:
            rows.issue("code", f"nhóm việc không hợp lệ: {', '.join(unknown)} (cột nhom)")
        fresh = case is not None and rows.unique(seen, case, "mã việc")
        if fresh and not unknown and all(value is not None for value in fields.values()):
            batch.cases[case] = {"code": case, **fields, **parties, "groups": sorted(set(groups)), "line": rows.line}


def parse_events(frame: pd.DataFrame, batch: Batch, officer_codes, issues: list[ImportIssue]) -> None:
    """Fill batch.events from su_kien rows (per case), recording issues."""
    rows = Rows("su_kien", frame, issues)
    for row in rows:
        case = rows.required(row, "ma_viec")
        on = rows.day(row, "ngay")
        kind = rows.code(row, "loai", codes.EVENT_TYPES, "loại sự kiện")
        if case is not None and case not in batch.case_codes_seen:
            rows.issue("unknown_case", f"việc '{case}' không có trong viec.csv của lần nhập này")
            continue
        if kind is None or on is None or case is None:
            continue
        amount = _event_amount(rows, row, kind)
        detail = _event_detail(rows, row, kind, officer_codes)
        if amount is not False and detail is not None and case in batch.cases:
            batch.events.setdefault(case, []).append(Event(rows.line, on, kind, amount, detail))


def _event_amount(rows: Rows, row: dict, kind: str):
    if kind in codes.MONEY_EVENTS:
        amount = rows.whole_amount(row, "so_tien", positive=True)
        return False if amount is None else amount
    if row["so_tien"] != "":
        rows.issue("amount", f"sự kiện {kind} không có số tiền (cột so_tien phải để trống)")
        return False
    return None


def _event_detail(rows: Rows, row: dict, kind: str, officer_codes) -> str | None:
    detail = row["chi_tiet"]
    if kind == "hoan":
        if detail.lower() not in codes.HOAN_POINTS:
            rows.issue("detail", f"hoãn thi hành án cần điểm hoãn a-h ở cột chi_tiet (nhận được '{detail}')")
            return None
        return detail.lower()
    if kind == "phan_cong":
        if detail not in officer_codes:
            rows.issue("detail", f"phân công cần mã chấp hành viên đã biết ở cột chi_tiet (nhận được '{detail}')")
            return None
        return detail
    if detail != "":
        rows.issue("detail", f"sự kiện {kind} không có chi tiết (cột chi_tiet phải để trống)")
        return None
    return ""


def _rate(rows: Rows, row: dict, column: str) -> Decimal | None:
    value = rows.required(row, column)
    if value is None:
        return None
    rate = Decimal(value.replace(",", ".")) if _RATE.fullmatch(value) else None
    if rate is None or not Decimal(0) <= rate <= Decimal(100):
        rows.issue("rate", f"tỷ lệ '{value}' (cột {column}) phải là số từ 0 đến 100")
        return None
    return rate.quantize(Decimal("0.01"))


def parse_targets(frame: pd.DataFrame, batch: Batch, unit_codes, officer_codes, issues: list[ImportIssue],
                  province_codes=frozenset()) -> None:
    """Fill batch.targets from chi_tieu rows, recording issues.

    A tinh target with an empty ma is the whole database's; with the code of a unit of level tinh it is that
    province's (a national database holds many).
    """
    rows = Rows("chi_tieu", frame, issues)
    seen: set = set()
    for row in rows:
        year_text = rows.required(row, "nam")
        first, last = (day.year for day in PLAUSIBLE_DAYS)
        year = int(year_text) if year_text and re.fullmatch(r"[0-9]{4}", year_text) else None
        if year is not None and not first <= year <= last:
            year = None
        if year_text and year is None:
            rows.issue("date", f"năm công tác '{year_text}' phải là năm 4 chữ số, từ {first} đến {last}")
        scope = rows.code(row, "pham_vi", codes.TARGET_SCOPES, "phạm vi chỉ tiêu")
        code = row["ma"]
        known = {"don_vi": unit_codes, "chv": officer_codes}.get(scope)
        if scope == "tinh" and code != "" and code not in province_codes:
            rows.issue("code", f"chỉ tiêu cấp tỉnh để trống cột ma hoặc ghi mã một đơn vị cấp tỉnh "
                               f"(nhận được '{code}')")
            scope = None
        elif known is not None and code not in known:
            rows.issue("code", f"mã '{code}' không tồn tại cho phạm vi {scope}")
            scope = None
        cases_rate, money_rate = _rate(rows, row, "ty_le_viec"), _rate(rows, row, "ty_le_tien")
        key = (year, scope, code)
        if None not in (year, scope, cases_rate, money_rate) and rows.unique(seen, key, "chỉ tiêu"):
            batch.targets[key] = {"year": year, "scope": scope, "code": code,
                                  "cases_rate": cases_rate, "money_rate": money_rate}
