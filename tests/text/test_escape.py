"""Text from the data comes out literally wherever it is written: HTML, Markdown, Plotly, spreadsheets."""

import re

import pytest

from dashboard.text.escape import Html, element, html_text, joined, plotly_text, spreadsheet_cell

HOSTILE = ('<img src=x onerror="window.__xss=1">', "</div><b>x</b></td></tr></table>", "**x**",
           "[bấm](http://evil.example)", "![](http://evil.example/a.png)", ":red[đỏ]", "$x^2$", "# Tiêu đề",
           "a | b", "`code`", "&lt;b&gt;", "Công ty A & B")


@pytest.mark.parametrize("value", HOSTILE)
def test_html_text_leaves_no_tag_and_no_entity_unescaped(value):
    written = html_text(value)
    assert "<" not in written and ">" not in written and '"' not in written
    assert re.sub(r"&(amp|lt|gt|quot|#x27);", "", written).count("&") == 0


def test_an_element_escapes_its_text_and_keeps_its_built_parts():
    inner = element("b", "<i>")
    built = element("div", "Đơn vị <x> · ", inner, css="screen-head")
    assert built == '<div class="screen-head">Đơn vị &lt;x&gt; · <b>&lt;i&gt;</b></div>'
    assert isinstance(built, Html)
    assert element("a", "Về", href='don_vi?x="1"') == '<a href="don_vi?x=&quot;1&quot;" target="_self">Về</a>'
    assert joined(" › ", ["<a>", inner]) == "&lt;a&gt; › <b>&lt;i&gt;</b>"


def test_plotly_text_writes_plotly_tags_as_entities():
    assert plotly_text('<a href="http://x">x</a>') == '&lt;a href="http://x"&gt;x&lt;/a&gt;'
    assert plotly_text("A & B <br>") == "A &amp; B &lt;br&gt;"


@pytest.mark.parametrize(("value", "written"), [
    ('=HYPERLINK("http://x","Bấm")', '\'=HYPERLINK("http://x","Bấm")'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("Nguyễn Văn A", "Nguyễn Văn A"),
    (-5, -5),
    (12.5, 12.5),
    (None, None),
])
def test_spreadsheet_cells_never_start_a_formula_and_numbers_stay_numbers(value, written):
    assert spreadsheet_cell(value) == written
