"""Escaping for HTML, Plotly and spreadsheets: every name, code and URL value passes here on its way out.

Markdown has no escaping that holds: a web address is made a link even with every mark backslash-escaped, so text
from the data reaches Markdown only inside an HTML fragment built here, which Markdown leaves alone."""

import html

# OWASP's rule for CSV injection: a cell starting with one of these may run as a formula in a spreadsheet.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Html(str):
    """A fragment of HTML built by `element`: its text parts are escaped, so it may be drawn as HTML."""


def html_text(value) -> str:
    """Return a value as HTML text: & < > " ' written as entities."""
    return html.escape(str(value), quote=True)


def element(tag: str, *content: "str | Html", css: str = "", href: str | None = None) -> Html:
    """Return an HTML element holding the content: Html parts as they are, any other text escaped."""
    inner = "".join(part if isinstance(part, Html) else html_text(part) for part in content)
    attributes = (f' class="{html_text(css)}"' if css else "") + (
        f' href="{html_text(href)}" target="_self"' if href is not None else "")
    return Html(f"<{tag}{attributes}>{inner}</{tag}>")


def joined(separator: str, parts: "list[str | Html]") -> Html:
    """Return the parts joined by a separator, each text part and the separator escaped."""
    return Html(html_text(separator).join(part if isinstance(part, Html) else html_text(part) for part in parts))


def plotly_text(value) -> str:
    """Return a value that Plotly shows literally in labels and hover text: its tags (<b>, <a href>) as entities."""
    return html.escape(str(value), quote=False)


def starts_like_formula(value) -> bool:
    """Return whether a value is text that a spreadsheet could run as a formula (it starts with = + - @)."""
    return isinstance(value, str) and value.startswith(_FORMULA_STARTS)


def spreadsheet_cell(value):
    """Return a value a CSV reader's spreadsheet shows as text, never runs: formula-like text gets a leading quote."""
    return f"'{value}" if starts_like_formula(value) else value
