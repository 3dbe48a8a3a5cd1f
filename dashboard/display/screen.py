"""The meeting-room display: a dark full screen that turns its slides by itself and keeps its figures fresh."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from data_access.engine import DatabaseUnavailable
from data_access.queries.pinned import pin, pinned
from dashboard.charts.big_screen import for_big_screen
from dashboard.charts.figures import CHART_CONFIG, paired_rates, trend_rates
from dashboard.charts.pace_figures import pace_bars, pace_gauge
from dashboard.display.alerts_slide import alerts_html
from dashboard.display.figures import data_notes, read_figures
from dashboard.display.settings import DisplaySettings, settings_from_query
from dashboard.metrics.formatting import format_billion_number, format_count, format_percent
from dashboard.metrics.pace import MIN_RANKED, STATUS_LABELS
from dashboard.metrics.periods import work_year
from dashboard.text.escape import Html, element, plotly_text
from dashboard.metrics import clock
from dashboard.view import cache
from dashboard.view.filters import PARAMETERS, TO_DATE, Filters, from_query, to_query

SLIDES = ("Tỷ lệ thi hành xong", "Đơn vị so với mức cần đạt", "Kết quả theo nhóm việc", "Xu hướng theo tháng",
          "Đơn vị và chấp hành viên chậm so với mức cần đạt", "Cần cuộc họp chú ý")
CHAINS = {"cases": "về việc", "money": "về tiền"}
# Pixels a chart may fill on a 1920x1080 screen under the heading and above the rotation indicator; a banner or
# a line of notices takes LINE_PIXELS of it, so nothing slides off the bottom of the screen.
CHART_HEIGHT = 800
LINE_PIXELS = 58
# The gauges leave room below them for the completed / enforceable figures.
GAUGE_ROOM = 180
# Bars of a ranking that stay readable at five metres on 1920x1080 (a province's 14 units); with more, only the
# best and the worst ENDS_SHOWN each are drawn.
RANKED_ROWS = 14
ENDS_SHOWN = 6
# Rows of a below-target list that stay readable at five metres; the rest are counted.
LISTED = 12


@dataclass
class Screen:
    """What one screen holds between slides: its last figures, when they were read, since when the link is lost."""

    figures: dict | None = None
    read_at: datetime | None = None
    lost_since: datetime | None = None
    slide: int = 0
    notices: list[str] = field(default_factory=list)


def display_query(query: dict[str, str], frozen_on: date | None = None) -> dict[str, str]:
    """Return the URL query with "đến nay" as the period when the URL names neither a year nor a period end: to
    today, or for a frozen screen to its cut-off, in the work-year of that day."""
    if PARAMETERS["year"] not in query and PARAMETERS["end"] not in query:
        year = {} if frozen_on is None else {PARAMETERS["year"]: str(work_year(frozen_on))}
        return query | year | {PARAMETERS["end"]: TO_DATE}
    return query


def _view_key(settings: DisplaySettings, filters: Filters) -> str:
    return f"{settings.frozen_at:%Y-%m-%dT%H:%M}?{urlencode(sorted(to_query(filters).items()))}"


def _read(query: dict[str, str], now: datetime) -> tuple[dict, list[str]]:
    settings, notices = settings_from_query(query, now)
    frozen_on = None if settings.frozen_at is None else settings.frozen_at.date()
    # A frozen screen reads the URL as it would have been read on its cut-off day: that day's work-year, "đến nay"
    # ending on it.
    options = cache.filter_options(frozen_on or now.date())
    filters, refused = from_query(display_query(query, frozen_on), options)
    reader = cache.reader()
    if settings.frozen_at is None:
        return read_figures(reader, filters, options, now.date(), now), notices + refused
    view, scope = _view_key(settings, filters), filters.scope()
    figures = pinned(reader, view, scope) or pin(
        reader, view, scope, read_figures(reader, filters, options, settings.frozen_at.date(), now), now)
    return figures, notices + refused


def refresh(screen: Screen, settings: DisplaySettings, query: dict[str, str]) -> None:
    """Read the figures again when they are due (or the database was lost); keep the last ones if it fails."""
    now = clock.now()
    stale = screen.read_at is None or now - screen.read_at >= timedelta(minutes=settings.minutes)
    if screen.figures is not None and screen.lost_since is None and (settings.frozen_at or not stale):
        return
    try:
        screen.figures, screen.notices = _read(query, now)
        screen.read_at, screen.lost_since = now, None
    except (DatabaseUnavailable, SQLAlchemyError):
        screen.lost_since = screen.lost_since or now


def _html(fragment: Html, place=st) -> None:
    """Draw a fragment built by `element`, whose every text part is escaped."""
    place.markdown(fragment, unsafe_allow_html=True)


def _when(moment: datetime) -> str:
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


def head_lines(figures: dict, frozen_at: datetime | None) -> tuple[str, str, str | None]:
    """Return the heading's scope and period, how recent its data is (with a frozen screen's cut-off), and the
    period's close (None when it is open), all as the figures were read."""
    data, closed = data_notes(figures)
    # Figures pinned before the data's date was kept with them say when they were read instead.
    data = data or f"Số liệu đọc lúc {_when(datetime.fromisoformat(figures['taken_at']))}"
    if frozen_at is not None:
        data = f"Số liệu chốt đến {_when(frozen_at)} · {data}"
    return f"Kết quả thi hành án dân sự lũy kế · {figures['scope']}", data, closed


def _head(screen: Screen, settings: DisplaySettings) -> None:
    scope, data, closed = head_lines(screen.figures, settings.frozen_at)
    _html(element("div", element("span", scope, css="scope"), element("span", data, css="time"), css="screen-head"))
    if closed is not None:
        _html(element("div", f"🔒 {closed}: số liệu giữ như lúc chốt, kể cả khi lần nhập sau thay đổi các việc.",
                      css="screen-notice"))
    if screen.lost_since is not None:
        _html(element("div", f"Mất kết nối cơ sở dữ liệu, số liệu lúc {_when(screen.read_at)}. Màn hình tự kết "
                             "nối lại khi cơ sở dữ liệu hoạt động trở lại.", css="screen-lost"))
    if screen.notices:
        _html(element("div", " · ".join(screen.notices), css="screen-notice"))


def _chart(place, figure, key: str, height: int) -> None:
    place.plotly_chart(for_big_screen(figure, height=height), key=key, theme=None, config=CHART_CONFIG)


def _pace_lines(total: dict) -> Html | None:
    """Return the pace with its status and the forecast to 30/9 under a gauge, or None without a pace."""
    if total.get("pace") is None:
        return None
    status = total["status"]
    said = element("span", STATUS_LABELS[status].capitalize() if status else f"Dưới {MIN_RANKED} việc, không xếp "
                   "hạng", css=status or "none")
    parts = [element("div", said, f" · mức cần đạt đến nay {format_percent(total['pace'])}")]
    made = total.get("forecast")
    if made is not None:
        parts.append(element("div", f"Dự báo 30/9: {format_percent(made['rate'])} "
                                    f"({format_percent(made['low'])}–{format_percent(made['high'])})"))
    return element("div", *parts, css="screen-pace")


def _gauges(figures: dict, key: str, height: int) -> None:
    for place, (chain, label) in zip(st.columns(2), CHAINS.items()):
        total = figures["total"][chain]
        _chart(place, pace_gauge(f"Tỷ lệ xong {label}", total["rate"], pace=total.get("pace"),
                                 status=total.get("status"), target=total["target"], last_year=total["last_year"]),
               f"{key}.{chain}", height - GAUGE_ROOM)
        if chain == "cases":
            counts = f"{format_count(total['completed'])} / {format_count(total['enforceable'])} việc"
        else:
            counts = (f"{format_billion_number(total['completed'])} / {format_billion_number(total['enforceable'])}"
                      " tỷ đồng")
        goal = f"Chỉ tiêu năm {format_percent(total['target'])}" if total["target"] is not None else "Không có chỉ tiêu"
        _html(element("div", counts, element("small", f"thi hành xong / có điều kiện · {goal}"),
                      css="screen-figure"), place)
        lines = _pace_lines(total)
        if lines is not None:
            _html(lines, place)


def ranked_ends(rows: list[dict], chain: str) -> tuple[list[dict], int]:
    """Return the rows a ranking slide draws for a chain, and how many it leaves out in the middle.

    Up to RANKED_ROWS rows are all drawn; more (the country's 34 provinces) would not be readable at five metres,
    so the best and the worst ENDS_SHOWN by that chain's rate are drawn.
    """
    if len(rows) <= RANKED_ROWS:
        return rows, 0
    ranked = sorted(rows, key=lambda row: (row[chain]["rate"] is None, -(row[chain]["rate"] or 0)))
    return ranked[:ENDS_SHOWN] + ranked[-ENDS_SHOWN:], len(rows) - 2 * ENDS_SHOWN


def _ranking(figures: dict, key: str, height: int) -> None:
    for place, (chain, label) in zip(st.columns(2), CHAINS.items()):
        rows, left_out = ranked_ends(figures["ranked"], chain)
        frame = pd.DataFrame([{"name": plotly_text(row["name"]), "rate": row[chain]["rate"], "pace": row[chain]["pace"],
                               "status": row[chain]["status"], "completed": row["completed"],
                               "enforceable": row["enforceable"], "last_year": row[chain]["last_year"]}
                              for row in rows],
                             columns=["name", "rate", "pace", "status", "completed", "enforceable", "last_year"])
        heading = label.capitalize()
        if left_out:
            heading += (f": {ENDS_SHOWN} {figures['ranked_by']} cao nhất và {ENDS_SHOWN} thấp nhất "
                        f"(bỏ {left_out} ở giữa)")
        _html(element("div", heading, css="screen-chain"), place)
        _chart(place, pace_bars(frame, title=label, legend=False), f"{key}.{chain}", height - 2 * LINE_PIXELS)
    _html(element("div", "Xanh: đúng tiến độ · vàng: cần chú ý · đỏ: chậm tiến độ · xám: không xếp hạng · vạch "
                         "trắng: mức cần đạt đến nay · hình thoi: cùng kỳ năm trước · bên phải: tỷ lệ, số việc "
                         "xong/có điều kiện. Xa mức cần đạt nhất ở trên.", css="screen-note"))


def _groups(figures: dict, key: str, height: int) -> None:
    frame = pd.DataFrame([{"name": group["name"], "cases_rate": group["cases"]["rate"],
                           "cases_last_year": group["cases"]["last_year"], "money_rate": group["money"]["rate"],
                           "money_last_year": group["money"]["last_year"]} for group in figures["groups"]],
                         columns=["name", "cases_rate", "cases_last_year", "money_rate", "money_last_year"])
    figure = paired_rates(frame, title="")
    # Read from afar, a bar needs its value: a 0% bar would otherwise look like a missing one.
    figure.update_traces(texttemplate="%{y:.1f}", textposition="outside", cliponaxis=False, selector={"type": "bar"})
    figure.update_yaxes(range=[0, 112])
    _chart(st, figure, key, height)


def _trend(figures: dict, key: str, height: int) -> None:
    if not figures["trend"]:
        _html(element("div", "Năm công tác chưa có tháng nào kết thúc.", css="screen-none"))
        return
    for place, (chain, label) in zip(st.columns(2), CHAINS.items()):
        frame = pd.DataFrame([{"month": month["month"], "this_year": month[chain], "last_year": month[f"last_{chain}"]}
                              for month in figures["trend"]], columns=["month", "this_year", "last_year"])
        _html(element("div", label.capitalize(), css="screen-chain"), place)
        _chart(place, trend_rates(frame, title=label, target=figures["total"][chain]["target"]), f"{key}.{chain}",
               height - LINE_PIXELS)


def _below_table(rows: list[dict], what: str) -> Html:
    if not rows:
        return element("div", f"Không có {what} nào chậm so với mức cần đạt.", css="screen-none")

    def cells(row: dict, chain: str) -> list[Html]:
        status = row[f"{chain}_status"]
        shown = f"num {status}" if status in ("watch", "behind") else "num"
        return [element("td", format_percent(row[chain]), css=shown),
                element("td", format_percent(row[f"{chain}_pace"]), css="goal")]

    heading = element("tr", *(element("th", title) for title in (
        f"{what.capitalize()} ({format_count(len(rows))})", "Việc", "Cần đạt", "Tiền", "Cần đạt")))
    lines = [element("tr", element("td", row["name"]), *cells(row, "cases"), *cells(row, "money"))
             for row in rows[:LISTED]]
    table = element("table", heading, *lines, css="screen-table")
    if len(rows) <= LISTED:
        return table
    return element("div", table, element("div", f"và {format_count(len(rows) - LISTED)} {what} khác",
                                          css="screen-more"))


def _below(figures: dict, key: str, height: int) -> None:
    if not figures["has_targets"]:
        _html(element("div", "Phạm vi đang chiếu không có chỉ tiêu giao (chỉ tiêu giao cho toàn bộ việc, không "
                             "theo nhóm, loại bản án hay hình thức).", css="screen-none"))
        return
    kinds = figures["below_kinds"]
    _html(element("div", f"Tỷ lệ lũy kế so với mức cần đạt đến nay của chính {kinds[0]}, {kinds[1]}; vàng: cần chú "
                         f"ý, đỏ: chậm tiến độ; không tính nơi dưới {MIN_RANKED} việc. Xa mức cần đạt nhất trước.",
                  css="screen-note"))
    for place, rows, kind in zip(st.columns(2, gap="large"), figures["below"], kinds):
        _html(_below_table(rows, kind), place)


def _alerts(figures: dict, key: str, height: int) -> None:
    _html(alerts_html(figures))


DRAWERS = (_gauges, _ranking, _groups, _trend, _below, _alerts)


def _dots(slide: int) -> None:
    dots = [element("span", "●", css="here") if index == slide else "○" for index in range(len(SLIDES))]
    _html(element("div", *dots, " ", element("span", f"{slide + 1}/{len(SLIDES)}"), css="screen-dots"))


def say_lost(settings: DisplaySettings) -> None:
    """Draw the notice that the database is out of reach and when the screen tries again."""
    _html(element("div", f"Không kết nối được cơ sở dữ liệu. Màn hình tự thử lại sau mỗi {settings.seconds} giây.",
                  css="screen-lost"))


def show_slide(screen: Screen, settings: DisplaySettings) -> None:
    """Draw the screen's current slide with the heading, the connection banner and the rotation indicator."""
    if screen.figures is None:
        say_lost(settings)
        return
    _head(screen, settings)
    title = SLIDES[screen.slide]
    if screen.slide == 1:
        title = f"{screen.figures['ranked_by'].capitalize()} so với mức cần đạt"
    elif screen.slide == 4:
        title = f"{' và '.join(screen.figures['below_kinds']).capitalize()} chậm so với mức cần đạt"
    _html(element("div", title, css="screen-title"))
    extra_lines = (screen.lost_since is not None) + bool(screen.notices) + bool(screen.figures.get("closed"))
    DRAWERS[screen.slide](screen.figures, f"display.{screen.slide}", CHART_HEIGHT - LINE_PIXELS * extra_lines)
    _dots(screen.slide)
