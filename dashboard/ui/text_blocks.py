"""Sentences that carry a name or a URL value, drawn as HTML built from escaped values: Streamlit's Markdown would
turn the links, emphasis and web addresses a name may hold into markup, escaped or not."""

import streamlit as st

from dashboard.text.escape import Html, element

# Streamlit's own alert colours, so these boxes read like its st.warning and st.info.
_STYLE = Html("""<style>
.thads-note { border-radius: 0.5rem; padding: 1rem; margin-bottom: 1rem; line-height: 1.6; }
.thads-note.warning { background: rgba(255, 227, 18, 0.1); color: rgb(146, 108, 5); }
.thads-note.info { background: rgba(28, 131, 225, 0.1); color: rgb(0, 66, 128); }
.thads-note.success { background: rgba(33, 195, 84, 0.1); color: rgb(23, 114, 51); }
.thads-note.error { background: rgba(255, 43, 43, 0.09); color: rgb(125, 53, 59); }
</style>""")


def _draw(fragment: Html, place=st) -> None:
    # A fragment opening with a block tag is raw HTML to Markdown: no link, emphasis or address is read inside.
    place.markdown(fragment, unsafe_allow_html=True)


def notice(text: str, kind: str = "warning", place=st) -> None:
    """Draw a box holding the text as text: kind is "warning", "info", "success" or "error"."""
    _draw(Html(_STYLE + element("div", text, css=f"thads-note {kind}")), place)


def caption(text: str, place=st) -> None:
    """Draw a caption holding the text as text."""
    place.caption(element("div", text), unsafe_allow_html=True)


def subheading(text: str, level: int = 3, place=st) -> None:
    """Draw a heading (h3 as st.subheader, h5 under a title) holding the text as text."""
    _draw(element(f"h{level}", text), place)
