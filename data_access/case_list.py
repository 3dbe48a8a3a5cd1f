"""The cases behind a number of the chains: one page of them, filtered and sorted in the database, and their count."""

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import pandas as pd
from sqlalchemy import (
    BigInteger, Date, Integer, and_, case, cast, func, literal, not_, null, or_, select, type_coerce,
)
from sqlalchemy.engine import Engine

from data_access import codes
from data_access.chain_queries import Scope, caseload_sql, uses_lateral
from data_access.schema import cases

_CASE_CELLS = ("brought_forward", "new", "caseload", "delegated", "cancelled", "to_enforce", "done", "terminated",
               "in_progress", "deferred_c", "not_enforceable", "enforceable", "completed", "carried")
# Cells of each chain a list can be drilled from: a case cell names the cases it counts, a money cell the cases
# whose money it sums (each listed with its share of the sum).
CELLS = {"cases": _CASE_CELLS, "money": _CASE_CELLS[:8] + ("reduced",) + _CASE_CELLS[8:]}
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


def _bucket_conditions(at_end) -> dict[str, object]:
    status, rescued = at_end.c.status, cases.c.exit_collected_any
    delegated = status == codes.STATE_DELEGATED
    return {
        "in_progress": status == codes.STATE_IN_PROGRESS,
        "deferred_c": status == codes.STATE_DEFERRED_C,
        "not_enforceable": status.in_(codes.NOT_ENFORCEABLE_STATES),
        # A delegated case with a collection on or before its delegation day counts as done (domain.md section 4).
        "done": or_(status == codes.STATE_DONE, and_(delegated, rescued)),
        "terminated": status == codes.STATE_TERMINATED,
        "delegated": and_(delegated, not_(rescued)),
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


def _money_values(sql, status) -> dict[str, object]:
    """Return, per money cell, what one case adds to it (the per-case form of the chain về tiền, domain.md 4)."""
    brought = sql.brought_forward == 1

    def when(condition, value):
        return case((condition, value), else_=0)

    values = {
        "brought_forward": when(brought, sql.opening),
        "new": when(not_(brought), sql.opening),
        # A delegated case leaves with its remaining amount even when it counts as done.
        "delegated": when(status == codes.STATE_DELEGATED, sql.remaining),
        "cancelled": when(status == codes.STATE_CANCELLED, sql.remaining),
        # Collections in the window, plus the rest settled in kind at xong.
        "done": sql.collected + when(status == codes.STATE_DONE, sql.remaining),
        "terminated": when(status == codes.STATE_TERMINATED, sql.remaining),
        "reduced": sql.reduced,
        "in_progress": when(status == codes.STATE_IN_PROGRESS, sql.remaining),
        "deferred_c": when(status == codes.STATE_DEFERRED_C, sql.remaining),
        "not_enforceable": when(status.in_(codes.NOT_ENFORCEABLE_STATES), sql.remaining),
    }
    values["caseload"] = values["brought_forward"] + values["new"]
    values["to_enforce"] = values["caseload"] - values["delegated"] - values["cancelled"]
    values["completed"] = values["done"] + values["terminated"] + values["reduced"]
    values["enforceable"] = values["completed"] + values["in_progress"] + values["deferred_c"]
    values["carried"] = values["to_enforce"] - values["completed"]
    return values


def _days_between(engine: Engine, column, end: date):
    # SQLite has no date arithmetic; PostgreSQL subtracts dates into whole days.
    if engine.dialect.name == "sqlite":
        return cast(func.julianday(literal(end.isoformat())) - func.julianday(column), Integer)
    return type_coerce(literal(end, Date) - column, Integer)


def case_list(engine: Engine, start: date, end: date, scope: Scope = Scope(), *, cell: str = "caseload",
              chain: str = "cases", narrow: CaseFilter = CaseFilter(), sort: str = "remaining",
              descending: bool = True, offset: int = 0, limit: int = 50) -> CaseListPage:
    """Return one page of the cases behind a cell of a chain, how many there are in all and their money.

    Rows: code, decision_no, decided_on, unit_code, officer_code, judgment_type, mode, amount, bucket, remaining,
    age_days (days from the decision to the end of the window) and value (for a money cell, what the case adds
    to it; the values of the whole list sum to the cell).
    """
    valid = (chain in CELLS and cell in CELLS[chain] and sort in SORTS and (sort != "value" or chain == "money")
             and all(bucket in BUCKETS for bucket in narrow.buckets))
    if not valid:
        raise ValueError(f"unknown chain {chain!r}, cell {cell!r}, sort {sort!r} or bucket in {narrow.buckets!r}")
    sql = caseload_sql(start, end, scope, lateral=uses_lateral(engine))
    buckets = _bucket_conditions(sql.at_end)
    age = _days_between(engine, cases.c.decided_on, end)
    if chain == "money":
        value = _money_values(sql, sql.at_end.c.status)[cell]
        conditions = [*sql.conditions, value != 0]
    else:
        value = cast(null(), BigInteger)
        conditions = [*sql.conditions, _cell_condition(cell, buckets, sql.brought_forward)]
    if narrow.buckets:
        conditions.append(or_(*(buckets[name] for name in narrow.buckets)))
    bounds = ((age, narrow.min_age_days, narrow.max_age_days),
              (sql.remaining, narrow.min_remaining, narrow.max_remaining))
    for expression, low, high in bounds:
        if low is not None:
            conditions.append(expression >= low)
        if high is not None:
            conditions.append(expression <= high)
    columns = {
        "code": cases.c.code, "decision_no": cases.c.decision_no, "decided_on": cases.c.decided_on,
        "unit_code": cases.c.unit_code, "officer_code": sql.at_end.c.officer_code,
        "judgment_type": cases.c.judgment_type, "mode": cases.c.mode, "amount": cases.c.amount,
        "bucket": case(*((condition, name) for name, condition in buckets.items()), else_=""),
        "remaining": sql.remaining, "age_days": age, "value": value,
    }
    order = columns[sort].desc() if descending else columns[sort].asc()
    page = (select(*(expression.label(name) for name, expression in columns.items()))
            .select_from(sql.source).where(*conditions).order_by(order, cases.c.code).offset(offset).limit(limit))
    count = select(func.count(), func.sum(value)).select_from(sql.source).where(*conditions)
    with engine.connect() as connection:
        total, summed = connection.execute(count).one()
        frame = pd.DataFrame(connection.execute(page).mappings().all(), columns=list(columns))
    return CaseListPage(frame, total, int(summed or 0) if chain == "money" else None)

