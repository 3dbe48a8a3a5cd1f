"""The agency's clock: Vietnam's time whatever the server's time zone, for "đến nay" and the figures' time."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

AGENCY_TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def now() -> datetime:
    """Return the current time in Vietnam, without a time zone attached (the database stores it that way)."""
    return datetime.now(AGENCY_TIME_ZONE).replace(tzinfo=None)


def today() -> date:
    """Return today's date in Vietnam."""
    return now().date()
