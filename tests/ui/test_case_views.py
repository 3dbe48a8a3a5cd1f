"""The case list's choices: labels, the URL form with its refusals, the export heading and the table."""

from datetime import date

import pandas as pd
import pytest

from dashboard.ui.case_views import (
    BUCKET_LABELS, BUCKETS, CELL_LABELS, CELLS, SORT_LABELS, SORTS, ListState, from_query, heading_lines, last_page,
    filter_lines, list_table, searched, to_query,
)
from dashboard.view.filters import FilterOptions, Filters

OPTIONS = FilterOptions(years=(2027, 2026, 2025, 2024), units={"QN01": "Chi cục Hạ Long"}, today=date(2026, 11, 28))


def test_every_cell_bucket_and_sort_has_a_vietnamese_label():
    assert all(set(CELL_LABELS[chain]) == set(CELLS[chain]) for chain in ("cases", "money"))
    assert set(BUCKET_LABELS) == set(BUCKETS) and set(SORT_LABELS) == set(SORTS)
    assert CELL_LABELS["cases"]["enforceable"] == "Có điều kiện"
    assert CELL_LABELS["cases"]["completed"] == "Thi hành xong (xong + đình chỉ)"
    assert CELL_LABELS["money"]["completed"] == "Thi hành xong (xong + đình chỉ + giảm)"
    assert CELL_LABELS["money"]["reduced"] == "Giảm" and "reduced" not in CELL_LABELS["cases"]
    assert [BUCKET_LABELS[bucket] for bucket in BUCKETS] == [
        "Đang thi hành", "Hoãn điểm c", "Chưa có điều kiện", "Xong", "Đình chỉ", "Ủy thác", "Hủy quyết định"]


def test_the_url_round_trips():
    state = ListState(cell="carried", buckets=("in_progress", "deferred_c"), min_age_days=30, max_age_days=900,
                      min_remaining=1_000_000, max_remaining=50_000_000, sort="age_days", descending=False, page=3)
    query = to_query(state)
    assert query == {"o": "carried", "trang_thai": "in_progress,deferred_c", "tuoi_tu": "30", "tuoi_den": "900",
                     "con_lai_tu": "1000000", "con_lai_den": "50000000", "sap_xep": "age_days", "giam_dan": "0",
                     "trang": "3"}
    assert from_query(query) == (state, [])
    money = ListState(chain="money", cell="reduced", sort="value")
    assert to_query(money) == {"chuoi": "tien", "o": "reduced", "sap_xep": "value"}
    assert from_query(to_query(money)) == (money, [])


def test_only_a_money_list_sorts_by_its_share_or_lists_reductions():
    assert "value" in ListState(chain="money").sorts() and "value" not in ListState().sorts()
    for query, shown in (({"sap_xep": "value"}, "sap_xep='value'"), ({"o": "reduced"}, "o='reduced'"),
                         ({"chuoi": "money"}, "chuoi='money'")):
        state, notices = from_query(query)
        assert state == ListState() and notices[0].startswith(f"Đường link có {shown} không hợp lệ")


def test_defaults_stay_out_of_the_url_except_the_cell():
    assert to_query(ListState()) == {"o": "caseload"}
    assert from_query({}) == (ListState(), [])
    assert from_query({"nam": "2024", "tuoi_tu": "", "trang_thai": ""}) == (ListState(), [])


def test_buckets_keep_the_chain_order_whatever_the_url_order():
    assert from_query({"trang_thai": "done,in_progress"})[0].buckets == ("in_progress", "done")


@pytest.mark.parametrize(("query", "shown"), [
    ({"o": "xong"}, "o='xong'"),
    ({"trang_thai": "in_progress,lost"}, "trang_thai='in_progress,lost'"),
    ({"tuoi_tu": "-5"}, "tuoi_tu='-5'"),
    ({"con_lai_den": "1e9"}, "con_lai_den='1e9'"),
    ({"sap_xep": "decided_on; drop table cases"}, "sap_xep='decided_on; drop table cases'"),
    ({"giam_dan": "yes"}, "giam_dan='yes'"),
    ({"trang": "0"}, "trang='0'"),
])
def test_a_wrong_value_falls_back_to_the_default_with_a_notice(query, shown):
    state, notices = from_query(query)
    assert state == ListState()
    assert len(notices) == 1
    assert notices[0].startswith(f"Đường link có {shown} không hợp lệ; đang hiển thị ")


def test_a_refused_value_leaves_the_others_in_place():
    state, notices = from_query({"o": "done", "trang": "abc", "sap_xep": "code"})
    assert state == ListState(cell="done", sort="code")
    assert notices == ["Đường link có trang='abc' không hợp lệ; đang hiển thị trang 1."]


def test_pages_hold_fifty_cases():
    assert [last_page(total) for total in (0, 1, 50, 51, 3348)] == [1, 1, 1, 2, 67]
    assert ListState(page=3).offset == 100


def test_the_export_heading_names_the_scope_the_cell_and_every_filter():
    filters = Filters(2024, "2023-12-31", unit="QN01", group="ngan_sach")
    state = ListState(cell="enforceable", buckets=("in_progress", "deferred_c"), min_age_days=365,
                      max_remaining=2_500_000, sort="decided_on", descending=False)
    assert heading_lines(state, filters, OPTIONS) == [
        "Danh sách việc",
        "Chi cục Hạ Long, nhóm thu ngân sách nhà nước; từ 01/10/2023 đến hết 31/12/2023",
        "Dòng số liệu: Có điều kiện (về việc)",
        "Tình trạng: đang thi hành, hoãn điểm c",
        "Số ngày từ ngày ra quyết định: từ 365 ngày trở lên",
        "Số tiền còn lại: đến 2.500.000 đồng",
        "Sắp xếp theo: ngày quyết định (tăng dần)",
    ]
    assert heading_lines(ListState(min_age_days=30, max_age_days=1200), Filters(2024, "2023-12-31"), OPTIONS)[2:] == [
        "Dòng số liệu: Tổng số thụ lý (về việc)",
        "Số ngày từ ngày ra quyết định: từ 30 đến 1.200 ngày",
        "Sắp xếp theo: số tiền còn lại (giảm dần)",
    ]


def test_the_table_names_units_officers_and_codes_in_vietnamese():
    frame = pd.DataFrame({
        "code": ["V1", "V2"], "decision_no": ["12/QĐ", "13/QĐ"], "decided_on": [date(2023, 2, 5), date(2022, 11, 30)],
        "unit_code": ["QN01", "QN09"], "officer_code": ["CHV1", None], "judgment_type": ["hinh_su", "dan_su"],
        "mode": ["chu_dong", "theo_don"], "amount": [5_000_000, 700], "bucket": ["deferred_c", "done"],
        "remaining": [4_000_000, 0], "age_days": [329, 396], "value": [1_000_000, 700],
        "debtor": ["Lê Văn Tám", None], "creditor": ["Ngân hàng A", None], "judgment_no": ["05/2022/HS-ST", None],
        "court": ["TAND tỉnh Quảng Ninh", None],
    })
    table = list_table(frame, {"QN01": "Chi cục Thi hành án dân sự Hạ Long"}, {"CHV1": "Nguyễn Văn An"})
    assert table.to_dict("records") == [
        {"Mã việc": "V1", "Số quyết định": "12/QĐ", "Người phải thi hành án": "Lê Văn Tám",
         "Người được thi hành án": "Ngân hàng A", "Bản án số": "05/2022/HS-ST", "Tòa án": "TAND tỉnh Quảng Ninh",
         "Ngày quyết định": date(2023, 2, 5),
         "Đơn vị": "Chi cục THADS Hạ Long", "Chấp hành viên": "Nguyễn Văn An", "Loại án": "Hình sự",
         "Hình thức": "Chủ động",
         "Phải thi hành (đồng)": 5_000_000, "Còn lại (đồng)": 4_000_000, "Tình trạng": "Hoãn điểm c",
         "Số ngày từ quyết định": 329},
        {"Mã việc": "V2", "Số quyết định": "13/QĐ", "Người phải thi hành án": "", "Người được thi hành án": "",
         "Bản án số": "", "Tòa án": "", "Ngày quyết định": date(2022, 11, 30), "Đơn vị": "QN09",
         "Chấp hành viên": "Chưa phân công", "Loại án": "Dân sự", "Hình thức": "Theo đơn",
         "Phải thi hành (đồng)": 700, "Còn lại (đồng)": 0, "Tình trạng": "Xong", "Số ngày từ quyết định": 396},
    ]


def test_a_money_list_shows_each_cases_share_of_the_cell():
    frame = pd.DataFrame({
        "code": ["V1"], "decision_no": ["12/QĐ"], "decided_on": [date(2023, 2, 5)], "unit_code": ["QN01"],
        "officer_code": ["CHV1"], "judgment_type": ["hinh_su"], "mode": ["chu_dong"], "amount": [5_000_000],
        "bucket": ["in_progress"], "remaining": [4_000_000], "age_days": [329], "value": [1_000_000],
        "debtor": [None], "creditor": [None], "judgment_no": [None], "court": [None],
    })
    table = list_table(frame, {}, {}, chain="money")
    assert list(table.columns[11:14]) == ["Phải thi hành (đồng)", "Tính vào chỉ tiêu (đồng)", "Còn lại (đồng)"]
    assert table["Tính vào chỉ tiêu (đồng)"].tolist() == [1_000_000]
    assert "Tính vào chỉ tiêu (đồng)" not in list_table(frame, {}, {}).columns


def test_the_export_heading_names_the_officer_and_the_money_cell():
    options = FilterOptions(years=(2024,), units={"QN01": "Chi cục Hạ Long"}, today=date(2026, 11, 28),
                            officers={"CHV1": "Nguyễn Văn An"}, officer_units={"CHV1": "QN01"})
    lines = heading_lines(ListState(chain="money", cell="done"), Filters(2024, "2023-12-31", "QN01", "CHV1"), options)
    assert lines[1:3] == ["Chi cục Hạ Long, chấp hành viên Nguyễn Văn An; từ 01/10/2023 đến hết 31/12/2023",
                          "Dòng số liệu: Xong (về tiền)"]


def test_a_search_is_read_from_the_url_written_back_and_named_in_the_export_heading():
    state, notices = from_query({"tim": "  Hải Long "})
    assert (state.search, notices) == ("Hải Long", [])
    assert to_query(state)["tim"] == "Hải Long"
    assert "Tìm: Hải Long" in filter_lines(state)
    assert state.narrow().search == "Hải Long" and ListState().narrow().search is None
    refused, notices = from_query({"tim": "a\x00b"})
    assert refused.search == "" and notices[0].startswith("Đường link có tim=")


@pytest.mark.parametrize("text, wanted", [
    ("  Công ty TNHH Hải Long\t", "Công ty TNHH Hải Long"),
    ("Hải\tLong", "Hải\tLong"),
    ("Hải\u202eLong", None),
    ("Hải\u2066Long", None),
    ("Hải\u2028Long", None),
    ("Hải\nLong", None),
    ("x" * 100, "x" * 100),
    ("x" * 101, None),
])
def test_a_search_refuses_what_an_import_refuses_in_a_name(text, wanted):
    assert searched(text) == wanted
