"""A case told in Vietnamese: its fields, its events, its state and its money over time."""

import pandas as pd

from data_access import codes
from data_access.queries.case_detail import case_detail
from data_access.queries.viewing import Reader
from dashboard.metrics.formatting import format_count, format_date

EVENT_LABELS = {
    "thu_tien": "Thu tiền",
    "giam": "Giảm nghĩa vụ thi hành án",
    "xong": "Thi hành xong",
    "dinh_chi": "Đình chỉ thi hành án",
    "uy_thac": "Ủy thác thi hành án",
    "huy_quyet_dinh": "Hủy quyết định thi hành án",
    "co_dieu_kien": "Xác định có điều kiện thi hành",
    "chua_co_dieu_kien": "Xác định chưa có điều kiện thi hành",
    "hoan": "Hoãn thi hành án",
    "tam_dinh_chi": "Tạm đình chỉ thi hành án",
    "tiep_tuc": "Tiếp tục thi hành án",
    "xac_minh": "Xác minh điều kiện thi hành án",
    "vao_so_rieng": "Chuyển sổ theo dõi riêng",
    "ra_so_rieng": "Khôi phục từ sổ theo dõi riêng",
    "phan_cong": "Phân công chấp hành viên",
}
# What the case page writes for an optional column the export did not carry.
NOT_GIVEN = "Không có trong dữ liệu"
TIMELINE_COLUMNS = ("Ngày", "Sự kiện", "Số tiền (đồng)", "Chi tiết")
MONEY_COLUMNS = ("day", "collected", "reduced", "remaining")


def find_case(reader: Reader, code: str) -> dict | None:
    """Return the stored case of that code (see data_access.queries.case_detail), or None when there is none;
    NotPermitted when it lies outside the reader's scope."""
    return case_detail(reader, code)


def money_text(dong: int) -> str:
    """Return an amount in đồng written out: 40000000 -> "40.000.000 đồng"."""
    return f"{format_count(dong)} đồng"


def officer_text(code: str, names: dict[str, str]) -> str:
    """Return an officer as "name (code)", or the bare code when the name is unknown."""
    return f"{names[code]} ({code})" if code in names else code


def event_detail(event: dict, names: dict[str, str]) -> str:
    """Return what an event's detail means: "điểm c" for a deferral, the new officer for a reassignment, else ""."""
    if event["kind"] == "hoan":
        return f"điểm {event['detail']}"
    if event["kind"] == "phan_cong":
        return officer_text(event["detail"], names)
    return ""


def event_description(event: dict, names: dict[str, str]) -> str:
    """Return one event as a Vietnamese phrase: "Thu tiền 40.000.000 đồng", "Hoãn thi hành án (điểm c)"."""
    label = EVENT_LABELS[event["kind"]]
    if event["kind"] in codes.MONEY_EVENTS:
        return f"{label} {money_text(event['amount'])}"
    if event["kind"] == "phan_cong":
        return f"{label} {event_detail(event, names)}"
    if event["kind"] == "hoan":
        return f"{label} ({event_detail(event, names)})"
    return label


def state_label(status: str) -> str:
    """Return the Vietnamese name of a stored case state: "in_progress" -> "đang thi hành"."""
    return codes.STATE_LABELS[status]


def field_table(detail: dict) -> pd.DataFrame:
    """Return the case's fields as rows of (Thông tin, Nội dung), every value written in Vietnamese."""
    names = detail["officer_names"]
    groups = ", ".join(codes.GROUPS[group] for group in detail["groups"]) or "Không thuộc nhóm nào"
    if detail["exit_kind"]:
        ended = f"{EVENT_LABELS[detail['exit_kind']]} ngày {format_date(detail['exit_on'])}"
    else:
        ended = "Chưa kết thúc"
    rows = (
        ("Mã việc", detail["code"]),
        ("Số quyết định thi hành án", detail["decision_no"]),
        ("Ngày ra quyết định (thụ lý)", format_date(detail["decided_on"])),
        ("Đơn vị", f"{detail['unit_name']} ({detail['unit_code']})"),
        ("Chấp hành viên khi thụ lý", officer_text(detail["officer_code"], names)),
        ("Loại bản án", codes.JUDGMENT_TYPES[detail["judgment_type"]]),
        ("Hình thức thụ lý", codes.MODES[detail["mode"]]),
        ("Người phải thi hành án", detail["debtor"] or NOT_GIVEN),
        ("Người được thi hành án", detail["creditor"] or NOT_GIVEN),
        ("Bản án, quyết định số", detail["judgment_no"] or NOT_GIVEN),
        ("Tòa án", detail["court"] or NOT_GIVEN),
        ("Số tiền phải thi hành", money_text(detail["amount"])),
        ("Nhóm việc", groups),
        ("Kết thúc", ended),
    )
    return pd.DataFrame(rows, columns=["Thông tin", "Nội dung"])


def current_state(detail: dict) -> dict:
    """Return the case's latest state: status (label), since (dd/mm/yyyy), officer, collected, reduced, remaining."""
    last = detail["spans"][-1]
    return {
        "status": state_label(last["status"]),
        "since": format_date(last["valid_from"]),
        "officer": officer_text(last["officer_code"], detail["officer_names"]),
        "collected": last["collected"],
        "reduced": last["reduced"],
        "remaining": detail["amount"] - last["collected"] - last["reduced"],
    }


def timeline_table(detail: dict) -> pd.DataFrame:
    """Return the events in applied order as text: Ngày (dd/mm/yyyy), Sự kiện, Số tiền (đồng) or "", Chi tiết."""
    names = detail["officer_names"]
    rows = [(format_date(event["occurred_on"]), EVENT_LABELS[event["kind"]],
             "" if event["amount"] is None else format_count(event["amount"]), event_detail(event, names))
            for event in detail["events"]]
    return pd.DataFrame(rows, columns=list(TIMELINE_COLUMNS))


def latest_event(detail: dict) -> str | None:
    """Return the last event as "dd/mm/yyyy: description", or None for a case without events."""
    if not detail["events"]:
        return None
    event = detail["events"][-1]
    return f"{format_date(event['occurred_on'])}: {event_description(event, detail['officer_names'])}"


def money_frame(detail: dict) -> pd.DataFrame:
    """Return one row per state span start: day, collected, reduced, remaining (amount - collected - reduced)."""
    rows = [(span["valid_from"], span["collected"], span["reduced"],
             detail["amount"] - span["collected"] - span["reduced"]) for span in detail["spans"]]
    return pd.DataFrame(rows, columns=list(MONEY_COLUMNS))
