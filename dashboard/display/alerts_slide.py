"""The display's alerts slide: what the meeting should look at, as large tiles read from five metres."""

from dashboard.metrics.flow_labels import WARNING_LABELS, WATCH_LABELS
from dashboard.metrics.formatting import format_count, format_percent
from dashboard.metrics.watch import EVEN_LATE_SHARE
from dashboard.text.escape import Html, element


def _tile(count: int, label: str, more: str = "", alarming: bool | None = None, css: str | None = None) -> Html:
    """Return one tile: red when it calls for attention (any count, unless told), green when it does not."""
    parts = [element("span", format_count(count), css="count"), element("span", label, css="label")]
    alarming = bool(count) if alarming is None else alarming
    return element("div", *parts, *([element("span", more, css="more")] if more else []),
                   css=css or ("screen-tile" if alarming else "screen-tile calm"))


def alerts_html(figures: dict) -> Html:
    """Return the slide's tiles: large idle, without action, verification due, then the watch's downgrades (grey,
    context only), the late ones against the even share and the bounce-backs."""
    alerts = figures.get("alerts")
    if alerts is None:
        return element("div", "Số liệu của màn hình này được ghim trước khi có trang cảnh báo.", css="screen-none")
    share = alerts["late_share"]
    return element(
        "div", *(_tile(alerts[name], WARNING_LABELS[name]) for name in ("large_idle", "without_action",
                                                                        "verification_due")),
        _tile(alerts["downgrades"], WATCH_LABELS["downgrades"], css="screen-tile plain"),
        _tile(alerts["late"], WATCH_LABELS["late"],
              f"{format_percent(share)} số lần chuyển (rải đều: khoảng {EVEN_LATE_SHARE}%)",
              alarming=share is not None and share > EVEN_LATE_SHARE),
        _tile(alerts["bounce_backs"], WATCH_LABELS["bounce_backs"]), css="screen-tiles")
