"""Helpers for page tests: run a page script with AppTest and read what it drew."""

import json

from streamlit.testing.v1 import AppTest

from data_access.engine import PROJECT_ROOT

PAGE_TIMEOUT_SECONDS = 90


def run_page(name: str, query: dict[str, str] | None = None) -> AppTest:
    """Return an AppTest of pages/<name>.py after its first run with the given URL query."""
    app = AppTest.from_file(str(PROJECT_ROOT / "pages" / f"{name}.py"), default_timeout=PAGE_TIMEOUT_SECONDS)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    return app.run()


def figures(app: AppTest) -> list[dict]:
    """Return the Plotly figures the page drew, as dicts, in page order."""
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def select(app: AppTest, key: str, value) -> AppTest:
    """Return the app after choosing `value` in the sidebar selectbox `key` and rerunning."""
    return app.sidebar.selectbox(key=key).set_value(value).run()
