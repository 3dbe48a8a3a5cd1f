"""What later imports changed in a closed period (domain.md section 12): for the whole scope, each province and
each unit, every chain figure whose current value differs from the one it was closed with, and the imports after
the close that brought cases of that scope."""

from dataclasses import dataclass
from datetime import date

from data_access.exchange.runs import ImportRun, accepted_since
from data_access.queries.closed import ClosedPeriod, closed_period
from data_access.queries.lookups import province_names, unit_provinces
from data_access.queries.viewing import Reader
from dashboard.metrics.chain_labels import CHAIN_LABELS
from dashboard.metrics.chains import CASE_KEYS, MONEY_KEYS, Scope, chain_report

CHAIN_WORDS = {"cases": "về việc", "money": "về tiền"}
WHOLE = "Toàn bộ"


@dataclass(frozen=True)
class Revision:
    """One figure of a closed period that is different now."""

    scope_key: str
    scope_name: str
    chain: str
    indicator: str
    closed: int | float | None
    current: int | float | None
    imports: tuple[ImportRun, ...]

    @property
    def label(self) -> str:
        """Return the figure's name with its chain, e.g. "Thi hành xong (về việc)"."""
        return f"{CHAIN_LABELS[self.indicator]} ({CHAIN_WORDS[self.chain]})"


def _differences(key: str, name: str, closed: dict, current: dict, imports: tuple) -> list[Revision]:
    found = []
    for chain, keys in (("cases", CASE_KEYS), ("money", MONEY_KEYS)):
        for indicator in keys:
            before, now = closed[chain][indicator], current[chain][indicator]
            if before != now:
                found.append(Revision(key, name, chain, indicator, before, now, imports))
    return found


def _rows(report: dict) -> dict[str, dict]:
    return {row["key"]: row for row in report["rows"]}


def revisions(reader: Reader, end: date, scope: Scope = Scope()) -> tuple[ClosedPeriod, list[Revision]] | None:
    """Return the close of a period end and its figures that later imports changed, or None when it is open."""
    closed = closed_period(reader.engine, end)
    if closed is None:
        return None
    later = accepted_since(reader.engine, closed.closed_at)
    places = unit_provinces(reader.engine)

    def imports_of(units: set[str] | None) -> tuple[ImportRun, ...]:
        return tuple(run for run in later if run.units and (units is None or run.units & units))

    kept, now = chain_report(reader, end, scope), chain_report(reader, end, scope, as_closed=False)
    found = _differences("", WHOLE, kept, now, imports_of(None))
    levels = ["province"] if len(province_names(reader.engine)) > 1 and not (scope.province or scope.unit) else []
    for level in [*levels, "unit"]:
        if scope.officer:
            break
        before = _rows(chain_report(reader, end, scope, level))
        current = _rows(chain_report(reader, end, scope, level, as_closed=False))
        # A scope with no case on one side has nothing there, and no rate.
        empty = {"name": "", "cases": dict.fromkeys(CASE_KEYS, 0) | {"rate": None},
                 "money": dict.fromkeys(MONEY_KEYS, 0) | {"rate": None}}
        for key in sorted(set(before) | set(current)):
            units = {unit for unit, province in places.items() if province == key} if level == "province" else {key}
            old, new = before.get(key, empty), current.get(key, empty)
            found += _differences(key, old["name"] or new["name"] or key, old, new, imports_of(units))
    return closed, found
