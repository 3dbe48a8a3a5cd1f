"""A generated province: units, officers and cases with realistic event timelines (domain.md section 6)."""

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from data_access.codes import EVENT_DAY_ORDER, EXCHANGE_COLUMNS, TERMINAL_EVENTS

DISTRICTS = ("Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái", "Đông Triều", "Quảng Yên", "Đầm Hà", "Hải Hà",
             "Tiên Yên", "Bình Liêu", "Ba Chẽ", "Vân Đồn", "Cô Tô")
# Share of the province's new cases taken by each district, in DISTRICTS order; the province office takes the rest.
DISTRICT_WEIGHTS = (19, 12, 9, 8, 8, 8, 3, 3, 3, 2, 2, 4, 1)
PROVINCE_OFFICE_WEIGHT = 18
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Hồng", "Mạnh")
# Stories are simulated to this day and cut at the day the demo is built.
STORY_HORIZON = date(2040, 1, 1)
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan",
         "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
         "Việt", "Yến")


@dataclass(frozen=True)
class Size:
    """How big a generated province is."""

    districts: int
    officers_per_district: int
    cases_per_year: int
    first_year: int
    old_stock: int


SIZES = {
    # Five work-years of about 8.000 new cases, plus the older stock still open when the data starts.
    "province": Size(districts=13, officers_per_district=10, cases_per_year=8000, first_year=2022, old_stock=1800),
    "small": Size(districts=3, officers_per_district=4, cases_per_year=500, first_year=2022, old_stock=150),
}


@dataclass
class Case:
    """One generated case and its events as exchange rows (date, kind, amount, detail)."""

    code: str
    decided_on: date
    unit: str
    officer: str
    judgment_type: str
    mode: str
    amount: int
    groups: list[str]
    events: list[tuple] = field(default_factory=list)

    def has_group(self, group: str) -> bool:
        """Return whether the case belongs to a group."""
        return group in self.groups


@dataclass
class Province:
    """A generated province: reference rows and cases by code."""

    units: list[tuple]
    officers: list[tuple]
    officers_by_unit: dict[str, list[str]]
    targets: list[tuple]
    cases: dict[str, Case]
    today: date

    def tables(self, only: list[str] | None = None, *, whole_story: bool = False) -> dict[str, pd.DataFrame]:
        """Return the exchange tables (all cases, or only the named ones) with events up to today or all of them."""
        chosen = [self.cases[code] for code in only] if only is not None else list(self.cases.values())
        until = STORY_HORIZON if whole_story else self.today
        viec = [(c.code, f"{index + 1}/QĐ-THADS", c.decided_on.isoformat(), c.unit, c.officer, c.judgment_type,
                 c.mode, str(c.amount), "|".join(c.groups)) for index, c in enumerate(chosen)]
        su_kien = [(c.code, on.isoformat(), kind, "" if amount is None else str(amount), detail)
                   for c in chosen for on, kind, amount, detail in c.events if on <= until]
        rows = {"viec": viec, "su_kien": su_kien}
        if only is None:
            rows |= {"don_vi": self.units, "chap_hanh_vien": self.officers, "chi_tieu": self.targets}
        return {stem: pd.DataFrame(rows[stem], columns=EXCHANGE_COLUMNS[stem], dtype=object)
                for stem in EXCHANGE_COLUMNS if stem in rows}


def person(rng: random.Random) -> str:
    """Return a random Vietnamese full name."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _organisation(rng: random.Random, size: Size):
    units = [("QN00", "Cục Thi hành án dân sự tỉnh Quảng Ninh", "tinh", "")]
    units += [(f"QN{index:02d}", f"Chi cục Thi hành án dân sự {name}", "huyen", "QN00")
              for index, name in enumerate(DISTRICTS[: size.districts], start=1)]
    officers, by_unit = [], {}
    for unit_code, *_ in units:
        count = size.officers_per_district * (2 if unit_code == "QN00" else 1)
        if unit_code == "QN01":
            count += size.officers_per_district // 2
        by_unit[unit_code] = []
        for _ in range(count):
            code = f"CHV{len(officers) + 1:03d}"
            grade = rng.choices(("so_cap", "trung_cap", "cao_cap"), (3, 6, 1 if unit_code != "QN00" else 3))[0]
            officers.append((code, person(rng), unit_code, grade))
            by_unit[unit_code].append(code)
    return units, officers, by_unit


# The national targets (cases %, money %) by work-year (domain.md section 5); a year not listed gets the last one.
NATIONAL_TARGETS = {2022: (82.0, 44.0), 2023: (82.5, 45.5), 2024: (83.25, 46.45), 2025: (83.9, 51.9),
                    2026: (84.0, 52.0), 2027: (84.5, 52.5)}


def national_target(year: int) -> tuple[float, float]:
    """Return the national target (cases %, money %) of a work-year."""
    return NATIONAL_TARGETS.get(year, NATIONAL_TARGETS[max(NATIONAL_TARGETS)])


def _targets(units: list[tuple], officers: list[tuple], first_year: int, last_year: int) -> list[tuple]:
    rows = []
    for year in range(first_year, last_year + 1):
        cases_rate, money_rate = national_target(year)
        rows.append((str(year), "tinh", "", f"{cases_rate + 0.5:.2f}", f"{money_rate + 0.5:.2f}"))
        for index, (code, *_) in enumerate(units):
            shift = (index % 5 - 2) * 0.5
            rows.append((str(year), "don_vi", code, f"{cases_rate + shift:.2f}", f"{money_rate + shift:.2f}"))
        for code, _, _, grade in officers:
            bonus = {"so_cap": -1.0, "trung_cap": 0.0, "cao_cap": 1.0}[grade]
            rows.append((str(year), "chv", code, f"{cases_rate + bonus:.2f}", f"{money_rate + bonus:.2f}"))
    return rows


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


class _Story:
    """Simulates one case day by day in coarse steps, writing only events that obey the import rules."""

    def __init__(self, rng: random.Random, case: Case, colleagues: list[str], horizon: date):
        self.rng, self.case, self.colleagues, self.today = rng, case, colleagues, horizon
        self.remaining = case.amount
        self.day = case.decided_on

    def emit(self, on: date, kind: str, amount: int | None = None, detail: str = "") -> bool:
        """Record an event unless it falls after the horizon; return whether it was recorded."""
        if on > self.today:
            return False
        self.case.events.append((on, kind, amount, detail))
        self.day = on
        return True

    def later(self, low: int, high: int) -> date:
        """Return a day between `low` and `high` days after the last event."""
        return self.day + timedelta(days=self.rng.randint(low, high))

    def run(self) -> None:
        """Write the whole story of the case: its path through enforcement, then maybe a reassignment."""
        rng, budget = self.rng, self.case.has_group("ngan_sach")
        self.follow(budget)
        if rng.random() < 0.2 and len(self.colleagues) > 1:
            self.reassign()

    def reassign(self) -> None:
        """Hand the case to a colleague on some day of its life (at the latest on its terminal day)."""
        last = self.case.events[-1][0] if self.case.events else self.today
        span = (min(last, self.today) - self.case.decided_on).days
        on = self.case.decided_on + timedelta(days=self.rng.randint(0, max(0, span)))
        others = [code for code in self.colleagues if code != self.case.officer]
        self.case.events.append((on, "phan_cong", None, self.rng.choice(others)))
        self.case.events.sort(key=lambda event: (event[0], EVENT_DAY_ORDER[event[1]]))

    def follow(self, budget: bool) -> None:
        """Verify the case, then alternate between enforcing it and waiting while it is not enforceable."""
        rng = self.rng
        verified = self.later(7, 45)
        enforceable = rng.random() < (0.93 if budget else 0.4)
        if not self.emit(verified, "co_dieu_kien" if enforceable else "chua_co_dieu_kien"):
            return
        while True:
            if enforceable:
                outcome = self.enforce(budget)
                if outcome != "stalled":
                    return
            if not self.not_enforceable(budget):
                return
            enforceable = True

    def enforce(self, budget: bool) -> str:
        """Enforce the case; return "closed" when it ended, "stalled" when it became not enforceable, else "open"."""
        rng = self.rng
        big = self.remaining >= 1_000_000_000
        mean_days = 30 if budget and not big else (260 if big else 150)
        finish = self.day + timedelta(days=max(3, int(rng.expovariate(1 / mean_days))))
        if (not budget or self.remaining >= 200_000_000) and finish.month in (10, 11, 12, 1, 2, 3) \
                and rng.random() < 0.75:
            finish = _late_in_work_year(rng, finish)
        if rng.random() < 0.05:
            point = rng.choice("abcdefgh") if rng.random() < 0.7 else "c"
            if not self.emit(self.later(10, 90), "hoan", None, point):
                return "open"
            if not self.emit(self.later(30, 200), "tiep_tuc"):
                return "open"
        if rng.random() < (0.3 if self.case.judgment_type == "pha_san" else 0.012):
            if not self.emit(self.later(10, 120), "tam_dinh_chi"):
                return "open"
            if rng.random() < 0.4:
                return "stalled"
            if not self.emit(self.later(60, 400), "tiep_tuc"):
                return "open"
        installments = rng.choice((0, 1, 1, 2, 2, 3, 4, 5)) if self.remaining else 0
        for _ in range(installments):
            on = self.day + timedelta(days=max(1, (finish - self.day).days // (installments + 1)))
            share = rng.uniform(0.02, 0.1) if self.remaining >= 200_000_000 else rng.uniform(0.1, 0.5)
            part = int(self.remaining * share // 1000 * 1000)
            if part > 0 and not self.emit(on, "thu_tien", part):
                return "open"
            self.remaining -= part
        if self.remaining and rng.random() < 0.03:
            cut = int(self.remaining * rng.uniform(0.1, 0.6) // 1000 * 1000)
            if cut and not self.emit(self.later(5, 60), "giam", cut):
                return "open"
            self.remaining -= cut
        if rng.random() < (0.05 if budget else 0.3):
            return "stalled" if self.emit(max(finish, self.later(1, 30)), "chua_co_dieu_kien") else "open"
        ending = rng.choices(("xong", "dinh_chi", "uy_thac", "huy_quyet_dinh"), (88, 5, 4, 3))[0]
        finish = max(finish, self.later(1, 20))
        if ending == "xong" and self.remaining and rng.random() < 0.8:
            if not self.emit(finish, "thu_tien", self.remaining):
                return "open"
            self.remaining = 0
        return "closed" if self.emit(finish, ending) else "open"

    def not_enforceable(self, budget: bool) -> bool:
        """Wait in a not-enforceable state; return True when the case becomes enforceable again.

        The officer verifies the case again every six months to a year; only after a second verification may it
        move to the separate ledger.
        """
        rng = self.rng
        verifications = 0
        while True:
            step = self.later(120, 300)
            roll = rng.random()
            if roll < 0.22:
                return self.emit(step, "co_dieu_kien")
            if roll < 0.32 and budget and self.remaining < 20_000_000:
                self.emit(step, "dinh_chi")
                return False
            if roll < 0.88 and verifications >= 1:
                if not self.emit(step, "vao_so_rieng"):
                    return False
                if rng.random() < 0.25:
                    if not self.emit(self.later(200, 900), "ra_so_rieng"):
                        return False
                    if rng.random() < 0.6:
                        return self.emit(self.later(3, 40), "co_dieu_kien")
                    if not self.emit(self.later(3, 40), "chua_co_dieu_kien"):
                        return False
                    verifications = 0
                    continue
                return False
            if not self.emit(step, "chua_co_dieu_kien"):
                return False
            verifications += 1


def _late_in_work_year(rng: random.Random, day: date) -> date:
    # Large sums are mostly recovered through auctions late in the work-year, so money rates climb after March.
    year = day.year + 1 if day.month >= 10 else day.year
    return date(year, rng.randint(6, 9), rng.randint(1, 28))


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
    _Story(rng, case, by_unit[unit], STORY_HORIZON).run()
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


def generate_province(size: str = "province", seed: int = 2024, today: date | None = None) -> Province:
    """Return a generated province of the given size; the same seed gives the same past on any later day."""
    today = today or date.today()
    config = SIZES[size]
    rng = random.Random(seed)
    units, officers, by_unit = _organisation(rng, config)
    weights = [PROVINCE_OFFICE_WEIGHT, *DISTRICT_WEIGHTS[: config.districts]]
    cases, year = simulate_cases(seed, unit_codes=[code for code, *_ in units], weights=weights, by_unit=by_unit,
                                 cases_per_year=config.cases_per_year, first_year=config.first_year,
                                 old_stock=config.old_stock, today=today)
    return Province(units, officers, by_unit, _targets(units, officers, config.first_year - 1, year), cases, today)
