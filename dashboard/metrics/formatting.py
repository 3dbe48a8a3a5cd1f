"""Vietnamese number, money and date formats, and the rounding and change arithmetic behind them.

Every format_* function renders None as an em dash, so a missing figure never prints as "None" or "nan".
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

MISSING = "—"
MILLION = Decimal(10) ** 6
BILLION = Decimal(10) ** 9


def round_half_up(x: int | float | Decimal, decimals: int = 0) -> Decimal:
    """Return x rounded half away from zero to `decimals` places, reading a float as the literal it prints as."""
    return exact_decimal(x).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_count(n: int | None) -> str:
    """Return a count with dot thousands separators: 1577 -> "1.577", -1577 -> "-1.577"."""
    return MISSING if n is None else _format_number(n, 0)


def format_percent(x: float | None, decimals: int = 2) -> str:
    """Return a percentage with a decimal comma: 47.1 -> "47,10%"."""
    return MISSING if x is None else f"{_format_number(x, decimals)}%"


def format_points(delta: float | None, decimals: int = 2) -> str:
    """Return a signed change in percentage points: 1.82 -> "+1,82 điểm", 0 -> "0,00 điểm"."""
    if delta is None:
        return MISSING
    text = _format_number(delta, decimals)
    sign = "+" if round_half_up(delta, decimals) > 0 else ""
    return f"{sign}{text} điểm"


def format_billion(dong: int | None, decimals: int = 1) -> str:
    """Return an amount in đồng as billions: 97_612_345_678 -> "97,6 tỷ đồng"."""
    return MISSING if dong is None else f"{format_billion_number(dong, decimals)} tỷ đồng"


def format_billion_number(dong: int | None, decimals: int = 1) -> str:
    """Return an amount in đồng as a number of billions without the unit: 2_774_123_000_000 -> "2.774,1"."""
    return MISSING if dong is None else _format_number(Decimal(dong) / BILLION, decimals)


def format_money_short(dong: int | None) -> str:
    """Return an amount in the largest fitting unit: "97,6 tỷ đồng", "350,0 triệu đồng" or "999.999 đồng"."""
    if dong is None:
        return MISSING
    value = Decimal(dong)
    millions = round_half_up(value / MILLION, 1)
    # 999,95 million would print as "1.000,0 triệu đồng"; a reader expects "1,0 tỷ đồng".
    if abs(millions) >= 1000:
        return format_billion(dong)
    if abs(value) >= MILLION:
        return f"{_format_number(millions, 1)} triệu đồng"
    return f"{format_count(dong)} đồng"


def format_date(d: datetime.date | str) -> str:
    """Return a date (or an ISO date string) as dd/mm/yyyy: "31/12/2023"."""
    if isinstance(d, str):
        d = datetime.date.fromisoformat(d)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def rate_change(current: float | None, previous: float | None) -> float | None:
    """Return current - previous in percentage points rounded half up to 2 decimals, None if either is None."""
    if current is None or previous is None:
        return None
    return float(round_half_up(exact_decimal(current) - exact_decimal(previous), 2))


def relative_change(current: int | float | None, previous: int | float | None) -> float | None:
    """Return the change from previous to current in percent, rounded half up to 2 decimals; None if undefined."""
    if current is None or previous is None or previous == 0:
        return None
    return float(round_half_up((exact_decimal(current) - exact_decimal(previous)) * 100 / exact_decimal(previous), 2))


def exact_decimal(x: int | float | Decimal) -> Decimal:
    """Return x as the Decimal of the literal it prints as."""
    # str() first: Decimal(2.675) is 2.67499999..., but the user saw and means 2.675.
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _format_number(x: int | float | Decimal, decimals: int) -> str:
    rounded = round_half_up(x, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # -0.004 rounds to -0.00; print it as 0,00
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
