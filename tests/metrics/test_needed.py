"""Still needed to reach a target (domain.md section 8), worked by hand: exact ceilings, months left, per month."""

from datetime import date

import pytest

from dashboard.metrics.needed import months_left, still_needed


def _chains(enforceable: int, completed: int, money_enforceable: int = 0, money_completed: int = 0) -> dict:
    return {"cases": {"enforceable": enforceable, "completed": completed},
            "money": {"enforceable": money_enforceable, "completed": money_completed}}


@pytest.mark.parametrize("end, left", [
    (date(2023, 10, 1), 12), (date(2023, 10, 30), 12), (date(2023, 10, 31), 11), (date(2023, 12, 31), 9),
    (date(2024, 2, 29), 7), (date(2024, 9, 15), 1), (date(2024, 9, 30), 0),
])
def test_months_left_count_the_month_ends_after_the_period_end_to_30_september(end, left):
    assert months_left(end) == left


def test_the_report_quarter_still_needs_1227_cases_and_835_billion():
    # 83,75% of 3.348 is 2.803,95, so 2.804 cases; 1.577 done leaves 1.227, over 9 months 136,3 -> 137.
    # 46,95% of 1.987.780.000.000 is 933.262.710.000 exactly; 97.600.000.000 done leaves 835.662.710.000,
    # over 9 months 92.851.412.222,2 -> 92.851.412.223.
    chains = _chains(3348, 1577, 1_987_780_000_000, 97_600_000_000)
    assert still_needed(chains, {"cases": 83.75, "money": 46.95}, date(2023, 12, 31)) == {
        "cases": 1227, "money": 835_662_710_000, "months_left": 9,
        "cases_per_month": 137, "money_per_month": 92_851_412_223}


@pytest.mark.parametrize("target, enforceable, completed, needed", [
    (33.33, 3, 0, 1),        # 0,9999 of a case is still a case
    (50.01, 10_000, 0, 5001),  # exact in hundredths: no 5000,999... from binary floats
    (80.0, 10, 8, 0),        # reached exactly
    (80.0, 10, 10, 0),       # passed: never negative
    (84.0, 0, 0, 0),         # nothing enforceable yet
])
def test_the_needed_cases_are_an_exact_ceiling_never_below_zero(target, enforceable, completed, needed):
    result = still_needed(_chains(enforceable, completed), {"cases": target, "money": target}, date(2024, 3, 31))
    assert result["cases"] == needed


def test_without_a_target_or_a_month_left_there_is_no_need_or_no_monthly_share():
    assert still_needed(_chains(10, 1), None, date(2024, 3, 31)) is None
    at_year_end = still_needed(_chains(10, 1, 100, 0), {"cases": 80.0, "money": 50.0}, date(2024, 9, 30))
    assert at_year_end == {"cases": 7, "money": 50, "months_left": 0, "cases_per_month": None,
                           "money_per_month": None}
