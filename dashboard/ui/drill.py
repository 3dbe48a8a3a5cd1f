"""Drilling down: from a clicked bar, table row or chain cell to the next page, and the breadcrumb back up."""

import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from dashboard.charts.figures import CHART_CONFIG
from dashboard.text.escape import element, joined
from dashboard.ui.case_views import ListState, to_query as list_query
from dashboard.ui.labels import CHAIN_TITLES, COMPLETED_NOTE
from dashboard.ui.tables import CHAIN_KEYS, TABLE_ROW_PIXELS, chain_table_text
from dashboard.view.filters import FilterOptions, Filters, to_query

UNITS_PAGE, OFFICERS_PAGE, CASES_PAGE, CASE_PAGE = (
    "pages/don_vi.py", "pages/chap_hanh_vien.py", "pages/danh_sach_viec.py", "pages/viec.py")
# The URL parameter naming the case on the case page.
CASE_PARAMETER = "ma_viec"


def drill_to(page: str, filters: Filters, extra: dict[str, str] | None = None, **changes) -> None:
    """Open a page with the filters changed (and the page's own URL parameters), as one new browser history step.

    The browser loads the new address itself: Streamlit's own page switch records two history steps (the new
    address on the page being left, then the new page), which would make "back" stop on a view nobody chose.
    """
    target = address(page, to_query(replace(filters, **changes)) | (extra or {}))
    st.html(f"<script>window.location.assign({json.dumps(target)});</script>", unsafe_allow_javascript=True)
    st.stop()


def open_case_list(filters: Filters, state: ListState = ListState(), **changes) -> None:
    """Open the case list in a list state, the filters changed."""
    drill_to(CASES_PAGE, filters, list_query(state), **changes)


def clicked_row(place, table, key: str, **options) -> int | None:
    """Draw a table whose rows a click selects; return the position of the row just clicked, or None."""
    rows = place.dataframe(table, key=key, on_select="rerun", selection_mode="single-row", **options).selection.rows
    return rows[0] if rows else None


def clicked_bar(place, figure, key: str) -> str | None:
    """Draw a bar chart whose bars a click selects; return the category label of the bar just clicked, or None."""
    points = place.plotly_chart(figure, key=key, theme=None, config=CHART_CONFIG, on_select="rerun",
                                selection_mode="points").selection.points
    return points[0]["y"] if points else None


def chain_tables(report: dict, filters: Filters, key: str) -> None:
    """Draw both chain tables side by side; a click on a row opens the list of the cases behind that number."""
    for column, chain in zip(st.columns(2), ("cases", "money")):
        column.markdown(f"**{CHAIN_TITLES[chain]}** (thi hành xong = {COMPLETED_NOTE[chain]})")
        table = chain_table_text(report, chain)
        row = clicked_row(column, table, f"{key}.{chain}_table", height=TABLE_ROW_PIXELS * (len(table) + 1) + 3)
        cell = None if row is None else CHAIN_KEYS[chain][row]
        if cell == "rate":
            column.info("Tỷ lệ là phép chia, không có danh sách việc riêng: hãy chọn dòng có điều kiện hoặc "
                        "thi hành xong.")
        elif cell is not None:
            open_case_list(filters, ListState(chain=chain, cell=cell))
    st.caption("Bấm vào ô vuông ở đầu một dòng để xem danh sách các việc tạo nên con số kỳ này của dòng đó.")


def trail(filters: Filters, options: FilterOptions, here: str | None = None,
          list_state: dict[str, str] | None = None) -> None:
    """Draw the breadcrumb (Toàn quốc › tỉnh ›) Toàn tỉnh › đơn vị › chấp hành viên › danh sách việc › `here`.

    Each step is a link back. `list_state` is the case list's own URL parameters, for a step back to the list a
    case was opened from.
    """
    steps = [(options.top_name, UNITS_PAGE, to_query(replace(filters, province=None, unit=None, officer=None)))]
    if filters.province:
        steps.append((options.provinces[filters.province], UNITS_PAGE,
                      to_query(replace(filters, unit=None, officer=None))))
    if filters.unit:
        steps.append((options.units[filters.unit], OFFICERS_PAGE, to_query(replace(filters, officer=None))))
    if filters.officer:
        steps.append((options.officers[filters.officer], CASES_PAGE, to_query(filters) | list_query(ListState())))
    if list_state is not None:
        steps.append(("Danh sách việc", CASES_PAGE, to_query(filters) | list_state))
    if here is not None:
        steps.append((here, None, {}))
    # A viewer bound to a province, unit or officer starts the trail there: the steps above lead nowhere it may go.
    bound = [name for name in ("province", "unit", "officer") if name in options.fixed]
    first = {"province": 1, "unit": 1 + bool(filters.province), "officer": 2 + bool(filters.province)}
    _draw_trail(steps[min(first[bound[-1]], len(steps) - 1):] if bound else steps)


def address(page: str, query: dict[str, str]) -> str:
    """Return the relative address of a page with its URL query, as a link or a drill opens it."""
    return f"{Path(page).stem}?{urlencode(query)}"


def _draw_trail(steps: list[tuple[str, str | None, dict]]) -> None:
    # Plain links load their page as one history step; Streamlit's page links would record two.
    parts = [element("a", label, href=address(page, query)) if page else label for label, page, query in steps[:-1]]
    parts.append(element("strong", steps[-1][0]))
    st.markdown(element("nav", joined(" › ", parts), css="trail"), unsafe_allow_html=True)
