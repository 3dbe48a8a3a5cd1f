"""The history each kind of scope's forecast is drawn from (domain.md section 8): every scope of the same kind in
the database, over the earlier work-years at the same day, read from the stored chains only."""

from datetime import date

from sqlalchemy.engine import Engine

from data_access.queries.chain_queries import Scope
from dashboard.metrics.forecast import Basis, basis_from
from dashboard.metrics.pace_history import CHAINS, past_years

WHOLE = "whole"
LEVELS = ("province", "unit", "officer")
# A spread read from fewer scopes than this (one province alone, a country of two) rests on a handful of points;
# the units' spread, in the same units of "share of the open points", stands in for it.
SPREAD_MIN_SCOPES = 5


def level_of(scope: Scope) -> str:
    """Return the kind of scope a forecast is made for: officer, unit, province or the whole database."""
    if scope.officer:
        return "officer"
    if scope.unit:
        return "unit"
    return "province" if scope.province else WHOLE


def _histories(engine: Engine, end: date, level: str) -> dict[str, list]:
    """Return {chain: [past years of one scope]} for every scope of the level."""
    if level == WHOLE:
        own = past_years(engine, end)
        return {chain: [own.get(chain, [])] for chain in CHAINS}
    rows = past_years(engine, end, Scope(), by=level).values()
    return {chain: [row.get(chain, []) for row in rows] for chain in CHAINS}


def level_basis(engine: Engine, end: date, level: str) -> dict[str, Basis | None]:
    """Return {chain: Basis or None} for forecasts at `end` of the scopes of a level (LEVELS or WHOLE)."""
    shares = _histories(engine, end, level)
    spreads = shares
    if level != "unit" and len(shares["cases"]) < SPREAD_MIN_SCOPES:
        spreads = _histories(engine, end, "unit")
    return {chain: basis_from(shares[chain], spreads[chain]) for chain in CHAINS}
