"""Targets (chỉ tiêu, domain.md section 5): the yearly target that applies to a scope, every unit's or officer's
target of a work-year, and progress against a target (rate / target x 100)."""

from datetime import date

from data_access.queries.lookups import target_rates, target_table
from data_access.queries.scope import Scope
from data_access.queries.viewing import Reader
from dashboard.metrics.formatting import exact_decimal, round_half_up
from dashboard.metrics.periods import work_year


def target_progress(rate: float | None, target: float | None) -> float | None:
    """Return rate / target x 100 rounded half up to 2 decimals, None without a rate or a non-zero target."""
    if rate is None or not target:
        return None
    return float(round_half_up(exact_decimal(rate) * 100 / exact_decimal(target), 2))


def has_targets(scope: Scope) -> bool:
    """Return whether the scope can have a target: targets are set for whole caseloads, not a group, type or mode."""
    return not (scope.group or scope.judgment_type or scope.mode)


def applicable_target(reader: Reader, end: date, scope: Scope) -> dict | None:
    """Return the yearly target {cases, money} of the scope's officer, unit, province or whole database, or None."""
    if not has_targets(scope):
        return None
    if scope.officer:
        found = target_rates(reader, work_year(end), "chv", scope.officer)
    elif scope.unit:
        found = target_rates(reader, work_year(end), "don_vi", scope.unit)
    elif scope.province:
        found = target_rates(reader, work_year(end), "tinh", scope.province)
    else:
        found = target_rates(reader, work_year(end), "tinh", "")
    return None if found is None else {"cases": float(found[0]), "money": float(found[1])}


def targets_by_code(reader: Reader, year: int, kind: str) -> dict[str, dict]:
    """Return every province's ("tinh"), unit's ("don_vi") or officer's ("chv") target of a work-year by code.

    Each is {cases, money}; the whole database's own tinh target (empty code) is left out.
    """
    return {code: {"cases": float(cases_rate), "money": float(money_rate)}
            for code, (cases_rate, money_rate) in target_table(reader, year, kind).items() if code}


def progress_against_target(report: dict) -> dict | None:
    """Return {cases, money}: each rate / target x 100 (đạt x% kế hoạch), or None when no target applies."""
    target = report.get("target")
    if target is None:
        return None
    return {chain: target_progress(report[chain]["rate"], target[chain]) for chain in ("cases", "money")}
