"""Whether a scope is on track for its yearly target (domain.md section 8): a report of the chains given each
scope's target, what is still needed to reach it, its pace with the status it gives, and its year-end forecast."""

from datetime import date
from functools import cache

from sqlalchemy.engine import Engine

from data_access.queries.chain_queries import Scope
from dashboard.metrics.forecast import forecast_rate
from dashboard.metrics.forecast_basis import LEVELS, level_basis, level_of
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


def _forecast(chains: dict, basis: dict | None) -> dict | None:
    if basis is None:
        return None
    forecasts = {chain: forecast_rate(chains[chain]["rate"], basis[chain]) for chain in CHAINS}
    return forecasts if any(forecasts.values()) else None


def scope_shares(engine: Engine, end: date, scope: Scope) -> dict:
    """Return each chain's share of the year-end rate for the scope: its own history, else the whole database's."""
    whole = None if scope == Scope() else (lambda: _shares(past_years(engine, end)))
    return _shares(past_years(engine, end, scope), whole)


def on_track(engine: Engine, end: date, report: dict, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the chain report with "needed", "pace" and "forecast", or, per row of a breakdown by unit, officer or
    province, the row's own "target" (None when it has none), its "needed", its "pace" and its "forecast"."""
    if by is None:
        basis = level_basis(engine, end, level_of(scope)) if has_targets(scope) else None
        return {**report, "needed": still_needed(report, report["target"], end),
                "pace": _pace(report, report["target"], scope_shares(engine, end, scope)),
                "forecast": _forecast(report, basis)}
    kind = ROW_TARGET_KINDS.get(by)
    ranked = kind is not None and has_targets(scope)
    targets = targets_by_code(engine, work_year(end), kind) if ranked else {}
    basis = level_basis(engine, end, by) if ranked and by in LEVELS else None
    # A row's own curve is read only when there are targets, and the scope's only if a row lacks the history.
    scope_above = cache(lambda: scope_shares(engine, end, scope))
    history = past_years(engine, end, scope, by) if targets else {}
    rows = []
    for row in report["rows"]:
        target = targets.get(row["key"])
        pace = _pace(row, target, _shares(history.get(row["key"], {}), scope_above)) if target else None
        rows.append({**row, "target": target, "needed": still_needed(row, target, end), "pace": pace,
                     "forecast": _forecast(row, basis)})
    return {**report, "rows": rows}
