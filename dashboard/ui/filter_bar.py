"""The sidebar filters every page draws: kept across pages in the session and mirrored in the URL."""

from dataclasses import asdict, replace
from datetime import date

import streamlit as st

from dashboard.ui import text_blocks
from dashboard.ui.data_notes import closed_help
from dashboard.ui.labels import CHAIN_IN_URL, CHAIN_NAMES
from dashboard.ui.sign_in import signed_in_viewer
from dashboard.metrics import clock
from dashboard.metrics.data_notes import closed_line, data_line
from dashboard.view import cache
from dashboard.view.filters import (
    FILTERS_KEY, PARAMETERS, TO_DATE, FilterOptions, Filters, allowed_codes, default_end, describe, end_choices,
    forbidden_place, from_query, settled, to_query, told_apart,
)
from dashboard.view.navigation import through_navigation
from dashboard.view.url_values import refused

STATE_KEY = FILTERS_KEY
# The shared filters' URL parameters as the last run wrote them.
WRITTEN_KEY = "filters.written"
_ALL = ""
# The tables' own toolbar (show/hide columns, download, search, full screen) speaks English only; every page
# offers its downloads in Vietnamese beside the tables instead.
HIDE_TABLE_TOOLBAR = '<style>[data-testid="stElementToolbar"] { display: none !important; }</style>'


def _widget_key(name: str) -> str:
    return f"filters.{name}"


def _end_label(end: str) -> str:
    return "Đến nay" if end == TO_DATE else f"Đến hết {date.fromisoformat(end):%d/%m/%Y}"


def _seed_widgets(filters: Filters) -> None:
    # Widgets take their values from the session's canonical filters on every run: a page switch may drop a
    # widget's own state, and the on_change callbacks below keep the canonical copy current.
    for name, value in asdict(filters).items():
        st.session_state[_widget_key(name)] = value if value is not None else _ALL


def _remember(name: str) -> None:
    value = st.session_state[_widget_key(name)]
    if name not in ("year", "end"):
        value = value or None
    st.session_state[STATE_KEY] = replace(st.session_state[STATE_KEY], **{name: value})


def _choices(names: dict[str, str], all_label: str) -> tuple[list[str], callable]:
    options = [_ALL, *names]
    return options, lambda code: all_label if code == _ALL else names[code]


def _draw(options: FilterOptions) -> Filters:
    sidebar = st.sidebar
    sidebar.header("Bộ lọc")
    year = sidebar.selectbox("Năm công tác", options.years, key=_widget_key("year"), on_change=_remember,
                             args=("year",), format_func=lambda value: f"{value} (01/10/{value - 1} – 30/09/{value})")
    ends = end_choices(year, options.today)
    if st.session_state.get(_widget_key("end")) not in ends:
        st.session_state[_widget_key("end")] = default_end(year, options.today)
    end = sidebar.selectbox("Kỳ báo cáo (lũy kế từ 01/10)", ends, key=_widget_key("end"), on_change=_remember,
                            args=("end",), format_func=_end_label)
    picked = dict(options.fixed)
    for name, label, all_label in (
        ("province", "Tỉnh, thành phố", "Toàn quốc"),
        ("unit", "Đơn vị", None),
        ("officer", "Chấp hành viên", "Tất cả chấp hành viên"),
        ("group", "Nhóm việc", "Tất cả các nhóm"),
        ("judgment_type", "Loại bản án", "Tất cả các loại"),
        ("mode", "Hình thức thụ lý", "Chủ động và theo đơn"),
    ):
        if name in options.fixed:
            continue
        # Each list follows the places just picked, so a province or unit change drops a unit or officer elsewhere.
        names = allowed_codes(name, Filters(year=year, end=end, province=picked.get("province"),
                                            unit=picked.get("unit")), options)
        if name == "province" and not names:
            picked[name] = None
            continue
        if name == "unit":
            all_label = "Toàn tỉnh" if picked["province"] or not options.national else "Tất cả đơn vị"
        if name == "officer":
            names = told_apart(names)
        choices, label_of = _choices(names, all_label)
        if st.session_state.get(_widget_key(name)) not in choices:
            st.session_state[_widget_key(name)] = _ALL
        picked[name] = sidebar.selectbox(label, choices, key=_widget_key(name), format_func=label_of,
                                         on_change=_remember, args=(name,)) or None
    return Filters(year=year, end=end, **picked)


def _from_outside(query: dict[str, str]) -> bool:
    # The URL changed without this page writing it (first visit, a pasted link, the browser's back or forward
    # button) exactly when its shared part differs from what the last run wrote.
    shared = {key: value for key, value in query.items() if key in PARAMETERS.values()}
    return STATE_KEY not in st.session_state or (bool(shared) and shared != st.session_state.get(WRITTEN_KEY))


def write_url_part(names, written: dict[str, str], written_key: str) -> None:
    """Write one part of the URL (the parameters `names`), leaving the rest, and remember it under written_key."""
    for key in names:
        if key not in written and key in st.query_params:
            del st.query_params[key]
    st.query_params.update(written)
    st.session_state[written_key] = written


def shared_filters() -> tuple[Filters, FilterOptions]:
    """Draw the sidebar filters and return the chosen filters with the options they were chosen from.

    The URL wins when it changed from outside (a link, back or forward); otherwise the session's filters do, so
    they follow the leader from page to page. A page's own URL parameters are left as they are.
    """
    through_navigation()
    st.sidebar.markdown(HIDE_TABLE_TOOLBAR, unsafe_allow_html=True)
    # The engine first, so its spinner explains the wait when the demo database is being created.
    cache.engine()
    signed_in_viewer()
    options = cache.filter_options(clock.today())
    query = st.query_params.to_dict()
    forbidden = forbidden_place(query, options)
    if forbidden:
        text_blocks.notice(forbidden)
        st.stop()
    if _from_outside(query):
        filters, notices = from_query(query, options)
        st.session_state[STATE_KEY] = filters
        st.session_state["filters.notices"] = notices
    _seed_widgets(st.session_state[STATE_KEY])
    filters = settled(_draw(options), options)
    st.session_state[STATE_KEY] = filters
    write_url_part(PARAMETERS.values(), to_query(filters), WRITTEN_KEY)
    for notice in st.session_state.pop("filters.notices", []):
        text_blocks.notice(notice)
    st.sidebar.caption("Đường link trên thanh địa chỉ giữ nguyên bộ lọc này: sao chép để gửi cho người khác.")
    return filters, options


def data_notes(end: date | None = None) -> None:
    """Draw how recent the data is and, when the period `end` is closed, the close with what it means."""
    # Grey Markdown rather than a caption: the line holds dates only, and each page's own captions keep their order.
    st.markdown(f":gray[{data_line(cache.data_state())}]")
    closed = None if end is None else cache.closed(end)
    if closed is not None:
        # closed_by comes from the data: the box holds it as escaped text, never as Markdown.
        text_blocks.notice(f"{closed_line(closed)}. {closed_help(closed)}", "info")


def heading(title: str, filters: Filters, options: FilterOptions) -> None:
    """Draw the page title, the line naming the scope and period, and the data's date (and close) under them."""
    st.title(title)
    text_blocks.subheading(describe(filters, options), level=5)
    data_notes(filters.period_end(options.today))


def chain_choice(label: str, key: str, parameter: str) -> str:
    """Draw a "về việc / về tiền" choice kept in the page's URL parameter; return "cases" or "money".

    "cases" leaves the parameter out. A URL changed from outside (a link, back or forward) sets the choice.
    """
    chains = {value: chain for chain, value in CHAIN_IN_URL.items()}
    written = st.query_params.get(parameter, "")
    if written and written not in chains:
        text_blocks.notice(refused(parameter, written, f"đang hiển thị {CHAIN_NAMES['cases'].lower()}"))
    asked = chains.get(written, "cases")
    if st.session_state.get(f"{key}.written") != asked:
        st.session_state[key] = asked
    chain = st.radio(label, tuple(CHAIN_IN_URL), key=key, horizontal=True, format_func=CHAIN_NAMES.get)
    if chain == "cases":
        st.query_params.pop(parameter, None)
    else:
        st.query_params[parameter] = CHAIN_IN_URL[chain]
    st.session_state[f"{key}.written"] = chain
    return chain
