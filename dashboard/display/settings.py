"""The meeting-room display's own URL parameters: seconds per slide, minutes between refreshes, a frozen cut-off."""

from dataclasses import dataclass
from datetime import datetime

from data_access.exchange.cells import PLAUSIBLE_DAYS
from dashboard.view.url_values import decimal_number, iso_minute, refused

# URL query-parameter names; none clashes with the shared filters' (nam, den, don_vi, chv, nhom, loai, hinh_thuc).
PARAMETERS = {"seconds": "chuyen", "minutes": "lam_moi", "frozen_at": "chot"}
DEFAULT_SECONDS = 20
DEFAULT_MINUTES = 5.0
# Bounds that keep a slide readable and the database unhurried: 5 s to 10 min a slide, 0,1 to 24 h a refresh.
SECONDS_RANGE = (5, 600)
MINUTES_RANGE = (0.1, 1440.0)


@dataclass(frozen=True)
class DisplaySettings:
    """How the display runs: seconds each slide stays, minutes between data refreshes, and the frozen cut-off."""

    seconds: int = DEFAULT_SECONDS
    minutes: float = DEFAULT_MINUTES
    frozen_at: datetime | None = None


def _bounded(query: dict[str, str], name: str, bounds: tuple[float, float], refusal: str,
             notices: list[str]) -> float | None:
    """Return the URL's number for a parameter when it lies within bounds; else None, noting a refused value."""
    text = query.get(PARAMETERS[name])
    if not text:
        return None
    value = decimal_number(text, *bounds)
    if value is None:
        notices.append(refused(PARAMETERS[name], text, refusal))
    return value


def settings_from_query(query: dict[str, str], now: datetime) -> tuple[DisplaySettings, list[str]]:
    """Return the display settings a URL asks for and a Vietnamese notice for every value that was refused."""
    notices, frozen_at = [], None
    seconds = _bounded(query, "seconds", SECONDS_RANGE, f"viết từ {SECONDS_RANGE[0]} đến {SECONDS_RANGE[1]} giây; "
                       f"mỗi trang chiếu {DEFAULT_SECONDS} giây", notices)
    minutes = _bounded(query, "minutes", MINUTES_RANGE, "viết từ 0,1 đến 1.440 phút; số liệu được cập nhật mỗi "
                       f"{DEFAULT_MINUTES:g} phút", notices)
    text = query.get(PARAMETERS["frozen_at"])
    if text:
        value = iso_minute(text)
        if value is None:
            notices.append(refused(PARAMETERS["frozen_at"], text, "viết dạng 2026-11-28T08:00, từ năm "
                                   f"{PLAUSIBLE_DAYS[0].year}; số liệu được cập nhật liên tục"))
        elif value > now:
            notices.append(f"Giờ chốt {value:%H:%M} ngày {value:%d/%m/%Y} chưa đến; số liệu được cập nhật liên tục "
                           "cho đến khi mở lại đường link sau giờ chốt.")
        else:
            frozen_at = value
    return DisplaySettings(DEFAULT_SECONDS if seconds is None else round(seconds),
                           DEFAULT_MINUTES if minutes is None else minutes, frozen_at), notices
