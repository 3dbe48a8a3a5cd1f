"""The case list page, run by AppTest against a generated province on both engines."""

from datetime import date

import pytest
import streamlit as st

from data_access.queries.case_list import CELLS, CaseFilter, case_list
from data_access.queries.lookups import dimension_names
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_count, format_money_short
from dashboard.metrics.periods import window_ending
from dashboard.ui.case_views import ListState, heading_lines
from dashboard.view.filters import FilterOptions, Filters
from tests.pages.support import notices, read_download, run_page, select, trail
from tests.support.readers import operator

END = date(2023, 12, 31)
END_OF_Q1_2024 = {"nam": "2024", "den": "2023-12-31"}


def _total(app) -> str:
    return app.subheader[0].value


def _codes(app) -> list[str]:
    return list(app.dataframe[0].value["Mã việc"])


def _expected(engine, scope=Scope(), *, offset=0, limit=50, **options):
    return case_list(operator(engine), window_ending(END).start, END, scope, offset=offset, limit=limit, **options)


def test_every_cell_shows_as_many_cases_as_the_chain_counts(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024)
    assert not app.exception
    chain = chain_report(operator(app_engine), END)["cases"]
    assert chain["enforceable"] > 100
    for cell in CELLS["cases"]:
        app = app.selectbox(key="cases.cell").set_value(cell).run()
        if chain[cell]:
            assert _total(app) == f"{format_count(chain[cell])} việc", cell
        else:
            assert app.info[0].value.startswith("Không có việc nào khớp"), cell


@pytest.mark.parametrize(("query", "scope"), [
    ({"don_vi": "QN02"}, Scope(unit="QN02")),
    ({"nhom": "ngan_sach"}, Scope(group="ngan_sach")),
    ({"hinh_thuc": "chu_dong", "loai": "dan_su"}, Scope(mode="chu_dong", judgment_type="dan_su")),
])
def test_a_scoped_list_agrees_with_the_scoped_chain(app_engine, query, scope):
    chain = chain_report(operator(app_engine), END, scope)["cases"]
    for cell in ("caseload", "enforceable", "completed", "carried"):
        app = run_page("danh_sach_viec", END_OF_Q1_2024 | query | {"o": cell})
        assert _total(app) == f"{format_count(chain[cell])} việc", cell
        assert _codes(app) == list(_expected(app_engine, scope, cell=cell)[0]["code"])
        st.cache_data.clear()


def test_the_first_page_holds_fifty_rows_as_the_database_sorts_them(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"o": "enforceable"})
    rows, total, _ = _expected(app_engine, cell="enforceable")
    table = app.dataframe[0].value
    assert len(table) == 50
    assert list(table["Mã việc"]) == list(rows["code"])
    assert list(table["Còn lại (đồng)"]) == list(rows["remaining"])
    assert list(table["Số ngày từ quyết định"]) == list(rows["age_days"])
    assert table["Ngày quyết định"][0] == rows["decided_on"][0]
    assert app.caption[0].value.startswith(f"Đang xem việc thứ 1–50, trang 1/{format_count(-(-total // 50))}.")


def test_buckets_sort_and_paging_change_the_rows_as_the_list_says(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024)
    app = app.multiselect(key="cases.buckets").set_value(["in_progress", "not_enforceable"]).run()
    narrow = CaseFilter(buckets=("in_progress", "not_enforceable"))
    rows, total, _ = _expected(app_engine, narrow=narrow)
    assert _total(app) == f"{format_count(total)} việc" and _codes(app) == list(rows["code"])
    assert set(app.dataframe[0].value["Tình trạng"]) == {"Đang thi hành", "Chưa có điều kiện"}
    app = app.selectbox(key="cases.sort").set_value("age_days").run()
    app = app.selectbox(key="cases.descending").set_value(False).run()
    assert _codes(app) == list(_expected(app_engine, narrow=narrow, sort="age_days", descending=False)[0]["code"])
    app = app.button(key="cases.next").click().run()
    assert app.number_input(key="cases.page").value == 2
    assert _codes(app) == list(_expected(app_engine, narrow=narrow, sort="age_days", descending=False,
                                         offset=50)[0]["code"])
    app = app.number_input(key="cases.page").set_value(4).run()
    assert _codes(app) == list(_expected(app_engine, narrow=narrow, sort="age_days", descending=False,
                                         offset=150)[0]["code"])
    # A new filter starts again from the first page.
    app = app.number_input(key="cases.min_remaining").set_value(1_000_000).run()
    assert app.number_input(key="cases.page").value == 1
    narrower = CaseFilter(buckets=narrow.buckets, min_remaining=1_000_000)
    rows, total, _ = _expected(app_engine, narrow=narrower, sort="age_days", descending=False)
    assert _total(app) == f"{format_count(total)} việc" and _codes(app) == list(rows["code"])
    assert min(app.dataframe[0].value["Còn lại (đồng)"]) >= 1_000_000


def test_the_url_reproduces_the_view(app_engine):
    first = run_page("danh_sach_viec", END_OF_Q1_2024)
    first = select(first, "filters.unit", "QN01")
    first = first.selectbox(key="cases.cell").set_value("carried").run()
    first = first.number_input(key="cases.min_age_days").set_value(200).run()
    first = first.selectbox(key="cases.sort").set_value("code").run()
    first = first.button(key="cases.next").click().run()
    query = dict(first.query_params)
    assert query == {"nam": "2024", "den": "2023-12-31", "don_vi": "QN01", "o": "carried", "tuoi_tu": "200",
                     "sap_xep": "code", "trang": "2"}
    st.cache_data.clear()
    second = run_page("danh_sach_viec", query)
    assert _codes(second) == _codes(first)
    assert _codes(second) == list(_expected(app_engine, Scope(unit="QN01"), cell="carried", sort="code", offset=50,
                                            narrow=CaseFilter(min_age_days=200))[0]["code"])
    assert second.selectbox(key="cases.cell").value == "carried"
    assert second.number_input(key="cases.min_age_days").value == 200
    assert second.number_input(key="cases.page").value == 2


def test_a_wrong_url_value_falls_back_with_a_notice(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"o": "xong", "trang": "-1", "nhom": "ngan_sach"})
    assert not app.exception
    assert notices(app) == [
        "Đường link có o='xong' không hợp lệ; đang hiển thị dòng tổng số thụ lý.",
        "Đường link có trang='-1' không hợp lệ; đang hiển thị trang 1.",
    ]
    chain = chain_report(operator(app_engine), END, Scope(group="ngan_sach"))["cases"]
    assert _total(app) == f"{format_count(chain['caseload'])} việc"
    assert dict(app.query_params) == {"nam": "2024", "den": "2023-12-31", "nhom": "ngan_sach", "o": "caseload"}


def test_a_page_beyond_the_last_shows_the_last(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"o": "completed", "trang": "999"})
    rows, total, _ = _expected(app_engine, cell="completed", limit=100_000)
    last = -(-total // 50)
    assert app.number_input(key="cases.page").value == last
    assert _codes(app) == list(rows["code"][(last - 1) * 50:])
    assert app.query_params["trang"] == str(last)


def test_the_export_holds_the_heading_and_every_matching_case(app_engine, downloads):
    query = END_OF_Q1_2024 | {"nhom": "ngan_sach", "o": "enforceable", "trang_thai": "in_progress,deferred_c",
                              "sap_xep": "decided_on", "giam_dan": "0"}
    app = run_page("danh_sach_viec", query)
    state = ListState(cell="enforceable", buckets=("in_progress", "deferred_c"), sort="decided_on",
                      descending=False)
    lines = heading_lines(state, Filters(2024, "2023-12-31", group="ngan_sach"), FilterOptions((), {}, END))
    assert lines[1:4] == ["Toàn tỉnh, nhóm thu ngân sách nhà nước; từ 01/10/2023 đến hết 31/12/2023",
                          "Dòng số liệu: Có điều kiện (về việc)", "Tình trạng: đang thi hành, hoãn điểm c"]
    # Nothing is fetched or written until a button is clicked; each click writes its own file.
    assert downloads["csv"] == downloads["xlsx"] == [] and len(downloads["clicks"]) == 2
    for click in downloads["clicks"]:
        click()
    heading, from_csv, from_excel = read_download(downloads, len(lines))
    assert heading == lines
    rows, total, _ = _expected(app_engine, Scope(group="ngan_sach"), cell="enforceable", narrow=state.narrow(),
                            sort="decided_on", descending=False, limit=100_000)
    assert total > 50 and len(from_csv) == total == len(from_excel)
    assert list(from_csv["Mã việc"]) == list(rows["code"]) == list(from_excel["Mã việc"])
    assert list(from_csv["Còn lại (đồng)"]) == list(rows["remaining"])
    # Dates are dates in Excel (sortable there) and dd/mm/yyyy in the CSV.
    assert list(from_excel["Ngày quyết định"].dt.date) == list(rows["decided_on"])
    assert from_csv["Ngày quyết định"][0] == rows["decided_on"][0].strftime("%d/%m/%Y")
    assert not app.warning


def test_an_empty_list_shows_a_message_instead_of_a_table(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"tuoi_tu": "100000"})
    assert not app.exception
    assert app.info[0].value == ("Không có việc nào khớp với chỉ tiêu và bộ lọc đã chọn. Hãy chọn chỉ tiêu, "
                                 "tình trạng hoặc giới hạn khác ở trên, hoặc phạm vi và kỳ báo cáo khác ở thanh "
                                 "bên trái.")
    assert len(app.dataframe) == 0 and len(app.get("download_button")) == 0
    app = app.number_input(key="cases.min_age_days").set_value(None).run()
    assert _total(app) == f"{format_count(chain_report(operator(app_engine), END)['cases']['caseload'])} việc"


def test_a_url_changed_from_outside_wins_over_the_widgets(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"o": "carried"})
    app = app.selectbox(key="cases.sort").set_value("code").run()
    assert dict(app.query_params) == END_OF_Q1_2024 | {"o": "carried", "sap_xep": "code"}
    # The browser's back button brings the previous URL back while the widgets still hold the newer choice.
    app.query_params.pop("sap_xep")
    app = app.run()
    assert app.selectbox(key="cases.sort").value == "remaining"
    assert _codes(app) == list(_expected(app_engine, cell="carried")[0]["code"])
    assert dict(app.query_params) == END_OF_Q1_2024 | {"o": "carried"}


def test_every_money_cell_lists_cases_whose_shares_add_up_to_the_chain(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"chuoi": "tien"})
    assert not app.exception
    chain = chain_report(operator(app_engine), END)["money"]
    for cell in CELLS["money"]:
        app = app.selectbox(key="cases.cell").set_value(cell).run()
        rows, total, value = _expected(app_engine, cell=cell, chain="money")
        assert value == chain[cell], cell
        if not total:
            assert app.info[0].value.startswith("Không có việc nào khớp"), cell
            continue
        assert _total(app) == f"{format_count(total)} việc, {format_money_short(value)}", cell
        assert app.caption[0].value.startswith(f"{format_count(value)} đồng: ")
        table = app.dataframe[0].value
        assert list(table["Tính vào chỉ tiêu (đồng)"]) == list(rows["value"])
    assert app.selectbox(key="cases.cell").value == "carried"
    # Back to the chain về việc: "giảm" and the share sort exist only for money, so they fall back.
    app = app.selectbox(key="cases.cell").set_value("reduced").run()
    app = app.selectbox(key="cases.sort").set_value("value").run()
    app = app.selectbox(key="cases.chain").set_value("cases").run()
    assert app.selectbox(key="cases.cell").value == "caseload"
    assert app.selectbox(key="cases.sort").value == "remaining"
    assert _total(app) == f"{format_count(chain_report(operator(app_engine), END)['cases']['caseload'])} việc"


def test_an_officers_list_holds_the_cases_the_chain_gives_that_officer(app_engine):
    officer = chain_report(operator(app_engine), END, Scope(unit="QN02"), by="officer")["rows"][0]
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"don_vi": "QN02", "chv": officer["key"], "o": "enforceable"})
    assert not app.exception
    assert _total(app) == f"{format_count(officer['cases']['enforceable'])} việc"
    scope = Scope(unit="QN02", officer=officer["key"])
    assert _codes(app) == list(_expected(app_engine, scope, cell="enforceable")[0]["code"])
    assert set(app.dataframe[0].value["Chấp hành viên"]) == {officer["name"]}
    assert app.sidebar.selectbox(key="filters.officer").value == officer["key"]
    assert trail(app)[-1] == ("Danh sách việc", None)
    assert [label for label, _ in trail(app)][:3] == ["Toàn tỉnh", dimension_names(operator(app_engine),
                                                                                   "unit")["QN02"],
                                                      officer["name"]]


def test_the_search_box_finds_a_case_by_its_code_within_the_filters(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024)
    code = app.dataframe[0].value["Mã việc"].iloc[0]
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"tim": code.lower()})
    assert not app.exception
    assert _total(app) == "1 việc"
    assert app.dataframe[0].value["Mã việc"].tolist() == [code]
    assert app.text_input(key="cases.search").value == code.lower()


def test_a_search_text_too_long_is_refused_with_a_notice(app_engine):
    app = run_page("danh_sach_viec", END_OF_Q1_2024 | {"tim": "x" * 101})
    assert not app.exception
    assert any(notice.startswith("Đường link có tim='xxxx") for notice in notices(app))
