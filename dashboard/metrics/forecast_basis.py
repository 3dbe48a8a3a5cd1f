"""The history each kind of scope's forecast is drawn from (domain.md section 8): every scope of the same kind in
the database, over the earlier work-years at the same day, read from the stored chains only."""

from datetime import date

from data_access.queries.chain_queries import Scope
from data_access.queries.viewing import Reader
from dashboard.metrics.forecast import Basis, basis_from
from dashboard.metrics.pace_history import CHAINS, history_reader

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


def _histories(read, level: str) -> dict[str, list]:
    """Return {chain: [past years of one scope]} for every scope of the level."""
    if level == WHOLE:
        own = read(Scope())
        return {chain: [own.get(chain, [])] for chain in CHAINS}
    rows = read(Scope(), level).values()
    return {chain: [row.get(chain, []) for row in rows] for chain in CHAINS}


def level_basis(reader: Reader, end: date, level: str, read=None) -> dict[str, Basis | None]:
    """Return {chain: Basis or None} for forecasts at `end` of the scopes of a level (LEVELS or WHOLE); `read` is
    the history_reader of `end` to share with the pace, a fresh one when not given."""
    read = read or history_reader(reader, end)
    shares = _histories(read, level)
    spreads = shares
    if level != "unit" and len(shares["cases"]) < SPREAD_MIN_SCOPES:
        spreads = _histories(read, "unit")
    return {chain: basis_from(shares[chain], spreads[chain]) for chain in CHAINS}
