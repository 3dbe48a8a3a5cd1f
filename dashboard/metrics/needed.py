"""What is still needed to reach a yearly target (domain.md section 8): the cases and money on today's enforceable
base, the month ends left in the work-year, and how much that is each month."""

from datetime import date

from dashboard.metrics.formatting import exact_decimal
from dashboard.metrics.periods import month_end, work_year


def months_left(end: date) -> int:
    """Return how many month ends fall after `end`, up to 30 September of its work-year."""
    year = work_year(end)
    months = [(year - 1, month) for month in range(10, 13)] + [(year, month) for month in range(1, 10)]
    return sum(1 for year_of, month in months if month_end(year_of, month) > end)


def _ceiling_share(target: float, base: int) -> int:
    """Return ceil(target x base / 100) exactly, the target read in hundredths of a percent."""
    hundredths = int(exact_decimal(target) * 100)
    return -(-hundredths * base // 10_000)


def _per_month(needed: int, months: int) -> int | None:
    return -(-needed // months) if months > 0 else None


def still_needed(chains: dict, target: dict | None, end: date) -> dict | None:
    """Return {cases, money, months_left, cases_per_month, money_per_month} still needed to reach the target on
    the enforceable base at `end`; None without a target. Per month is None when no month end is left."""
    if target is None:
        return None
    cases, money = chains["cases"], chains["money"]
    needed_cases = max(0, _ceiling_share(target["cases"], cases["enforceable"]) - cases["completed"])
    needed_money = max(0, _ceiling_share(target["money"], money["enforceable"]) - money["completed"])
    left = months_left(end)
    return {"cases": needed_cases, "money": needed_money, "months_left": left,
            "cases_per_month": _per_month(needed_cases, left), "money_per_month": _per_month(needed_money, left)}
