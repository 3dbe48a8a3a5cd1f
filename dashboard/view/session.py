"""Who this browser session reads as: a signed-in account or a display link's screen, kept in the session, and
how long a signed-in session may sit idle."""

import os
from datetime import datetime, timedelta

import streamlit as st

from data_access.queries.viewing import Viewer

VIEWER_KEY = "access.viewer"
# The signed-in login, the last moment it was used and how it signed in ("password" or "sso").
LOGIN_KEY = "access.login"
LAST_SEEN_KEY = "access.last_seen"
VIA_KEY = "access.via"
IDLE_VARIABLE = "THADS_IDLE_MINUTES"
# A leader steps away from the desk; half an hour idle ends the session, as the agency's other systems do.
DEFAULT_IDLE_MINUTES = 30


def current_viewer() -> Viewer | None:
    """Return the viewer this session reads as, None before sign-in."""
    return st.session_state.get(VIEWER_KEY)


def read_as(viewer: Viewer | None) -> None:
    """Make the session read as the viewer from now on (None: as nobody)."""
    if viewer is None:
        st.session_state.pop(VIEWER_KEY, None)
    else:
        st.session_state[VIEWER_KEY] = viewer


def idle_limit() -> timedelta:
    """Return how long a signed-in session may sit unused: THADS_IDLE_MINUTES, else DEFAULT_IDLE_MINUTES."""
    text = os.environ.get(IDLE_VARIABLE, "").strip()
    minutes = int(text) if text.isdigit() and int(text) > 0 else DEFAULT_IDLE_MINUTES
    return timedelta(minutes=minutes)


def open_session(login: str, via: str, now: datetime) -> None:
    """Remember that the login signed in (by "password" or "sso") at `now`."""
    st.session_state[LOGIN_KEY] = login
    st.session_state[VIA_KEY] = via
    st.session_state[LAST_SEEN_KEY] = now


def end_session() -> None:
    """Forget everything the session held: who signed in and what they chose, so the next person starts afresh."""
    for key in list(st.session_state.keys()):
        del st.session_state[key]
