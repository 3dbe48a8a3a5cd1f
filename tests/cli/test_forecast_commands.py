"""The forecast on the command line, on a generated province with completed work-years: the report's JSON keys
and sentence, and the backtest's table beside the figures it is printed from."""

from datetime import date, datetime

import pytest

from data_access.accounts import add_account
from dashboard.demo.accounts import DEMO_PASSWORD
from dashboard.metrics.backtest import backtest, readable_levels
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_count, format_percent
from tests.cli.support import report_json, run_cli, url_of
from tests.support.databases import province_with_history
from tests.support.readers import operator, viewer


@pytest.fixture(scope="module")
def history_db(scratch_url):
    """Return an engine on a small generated province with data from October 2021 to June 2025."""
    yield from province_with_history(scratch_url)


def _report(capsys, db, *options) -> str:
    code, out, err = run_cli(capsys, "report", "--db", url_of(db), "--end", "2024-12-31", *options)
    assert (code, err) == (0, "")
    return out


def test_report_json_carries_a_forecast_with_its_interval(history_db, capsys):
    import json
    got = json.loads(_report(capsys, history_db, "--format", "json"))
    for chain in ("cases", "money"):
        made = got["forecast"][chain]
        assert list(made) == ["rate", "low", "high"]
        assert got[chain]["rate"] <= made["rate"] <= 100
        assert made["low"] <= made["rate"] <= made["high"]
    rows = json.loads(_report(capsys, history_db, "--format", "json", "--by", "unit"))["rows"]
    assert all(row["forecast"]["cases"]["low"] <= row["forecast"]["cases"]["high"] for row in rows)


def test_report_text_says_the_forecast(history_db, capsys):
    import json
    made = json.loads(_report(capsys, history_db, "--format", "json"))["forecast"]["cases"]
    said = (f"Dự báo đến 30/9, nếu phần còn lại được giải quyết như năm trước: {format_percent(made['rate'])} về "
            f"việc (80% khả năng trong khoảng {format_percent(made['low'])}–{format_percent(made['high'])})")
    assert said in _report(capsys, history_db)


def test_backtest_prints_each_month_beside_the_naive_method(history_db, capsys):
    code, out, err = run_cli(capsys, "backtest", "--db", url_of(history_db), "--level", "unit")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Kiểm định dự báo đến 30/9, cấp đơn vị, các năm công tác 2024–2024")
    _, scores = backtest(operator(history_db), "unit")
    december = [score for score in scores if score.month == 12]
    cells = next(line for line in lines if line.startswith("12 ")).replace("│", " ").split()
    cases, money = december
    assert cells == ["12", format_count(cases.judged),
                     *(format_percent(value, 1).removesuffix("%") for value in (cases.forecast_error,
                                                                               cases.naive_error)),
                     format_percent(cases.held * 100, 0),
                     *(format_percent(value, 1).removesuffix("%") for value in (money.forecast_error,
                                                                               money.naive_error)),
                     format_percent(money.held * 100, 0)]
    assert lines[-2].startswith("Cả năm")
    assert [line.split()[0] for line in lines[3:14]] == ["10", "11", "12", *map(str, range(1, 9))]


def test_backtest_without_enough_years_says_so(db, capsys):
    code, out, err = run_cli(capsys, "backtest", "--db", url_of(db), "--level", "officer")
    assert (code, err) == (0, "")
    assert out.startswith("Chưa kiểm định được dự báo cấp chấp hành viên: cần ít nhất ba năm công tác")


def test_backtest_as_a_unit_head_judges_its_own_unit_and_officers_only(history_db, capsys):
    unit = report_json(capsys, history_db, "--by", "unit")["rows"][1]
    add_account(history_db, "truong.phong", DEMO_PASSWORD, "don_vi", unit=unit["key"], now=datetime(2026, 1, 1),
                by="kiểm thử")
    url = url_of(history_db)
    code, out, err = run_cli(capsys, "backtest", "--db", url, "--level", "unit", "--as", "truong.phong")
    assert (code, err) == (0, "")
    reached = chain_report(operator(history_db), date(2024, 9, 30), Scope(unit=unit["key"]))["cases"]["rate"]
    december = out.splitlines()[5].replace("│", " ").split()
    assert december[:3] == ["12", "1", format_percent(abs(unit["forecast"]["cases"]["rate"] - reached), 1)[:-1]]
    code, out, err = run_cli(capsys, "backtest", "--db", url, "--as", "truong.phong")
    assert [line.split(",")[1] for line in out.splitlines() if line.startswith("Kiểm định")] == [
        " cấp đơn vị", " cấp chấp hành viên"]
    code, out, err = run_cli(capsys, "backtest", "--db", url, "--level", "province", "--as", "truong.phong")
    assert (code, out, err) == (2, "", "Tài khoản truong.phong không xem được cấp tỉnh.\n")


@pytest.mark.parametrize(("role", "place", "levels"), [
    ("lanh_dao", {"province": "QN00"}, ("province", "unit", "officer")),
    ("don_vi", {"unit": "H01"}, ("unit", "officer")), ("chv", {"officer": "C04"}, ("officer",)),
    ("quan_tri", {}, ()), ("chv", {}, ())])
def test_each_account_backtests_its_own_level_and_those_below_and_a_reader_of_nothing_none(role, place, levels):
    assert readable_levels(viewer(None, role, **place)) == levels
