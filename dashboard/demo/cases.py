"""The generated caseload: each case's profile (judgment type, mode, amount, groups), its decision day, and the old
stock and yearly intake of a set of units, each case drawn from its own random stream."""

import math
import random
from datetime import date, timedelta

from data_access.codes import TERMINAL_EVENTS
from dashboard.demo.story import STORY_HORIZON, Case, CaseStory


def _lognormal_amount(rng: random.Random, median: float, sigma: float, floor: int = 100_000) -> int:
    return max(floor, int(round(median * math.exp(rng.gauss(0, sigma)), -3)))


def _case_profile(rng: random.Random):
    budget = rng.random() < 0.72
    if budget:
        judgment = rng.choices(("hinh_su", "dan_su", "hon_nhan_gia_dinh", "kinh_doanh_thuong_mai", "hanh_chinh",
                                "khac"), (58, 22, 10, 5, 1, 4))[0]
        mode = "chu_dong" if rng.random() < 0.92 else "theo_don"
        amount = _lognormal_amount(rng, 4_000_000, 1.5)
    else:
        judgment = rng.choices(("dan_su", "kinh_doanh_thuong_mai", "hon_nhan_gia_dinh", "lao_dong", "hinh_su",
                                "pha_san", "trong_tai", "khac"), (44, 24, 14, 5, 7, 1, 1, 4))[0]
        mode = "theo_don" if rng.random() < 0.85 else "chu_dong"
        amount = _lognormal_amount(rng, 230_000_000, 1.9)
    groups = ["ngan_sach"] if budget else []
    if not budget and judgment in ("kinh_doanh_thuong_mai", "dan_su", "pha_san") and rng.random() < 0.3:
        groups.append("tin_dung")
        amount = _lognormal_amount(rng, 1_400_000_000, 1.3)
    if judgment == "lao_dong" and rng.random() < 0.6 or rng.random() < 0.008:
        groups.append("bhxh")
    if judgment == "hinh_su" and rng.random() < 0.03:
        groups.append("thu_hoi_tai_san")
        amount = _lognormal_amount(rng, 300_000_000, 1.1)
    if not budget and rng.random() < 0.04:
        amount = 0
    if amount >= 8_000_000_000 or rng.random() < 0.005:
        groups.append("trong_diem")
    return judgment, mode, amount, sorted(groups)


def _decision_day(rng: random.Random, start: date, end: date) -> date:
    span = (end - start).days
    while True:
        day = start + timedelta(days=rng.randint(0, span))
        if day.weekday() < 5 or rng.random() < 0.1:
            return day


def _new_case(seed: int, code: str, decided: date, unit_codes, weights, by_unit) -> Case:
    # Each case draws from its own stream, so the cases of past years stay the same whatever day the demo is built.
    rng = random.Random(f"{seed}:{code}")
    unit = rng.choices(unit_codes, weights)[0]
    judgment, mode, amount, groups = _case_profile(rng)
    case = Case(code, decided, unit, rng.choice(by_unit[unit]), judgment, mode, amount, groups)
    CaseStory(rng, case, by_unit[unit], STORY_HORIZON).run()
    return case


def simulate_cases(seed: int, *, unit_codes: list[str], weights: list[float], by_unit: dict[str, list[str]],
                   cases_per_year: int, first_year: int, old_stock: int, today: date, code_prefix: str = "",
                   digits: int = 5) -> tuple[dict[str, Case], int]:
    """Return the cases by code (the old stock still open, then each work-year to today) and the first year not begun.

    Codes read f"{code_prefix}VC-{index}" for the old stock and f"{code_prefix}V2024-{index}" for a work-year.
    """
    start = date(first_year - 1, 10, 1)
    cases = {}
    old_days = _decision_days(random.Random(f"{seed}:old"), old_stock, date(start.year - 6, 1, 1),
                              start - timedelta(days=1))
    for index, decided in enumerate(old_days, start=1):
        case = _new_case(seed, f"{code_prefix}VC-{index:0{digits}d}", decided, unit_codes, weights, by_unit)
        ended = case.events and case.events[-1][1] in TERMINAL_EVENTS and case.events[-1][0] < start
        if not ended:
            cases[case.code] = case
    year = first_year
    while date(year - 1, 10, 1) <= today:
        first, last = date(year - 1, 10, 1), min(date(year, 9, 30), today)
        count = round(cases_per_year * ((last - first).days + 1) / 365)
        days = _decision_days(random.Random(f"{seed}:{year}"), count, first, last)
        for index, decided in enumerate(days, start=1):
            case = _new_case(seed, f"{code_prefix}V{year}-{index:0{digits}d}", decided, unit_codes, weights, by_unit)
            cases[case.code] = case
        year += 1
    return cases, year


def _decision_days(rng: random.Random, count: int, first: date, last: date) -> list[date]:
    return sorted(_decision_day(rng, first, last) for _ in range(count))
