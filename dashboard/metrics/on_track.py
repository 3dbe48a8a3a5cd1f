"""Whether a scope is on track for its yearly target (domain.md section 8): a report of the chains given each
scope's target, what is still needed to reach it, its pace with the status it gives, and its year-end forecast."""

from datetime import date
from functools import cache

from data_access.queries.lookups import officer_units, province_names, unit_provinces
from data_access.queries.scope import Scope
from data_access.queries.viewing import Reader
from dashboard.metrics.forecast import forecast_rate
from dashboard.metrics.forecast_basis import LEVELS, level_basis, level_of
from dashboard.metrics.needed import still_needed
from dashboard.metrics.pace import pace_rate, pace_status, share_of_year_end
from dashboard.metrics.pace_history import CHAINS, history_reader
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


def scope_above(reader: Reader, scope: Scope) -> Scope | None:
    """Return the scope whose curve stands in for this one's: an officer's unit, a unit's province, a province's
    whole database; None for the whole database."""
    if scope.officer:
        unit = officer_units(reader).get(scope.officer)
        return Scope(unit=unit) if unit else Scope()
    if scope.unit:
        # A unit with no province above it (a central office) rolls up to the whole database.
        province = unit_provinces(reader.engine).get(scope.unit)
        return Scope(province=province) if province in province_names(reader.engine) else Scope()
    return Scope() if scope != Scope() else None


def scope_shares(reader: Reader, end: date, scope: Scope, read=None) -> dict:
    """Return each chain's share of the year-end rate for the scope: its own history, else the scope above's
    (officer, unit, province, whole database); `read` is a history_reader of `end` to share."""
    read = read or history_reader(reader, end)
    above = scope_above(reader, scope)
    fallback = None if above is None else (lambda: scope_shares(reader, end, above, read))
    return _shares(read(scope), fallback)


def row_shares(reader: Reader, end: date, scope: Scope, by: str, keys: list[str], read=None) -> dict[str, dict]:
    """Return each row key's share of the year-end rate per chain: its own history, else an officer's unit's, else
    the scope's; `read` is a history_reader of `end` to share."""
    read = read or history_reader(reader, end)
    # The curves above are read only if a row lacks the history for its own.
    scope_curve = cache(lambda: scope_shares(reader, end, scope, read))
    history = read(scope, by)
    if by != "officer":
        return {key: _shares(history.get(key, {}), scope_curve) for key in keys}
    units = officer_units(reader)
    unit_curve = cache(lambda unit: scope_shares(reader, end, Scope(unit=unit), read) if unit else scope_curve())
    return {key: _shares(history.get(key, {}), lambda key=key: unit_curve(units.get(key))) for key in keys}


def on_track(reader: Reader, end: date, report: dict, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the chain report with "needed", "pace" and "forecast", or, per row of a breakdown by unit, officer or
    province, the row's own "target" (None when it has none), its "needed", its "pace" and its "forecast"."""
    # The pace and the forecast read the same earlier years: each once.
    read = history_reader(reader, end)
    if by is None:
        target = report["target"]
        basis = level_basis(reader, end, level_of(scope), read) if has_targets(scope) else None
        return {**report, "needed": still_needed(report, target, end),
                "pace": _pace(report, target, scope_shares(reader, end, scope, read)) if target else None,
                "forecast": _forecast(report, basis)}
    kind = ROW_TARGET_KINDS.get(by)
    ranked = kind is not None and has_targets(scope)
    targets = targets_by_code(reader, work_year(end), kind) if ranked else {}
    basis = level_basis(reader, end, by, read) if ranked and by in LEVELS else None
    # A row's own curve is read only when there are targets.
    shares = row_shares(reader, end, scope, by, [row["key"] for row in report["rows"]], read) if targets else {}
    rows = []
    for row in report["rows"]:
        target = targets.get(row["key"])
        pace = _pace(row, target, shares[row["key"]]) if target else None
        rows.append({**row, "target": target, "needed": still_needed(row, target, end), "pace": pace,
                     "forecast": _forecast(row, basis)})
    return {**report, "rows": rows}
