"""The Cảnh báo page, run by AppTest against a generated province on both engines: its warnings open lists of as
many cases, its watch is the engine's, and the data-trust panel holds."""

from datetime import date

from data_access.queries.lookups import dimension_names
from data_access.queries.watch_queries import downgrade_list
from dashboard.metrics.formatting import format_count
from dashboard.metrics.watch import watch_report
from tests.pages.support import count_cards, notices, run_page
from tests.support.readers import operator

END = date(2024, 3, 31)
QUERY = {"nam": "2024", "den": "2024-03-31"}


def test_each_warning_opens_a_list_of_as_many_cases(app_engine):
    app = run_page("canh_bao", QUERY)
    assert not app.exception
    cards = count_cards(app)
    warnings = [card for card in cards if card[2]]
    assert [label for label, _, _ in warnings] == ["Việc lớn không thu được tiền trên 90 ngày",
                                                  "Lâu không có tác nghiệp (trên 180 ngày)", "Quá hạn xác minh"]
    for label, count, query in warnings:
        assert run_page("danh_sach_viec", query).subheader[0].value == f"{count} việc", label


def test_the_watch_is_the_engines_with_its_list_of_downgrades(app_engine):
    app = run_page("canh_bao", QUERY)
    watch = watch_report(operator(app_engine), END)
    shown = {label: count for label, count, query in count_cards(app) if not query}
    assert shown == {"Chuyển sang chưa có điều kiện": format_count(watch["downgrades"]),
                     "Trong 7 ngày cuối tháng": format_count(watch["late"]),
                     "Quay lại có điều kiện trong 30 ngày": format_count(watch["bounce_backs"])}
    assert watch["downgrades"] > watch["late"] > 0
    by_unit = watch_report(operator(app_engine), END, by="unit")["rows"]
    table = next(frame for frame in app.dataframe if "Đơn vị" in frame.value.columns
                 and "Chuyển sang chưa có điều kiện" in frame.value.columns).value
    assert sorted(table["Chuyển sang chưa có điều kiện"]) == sorted(row["downgrades"] for row in by_unit)
    rows, total = downgrade_list(operator(app_engine), date(2023, 10, 1), END)
    assert total == watch["downgrades"]
    listed = next(frame.value for frame in app.dataframe if "Ngày chuyển" in frame.value.columns)
    assert list(listed["Mã việc"]) == list(rows["code"][:50])
    app = app.number_input(key="alerts.watch_page").set_value(2).run()
    assert app.query_params["trang_chuyen"] == "2"
    listed = next(frame.value for frame in app.dataframe if "Ngày chuyển" in frame.value.columns)
    assert list(listed["Mã việc"]) == list(rows["code"][50:100])
    app = app.radio(key="alerts.watch_list").set_value("late").run()
    assert app.query_params["ds"] == "cuoi_thang" and "trang_chuyen" not in app.query_params
    late, late_total = downgrade_list(operator(app_engine), date(2023, 10, 1), END, which="late")
    listed = next(frame.value for frame in app.dataframe if "Ngày chuyển" in frame.value.columns)
    assert late_total == watch["late"] and list(listed["Mã việc"]) == list(late["code"][:50])
    assert set(listed["Trong 7 ngày cuối tháng"]) == {"Có"}


def test_the_downgrade_list_opens_from_its_url_and_refuses_a_hostile_one(app_engine):
    app = run_page("canh_bao", QUERY | {"ds": "quay_lai"})
    assert app.radio(key="alerts.watch_list").value == "bounce_backs"
    app = run_page("canh_bao", QUERY | {"ds": "<b>x</b>", "trang_chuyen": "-3"})
    assert not app.exception
    assert app.radio(key="alerts.watch_list").value == "downgrades"
    assert any("ds=" in text for text in notices(app))


def test_the_data_trust_panel_holds_the_identities_and_every_units_last_day(app_engine):
    app = run_page("canh_bao", QUERY)
    identities = next(frame.value for frame in app.dataframe if "Đẳng thức" in frame.value.columns)
    assert len(identities) == 4 and set(identities["Về việc"]) == set(identities["Về tiền"]) == {"Khớp"}
    days = next(frame.value for frame in app.dataframe if "Dữ liệu đến ngày" in frame.value.columns)
    assert len(days) == len(dimension_names(operator(app_engine), "unit"))
    assert set(days["Tình trạng"]) == {"Cập nhật"}
    imports = next(frame.value for frame in app.dataframe if "Người nhập" in frame.value.columns)
    assert len(imports) >= 1


def test_a_unit_heads_warnings_open_its_own_units_lists(app_engine):
    app = run_page("canh_bao", QUERY, login="donvi")
    assert not app.exception
    assert all(query.get("don_vi") for _, _, query in count_cards(app) if query)
