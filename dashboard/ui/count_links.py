"""Counts drawn as cards, each a link to the list of the cases it counts: one browser history step per click."""

import streamlit as st

from dashboard.metrics.formatting import format_count
from dashboard.text.escape import element
from dashboard.ui.case_views import ListState, to_query as list_query
from dashboard.ui.drill import CASES_PAGE, address
from dashboard.view.filters import Filters, to_query

CARD_STYLE = """<style>
.count-cards { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 0.4rem 0 1rem 0; }
.count-card { flex: 1 1 15rem; border: 1px solid #d0d0d0; border-left: 6px solid #b71c1c; border-radius: 6px;
  padding: 0.6rem 0.9rem; text-decoration: none !important; color: #212121 !important; background: #fff; }
.count-card:hover { background: #fbeaea; }
.count-card .count { display: block; font-size: 2.1rem; font-weight: 700; line-height: 1.2; }
.count-card .label { display: block; font-size: 1.05rem; }
.count-card .more { display: block; font-size: 0.9rem; color: #555; }
</style>"""


def count_card(label: str, count: int, href: str, more: str = ""):
    """Return one card: the count in large type, its label and an optional line under it, linking to href."""
    parts = [element("span", format_count(count), css="count"), element("span", label, css="label")]
    if more:
        parts.append(element("span", more, css="more"))
    return element("a", *parts, css="count-card", href=href)


def list_address(filters: Filters, state: ListState) -> str:
    """Return the address of the case list in a list state under the page's filters."""
    return address(CASES_PAGE, to_query(filters) | list_query(state))


def count_cards(cards: list) -> None:
    """Draw the cards side by side, wrapping on a narrow screen."""
    st.markdown(CARD_STYLE + element("div", *cards, css="count-cards"), unsafe_allow_html=True)
