"""The pages on a national database: toàn quốc -> tỉnh -> đơn vị -> chấp hành viên, on both engines."""

from datetime import date, datetime

import pytest

from data_access.accounts import add_account
from data_access.engine import open_engine
from data_access.queries.lookups import dimension_names, officer_units, province_names, unit_provinces
from dashboard.demo.national_build import build_national
from dashboard.display.figures import read_figures
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.flow import flow_report
from dashboard.view.filters import FilterOptions, Filters
from tests.pages.support import LEADER, figures, run_page, trail
from tests.support.databases import app_on
from tests.support.readers import operator

DATA_DAY = date(2026, 11, 28)
PROVINCE_LEADER = "gd.t01"
PERIOD = {"nam": "2026", "den": "2025-12-31"}
END = date(2025, 12, 31)


def _short(name: str) -> str:
    return name.replace("Thi hành án dân sự", "THADS")


@pytest.fixture(scope="module")
def national_url(scratch_url):
    engine = open_engine(scratch_url)
    build_national(engine, size="tiny", today=DATA_DAY, workers=1)
    # The pages are read as the Ministry's leader, who sees the whole country.
    add_account(engine, LEADER, "mat-khau-du-dai", "lanh_dao", now=datetime(2026, 1, 1), by="kiểm thử")
    add_account(engine, PROVINCE_LEADER, "mat-khau-du-dai", "lanh_dao", province="T01", now=datetime(2026, 1, 1),
                by="kiểm thử")
    engine.dispose()
    return scratch_url


@pytest.fixture
def country(monkeypatch, national_url):
    """Point the app at the tiny national database with empty caches; yield an engine on it."""
    yield from app_on(monkeypatch, national_url)


def test_the_units_page_of_the_country_ranks_provinces_with_their_own_targets(country):
    app = run_page("don_vi", PERIOD)
    assert not app.exception and app.title[0].value == "Kết quả thi hành án theo tỉnh, thành phố"
    rows = chain_report(operator(country), END, by="province")["rows"]
    assert len(rows) == 3
    bars = figures(app)[0]["data"][0]
    assert sorted(bars["y"]) == sorted(_short(row["name"]) for row in rows)
    table = app.dataframe[0].value
    # The country's total comes first.
    assert list(table["Mã"]) == ["", *(row["key"] for row in rows)]
    assert table["Tỉnh, thành phố"].iloc[0] == "Toàn quốc"
    assert list(table["Tổng số thụ lý (việc)"]) == [chain_report(operator(country), END)["cases"]["caseload"],
                                                   *(row["cases"]["caseload"] for row in rows)]
    assert table["Chỉ tiêu (%) (việc)"].notna().all()
    assert "Toàn quốc; từ 01/10/2025" in app.markdown[0].value


def test_a_province_on_the_units_page_shows_its_units_under_a_breadcrumb(country):
    app = run_page("don_vi", PERIOD | {"tinh": "T02"})
    assert not app.exception and app.title[0].value == "Kết quả thi hành án theo đơn vị"
    rows = chain_report(operator(country), END, Scope(province="T02"), by="unit")["rows"]
    assert {row["key"] for row in rows} <= {"T02", "T02K01", "T02K02", "T02K03"}
    assert list(app.dataframe[0].value["Mã"]) == ["", *(row["key"] for row in rows)]
    steps = trail(app)
    assert [label for label, _ in steps] == ["Toàn quốc", province_names(country)["T02"]]
    assert "tinh=" not in steps[0][1] and steps[1][1] is None


def test_the_officers_page_asks_for_a_province_first_then_lists_the_units_officers(country):
    app = run_page("chap_hanh_vien", PERIOD)
    assert not app.exception and not figures(app)
    assert "chọn một tỉnh" in app.info[0].value
    app = run_page("chap_hanh_vien", PERIOD | {"don_vi": "T01K01"})
    assert not app.exception
    rows = chain_report(operator(country), END, Scope(province="T01", unit="T01K01"), by="officer")["rows"]
    # The invisible bar across every row holds one name per officer.
    assert len(figures(app)[0]["data"][0]["y"]) == len(rows)
    assert [label for label, _ in trail(app)] == ["Toàn quốc", province_names(country)["T01"],
                                                 dimension_names(operator(country), "unit")["T01K01"]]


def test_the_overview_names_the_country_and_shows_its_rates(country):
    app = run_page("overview", PERIOD)
    assert not app.exception
    whole = chain_report(operator(country), END)
    gauges = [figure["data"][0]["value"] for figure in figures(app)[:2]]
    assert gauges == [whole["cases"]["rate"], whole["money"]["rate"]]
    assert any("Toàn quốc; từ 01/10/2025" in item.value for item in app.markdown)


def test_the_display_of_the_country_ranks_provinces_and_lists_provinces_and_units_below_target(country):
    options = FilterOptions(years=(2026,), units=dimension_names(operator(country), "unit"), today=DATA_DAY,
                            officers=dimension_names(operator(country),
                                                     "officer"), officer_units=officer_units(operator(country)),
                            provinces=province_names(country), unit_provinces=unit_provinces(country))
    shown = read_figures(operator(country), Filters(2026, "2025-12-31"), options, DATA_DAY, datetime(2026, 11, 28, 8))
    assert shown["ranked_by"] == "tỉnh" and shown["below_kinds"] == ["tỉnh", "đơn vị"]
    assert [row["key"] for row in shown["ranked"]] == ["T01", "T02", "T03"]
    province = read_figures(operator(country), Filters(2026, "2025-12-31", province="T01"), options, DATA_DAY,
                            datetime(2026, 11, 28, 8))
    assert province["ranked_by"] == "đơn vị"
    assert {row["key"] for row in province["ranked"]} <= {"T01", "T01K01", "T01K02", "T01K03"}


def test_a_province_leader_stays_in_the_province_and_another_one_is_refused(country):
    app = run_page("don_vi", PERIOD, login=PROVINCE_LEADER)
    assert not app.exception and app.title[0].value == "Kết quả thi hành án theo đơn vị"
    rows = chain_report(operator(country), END, Scope(province="T01"), by="unit")["rows"]
    assert list(app.dataframe[0].value["Mã"]) == ["", *(row["key"] for row in rows)]
    assert app.dataframe[0].value["Đơn vị"].iloc[0] == province_names(country)["T01"]
    others = [name for code, name in dimension_names(operator(country), "unit").items() if code[:3] != "T01"]
    for page, query in (("don_vi", {"tinh": "T02"}), ("overview", {"don_vi": "T03K01"}),
                        ("chap_hanh_vien", {"tinh": "T02", "don_vi": "T02K01"})):
        refused = run_page(page, PERIOD | query, login=PROVINCE_LEADER)
        assert not refused.exception and not figures(refused) and not refused.dataframe
        text = " ".join(item.value for item in refused.markdown)
        assert "Không có quyền xem" in text and not any(name in text for name in others)


def test_the_flow_and_alerts_pages_of_the_country_compare_provinces(country):
    app = run_page("dong_viec", PERIOD)
    assert not app.exception
    rows = flow_report(operator(country), END, by="province")["rows"]
    (chart,) = [figure for figure in figures(app) if figure["layout"]["title"]["text"] == "Tồn có điều kiện theo tuổi"]
    assert len(chart["data"][0]["y"]) == len(rows) > 1
    table = app.dataframe[-1].value
    assert list(table.columns)[0] == "Tỉnh, thành phố" and len(table) == len(rows)
    assert not any(figure["layout"]["title"]["text"].startswith("Các chấp hành viên") for figure in figures(app))
    app = run_page("canh_bao", PERIOD)
    assert not app.exception
    app = run_page("canh_bao", PERIOD, login=PROVINCE_LEADER)
    assert not app.exception
