"""The forecast on the command line, on a generated province with completed work-years: the report's JSON keys
and sentence, and the backtest's table beside the figures it is printed from."""

import pytest

from dashboard.metrics.backtest import backtest
from dashboard.metrics.formatting import format_count, format_percent
from tests.cli.support import run_cli, url_of
from tests.support.databases import province_with_history
from tests.support.readers import operator


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
