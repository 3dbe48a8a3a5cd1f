"""Helpers for page tests: run a page script with AppTest and read what it drew."""

import html
import io
import json
import re
from urllib.parse import unquote

import pandas as pd
from streamlit.testing.v1 import AppTest

from data_access.engine import PROJECT_ROOT
from dashboard.metrics import clock
from dashboard.view.session import LAST_SEEN_KEY, LOGIN_KEY, VIA_KEY

PAGE_TIMEOUT_SECONDS = 90
# The generated demo's province leader, who sees the whole one-province database.
LEADER = "lanhdao"


def signed_in_as(app: AppTest, login: str | None) -> AppTest:
    """Return the app with a session signed in by password as `login` (None: nobody), as the sign-in form leaves it."""
    if login is not None:
        app.session_state[LOGIN_KEY] = login
        app.session_state[VIA_KEY] = "password"
        app.session_state[LAST_SEEN_KEY] = clock.now()
    return app


def run_page(name: str, query: dict[str, str] | None = None, login: str | None = LEADER) -> AppTest:
    """Return an AppTest of pages/<name>.py after its first run with the given URL query, signed in as `login`."""
    app = AppTest.from_file(str(PROJECT_ROOT / "pages" / f"{name}.py"), default_timeout=PAGE_TIMEOUT_SECONDS)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    return signed_in_as(app, login).run()


def figures(app: AppTest) -> list[dict]:
    """Return the Plotly figures the page drew, as dicts, in page order."""
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def select(app: AppTest, key: str, value) -> AppTest:
    """Return the app after choosing `value` in the sidebar selectbox `key` and rerunning."""
    return app.sidebar.selectbox(key=key).set_value(value).run()


def cell_styles(dataframe) -> dict[tuple[int, str], str]:
    """Return the CSS the page gave each styled cell of a st.dataframe, by (row position, column name)."""
    table = dataframe.value
    styles = {}
    for selectors, css in re.findall(r"([^{}]+)\{([^}]*)\}", dataframe.proto.arrow_data.styler.styles):
        for row, col in re.findall(r"_row(\d+)_col(\d+)", selectors):
            styles[(int(row), table.columns[int(col)])] = " ".join(css.split())
    return styles


def read_download(made: dict, heading_lines: int) -> tuple[list[str], pd.DataFrame, pd.DataFrame]:
    """Return the heading lines of the CSV and the tables read back from the last CSV and Excel files."""
    text = made["csv"][-1].decode("utf-8-sig")
    heading = [line.strip('"') for line in text.splitlines()[:heading_lines]]
    from_csv = pd.read_csv(io.StringIO(text), skiprows=heading_lines + 1)
    from_excel = pd.read_excel(io.BytesIO(made["xlsx"][-1]), skiprows=heading_lines + 1)
    return heading, from_csv, from_excel


def trail(app: AppTest) -> list[tuple[str, str | None]]:
    """Return the breadcrumb's steps as (label, link or None for the current page)."""
    (nav,) = [item.value for item in app.markdown if 'class="trail"' in item.value]
    steps = re.findall(r'<a href="([^"]*)" target="_self">([^<]*)</a>|<strong>([^<]*)</strong>', nav)
    return [(html.unescape(label or current), html.unescape(link) if link else None)
            for link, label, current in steps]


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def notices(app: AppTest, kind: str = "warning") -> list[str]:
    """Return the text of the warning (or info) boxes the page drew with names or URL values in them."""
    return [_text(item.value.split("</style>")[-1]) for item in app.markdown
            if f'class="thads-note {kind}"' in item.value]


def scope_line(app: AppTest) -> str:
    """Return the line under the title naming the scope and the period."""
    return next(_text(item.value) for item in app.markdown if item.value.startswith("<h5>"))


def subheadings(app: AppTest) -> list[str]:
    """Return the page's subheadings, plain ones and those carrying a name, in page order."""
    return [_text(item.value) for item in app.get("heading")] + [
        _text(item.value) for item in app.markdown if item.value.startswith("<h3>")]


def paced_order(rows: list[dict], chain: str) -> list[dict]:
    """Return on_track rows as a pace ranking draws them: judged rows furthest behind their pace first (ties in
    key order), then the rest by rate, missing rates last."""
    judged = [row for row in rows if (row["pace"] or {}).get(f"{chain}_status")]
    others = [row for row in rows if not (row["pace"] or {}).get(f"{chain}_status")]
    return (sorted(judged, key=lambda row: row[chain]["rate"] - row["pace"][chain])
            + sorted(others, key=lambda row: (row[chain]["rate"] is None, -(row[chain]["rate"] or 0))))


def read_pace_bars(figure: dict) -> dict:
    """Return what a pace ranking shows: names top down, each name's status bar and rate, its pace, and the
    rate and count column."""
    hit, *traces = figure["data"]
    bars = {name: (trace["name"], rate) for trace in traces if trace["type"] == "bar"
            for name, rate in zip(trace["y"], trace["x"])}
    pace = next(trace for trace in traces if trace.get("name") == "Mức cần đạt đến nay")
    text = next(trace for trace in traces if trace.get("mode") == "text")
    return {"names": hit["y"], "bars": bars, "pace": dict(zip(pace["y"], pace["x"])), "text": text["text"]}


def count_cards(app: AppTest) -> list[tuple[str, str, dict[str, str]]]:
    """Return each count card the page drew: its label, its count as shown and the URL query its link opens."""
    cards = []
    for block in app.markdown:
        for href, count, label in re.findall(
                r'<a class="count-card" href="([^"]*)"[^>]*><span class="count">([^<]*)</span>'
                r'<span class="label">([^<]*)</span>', block.value):
            query = html.unescape(href).split("?", 1)[1] if "?" in href else ""
            cards.append((html.unescape(label), count, dict(pair.split("=", 1) for pair in
                                                            (unquote(part) for part in query.split("&")) if pair)))
    return cards
