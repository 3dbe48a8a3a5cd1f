"""The cases behind a number of the chains: one page of them, filtered and sorted in the database, and their count."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd
from sqlalchemy import (
    BigInteger, Date, Integer, and_, case, cast, func, literal, not_, null, or_, select, true, type_coerce,
)
from sqlalchemy.engine import Connection, Engine

from data_access import codes
from data_access.money_cells import MONEY_CELLS, money_values, share_column
from data_access.queries.case_walk import Listing, sorted_page
from data_access.queries.chain_queries import CASE_DIMENSION, Scope, caseload_sql, uses_lateral
from data_access.queries.flow_queries import WARNINGS, warning_conditions, watched_conditions
from data_access.queries.snapshots import snapshot_sums
from data_access.queries.viewing import Reader, require
from data_access.schema import cases, search_text

_CASE_CELLS = tuple(cell for cell in MONEY_CELLS if cell != "reduced")
# Cells of each chain a list can be drilled from: a case cell names the cases it counts, a money cell the cases
# whose money it sums (each listed with its share of the sum).
CELLS = {"cases": _CASE_CELLS, "money": MONEY_CELLS}
# Buckets a leader filters a list by: where each case of the caseload stands at the end of the window.
BUCKETS = ("in_progress", "deferred_c", "not_enforceable", "done", "terminated", "delegated", "cancelled")
# Columns a list may be sorted by (an allow-list: the UI names a key, never a column).
SORTS = ("code", "decided_on", "amount", "remaining", "age_days", "value")


class CaseListPage(NamedTuple):
    """One page of a case list: its rows, how many cases the whole list holds and, for a money cell, their sum."""

    rows: pd.DataFrame
    total: int
    value: int | None


@dataclass(frozen=True)
class CaseFilter:
    """What narrows a case list beyond the chain cell: buckets, age since decision, amount remaining."""

    buckets: tuple[str, ...] = ()
    min_age_days: int | None = None
    max_age_days: int | None = None
    min_remaining: int | None = None
    max_remaining: int | None = None
    # Text a case's code, decision or judgment number or one of its parties' names contains, in any case.
    search: str | None = None
    # One of flow_queries.WARNINGS: the cases behind a count of the alerts.
    warning: str | None = None

    @property
    def bounded(self) -> bool:
        """Return whether the filter bounds the age or the amount remaining, searches the cases' text or keeps the
        cases of a warning."""
        return bool(self.search or self.warning) or any(bound is not None for bound in (
            self.min_age_days, self.max_age_days, self.min_remaining, self.max_remaining))


def _bucket_conditions(status, collected_any) -> dict[str, object]:
    """Return the condition of each bucket on a state and whether the case collected on or before leaving."""
    delegated = status == codes.STATE_DELEGATED
    return {
        "in_progress": status == codes.STATE_IN_PROGRESS,
        "deferred_c": status == codes.STATE_DEFERRED_C,
        "not_enforceable": status.in_(codes.NOT_ENFORCEABLE_STATES),
        # A delegated case with a collection on or before its delegation day counts as done (domain.md section 4).
        "done": or_(status == codes.STATE_DONE, and_(delegated, collected_any)),
        "terminated": status == codes.STATE_TERMINATED,
        "delegated": and_(delegated, not_(collected_any)),
        "cancelled": status == codes.STATE_CANCELLED,
    }


def _cell_condition(cell: str, buckets: dict, brought_forward) -> object:
    unions = {
        "caseload": BUCKETS,
        "to_enforce": ("in_progress", "deferred_c", "not_enforceable", "done", "terminated"),
        "enforceable": ("in_progress", "deferred_c", "done", "terminated"),
        "completed": ("done", "terminated"),
        "carried": ("in_progress", "deferred_c", "not_enforceable"),
    }
    if cell == "brought_forward":
        return brought_forward == 1
    if cell == "new":
        return brought_forward == 0
    return or_(*(buckets[name] for name in unions.get(cell, (cell,))))


def _days_between(engine: Engine, column, end: date):
    # SQLite has no date arithmetic; PostgreSQL subtracts dates into whole days.
    if engine.dialect.name == "sqlite":
        return cast(func.julianday(literal(end.isoformat())) - func.julianday(column), Integer)
    return type_coerce(literal(end, Date) - column, Integer)


def _state_conditions(chain: str, cell: str, narrow: CaseFilter, buckets: dict, brought_forward) -> list:
    """Return the conditions a list puts on a case's state: its case cell (none for money) and its buckets."""
    chosen = [_cell_condition(cell, buckets, brought_forward)] if chain == "cases" else []
    if narrow.buckets:
        chosen.append(or_(*(buckets[name] for name in narrow.buckets)))
    return chosen


def _narrowing(narrow: CaseFilter, end: date, remaining) -> tuple[list, list]:
    """Return the bounds on age and remaining amount: those needing the state, and those a cases row can check."""
    on_state, on_case = [], []
    # Age in days is the window's end less the decision day: a bound on it is a bound on the decision day.
    if narrow.min_age_days is not None:
        on_case.append(cases.c.decided_on <= end - timedelta(days=narrow.min_age_days))
    if narrow.max_age_days is not None:
        on_case.append(cases.c.decided_on >= end - timedelta(days=narrow.max_age_days))
    if narrow.min_remaining is not None:
        on_state.append(remaining >= narrow.min_remaining)
        # What remains never exceeds the amount, so a case owed less than the bound cannot qualify.
        on_case.append(cases.c.amount >= narrow.min_remaining)
    if narrow.max_remaining is not None:
        on_state.append(remaining <= narrow.max_remaining)
    if narrow.search:
        on_case.append(search_text().contains(narrow.search.lower(), autoescape=True))
    return on_state, on_case


def _checked(chain: str, cell: str, narrow: CaseFilter, sort: str) -> None:
    valid = (chain in CELLS and cell in CELLS[chain] and sort in SORTS and (sort != "value" or chain == "money")
             and all(bucket in BUCKETS for bucket in narrow.buckets)
             and (narrow.warning is None or narrow.warning in WARNINGS))
    if not valid:
        raise ValueError(f"unknown chain {chain!r}, cell {cell!r}, sort {sort!r} or bucket in {narrow.buckets!r}")


def _listing(engine: Engine, start: date, end: date, scope: Scope, cell: str, chain: str,
             narrow: CaseFilter) -> Listing:
    """Return the query parts of the list: the caseload's, narrowed to the cell, the buckets and the bounds."""
    sql = caseload_sql(start, end, scope, lateral=uses_lateral(engine))
    status = sql.at_end.c.status
    buckets = _bucket_conditions(status, cases.c.exit_collected_any)
    value = money_values(sql, status)[cell] if chain == "money" else cast(null(), BigInteger)
    conditions = [*_state_conditions(chain, cell, narrow, buckets, sql.brought_forward),
                  *([value != 0] if chain == "money" else [])]
    on_state, on_case = _narrowing(narrow, end, sql.remaining)
    read = sql.conditions
    if narrow.warning is not None:
        # Verification due also watches cases in the separate ledger outside the window's caseload.
        read = (*watched_conditions(sql), warning_conditions(sql, end)[narrow.warning])
    columns = {
        "code": cases.c.code, "decision_no": cases.c.decision_no, "decided_on": cases.c.decided_on,
        "unit_code": cases.c.unit_code, "officer_code": sql.at_end.c.officer_code,
        "judgment_type": cases.c.judgment_type, "mode": cases.c.mode, "amount": cases.c.amount,
        "debtor": cases.c.debtor, "creditor": cases.c.creditor, "judgment_no": cases.c.judgment_no,
        "court": cases.c.court,
        "bucket": case(*((condition, name) for name, condition in buckets.items()), else_=""),
        "remaining": sql.remaining, "age_days": _days_between(engine, cases.c.decided_on, end), "value": value,
    }
    return Listing(source=sql.source, conditions=(*read, *conditions, *on_state, *on_case),
                   case_conditions=(*sql.case_conditions, *on_case), columns=columns)


def _stored_size(connection: Connection, start: date, end: date, scope: Scope, cell: str, chain: str,
                 narrow: CaseFilter) -> tuple | None:
    """Return the list's size and sum from the month-end figures, or None when they do not hold the window."""
    def condition(table):
        buckets = _bucket_conditions(table.c.status, table.c.collected_any)
        return and_(true(), *_state_conditions(chain, cell, narrow, buckets, table.c.brought_forward))

    if chain == "cases":
        sums = [lambda table: table.c.cases]
    else:
        sums = [lambda table: table.c[share_column(cell)],
                lambda table: money_values(table.c, table.c.status)[cell]]
    return snapshot_sums(connection, start, end, scope, condition, sums)


def _count(connection: Connection, listing: Listing, start: date, end: date, scope: Scope, cell: str, chain: str,
           narrow: CaseFilter) -> tuple[int, int | None]:
    """Return the list's size and, for a money cell, its sum: from the month-end figures when they hold it."""
    # The month-end figures count cases by state, not by age or amount.
    stored = None if narrow.bounded else _stored_size(connection, start, end, scope, cell, chain, narrow)
    if stored is not None:
        return stored[0], (stored[1] if chain == "money" else None)
    value = listing.columns["value"]
    total, summed = connection.execute(
        select(func.count(), func.sum(value)).select_from(listing.source).where(*listing.conditions)).one()
    return total, int(summed or 0) if chain == "money" else None


def case_list(reader: Reader, start: date, end: date, scope: Scope = Scope(), *, cell: str = "caseload",
              chain: str = "cases", narrow: CaseFilter = CaseFilter(), sort: str = "remaining",
              descending: bool = True, offset: int = 0, limit: int = 50) -> CaseListPage:
    """Return one page of the cases behind a cell of a chain, how many there are in all and their money.

    Rows: code, decision_no, decided_on, unit_code, officer_code, judgment_type, mode, amount, debtor, creditor,
    judgment_no, court, bucket, remaining, age_days (days from the decision to the end of the window) and value
    (for a money cell, what the case adds to it; the values of the whole list sum to the cell).
    """
    _checked(chain, cell, narrow, sort)
    engine = require(reader, scope, CASE_DIMENSION)
    listing = _listing(engine, start, end, scope, cell, chain, narrow)
    # A unit's or an officer's list is short and found through their own indexes; walking every case of the
    # database in sort order to pick theirs out would be slower than sorting it.
    walk = scope.unit is None and scope.officer is None
    with engine.connect() as connection:
        total, summed = _count(connection, listing, start, end, scope, cell, chain, narrow)
        frame = sorted_page(connection, listing, sort, descending, offset, limit, total, walk)
    return CaseListPage(frame, total, summed)
