"""The pace through a whole work-year (domain.md section 8): at every month end, the rate a scope, or each row of
a breakdown, should have reached to be on course for its target, from earlier work-years only."""

from data_access.queries.chain_queries import Scope
from data_access.queries.viewing import Reader
from dashboard.metrics.on_track import row_shares, scope_shares
from dashboard.metrics.pace import pace_rate
from dashboard.metrics.pace_history import CHAINS
from dashboard.metrics.periods import month_ends


def _paces(target: dict | None, shares: dict) -> dict:
    return {chain: None if target is None or shares[chain] is None else pace_rate(target[chain], shares[chain])
            for chain in CHAINS}


def pace_curve(reader: Reader, year: int, scope: Scope, target: dict | None) -> list[dict]:
    """Return {end, cases, money} per month end of work-year `year`: the scope's pace for the target then."""
    return [{"end": end, **_paces(target, scope_shares(reader, end, scope))} for end in month_ends(year)]


def row_pace_curves(reader: Reader, year: int, scope: Scope, by: str, targets: dict[str, dict]) -> dict:
    """Return {row key: [{end, cases, money}]} per month end of work-year `year` for every row with a target."""
    curves: dict = {key: [] for key in targets}
    for end in month_ends(year):
        shares = row_shares(reader, end, scope, by, list(targets))
        for key, target in targets.items():
            curves[key].append({"end": end, **_paces(target, shares[key])})
    return curves
