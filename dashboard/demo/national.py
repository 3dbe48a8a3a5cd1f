"""A generated country: the central department, the 34 provinces, their regional offices, officers and cases.

Each province simulates its cases with the province demo's machinery under a seed of its own, so every province
differs while the same seed always gives the same country.
"""

import math
import random
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data_access.codes import EXCHANGE_COLUMNS, OPTIONAL_CASE_COLUMNS
from data_access.exchange.bulk_load import NewCase
from dashboard.demo.cases import simulate_cases
from dashboard.demo.parties import case_parties, person, with_verifications
from dashboard.demo.province import national_target
from dashboard.metrics import clock

CENTRAL_UNIT = ("TW", "Cục Quản lý thi hành án dân sự", "trung_uong", "")
# The provinces since 1/7/2025: name, centrally-run city, and a weight for their share of offices, officers and
# cases (roughly their population and economy).
PROVINCES = (
    ("Hà Nội", True, 27), ("Huế", True, 6), ("Lai Châu", False, 5), ("Điện Biên", False, 6),
    ("Sơn La", False, 7), ("Lạng Sơn", False, 6), ("Quảng Ninh", False, 8), ("Thanh Hóa", False, 12),
    ("Nghệ An", False, 12), ("Hà Tĩnh", False, 7), ("Cao Bằng", False, 5), ("Tuyên Quang", False, 7),
    ("Lào Cai", False, 7), ("Thái Nguyên", False, 8), ("Phú Thọ", False, 12), ("Bắc Ninh", False, 12),
    ("Hưng Yên", False, 11), ("Hải Phòng", True, 14), ("Ninh Bình", False, 12), ("Quảng Trị", False, 8),
    ("Đà Nẵng", True, 12), ("Quảng Ngãi", False, 8), ("Gia Lai", False, 11), ("Khánh Hòa", False, 9),
    ("Lâm Đồng", False, 12), ("Đắk Lắk", False, 11), ("Hồ Chí Minh", True, 30), ("Đồng Nai", False, 13),
    ("Tây Ninh", False, 11), ("Cần Thơ", True, 12), ("Vĩnh Long", False, 12), ("Đồng Tháp", False, 12),
    ("Cà Mau", False, 9), ("An Giang", False, 13),
)
# The province office handles cases itself; as in the province demo it takes about 18% of the province's cases.
PROVINCE_OFFICE_SHARE = 0.18
# Ids are given in blocks, one a province, so workers number their cases without knowing the other provinces.
CASE_ID_BLOCK = 1_000_000


@dataclass(frozen=True)
class NationalSize:
    """How big a generated country is: the first `provinces` of PROVINCES and national totals."""

    provinces: int
    offices: int
    officers: int
    cases_per_year: int
    # Cases decided before the first work-year; only those still open at its start are kept (about a fifth).
    old_stock: int
    # Floors: offices a province, officers a unit, so the smallest still have a few of each.
    min_offices: int
    min_officers: int
    first_year: int = 2022


SIZES = {
    # About 5 million cases and 25 million events over five work-years, 355 regional offices, 9.000 officers.
    "national": NationalSize(provinces=34, offices=355, officers=9000, cases_per_year=960_000, old_stock=216_000,
                             min_offices=6, min_officers=3),
    "tiny": NationalSize(provinces=3, offices=6, officers=30, cases_per_year=600, old_stock=60, min_offices=2,
                         min_officers=2),
}


@dataclass(frozen=True)
class ProvincePlan:
    """One province's organisation and caseload: all a worker needs to generate its cases."""

    number: int
    code: str
    name: str
    seed: int
    weight: int
    unit_codes: list[str]
    unit_weights: list[float]
    by_unit: dict[str, list[str]]
    cases_per_year: int
    old_stock: int
    first_year: int


@dataclass(frozen=True)
class Country:
    """A generated country: exchange rows of units, officers and targets, and a plan for each province's cases."""

    units: list[tuple]
    officers: list[tuple]
    targets: list[tuple]
    plans: list[ProvincePlan]
    today: date


def apportion(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Return whole shares of total in proportion to weights, each at least minimum, summing to total."""
    fixed: set[int] = set()
    while True:
        free = [index for index in range(len(weights)) if index not in fixed]
        free_total = total - minimum * len(fixed)
        free_weight = sum(weights[index] for index in free)
        quotas = {index: free_total * weights[index] / free_weight for index in free}
        low = {index for index, quota in quotas.items() if quota < minimum}
        if not low:
            break
        fixed |= low
    shares = [minimum if index in fixed else math.floor(quotas[index]) for index in range(len(weights))]
    by_remainder = sorted(quotas, key=lambda index: (math.floor(quotas[index]) - quotas[index], index))
    for index in by_remainder[: total - sum(shares)]:
        shares[index] += 1
    return shares


def _province_unit(number: int, name: str, city: bool) -> tuple:
    return f"T{number:02d}", f"Thi hành án dân sự {'thành phố' if city else 'tỉnh'} {name}", "tinh", "TW"


def _units(size: NationalSize, seed: int) -> tuple[list[tuple], dict[str, list[float]]]:
    chosen = PROVINCES[: size.provinces]
    offices = apportion(size.offices, [weight for *_, weight in chosen], size.min_offices)
    rows, unit_weights = [CENTRAL_UNIT], {}
    for number, ((name, city, _), count) in enumerate(zip(chosen, offices), start=1):
        province = _province_unit(number, name, city)
        rng = random.Random(f"{seed}:T{number:02d}:offices")
        weights = [rng.randint(4, 16) for _ in range(count)]
        unit_weights[province[0]] = [sum(weights) * PROVINCE_OFFICE_SHARE / (1 - PROVINCE_OFFICE_SHARE), *weights]
        rows.append(province)
        rows += [(f"{province[0]}K{index:02d}", f"Phòng Thi hành án dân sự khu vực {index} - {name}", "khu_vuc",
                  province[0]) for index in range(1, count + 1)]
    return rows, unit_weights


def _officers(size: NationalSize, seed: int, unit_weights: dict[str, list[float]]):
    provinces = list(unit_weights)
    province_weights = [weight for *_, weight in PROVINCES[: size.provinces]]
    # A unit's officers follow its share of the country's cases.
    shares = [province_weight * weight / sum(weights)
              for province_weight, weights in zip(province_weights, unit_weights.values()) for weight in weights]
    counts = iter(apportion(size.officers, shares, size.min_officers))
    rows, by_unit = [], {}
    for province in provinces:
        rng = random.Random(f"{seed}:{province}:officers")
        unit_codes = [province] + [f"{province}K{index:02d}" for index in range(1, len(unit_weights[province]))]
        number = 0
        for unit in unit_codes:
            by_unit[unit] = []
            for _ in range(next(counts)):
                number += 1
                code = f"{province}C{number:04d}"
                grade = rng.choices(("so_cap", "trung_cap", "cao_cap"), (3, 6, 3 if unit == province else 1))[0]
                rows.append((code, person(rng), unit, grade))
                by_unit[unit].append(code)
    return rows, by_unit


def _rate(value: float) -> str:
    return f"{min(100.0, max(0.0, value)):.2f}"


def _targets(units: list[tuple], officers: list[tuple], first_year: int, last_year: int) -> list[tuple]:
    provinces = [code for code, _, level, _ in units if level == "tinh"]
    grades = {code: grade for code, _, _, grade in officers}
    bonus = {"so_cap": -1.0, "trung_cap": 0.0, "cao_cap": 1.0}
    rows = []
    for year in range(first_year, last_year + 1):
        national = national_target(year)
        rows.append((str(year), "tinh", "", *map(_rate, national)))
        # Each province gets its own target near the national one; its units and officers get theirs near it.
        province_targets = {}
        for index, code in enumerate(provinces):
            shift = ((index * 7) % 9 - 4) * 0.25
            province_targets[code] = (national[0] + shift, national[1] + shift)
            rows.append((str(year), "tinh", code, *map(_rate, province_targets[code])))
        province_of = {code: code if level == "tinh" else parent for code, _, level, parent in units}
        for index, (code, _, level, _) in enumerate(units):
            if level != "trung_uong":
                shift = (index % 5 - 2) * 0.5
                base = province_targets[province_of[code]]
                rows.append((str(year), "don_vi", code, _rate(base[0] + shift), _rate(base[1] + shift)))
        for code, _, unit, _ in officers:
            base, extra = province_targets[province_of[unit]], bonus[grades[code]]
            rows.append((str(year), "chv", code, _rate(base[0] + extra), _rate(base[1] + extra)))
    return rows


def plan_country(size: str = "national", seed: int = 2024, today: date | None = None) -> Country:
    """Return the country's organisation, targets and per-province case plans; the same seed gives the same."""
    today = today or clock.today()
    config = SIZES[size]
    units, unit_weights = _units(config, seed)
    officers, by_unit = _officers(config, seed, unit_weights)
    chosen = PROVINCES[: config.provinces]
    weights = [weight for *_, weight in chosen]
    per_year = apportion(config.cases_per_year, weights)
    old_stock = apportion(config.old_stock, weights)
    plans = []
    for number, (name, _, weight) in enumerate(chosen, start=1):
        code = f"T{number:02d}"
        unit_codes = [code] + [f"{code}K{index:02d}" for index in range(1, len(unit_weights[code]))]
        plans.append(ProvincePlan(number, code, name, seed * 100 + number, weight, unit_codes, unit_weights[code],
                                  {unit: by_unit[unit] for unit in unit_codes}, per_year[number - 1],
                                  old_stock[number - 1], config.first_year))
    last_year = today.year + 1 if today.month >= 10 else today.year
    return Country(units, officers, _targets(units, officers, config.first_year - 1, last_year + 1), plans, today)


def decision_no(case_code: str) -> str:
    """Return a case's decision number, counted per work-year and province: "T05-V2024-000123" -> "123/QĐ-THADS"."""
    return f"{int(case_code.rsplit('-', 1)[1])}/QĐ-THADS"


def province_cases(plan: ProvincePlan, today: date) -> list[NewCase]:
    """Return the province's cases ready to load: ids in its block, events up to today."""
    cases, _ = simulate_cases(plan.seed, unit_codes=plan.unit_codes, weights=plan.unit_weights, by_unit=plan.by_unit,
                              cases_per_year=plan.cases_per_year, first_year=plan.first_year,
                              old_stock=plan.old_stock, today=today, code_prefix=f"{plan.code}-", digits=6)
    if len(cases) >= CASE_ID_BLOCK:
        raise ValueError(f"{plan.name}: {len(cases)} việc, vượt khối mã {CASE_ID_BLOCK}")
    first_id = plan.number * CASE_ID_BLOCK
    return [NewCase(first_id + index, case.code, decision_no(case.code), case.decided_on, case.unit, case.officer,
                    case.judgment_type, case.mode, case.amount, case.groups, with_verifications(plan.seed, case, today),
                    *case_parties(plan.seed, case.code, case.judgment_type, case.groups, case.decided_on, plan.name))
            for index, case in enumerate(cases.values(), start=1)]


def national_tables(country: Country) -> dict[str, pd.DataFrame]:
    """Return the whole country as exchange tables (every province generated here, so for small sizes)."""
    viec, su_kien = [], []
    for plan in country.plans:
        for case in province_cases(plan, country.today):
            viec.append((case.code, case.decision_no, case.decided_on.isoformat(), case.unit_code,
                         case.officer_code, case.judgment_type, case.mode, str(case.amount), "|".join(case.groups),
                         case.debtor, case.creditor, case.judgment_no, case.court))
            su_kien += [(case.code, on.isoformat(), kind, "" if amount is None else str(amount), detail)
                        for on, kind, amount, detail in case.events]
    rows = {"don_vi": country.units, "chap_hanh_vien": country.officers, "viec": viec, "su_kien": su_kien,
            "chi_tieu": country.targets}
    columns = {**EXCHANGE_COLUMNS, "viec": EXCHANGE_COLUMNS["viec"] + tuple(OPTIONAL_CASE_COLUMNS)}
    return {stem: pd.DataFrame(rows[stem], columns=columns[stem], dtype=object) for stem in EXCHANGE_COLUMNS}
