"""Pages run by AppTest against a generated database show the figures of the chains engine."""

import json
from datetime import date

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from data_access.engine import PROJECT_ROOT, open_engine
from dashboard.chains import chain_report
from dashboard.demo import build_demo
from dashboard.formatting import format_billion_number, format_count, format_percent, target_progress
from dashboard.periods import latest_month_end

OVERVIEW = PROJECT_ROOT / "pages" / "overview.py"


@pytest.fixture(scope="module")
def database_url(scratch_url):
    """Return the URL of a small generated province on each engine."""
    engine = open_engine(scratch_url)
    build_demo(engine, "small", seed=7)
    engine.dispose()
    return scratch_url


@pytest.fixture
def app_env(monkeypatch, database_url):
    """Point the app at the generated database with empty caches; yield an engine on it."""
    monkeypatch.setenv("THADS_DATABASE_URL", database_url)
    st.cache_resource.clear()
    st.cache_data.clear()
    engine = open_engine(database_url)
    yield engine
    engine.dispose()
    st.cache_resource.clear()
    st.cache_data.clear()


def _indicators(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec)["data"][0] for chart in app.get("plotly_chart")]


def test_overview_shows_the_two_rates_of_the_latest_month(app_env):
    app = AppTest.from_file(str(OVERVIEW), default_timeout=60).run()
    assert not app.exception
    report = chain_report(app_env, latest_month_end(date.today()))
    cases_gauge, money_gauge = _indicators(app)
    assert cases_gauge["value"] == report["cases"]["rate"]
    assert money_gauge["value"] == report["money"]["rate"]
    assert cases_gauge["delta"]["reference"] == report["same_period_last_year"]["cases"]["rate"]
    assert cases_gauge["gauge"]["threshold"]["value"] == report["target"]["cases"]
    assert money_gauge["gauge"]["threshold"]["value"] == report["target"]["money"]
    cases = report["cases"]
    assert app.metric[0].label == "Đã xong / có điều kiện thi hành (việc)"
    assert app.metric[0].value == f"{format_count(cases['completed'])} / {format_count(cases['enforceable'])}"
    money = report["money"]
    assert app.metric[2].label == "Đã xong / có điều kiện thi hành (tỷ đồng)"
    assert app.metric[2].value == (f"{format_billion_number(money['completed'])} / "
                                   f"{format_billion_number(money['enforceable'])}")
    assert app.metric[1].value == format_percent(report["target"]["cases"])
    progress = target_progress(cases["rate"], report["target"]["cases"])
    assert app.metric[1].delta == f"đạt {format_percent(progress)} kế hoạch"


def test_overview_explains_an_unreachable_database(monkeypatch):
    monkeypatch.setenv("THADS_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/khong_co")
    st.cache_resource.clear()
    app = AppTest.from_file(str(OVERVIEW), default_timeout=30).run()
    assert not app.exception
    assert app.error[0].value.startswith("Không kết nối được cơ sở dữ liệu")
    st.cache_resource.clear()
