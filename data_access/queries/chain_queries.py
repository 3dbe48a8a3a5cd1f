"""The SQL behind the chains: the caseload of a window, grouped by a dimension and the state at the window's end."""

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import and_, case, exists, func, literal, or_, select, true
from sqlalchemy.engine import Engine

from data_access import codes
from data_access.queries.scope import Scope
from data_access.queries.viewing import Reader, require
from data_access.schema import case_groups, case_states, cases, events, units

_EXITED_BEFORE_OR_LEDGER = tuple(codes.TERMINAL_STATES.values()) + (codes.STATE_LEDGER,)


# Allow-list of breakdowns: the UI and the CLI name one of these keys, never a column.
DIMENSIONS = ("unit", "province", "officer", "group", "judgment_type", "mode", "unit_group", "province_group")
# Keys of a two-way breakdown join its two codes with this separator: "QN01|ngan_sach".
PAIR_SEPARATOR = "|"
# One row per case, for lists of the cases behind a number.
CASE_DIMENSION = "case"


# The table a breakdown needs joined to the cases, for those that need one.
DIMENSION_JOINS = {"province": units, "group": case_groups, "unit_group": case_groups, "province_group": case_groups}


def dimension_key(name: str | None, at_end):
    """Return the SQL expression of a breakdown's key (an empty literal for none), the officer read from at_end."""
    if name is None:
        return literal("")
    return {
        "unit": cases.c.unit_code,
        "province": units.c.province_code,
        "officer": at_end.c.officer_code,
        "group": case_groups.c.group_code,
        "judgment_type": cases.c.judgment_type,
        "mode": cases.c.mode,
        "unit_group": cases.c.unit_code + literal(PAIR_SEPARATOR) + case_groups.c.group_code,
        "province_group": _province_of_case() + literal(PAIR_SEPARATOR) + case_groups.c.group_code,
        CASE_DIMENSION: cases.c.code,
    }[name]


def _province_of_case():
    return select(units.c.province_code).where(units.c.code == cases.c.unit_code).scalar_subquery()


@dataclass(frozen=True)
class CaseloadSql:
    """The FROM and WHERE of a window's caseload and its per-case expressions, shared by sums and case lists."""

    at_end: object
    source: object
    conditions: tuple
    # The part of `conditions` read from the cases row alone (no state): what an index walk over the cases checks.
    case_conditions: tuple
    # The caseload's own test, and every other condition: the scope's cases alive in the window whatever their state.
    in_caseload: object
    scope_conditions: tuple
    brought_forward: object
    opening: object
    collected: object
    reduced: object
    remaining: object


def _covers(span, day):
    return and_(span.c.valid_from <= day, span.c.valid_to > day)


def _state_on(day, name: str, lateral: bool):
    """Return the FROM item of each case's state on a day and the condition that joins it to its case."""
    if not lateral:
        alias = case_states.alias(name)
        return alias, and_(alias.c.case_id == cases.c.id, _covers(alias, day))
    # A case's spans tile its days, so its state on a day is its last span starting on or before that day. Asked
    # this way PostgreSQL reads one index entry per case; asked as a date range it expects several and may scan
    # every state instead.
    state = (select(case_states).where(case_states.c.case_id == cases.c.id, case_states.c.valid_from <= day)
             .order_by(case_states.c.valid_from.desc()).limit(1).lateral(name))
    return state, true()


def caseload_sql(start, end, scope: Scope = Scope(), joined=None, *, lateral: bool = False,
                 days=None) -> CaseloadSql:
    """Return the SQL pieces selecting the caseload of the window [start, end] in a scope (joined: units/groups).

    `lateral` looks each case's states up one by one (for PostgreSQL, whose planner misjudges date ranges).
    `days`, a FROM item with columns day, window_start and day_before_start, selects the caseloads of many windows
    at once: `start` and `end` are then its columns.
    """
    before = start - timedelta(days=1) if days is None else days.c.day_before_start
    at_end, end_join = _state_on(end, "at_end", lateral and days is None)
    at_start, start_join = _state_on(before, "at_start", lateral and days is None)
    brought_forward = and_(cases.c.decided_on < start, at_start.c.status.notin_(_EXITED_BEFORE_OR_LEDGER))
    in_caseload = or_(
        brought_forward,
        cases.c.decided_on >= start,
        and_(at_start.c.status == codes.STATE_LEDGER, _restored_between(start, end)),
    )
    if days is None:
        source = cases.join(at_end, end_join).outerjoin(at_start, start_join)
    else:
        # Each day meets the spans covering it first, then their cases: never every case with every day.
        source = (days.join(at_end, _covers(at_end, end)).join(cases, cases.c.id == at_end.c.case_id)
                  .outerjoin(at_start, start_join))
    if joined is units:
        source = source.join(units, units.c.code == cases.c.unit_code)
    elif joined is case_groups:
        source = source.join(case_groups, case_groups.c.case_id == cases.c.id)
    # A case that left before the window cannot be in its caseload; skipping it early saves the state joins.
    case_conditions = (cases.c.decided_on <= end, or_(cases.c.exit_on.is_(None), cases.c.exit_on >= start),
                       *case_scope_filters(scope))
    officer_filters = _officer_filters(scope, at_end, end if lateral else None)
    return CaseloadSql(
        at_end=at_end,
        source=source,
        conditions=(*case_conditions, in_caseload, *officer_filters),
        case_conditions=case_conditions,
        in_caseload=in_caseload,
        scope_conditions=(*case_conditions, *officer_filters),
        brought_forward=case((brought_forward, 1), else_=0),
        opening=cases.c.amount - func.coalesce(at_start.c.collected, 0) - func.coalesce(at_start.c.reduced, 0),
        collected=at_end.c.collected - func.coalesce(at_start.c.collected, 0),
        reduced=at_end.c.reduced - func.coalesce(at_start.c.reduced, 0),
        remaining=cases.c.amount - at_end.c.collected - at_end.c.reduced,
    )


def uses_lateral(engine: Engine) -> bool:
    """Return whether caseload queries on this engine look states up case by case (PostgreSQL)."""
    return engine.dialect.name == "postgresql"


PARTS_COLUMNS = ("key", "status", "collected_any", "brought_forward", "cases", "opening", "collected", "reduced",
                 "remaining")


def parts_frame(rows) -> pd.DataFrame:
    """Return caseload parts rows (mappings with PARTS_COLUMNS) as a frame with integer sums."""
    frame = pd.DataFrame(rows, columns=list(PARTS_COLUMNS))
    for column in PARTS_COLUMNS[3:]:
        frame[column] = frame[column].astype("int64")
    frame["collected_any"] = frame["collected_any"].astype(bool)
    return frame


def direct_parts(reader: Reader, start: date, end: date, scope: Scope = Scope(),
                 by: str | None = None) -> pd.DataFrame:
    """Rows: key, status, collected_any, brought_forward, cases, opening, collected, reduced, remaining.

    One row per breakdown key and state at `end` over the caseload of the window [start, end], computed from the
    case states: `opening` is the money at entry (remaining at start-1 or the amount), `collected`/`reduced` the
    money events in the window, `remaining` the amount left at `end` (at the exit day for cases that left).
    """
    if by is not None and by not in (*DIMENSIONS, CASE_DIMENSION):
        raise ValueError(f"unknown breakdown {by!r}")
    engine = require(reader, scope, by)
    sql = caseload_sql(start, end, scope, DIMENSION_JOINS.get(by), lateral=uses_lateral(engine))
    key = dimension_key(by, sql.at_end)
    query = (
        select(
            key.label("key"),
            sql.at_end.c.status.label("status"),
            cases.c.exit_collected_any.label("collected_any"),
            sql.brought_forward.label("brought_forward"),
            func.count().label("cases"),
            func.sum(sql.opening).label("opening"),
            func.sum(sql.collected).label("collected"),
            func.sum(sql.reduced).label("reduced"),
            func.sum(sql.remaining).label("remaining"),
        )
        .select_from(sql.source)
        .where(*sql.conditions)
        .group_by(key, sql.at_end.c.status, cases.c.exit_collected_any, sql.brought_forward)
    )
    with engine.connect() as connection:
        return parts_frame(connection.execute(query).mappings().all())


def _restored_between(start: date, end: date):
    return exists().where(and_(events.c.case_id == cases.c.id, events.c.kind == "ra_so_rieng",
                               events.c.occurred_on.between(start, end)))


def province_units(province: str):
    """Return the SELECT of the codes of a province's units: its own office and every unit below it."""
    # Never correlated: a breakdown by province joins the units table to the cases outside.
    return select(units.c.code).where(units.c.province_code == province).correlate(None)


def case_scope_filters(scope: Scope) -> list:
    """Return the conditions a scope puts on the cases row: province, unit, group, judgment type and mode."""
    filters = []
    if scope.province is not None:
        filters.append(cases.c.unit_code.in_(province_units(scope.province)))
    if scope.unit is not None:
        filters.append(cases.c.unit_code == scope.unit)
    if scope.group is not None:
        # An alias of its own: a breakdown by group joins case_groups outside, and the test must not correlate to it.
        member = case_groups.alias("member")
        filters.append(exists().where(and_(member.c.case_id == cases.c.id, member.c.group_code == scope.group)))
    if scope.judgment_type is not None:
        filters.append(cases.c.judgment_type == scope.judgment_type)
    if scope.mode is not None:
        filters.append(cases.c.mode == scope.mode)
    return filters


def _officer_filters(scope: Scope, at_end, lookup_day: date | None = None) -> list:
    if scope.officer is None:
        return []
    filters = [at_end.c.officer_code == scope.officer]
    if lookup_day is not None:
        # States looked up case by case cannot be found by officer: the officer's states on the day name the few
        # cases worth looking up.
        filters.append(cases.c.id.in_(select(case_states.c.case_id).where(
            case_states.c.officer_code == scope.officer, case_states.c.valid_from <= lookup_day,
            case_states.c.valid_to > lookup_day)))
    return filters
