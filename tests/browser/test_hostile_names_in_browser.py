"""Names that hold markup, on every page and every slide in Chromium: shown as the text they are, and nothing in
them runs, draws an image or becomes a link (HTML, Markdown and Plotly all interpret text)."""

from datetime import date, timedelta

import pytest

from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from dashboard.display.screen import SLIDES
from dashboard.metrics.periods import work_year
from dashboard.metrics.clock import today
from tests.browser.conftest import ARTIFACTS, serving
from tests.support.builders import case, ev, officer, tables, target, unit
from tests.support.databases import add_leader

IMAGE = '<img src=x onerror="window.__xss=1">'
BREAKER = "</div><b>x</b></td></tr></table>"
LINK = '<a href="http://evil.example/">bấm</a>'
MARKDOWN = "**đậm** [bấm](http://evil.example/) :red[đỏ] $x$"
NAMES = (IMAGE, BREAKER, LINK, MARKDOWN)
M = 1_000_000
# Whatever markup the names would make, if anything read them as markup.
INJECTED = """() => {
  const found = [];
  if (window.__xss !== undefined) found.push('handler ran');
  if (document.querySelector('img[src="x"]')) found.push('image drawn');
  for (const link of document.querySelectorAll('a')) {
    const target = link.getAttribute('href') || link.getAttribute('xlink:href') || '';
    if (target.includes('evil.example')) found.push('link drawn');
  }
  for (const bold of document.querySelectorAll('b, strong, em, i')) {
    if (['x', 'đậm'].includes(bold.textContent.trim())) found.push('bold drawn: ' + bold.textContent);
  }
  if (document.querySelector('.katex')) found.push('math drawn');
  for (const span of document.querySelectorAll('.stMarkdown span[style*="color"]')) {
    if (span.textContent.includes('đỏ')) found.push('colour drawn');
  }
  return found;
}"""


def _two_past_years(year: int, parties: dict) -> tuple[list[dict], list[dict]]:
    """Return the cases and events of two earlier work-years whose curve gives every unit a pace: 120 cases a year
    each, 40% done the day they open, 40% more in June; the rest is still open, so this year every unit is behind."""
    cases, events = [], []
    for back in (1, 2):
        opened = date(year - back - 1, 10, 1)
        for number in range(1, 5):
            for index in range(120):
                code = f"P{back}{number}{index:03d}"
                cases.append({**case(code, opened, 10 * M, unit=f"H0{number}", officer=f"C0{number}"), **parties})
                if index % 5 < 2:
                    events.append(ev(code, opened, "xong"))
                elif index % 5 < 4:
                    events.append(ev(code, date(year - back, 6, 15), "xong"))
    return cases, events


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    """Yield the base URL of a dashboard on units, officers and parties named with markup."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.sqlite3'}"
    year = work_year(today())
    opened = date(year - 1, 10, 5)
    units = (unit("T01", f"Thi hành án dân sự tỉnh {BREAKER}", "tinh", ""),
             *(unit(f"H0{number}", name, "khu_vuc") for number, name in enumerate(NAMES, start=1)))
    officers = tuple(officer(f"C0{number}", name, f"H0{number}") for number, name in enumerate(NAMES, start=1))
    parties = {"nguoi_phai_thi_hanh": IMAGE, "nguoi_duoc_thi_hanh": MARKDOWN, "ban_an_so": BREAKER,
               "toa_an": LINK}
    cases = [{**case(f"V{number}{index}", opened, (index + 1) * 10 * M, unit=f"H0{number}", officer=f"C0{number}",
                     groups="ngan_sach" if index else ""), **parties}
             for number in range(1, 5) for index in range(3)]
    events = [ev(f"V{number}0", opened + timedelta(days=10), "thu_tien", 4 * M) for number in range(1, 5)]
    events += [ev(f"V{number}0", opened + timedelta(days=10), "xong") for number in range(1, 3)]
    targets = [target(year, "tinh", "", "90", "90"), target(year, "tinh", "T01", "90", "90"),
               *(target(year, "don_vi", f"H0{number}", "90", "90") for number in range(1, 5))]
    history, done = _two_past_years(year, parties)
    cases += history
    events += done
    engine = open_engine(url)
    import_tables(engine, tables(units=units, officers=officers, cases=cases, events=events, targets=targets))
    add_leader(engine)
    engine.dispose()
    with serving(url) as served:
        yield served


# Each page narrowed to a scope whose name it then writes in its heading, breadcrumb, captions or charts.
DESK_PAGES = ("?don_vi=H01", "don_vi", "don_vi?don_vi=H04", "chap_hanh_vien?don_vi=H01", "nhom_viec?don_vi=H04",
              "xu_huong?chv=C03", "danh_sach_viec?chv=C02", "viec?ma_viec=V10")


def _literal_names(page) -> list[str]:
    text = page.evaluate("document.body.innerText + ' ' + [...document.querySelectorAll('svg text')]"
                         ".map(node => node.textContent).join(' ')")
    return [name for name in NAMES if name in text]


@pytest.mark.parametrize("path", DESK_PAGES)
def test_every_desk_page_shows_markup_in_names_as_text(hostile_url, page, path):
    page.goto(f"{hostile_url}/{path}")
    page.locator('[data-testid="stMainBlockContainer"] h1').first.wait_for(timeout=90_000)
    page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Đơn vị").wait_for()
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"] [data-testid=\"stSpinner\"]')"
                           " && document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0")
    if path.split("?")[0] not in ("danh_sach_viec",):
        page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=90_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"hostile_{path.split('?')[0] or 'tong_quan'}.png"), full_page=True)
    assert page.evaluate(INJECTED) == []
    assert _literal_names(page), "no hostile name is shown as text"
    assert page.locator('[data-testid="stException"]').count() == 0


# The slide listing units and officers behind pace by name.
BEHIND_SLIDE = 5


def test_every_slide_shows_markup_in_names_as_text(hostile_url, page):
    page.goto(f"{hostile_url}/trinh_chieu?chuyen=5&don_vi=H03")
    for number in range(1, len(SLIDES) + 1):
        page.wait_for_function(
            "([number, total]) => { const dots = document.querySelector('.screen-dots');"
            " return dots && dots.textContent.includes(number + '/' + total); }", arg=[number, len(SLIDES)],
            timeout=90_000)
        page.locator(".screen-head .time").wait_for()
        assert page.evaluate(INJECTED) == [], f"slide {number}"
        assert LINK in page.locator(".screen-head").inner_text()
        if number == BEHIND_SLIDE:
            page.locator(".screen-table, .screen-none").first.wait_for()
            page.screenshot(path=str(ARTIFACTS / "hostile_slide_5.png"))
            assert LINK in page.locator(".screen-table").first.inner_text()
