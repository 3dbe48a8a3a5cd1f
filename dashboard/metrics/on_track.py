"""Whether a scope is on track for its yearly target (domain.md section 8): a report of the chains given each
scope's target and what is still needed to reach it."""

from datetime import date

from sqlalchemy.engine import Engine

from data_access.queries.chain_queries import Scope
from dashboard.metrics.needed import still_needed
from dashboard.metrics.periods import work_year
from dashboard.metrics.targets import targets_by_code

# The breakdowns whose rows are scopes that can be given a target, and the kind of target each row has.
ROW_TARGET_KINDS = {"unit": "don_vi", "officer": "chv", "province": "tinh"}


def with_needed(engine: Engine, end: date, report: dict, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the chain report with "needed" beside its target, or, per row of a breakdown by unit, officer or
    province, the row's own "target" (None when it has none) and its "needed"."""
    if by is None:
        return {**report, "needed": still_needed(report, report["target"], end)}
    kind = ROW_TARGET_KINDS.get(by)
    # A target is set for all of a scope's cases; a narrower part of them (a group, a type, a mode) has none.
    narrowed = scope.group or scope.judgment_type or scope.mode
    targets = targets_by_code(engine, work_year(end), kind) if kind and not narrowed else {}
    return {**report, "rows": [{**row, "target": targets.get(row["key"]),
                                "needed": still_needed(row, targets.get(row["key"]), end)} for row in report["rows"]]}
