"""Every page runs under streamlit_app.py's navigation, even when a fresh server is first opened at its address."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def through_navigation() -> None:
    """Rerun the session through the entry script when the server ran this page file by itself.

    A server whose first visitor opens a page's own address (a drill link, the meeting-room screen) runs the file
    from pages/ alone, the way multipage apps worked before st.navigation: without the wide layout and the page
    list, and it keeps doing so for every later visitor. Streamlit leaves that mode once st.navigation runs.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
