"""The display's run: who is there first, a retry while the database is out of reach, then the turning slides."""

from collections.abc import Callable
from datetime import timedelta

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from data_access.display_links import TOKEN_PARAMETER
from data_access.engine import DatabaseUnavailable
from dashboard.display.screen import SLIDES, Screen, display_query, refresh, say_lost, show_slide
from dashboard.display.settings import DisplaySettings, settings_from_query
from dashboard.display.style import STYLE
from dashboard.text.escape import element
from dashboard.metrics import clock
from dashboard.view import cache
from dashboard.view.filters import FILTERS_KEY, carried_query, forbidden_place
from dashboard.view.navigation import through_navigation

# The session's screen, with the URL query it shows.
SCREEN_KEY = "display.screen"


def _retry_when_lost(settings: DisplaySettings) -> None:
    """Say the database is out of reach and run the whole screen again after a slide's time."""
    say_lost(settings)

    @st.fragment(run_every=timedelta(seconds=settings.seconds))
    def again() -> None:
        # The fragment's first run is the page's own; each later one starts the page afresh.
        if st.session_state.pop("display.retrying", False):
            st.rerun(scope="app")
        st.session_state["display.retrying"] = True

    again()


def run_display(admit: Callable[[], object]) -> None:
    """Run the display: hide Streamlit's frame, let `admit` say who is there (a display link or a signed-in
    person; it stops the run for anyone else), then turn and refresh the slides by themselves. A signed-in
    person's screen without filters in its URL takes the ones they last chose on a data page."""
    through_navigation()
    st.markdown(STYLE, unsafe_allow_html=True)
    query = st.query_params.to_dict()
    settings, _ = settings_from_query(query, clock.now())
    try:
        admit()
        # A display link's screen shows what its link names, whatever the browser looked at before.
        carried = query if TOKEN_PARAMETER in query else carried_query(query, st.session_state.get(FILTERS_KEY))
        if carried != query:
            # The address then names what the screen shows, and can be copied to the meeting room.
            st.query_params.update(carried)
            query = carried
        forbidden = forbidden_place(display_query(query), cache.filter_options(clock.today()))
    except (DatabaseUnavailable, SQLAlchemyError):
        _retry_when_lost(settings)
        st.stop()
    if forbidden:
        st.markdown(element("div", forbidden, css="screen-title"), unsafe_allow_html=True)
        st.stop()
    # A screen reopened on other filters (another period chosen on a data page) starts afresh, not on the last
    # screen's figures until they are due.
    kept = st.session_state.get(SCREEN_KEY)
    if kept is None or kept[0] != query:
        kept = st.session_state[SCREEN_KEY] = (query, Screen())
    screen = kept[1]

    @st.fragment(run_every=timedelta(seconds=settings.seconds))
    def turn() -> None:
        refresh(screen, settings, query)
        show_slide(screen, settings)
        screen.slide = (screen.slide + 1) % len(SLIDES)

    turn()
