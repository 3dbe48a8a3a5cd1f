"""One stored case read back whole (fields, groups, events in applied order, spans), and told in Vietnamese."""

from datetime import date

import pytest

from data_access import codes
from data_access.exchange.importer import import_tables
from data_access.exchange.timeline import OPEN_END
from data_access.queries.case_detail import case_detail
from dashboard.ui.case_story import (
    EVENT_LABELS, current_state, event_description, field_table, find_case, latest_event, money_frame, state_label,
    timeline_table,
)
from tests.support.builders import case, ev, tables
from tests.support.readers import operator

CASES = (
    case("V1", "2023-10-05", 100_000_000, groups="tin_dung|ngan_sach", judgment="hinh_su", mode="theo_don"),
    case("V2", "2024-01-10", 5_000_000, unit="H02", officer="C04"),
)
# In file order, not in applied order: the importer orders them by day, then by the day order of domain.md.
EVENTS = (
    ev("V1", "2024-03-01", "xong"),
    ev("V1", "2023-11-20", "thu_tien", 40_000_000),
    ev("V1", "2023-11-20", "phan_cong", detail="C03"),
    ev("V1", "2024-01-15", "hoan", detail="c"),
    ev("V1", "2024-02-01", "giam", 10_000_000),
    ev("V1", "2024-02-01", "tiep_tuc"),
)


@pytest.fixture
def stored(db):
    """Return the db fixture holding two cases of the default province."""
    import_tables(db, tables(cases=CASES, events=EVENTS))
    return db


def test_a_case_comes_back_with_every_field_and_its_groups(stored):
    detail = case_detail(operator(stored), "V1")
    fields = {key: value for key, value in detail.items() if key not in ("events", "spans")}
    assert fields == {
        "code": "V1", "decision_no": "V1/QĐ-THADS", "decided_on": date(2023, 10, 5),
        "unit_code": "H01", "unit_name": "Chi cục THADS huyện Đông",
        "officer_code": "C02", "officer_name": "Trần Thị Bình",
        "judgment_type": "hinh_su", "mode": "theo_don", "amount": 100_000_000,
        "debtor": None, "creditor": None, "judgment_no": None, "court": None,
        "groups": ["ngan_sach", "tin_dung"], "exit_on": date(2024, 3, 1), "exit_kind": "xong",
        "officer_names": {"C02": "Trần Thị Bình", "C03": "Lê Văn Cường"},
    }


def test_events_come_in_applied_order_and_spans_carry_the_cumulative_money(stored):
    detail = case_detail(operator(stored), "V1")
    assert detail["events"] == [
        {"occurred_on": date(2023, 11, 20), "kind": "phan_cong", "amount": None, "detail": "C03"},
        {"occurred_on": date(2023, 11, 20), "kind": "thu_tien", "amount": 40_000_000, "detail": ""},
        {"occurred_on": date(2024, 1, 15), "kind": "hoan", "amount": None, "detail": "c"},
        {"occurred_on": date(2024, 2, 1), "kind": "tiep_tuc", "amount": None, "detail": ""},
        {"occurred_on": date(2024, 2, 1), "kind": "giam", "amount": 10_000_000, "detail": ""},
        {"occurred_on": date(2024, 3, 1), "kind": "xong", "amount": None, "detail": ""},
    ]
    assert [tuple(span.values()) for span in detail["spans"]] == [
        (date(2023, 10, 5), date(2023, 11, 20), "in_progress", "C02", 0, 0),
        (date(2023, 11, 20), date(2024, 1, 15), "in_progress", "C03", 40_000_000, 0),
        (date(2024, 1, 15), date(2024, 2, 1), "deferred_c", "C03", 40_000_000, 0),
        (date(2024, 2, 1), date(2024, 3, 1), "in_progress", "C03", 40_000_000, 10_000_000),
        (date(2024, 3, 1), OPEN_END, "done", "C03", 40_000_000, 10_000_000),
    ]
    assert list(detail["spans"][0]) == ["valid_from", "valid_to", "status", "officer_code", "collected", "reduced"]


def test_a_case_without_events_has_one_open_span(stored):
    detail = case_detail(operator(stored), "V2")
    assert (detail["unit_name"], detail["officer_name"], detail["groups"]) == ("Chi cục THADS huyện Tây",
                                                                               "Phạm Thị Dung", [])
    assert (detail["exit_on"], detail["exit_kind"], detail["events"]) == (None, None, [])
    assert [tuple(span.values()) for span in detail["spans"]] == [
        (date(2024, 1, 10), OPEN_END, "in_progress", "C04", 0, 0)]
    assert detail["officer_names"] == {"C04": "Phạm Thị Dung"}


def test_an_unknown_code_gives_none(stored):
    assert case_detail(operator(stored), "V9") is None
    assert case_detail(operator(stored), "v1") is None


# The story of a case, told from a detail dict as case_detail returns it.
DETAIL = {
    "code": "V1", "decision_no": "12/QĐ-CCTHADS", "decided_on": date(2023, 10, 5), "unit_code": "H01",
    "unit_name": "Chi cục THADS huyện Đông", "officer_code": "C02", "officer_name": "Trần Thị Bình",
    "judgment_type": "kinh_doanh_thuong_mai", "mode": "chu_dong", "amount": 100_000_000,
    "debtor": "Công ty TNHH Hải Long", "creditor": None, "judgment_no": "12/2023/KDTM-ST",
    "court": "Tòa án nhân dân tỉnh Quảng Ninh",
    "groups": ["ngan_sach", "trong_diem"], "exit_on": date(2024, 3, 1), "exit_kind": "dinh_chi",
    "events": [
        {"occurred_on": date(2023, 11, 20), "kind": "phan_cong", "amount": None, "detail": "C03"},
        {"occurred_on": date(2023, 11, 20), "kind": "thu_tien", "amount": 40_000_000, "detail": ""},
        {"occurred_on": date(2024, 1, 15), "kind": "hoan", "amount": None, "detail": "c"},
        {"occurred_on": date(2024, 2, 1), "kind": "giam", "amount": 10_000_000, "detail": ""},
        {"occurred_on": date(2024, 3, 1), "kind": "dinh_chi", "amount": None, "detail": ""},
    ],
    "spans": [
        {"valid_from": date(2023, 10, 5), "valid_to": date(2023, 11, 20), "status": "in_progress",
         "officer_code": "C02", "collected": 0, "reduced": 0},
        {"valid_from": date(2023, 11, 20), "valid_to": date(2024, 1, 15), "status": "in_progress",
         "officer_code": "C03", "collected": 40_000_000, "reduced": 0},
        {"valid_from": date(2024, 1, 15), "valid_to": date(2024, 2, 1), "status": "deferred_c",
         "officer_code": "C03", "collected": 40_000_000, "reduced": 0},
        {"valid_from": date(2024, 2, 1), "valid_to": date(2024, 3, 1), "status": "deferred_c",
         "officer_code": "C03", "collected": 40_000_000, "reduced": 10_000_000},
        {"valid_from": date(2024, 3, 1), "valid_to": OPEN_END, "status": "terminated",
         "officer_code": "C03", "collected": 40_000_000, "reduced": 10_000_000},
    ],
    "officer_names": {"C02": "Trần Thị Bình", "C03": "Lê Văn Cường"},
}
NAMES = DETAIL["officer_names"]


def test_find_case_reads_the_stored_case(stored):
    assert find_case(operator(stored), "V1") == case_detail(operator(stored), "V1")
    assert find_case(operator(stored), "KHONG-CO") is None


@pytest.mark.parametrize("event, text", [
    ({"kind": "thu_tien", "amount": 40_000_000, "detail": ""}, "Thu tiền 40.000.000 đồng"),
    ({"kind": "giam", "amount": 1_500, "detail": ""}, "Giảm nghĩa vụ thi hành án 1.500 đồng"),
    ({"kind": "hoan", "amount": None, "detail": "c"}, "Hoãn thi hành án (điểm c)"),
    ({"kind": "phan_cong", "amount": None, "detail": "C03"}, "Phân công chấp hành viên Lê Văn Cường (C03)"),
    ({"kind": "phan_cong", "amount": None, "detail": "C99"}, "Phân công chấp hành viên C99"),
    ({"kind": "vao_so_rieng", "amount": None, "detail": ""}, "Chuyển sổ theo dõi riêng"),
    ({"kind": "huy_quyet_dinh", "amount": None, "detail": ""}, "Hủy quyết định thi hành án"),
])
def test_each_event_reads_as_a_vietnamese_phrase(event, text):
    assert event_description(event, NAMES) == text


def test_every_event_kind_and_state_has_a_vietnamese_label():
    assert set(EVENT_LABELS) == set(codes.EVENT_TYPES)
    assert (state_label("deferred_c"), state_label("ledger")) == ("hoãn theo điểm c", "ở sổ theo dõi riêng")


def test_the_fields_read_as_a_two_column_vietnamese_table():
    table = field_table(DETAIL)
    assert list(table.columns) == ["Thông tin", "Nội dung"]
    assert table.values.tolist() == [
        ["Mã việc", "V1"],
        ["Số quyết định thi hành án", "12/QĐ-CCTHADS"],
        ["Ngày ra quyết định (thụ lý)", "05/10/2023"],
        ["Đơn vị", "Chi cục THADS huyện Đông (H01)"],
        ["Chấp hành viên khi thụ lý", "Trần Thị Bình (C02)"],
        ["Loại bản án", "Kinh doanh thương mại"],
        ["Hình thức thụ lý", "Chủ động"],
        ["Người phải thi hành án", "Công ty TNHH Hải Long"],
        ["Người được thi hành án", "Không có trong dữ liệu"],
        ["Bản án, quyết định số", "12/2023/KDTM-ST"],
        ["Tòa án", "Tòa án nhân dân tỉnh Quảng Ninh"],
        ["Số tiền phải thi hành", "100.000.000 đồng"],
        ["Nhóm việc", "Thu ngân sách nhà nước, Trọng điểm, số tiền lớn"],
        ["Kết thúc", "Đình chỉ thi hành án ngày 01/03/2024"],
    ]


def test_an_open_case_without_groups_says_so():
    table = field_table({**DETAIL, "groups": [], "exit_on": None, "exit_kind": None}).set_index("Thông tin")
    assert (table.loc["Nhóm việc", "Nội dung"], table.loc["Kết thúc", "Nội dung"]) == (
        "Không thuộc nhóm nào", "Chưa kết thúc")


def test_the_current_state_is_the_last_span_with_the_remaining_money():
    assert current_state(DETAIL) == {"status": "đã đình chỉ", "since": "01/03/2024",
                                     "officer": "Lê Văn Cường (C03)", "collected": 40_000_000,
                                     "reduced": 10_000_000, "remaining": 50_000_000}
    assert latest_event(DETAIL) == "01/03/2024: Đình chỉ thi hành án"
    assert latest_event({**DETAIL, "events": []}) is None


def test_the_timeline_lists_every_event_in_order_with_its_amount_and_detail():
    table = timeline_table(DETAIL)
    assert list(table.columns) == ["Ngày", "Sự kiện", "Số tiền (đồng)", "Chi tiết"]
    assert table.values.tolist() == [
        ["20/11/2023", "Phân công chấp hành viên", "", "Lê Văn Cường (C03)"],
        ["20/11/2023", "Thu tiền", "40.000.000", ""],
        ["15/01/2024", "Hoãn thi hành án", "", "điểm c"],
        ["01/02/2024", "Giảm nghĩa vụ thi hành án", "10.000.000", ""],
        ["01/03/2024", "Đình chỉ thi hành án", "", ""],
    ]
    assert timeline_table({**DETAIL, "events": []}).empty


def test_the_money_frame_has_one_row_per_state_start():
    frame = money_frame(DETAIL)
    assert list(frame.columns) == ["day", "collected", "reduced", "remaining"]
    assert frame.values.tolist() == [
        [date(2023, 10, 5), 0, 0, 100_000_000],
        [date(2023, 11, 20), 40_000_000, 0, 60_000_000],
        [date(2024, 1, 15), 40_000_000, 0, 60_000_000],
        [date(2024, 2, 1), 40_000_000, 10_000_000, 50_000_000],
        [date(2024, 3, 1), 40_000_000, 10_000_000, 50_000_000],
    ]
