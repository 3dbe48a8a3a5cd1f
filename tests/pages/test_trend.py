"""The trend page, run by AppTest against a generated province on both engines."""

from datetime import date

from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.on_track import on_track
from dashboard.metrics.periods import month_ends, work_year
from tests.pages.support import figures, run_page, select
from tests.support.readers import operator

TODAY = date.today()
MONTHS_2024 = ["10/2023", "11/2023", "12/2023", "01/2024", "02/2024", "03/2024", "04/2024", "05/2024", "06/2024",
               "07/2024", "08/2024", "09/2024"]
MONTHS_2025 = ["10/2024", "11/2024", "12/2024", "01/2025", "02/2025", "03/2025", "04/2025", "05/2025", "06/2025",
               "07/2025", "08/2025", "09/2025"]


def _engine_series(engine, ends: list[date], scope: Scope = Scope()) -> dict:
    """Return the engine's monthly figures: both rates this year and last, and each month's new and completed."""
    reports = [chain_report(operator(engine), end, scope) for end in ends]
    series = {f"{chain}_{year}": [] for chain in ("cases", "money") for year in ("now", "last_year")}
    for report in reports:
        for chain in ("cases", "money"):
            series[f"{chain}_now"].append(report[chain]["rate"])
            series[f"{chain}_last_year"].append(report["same_period_last_year"][chain]["rate"])
    cumulative = {key: [0] + [report["cases"][key] for report in reports] for key in ("new", "completed")}
    for key, values in cumulative.items():
        series[key] = [after - before for before, after in zip(values, values[1:])]
    series["target"] = reports[-1]["target"]
    last_end = chain_report(operator(engine), date(work_year(ends[0]) - 1, 9, 30), scope)
    for chain in ("cases", "money"):
        series[f"{chain}_last_year_end"] = last_end[chain]["rate"]
    return series


def _traces(figure: dict) -> dict:
    return {trace.get("name"): trace for trace in figure["data"]}


def _assert_page_shows(app, months: list[str], expected: dict, year: int) -> None:
    """The year's curve runs to the period end over the whole work-year's months, last year's to its 30/9."""
    cases, money, *_, counts = figures(app)
    whole_year = [f"{end:%m/%Y}" for end in month_ends(year)]
    for figure, chain in ((cases, "cases"), (money, "money")):
        traces = _traces(figure)
        this_year, last_year = traces["Năm công tác này"], traces["Năm công tác trước"]
        assert this_year["x"] == last_year["x"] == whole_year
        assert this_year["y"] == expected[f"{chain}_now"] + [None] * (12 - len(months))
        assert last_year["y"][:len(months)] == expected[f"{chain}_last_year"]
        assert last_year["y"][-1] == expected[f"{chain}_last_year_end"]
        targets = [shape["y0"] for shape in figure["layout"].get("shapes", [])]
        assert targets == ([expected["target"][chain]] if expected["target"] else [])
    new, completed = counts["data"]
    assert new["x"] == months
    assert (new["y"], completed["y"]) == (expected["new"], expected["completed"])


def test_a_past_work_year_shows_all_twelve_months(app_engine):
    app = run_page("xu_huong", {"nam": "2024"})
    assert not app.exception
    expected = _engine_series(app_engine, month_ends(2024))
    assert expected["target"] is not None
    _assert_page_shows(app, MONTHS_2024, expected, 2024)
    assert all(count > 0 for count in expected["new"])


def test_the_period_end_limits_the_months(app_engine):
    app = run_page("xu_huong", {"nam": "2024", "den": "2023-12-31"})
    _assert_page_shows(app, MONTHS_2024[:3], _engine_series(app_engine, month_ends(2024)[:3]), 2024)


def test_changing_the_year_and_the_unit_changes_the_series(app_engine):
    app = run_page("xu_huong", {"nam": "2024"})
    first = figures(app)
    app = select(app, "filters.year", 2025)
    whole = _engine_series(app_engine, month_ends(2025))
    _assert_page_shows(app, MONTHS_2025, whole, 2025)
    assert figures(app) != first
    app = select(app, "filters.unit", "QN01")
    unit = _engine_series(app_engine, month_ends(2025), Scope(unit="QN01"))
    assert unit["cases_now"] != whole["cases_now"] and unit["target"] != whole["target"]
    _assert_page_shows(app, MONTHS_2025, unit, 2025)


def test_a_group_has_no_target_line(app_engine):
    app = run_page("xu_huong", {"nam": "2024", "den": "2024-03-31", "nhom": "tin_dung"})
    expected = _engine_series(app_engine, month_ends(2024)[:6], Scope(group="tin_dung"))
    assert expected["target"] is None
    _assert_page_shows(app, MONTHS_2024[:6], expected, 2024)
    assert "không vẽ đường chỉ tiêu" in app.caption[0].value


def test_to_date_stops_at_the_last_closed_month(app_engine):
    year = work_year(TODAY)
    app = run_page("xu_huong", {"nam": str(year), "den": "nay"})
    assert not app.exception
    ends = month_ends(year, until=TODAY)
    if ends:
        _assert_page_shows(app, [f"{end:%m/%Y}" for end in ends], _engine_series(app_engine, ends), year)
        assert "Tháng đang diễn ra chưa kết thúc" in app.caption[0].value
    else:
        assert figures(app) == []
        assert app.info[0].value.startswith("Năm công tác này chưa có tháng nào kết thúc")


def test_the_pace_curve_and_the_forecast_cone_lead_to_30_september(app_engine):
    app = run_page("xu_huong", {"nam": "2025", "den": "2024-12-31"})
    end = date(2024, 12, 31)
    report = on_track(operator(app_engine), end, chain_report(operator(app_engine), end))
    cases = _traces(figures(app)[0])
    pace = cases["Mức cần đạt đến nay"]
    assert pace["x"] == MONTHS_2025
    # The pace at the period end is the one the overview judges by; at 30/9 it is the target itself.
    assert pace["y"][2] == report["pace"]["cases"]
    assert pace["y"][-1] == report["target"]["cases"]
    made = report["forecast"]["cases"]
    assert cases["Dự báo đến 30/9"]["x"] == ["12/2024", "09/2025"]
    assert cases["Dự báo đến 30/9"]["y"] == [report["cases"]["rate"], made["rate"]]
    assert cases["Khoảng dự báo 80%"]["y"] == [report["cases"]["rate"], made["high"], made["low"],
                                              report["cases"]["rate"]]


def test_every_unit_has_a_small_chart_of_its_curve_against_its_own_pace(app_engine):
    app = run_page("xu_huong", {"nam": "2025", "den": "2024-12-31"})
    end = date(2024, 12, 31)
    rows = on_track(operator(app_engine), end, chain_report(operator(app_engine), end, by="unit"), by="unit")["rows"]
    small = figures(app)[2]
    titles = [note["text"] for note in small["layout"]["annotations"]]
    assert len(titles) == len(rows) == 4
    curves = [trace for trace in small["data"] if trace["name"] == "Năm công tác này"]
    paces = [trace for trace in small["data"] if trace["name"] == "Mức cần đạt đến nay"]
    for row, curve, pace in zip(rows, curves, paces, strict=True):
        assert curve["y"][2] == row["cases"]["rate"] and curve["y"][3:] == [None] * 9
        assert pace["y"][2] == row["pace"]["cases"]
