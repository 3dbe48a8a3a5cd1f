"""Whether a scope is on track for its yearly target (domain.md section 8): a report of the chains given each
scope's target, what is still needed to reach it, and its pace with the status it gives."""

from datetime import date
from functools import cache

from sqlalchemy.engine import Engine

from data_access.queries.chain_queries import Scope
from dashboard.metrics.needed import still_needed
from dashboard.metrics.pace import pace_rate, pace_status, share_of_year_end
from dashboard.metrics.pace_history import CHAINS, past_years
from dashboard.metrics.periods import work_year
from dashboard.metrics.targets import has_targets, targets_by_code

# The breakdowns whose rows are scopes that can be given a target, and the kind of target each row has.
ROW_TARGET_KINDS = {"unit": "don_vi", "officer": "chv", "province": "tinh"}


def _shares(history: dict, fallback=None) -> dict:
    """Return each chain's share of the year-end rate from the history, else the one `fallback()` gives; the
    fallback is only asked for when the history falls short."""
    own = {chain: share_of_year_end(history.get(chain, [])) for chain in CHAINS}
    if fallback is None or all(share is not None for share in own.values()):
        return own
    other = fallback()
    return {chain: own[chain] if own[chain] is not None else other[chain] for chain in CHAINS}


def _pace(chains: dict, target: dict | None, shares: dict) -> dict | None:
    if target is None:
        return None
    paces = {chain: None if shares[chain] is None else pace_rate(target[chain], shares[chain]) for chain in CHAINS}
    enforceable = chains["cases"]["enforceable"]
    return {**paces, **{f"{chain}_status": pace_status(chains[chain]["rate"], paces[chain], enforceable)
                        for chain in CHAINS}}


def scope_shares(engine: Engine, end: date, scope: Scope) -> dict:
    """Return each chain's share of the year-end rate for the scope: its own history, else the whole database's."""
    whole = None if scope == Scope() else (lambda: _shares(past_years(engine, end)))
    return _shares(past_years(engine, end, scope), whole)


def on_track(engine: Engine, end: date, report: dict, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the chain report with "needed" and "pace" beside its target, or, per row of a breakdown by unit,
    officer or province, the row's own "target" (None when it has none), its "needed" and its "pace"."""
    if by is None:
        return {**report, "needed": still_needed(report, report["target"], end),
                "pace": _pace(report, report["target"], scope_shares(engine, end, scope))}
    kind = ROW_TARGET_KINDS.get(by)
    targets = targets_by_code(engine, work_year(end), kind) if kind and has_targets(scope) else {}
    if not targets:
        return {**report, "rows": [{**row, "target": None, "needed": None, "pace": None} for row in report["rows"]]}
    # The scope's own curve is read once, and only if a row lacks the history for its own.
    scope_above = cache(lambda: scope_shares(engine, end, scope))
    history = past_years(engine, end, scope, by)
    rows = []
    for row in report["rows"]:
        target = targets.get(row["key"])
        rows.append({**row, "target": target, "needed": still_needed(row, target, end),
                     "pace": _pace(row, target, _shares(history.get(row["key"], {}), scope_above))})
    return {**report, "rows": rows}
