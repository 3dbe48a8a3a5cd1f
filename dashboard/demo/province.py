"""A generated province: its units, officers and targets, and its cases (domain.md section 6)."""

import random
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data_access.codes import EXCHANGE_COLUMNS, OPTIONAL_CASE_COLUMNS
from dashboard.demo.cases import simulate_cases
from dashboard.demo.parties import case_parties, person, with_verifications
from dashboard.demo.story import STORY_HORIZON, Case
from dashboard.metrics import clock

PROVINCE_NAME = "Quảng Ninh"
PROVINCE_OFFICE = ("QN00", f"Thi hành án dân sự tỉnh {PROVINCE_NAME}", "tinh", "")
# Since 1/7/2025 each regional office took over the work of several former district offices; a district's share
# of the province's new cases (the province office takes the rest) passes to its region.
REGIONS = (
    (("Hạ Long", 19),),
    (("Cẩm Phả", 12), ("Vân Đồn", 4), ("Cô Tô", 1)),
    (("Uông Bí", 9), ("Đông Triều", 8), ("Quảng Yên", 8)),
    (("Móng Cái", 8), ("Hải Hà", 3), ("Đầm Hà", 3)),
    (("Tiên Yên", 3), ("Bình Liêu", 2), ("Ba Chẽ", 2)),
)
PROVINCE_OFFICE_WEIGHT = 18


@dataclass(frozen=True)
class Size:
    """How big a generated province is."""

    regions: int
    officers_per_district: int
    cases_per_year: int
    first_year: int
    old_stock: int


SIZES = {
    # Five work-years of about 8.000 new cases, plus the older stock still open when the data starts.
    "province": Size(regions=5, officers_per_district=10, cases_per_year=8000, first_year=2022, old_stock=1800),
    "small": Size(regions=3, officers_per_district=2, cases_per_year=500, first_year=2022, old_stock=150),
}


@dataclass
class Province:
    """A generated province: reference rows and cases by code."""

    units: list[tuple]
    officers: list[tuple]
    officers_by_unit: dict[str, list[str]]
    targets: list[tuple]
    cases: dict[str, Case]
    today: date
    seed: int = 0

    def tables(self, only: list[str] | None = None, *, whole_story: bool = False) -> dict[str, pd.DataFrame]:
        """Return the exchange tables (all cases, or only the named ones) with events up to today, verifications
        among them; or, for the calibration, each whole simulated story, which verifications would not change."""
        chosen = [self.cases[code] for code in only] if only is not None else list(self.cases.values())
        until = STORY_HORIZON if whole_story else self.today
        viec = [(c.code, f"{index + 1}/QĐ-THADS", c.decided_on.isoformat(), c.unit, c.officer, c.judgment_type,
                 c.mode, str(c.amount), "|".join(c.groups),
                 *case_parties(self.seed, c.code, c.judgment_type, c.groups, c.decided_on, PROVINCE_NAME))
                for index, c in enumerate(chosen)]
        def story(case: Case) -> list[tuple]:
            return case.events if whole_story else with_verifications(self.seed, case, until)

        su_kien = [(c.code, on.isoformat(), kind, "" if amount is None else str(amount), detail)
                   for c in chosen for on, kind, amount, detail in story(c) if on <= until]
        rows = {"viec": viec, "su_kien": su_kien}
        if only is None:
            rows |= {"don_vi": self.units, "chap_hanh_vien": self.officers, "chi_tieu": self.targets}
        columns = {**EXCHANGE_COLUMNS, "viec": EXCHANGE_COLUMNS["viec"] + tuple(OPTIONAL_CASE_COLUMNS)}
        return {stem: pd.DataFrame(rows[stem], columns=columns[stem], dtype=object)
                for stem in EXCHANGE_COLUMNS if stem in rows}


def regional_office_name(number: int) -> str:
    """Return the official name of the province's regional office of that number."""
    return f"Phòng Thi hành án dân sự khu vực {number} - {PROVINCE_NAME}"


def _officer_counts(size: Size) -> dict[str, int]:
    """Return the officers of each unit: the province office twice a district's, a region one per former district,
    and the first region, the province's largest city, half a district's more."""
    counts = {PROVINCE_OFFICE[0]: 2 * size.officers_per_district}
    for number, districts in enumerate(REGIONS[: size.regions], start=1):
        counts[f"QN{number:02d}"] = size.officers_per_district * len(districts)
    counts["QN01"] += size.officers_per_district // 2
    return counts


def _organisation(rng: random.Random, size: Size):
    units = [PROVINCE_OFFICE]
    units += [(f"QN{number:02d}", regional_office_name(number), "khu_vuc", PROVINCE_OFFICE[0])
              for number in range(1, size.regions + 1)]
    officers, by_unit = [], {}
    for unit_code, count in _officer_counts(size).items():
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


def generate_province(size: str = "province", seed: int = 2024, today: date | None = None) -> Province:
    """Return a generated province of the given size; the same seed gives the same past on any later day."""
    today = today or clock.today()
    config = SIZES[size]
    rng = random.Random(seed)
    units, officers, by_unit = _organisation(rng, config)
    weights = [PROVINCE_OFFICE_WEIGHT, *(sum(weight for _, weight in region) for region in REGIONS[: config.regions])]
    cases, year = simulate_cases(seed, unit_codes=[code for code, *_ in units], weights=weights, by_unit=by_unit,
                                 cases_per_year=config.cases_per_year, first_year=config.first_year,
                                 old_stock=config.old_stock, today=today)
    return Province(units, officers, by_unit, _targets(units, officers, config.first_year - 1, year), cases, today,
                    seed)
