"""The chains precomputed at month ends and the data's last day: written at import from the states, read instead.

A snapshot day holds the caseload parts of the window ending that day summed at the finest grain every scope and
breakdown except the officer can be cut from (unit, judgment type, mode, set of groups, state), with, per money
cell, how many cases have a share in it. Summing integers is exact, so a report or a list count read from a
snapshot equals the one computed from the states; tests hold the two equal.
"""

import calendar
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import (
    Integer, String, and_, case, delete, func, insert, inspect, literal, select, text, union_all,
)
from sqlalchemy.engine import Connection

from data_access import codes
from data_access.data_version import new_version
from data_access.money_cells import MONEY_CELLS, money_values
from data_access.queries.chain_queries import (
    CASE_DIMENSION, PAIR_SEPARATOR, Scope, caseload_sql, direct_parts, parts_frame, province_units,
)
from data_access.queries.viewing import Reader, require
from data_access.month_schema import closed_periods, closed_snapshots
from data_access.schema import case_groups, cases, chain_snapshots, events, snapshot_days, units

# Work-years before the latest one that get snapshots: enough for five years of "same period last year".
SNAPSHOT_YEARS_BACK = 5
GROUP_BITS = {code: 1 << index for index, code in enumerate(codes.GROUPS)}
# Breakdowns a snapshot cannot serve: it holds no officer and no single case.
_NOT_IN_SNAPSHOTS = ("officer", CASE_DIMENSION)
_SUMS = ("cases", "opening", "collected", "reduced", "remaining")


def _group_bits():
    # A UNION rather than VALUES: SQLite cannot name the columns of a VALUES list.
    rows = [select(literal(code, String).label("group_code"), literal(bit, Integer).label("bit"))
            for code, bit in GROUP_BITS.items()]
    return union_all(*rows).subquery("group_bits")


def _work_year_start(day: date) -> date:
    return date(day.year if day.month >= 10 else day.year - 1, 10, 1)


def month_ends_between(first: date, last: date) -> list[date]:
    """Return the month ends from the one of `first`'s month up to `last`."""
    ends, year, month = [], first.year, first.month
    while True:
        end = date(year, month, calendar.monthrange(year, month)[1])
        if end > last:
            return ends
        ends.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def last_data_day(connection: Connection) -> date | None:
    """Return the latest decision or event date in the database, or None when it holds no case."""
    decided = connection.execute(select(func.max(cases.c.decided_on))).scalar()
    # One lookup per event kind: each is the end of a range of the (kind, date) index, not a scan of every event.
    happened = [connection.execute(select(func.max(events.c.occurred_on)).where(events.c.kind == kind)).scalar()
                for kind in codes.EVENT_TYPES]
    known = [day for day in (decided, *happened) if day is not None]
    return max(known) if known else None


def snapshot_days_for(last_day: date) -> list[date]:
    """Return the days given snapshots when the data ends on `last_day`: the month ends, then that day."""
    first = _work_year_start(last_day)
    ends = month_ends_between(first.replace(year=first.year - SNAPSHOT_YEARS_BACK), last_day)
    # The data's last day stands for every later day of its work-year ("đến nay"): nothing happens after it.
    return ends if ends and ends[-1] == last_day else [*ends, last_day]


def write_snapshot_rows(connection: Connection, days: list[date], unit_codes: set[str] | None, *,
                        target=chain_snapshots, as_day: date | None = None) -> None:
    """Write the snapshot rows of the listed snapshot days into `target`, for the cases of the listed units (None:
    every unit); a target with an officer column is written per officer too, and `as_day` dates the rows."""
    listed = snapshot_days
    sql = caseload_sql(listed.c.window_start, listed.c.day, days=listed)
    bits = _group_bits()
    masks = (select(case_groups.c.case_id, func.sum(bits.c.bit).label("mask"))
             .join(bits, bits.c.group_code == case_groups.c.group_code)
             .group_by(case_groups.c.case_id).subquery("masks"))
    day = listed.c.day if as_day is None else literal(as_day).label("day")
    grain = (day, cases.c.unit_code, cases.c.judgment_type, cases.c.mode, func.coalesce(masks.c.mask, 0),
             sql.at_end.c.status, cases.c.exit_collected_any, sql.brought_forward)
    per_officer = (sql.at_end.c.officer_code,) if "officer_code" in target.c else ()
    chosen = [listed.c.day.in_(days)] + ([] if unit_codes is None else [cases.c.unit_code.in_(sorted(unit_codes))])
    values = money_values(sql, sql.at_end.c.status)
    shares = [func.count(case((values[cell] != 0, 1))) for cell in MONEY_CELLS]
    query = (
        select(*grain, func.count(), func.sum(sql.opening), func.sum(sql.collected), func.sum(sql.reduced),
               func.sum(sql.remaining), *shares, *per_officer)
        .select_from(sql.source.outerjoin(masks, masks.c.case_id == cases.c.id))
        .where(*sql.conditions, *chosen)
        .group_by(*grain, *per_officer)
    )
    names = [column.name for column in target.columns]
    connection.execute(insert(target).from_select(names, query))


def refresh_snapshots(connection: Connection, unit_codes: set[str] | None = None) -> int:
    """Return how many days were written after bringing the snapshots in line with the case states.

    A unit's snapshot rows sum its own cases only, so an import that touched the cases of a few units recomputes
    those units' rows (`unit_codes`) on the days already there; days the data newly reaches are computed for every
    unit, and days past the horizon dropped. None recomputes everything.
    """
    last_day = last_data_day(connection)
    wanted = [] if last_day is None else snapshot_days_for(last_day)
    held = set(connection.execute(select(snapshot_days.c.day)).scalars())
    if unit_codes is None:
        connection.execute(delete(chain_snapshots))
        connection.execute(delete(snapshot_days))
        held = set()
    gone = sorted(held - set(wanted))
    connection.execute(delete(chain_snapshots).where(chain_snapshots.c.day.in_(gone)))
    connection.execute(delete(snapshot_days).where(snapshot_days.c.day.in_(gone)))
    kept = [day for day in wanted if day in held]
    added = [day for day in wanted if day not in held]
    if connection.dialect.name == "postgresql" and wanted:
        # For this transaction: the grouping of a national database's month ends sorts in memory.
        connection.execute(text("SET LOCAL work_mem = '256MB'"))
    if added:
        connection.execute(insert(snapshot_days), [
            {"day": day, "window_start": _work_year_start(day),
             "day_before_start": _work_year_start(day) - timedelta(days=1)} for day in added])
        write_snapshot_rows(connection, added, None)
    if kept and unit_codes:
        connection.execute(delete(chain_snapshots).where(chain_snapshots.c.day.in_(kept),
                                                         chain_snapshots.c.unit_code.in_(sorted(unit_codes))))
        write_snapshot_rows(connection, kept, unit_codes)
    new_version(connection)
    return len(added) + (len(kept) if unit_codes else 0)


def ensure_snapshots(connection: Connection) -> bool:
    """Return whether the snapshots were missing or of an earlier version's shape and have just been computed."""
    held = {column["name"] for column in inspect(connection).get_columns(chain_snapshots.name)}
    if held != {column.name for column in chain_snapshots.columns}:
        chain_snapshots.drop(connection)
        chain_snapshots.create(connection)
    elif (connection.execute(select(snapshot_days.c.day).limit(1)).first() is not None
          or connection.execute(select(cases.c.id).limit(1)).first() is None):
        return False
    refresh_snapshots(connection)
    return True


def _is_closed(connection: Connection, end: date) -> bool:
    return connection.execute(select(closed_periods.c.period_end)
                              .where(closed_periods.c.period_end == end)).first() is not None


def served_day(connection: Connection, end: date) -> date | None:
    """Return the snapshot day that holds the work-year window ending `end`, or None when none does."""
    if connection.execute(select(snapshot_days.c.day).where(snapshot_days.c.day == end)).first() is not None:
        return end
    # The latest snapshot day is the data's last day: no decision, event or state change comes after it, so a
    # later day of the same work-year has the same caseload, states and sums.
    latest = connection.execute(select(func.max(snapshot_days.c.day))).scalar()
    return latest if latest is not None and latest < end and _work_year_start(latest) == _work_year_start(end) else None


def _served(connection: Connection, start: date, end: date, scope: Scope, by: str | None, as_closed: bool = True):
    """Return the table and day holding the window [start, end] for this request, or None when none does: a closed
    period end reads the figures it was closed with (unless `as_closed` is False), for every scope and breakdown
    but single cases."""
    if start != _work_year_start(end) or by == CASE_DIMENSION:
        return None
    if as_closed and _is_closed(connection, end):
        return closed_snapshots, end
    if scope.officer is not None or by in _NOT_IN_SNAPSHOTS:
        return None
    day = served_day(connection, end)
    return None if day is None else (chain_snapshots, day)


def _has_bit(table, bit):
    return table.c.group_mask.op("&")(bit) != 0


def _snapshot_filters(table, day: date, scope: Scope) -> list:
    filters = [table.c.day == day]
    if scope.province is not None:
        filters.append(table.c.unit_code.in_(province_units(scope.province)))
    if scope.unit is not None:
        filters.append(table.c.unit_code == scope.unit)
    if scope.group is not None:
        filters.append(_has_bit(table, GROUP_BITS[scope.group]))
    if scope.judgment_type is not None:
        filters.append(table.c.judgment_type == scope.judgment_type)
    if scope.mode is not None:
        filters.append(table.c.mode == scope.mode)
    if scope.officer is not None:
        filters.append(table.c.officer_code == scope.officer)
    return filters


def _read(connection: Connection, table, day: date, scope: Scope, by: str | None) -> pd.DataFrame:
    source, bits = table, _group_bits()
    keys = {
        None: literal(""),
        "unit": table.c.unit_code,
        "province": units.c.province_code,
        "group": bits.c.group_code,
        "judgment_type": table.c.judgment_type,
        "mode": table.c.mode,
        "officer": table.c.officer_code if "officer_code" in table.c else None,
        "unit_group": table.c.unit_code + literal(PAIR_SEPARATOR) + bits.c.group_code,
        "province_group": units.c.province_code + literal(PAIR_SEPARATOR) + bits.c.group_code,
    }
    if by in ("province", "province_group"):
        source = source.join(units, units.c.code == table.c.unit_code)
    if by in ("group", "unit_group", "province_group"):
        source = source.join(bits, _has_bit(table, bits.c.bit))
    filters = _snapshot_filters(table, day, scope)
    key = keys[by]
    grouping = (key, table.c.status, table.c.collected_any, table.c.brought_forward)
    query = (
        select(key.label("key"), table.c.status, table.c.collected_any,
               table.c.brought_forward,
               *(func.sum(table.c[name]).label(name) for name in _SUMS))
        .select_from(source).where(and_(*filters)).group_by(*grouping)
    )
    return parts_frame(connection.execute(query).mappings().all())


def caseload_parts(reader: Reader, start: date, end: date, scope: Scope = Scope(), by: str | None = None, *,
                   as_closed: bool = True) -> pd.DataFrame:
    """Return the caseload parts of direct_parts, read from the snapshot of `end` when one serves the request: the
    one kept at its close for a closed period end, unless `as_closed` is False (the figures as they are now)."""
    engine = require(reader, scope, by)
    with engine.connect() as connection:
        served = _served(connection, start, end, scope, by, as_closed)
        if served is not None:
            return _read(connection, *served, scope, by)
    return direct_parts(reader, start, end, scope, by)


def snapshot_sums(connection: Connection, start: date, end: date, scope: Scope, condition,
                  sums: list) -> tuple[int, ...] | None:
    """Return the sums of expressions over the snapshot rows of the window meeting a condition, or None without one.

    `condition` and each of `sums` are functions of the snapshot table read (chain_snapshots, or closed_snapshots for
    a closed period end), written on its columns (state, money, share counts).
    """
    served = _served(connection, start, end, scope, None)
    if served is None:
        return None
    table, day = served
    query = (select(*(func.coalesce(func.sum(expression(table)), 0) for expression in sums))
             .where(*_snapshot_filters(table, day, scope), condition(table)))
    return tuple(int(value) for value in connection.execute(query).one())
