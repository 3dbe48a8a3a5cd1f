"""The SQL behind the flow and age of the caseload (domain.md sections 9 and 11): one grouped query per reading."""

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import and_, case, exists, func, literal, null, or_, select
from sqlalchemy.engine import Engine

from data_access import codes
from data_access.queries.chain_queries import (
    DIMENSION_JOINS, DIMENSIONS, CaseloadSql, Scope, caseload_sql, dimension_key, uses_lateral,
)
from data_access.queries.day_span import day_span
from data_access.queries.viewing import Reader, require
from data_access.schema import case_groups, cases, events

# Lower bounds in days of each age bucket, oldest last: [0, 183), [183, 366), [366, 731), [731, 1827), [1827, ...).
AGE_BUCKETS = {"lt_6m": 0, "6_12m": 183, "1_2y": 366, "2_5y": 731, "ge_5y": 1827}
# A pending enforceable case is without action when nothing has happened to it for more than this many days.
IDLE_DAYS = 180
# A large case needs the meeting's attention when nothing was collected on it for more than this many days.
LARGE_IDLE_DAYS = 90
# A pending case is large from this remaining amount in đồng, or when it is in this group.
LARGE_AMOUNT = 1_000_000_000
LARGE_GROUP = "trong_diem"
# Days after which a not enforceable case is due for re-verification, outside and inside the separate ledger. The
# revised law on civil judgment enforcement of 2025 may change them.
VERIFY_DAYS = 183
VERIFY_DAYS_LEDGER = 366
# Events that count as a look at the debtor's conditions for verification due.
VERIFYING_EVENTS = (codes.VERIFICATION_EVENT, *codes.CLASSIFICATION_EVENTS, "vao_so_rieng")

NOT_ENFORCEABLE_OUTSIDE_LEDGER = tuple(state for state in codes.NOT_ENFORCEABLE_STATES if state != codes.STATE_LEDGER)

# What each case of the caseload is at the window's end.
ENFORCEABLE, NOT_ENFORCEABLE, COMPLETED, DEDUCTED = "enforceable", "not_enforceable", "completed", "deducted"
# A case in the separate ledger at the window's end that is not in its caseload: counted for verification due only.
OUTSIDE = "outside"
ENFORCEABLE_STATES = (codes.STATE_IN_PROGRESS, codes.STATE_DEFERRED_C)
WARNINGS = ("without_action", "large", "large_idle", "verification_due")
FLOW_COLUMNS = ("key", "kind", "bucket", "days", "cases", "new", "remaining", *WARNINGS)


def _kind(status, collected_any):
    return case(
        (status.in_(ENFORCEABLE_STATES), literal(ENFORCEABLE)),
        (status.in_(codes.NOT_ENFORCEABLE_STATES), literal(NOT_ENFORCEABLE)),
        (or_(status.in_((codes.STATE_DONE, codes.STATE_TERMINATED)),
             and_(status == codes.STATE_DELEGATED, collected_any)), literal(COMPLETED)),
        else_=literal(DEDUCTED),
    )


def _age_bucket(end: date):
    """Return the age bucket of a case at `end`, compared on the decision date so it reads the same everywhere."""
    oldest_first = sorted(AGE_BUCKETS.items(), key=lambda item: -item[1])
    return case(*((cases.c.decided_on <= end - timedelta(days=low), literal(name)) for name, low in oldest_first[:-1]),
                else_=literal(oldest_first[-1][0]))


def _quiet_since(end: date, days: int, kinds: tuple[str, ...] | None = None):
    """Return whether the case's latest event dated up to `end` (of `kinds`; its decision date without one) is more
    than `days` days before `end`."""
    since = end - timedelta(days=days)
    recent = and_(events.c.case_id == cases.c.id, events.c.occurred_on.between(since, end))
    if kinds is not None:
        recent = and_(recent, events.c.kind.in_(kinds))
    return and_(cases.c.decided_on < since, ~exists().where(recent))


def _in_large_group():
    member = case_groups.alias("large_member")
    return exists().where(and_(member.c.case_id == cases.c.id, member.c.group_code == LARGE_GROUP))


def _flag(condition):
    return func.sum(case((condition, 1), else_=0))


def pending_condition(sql: CaseloadSql):
    """Return whether a case of the caseload is pending at the window's end (enforceable or not)."""
    return and_(sql.in_caseload,
                sql.at_end.c.status.in_((*ENFORCEABLE_STATES, *codes.NOT_ENFORCEABLE_STATES)))


def watched_conditions(sql: CaseloadSql) -> tuple:
    """Return the conditions of the cases the flow reads: the caseload, and every case in the separate ledger."""
    return (*sql.scope_conditions, or_(sql.in_caseload, sql.at_end.c.status == codes.STATE_LEDGER))


def warning_conditions(sql: CaseloadSql, end: date) -> dict:
    """Return the condition of each warning on a case read by `watched_conditions`: without action, large, large
    with no collection in LARGE_IDLE_DAYS days, and verification due."""
    status, pending = sql.at_end.c.status, pending_condition(sql)
    enforceable = and_(sql.in_caseload, status.in_(ENFORCEABLE_STATES))
    large = and_(pending, or_(sql.remaining >= LARGE_AMOUNT, _in_large_group()))
    # A case in the separate ledger is watched there whether or not it is in the window's caseload: one that
    # entered the ledger before the window is in none, and the longer period is meant for it.
    overdue = or_(
        and_(status == codes.STATE_LEDGER, _quiet_since(end, VERIFY_DAYS_LEDGER, VERIFYING_EVENTS)),
        and_(pending, status.in_(NOT_ENFORCEABLE_OUTSIDE_LEDGER), _quiet_since(end, VERIFY_DAYS, VERIFYING_EVENTS)),
    )
    return {
        "without_action": and_(enforceable, _quiet_since(end, IDLE_DAYS)),
        "large": large,
        "large_idle": and_(large, _quiet_since(end, LARGE_IDLE_DAYS, ("thu_tien",))),
        "verification_due": overdue,
    }


def flow_parts(reader: Reader, start: date, end: date, scope: Scope = Scope(), by: str | None = None) -> pd.DataFrame:
    """Rows: key, kind, bucket, days, cases, new, remaining and a count per warning of WARNINGS.

    One row per breakdown key, kind at `end` (enforceable, not_enforceable, completed, deducted, or outside for a
    case in the separate ledger outside the caseload), age bucket (for the pending) and days to completion (for the
    completed) over the caseload of [start, end]; `new` counts the cases not brought forward, `remaining` sums the
    money left at `end`, the last four count the cases of each warning.
    """
    if by is not None and by not in DIMENSIONS:
        raise ValueError(f"unknown breakdown {by!r}")
    engine: Engine = require(reader, scope, by)
    sql = caseload_sql(start, end, scope, DIMENSION_JOINS.get(by), lateral=uses_lateral(engine))
    status, member = sql.at_end.c.status, sql.in_caseload
    kind = case((~member, literal(OUTSIDE)), else_=_kind(status, cases.c.exit_collected_any))
    bucket = case((pending_condition(sql), _age_bucket(end)), else_=null())
    days = case((kind == COMPLETED, day_span(cases.c.exit_on, cases.c.decided_on)), else_=null())
    key = dimension_key(by, sql.at_end)
    flags = warning_conditions(sql, end)
    query = (
        select(
            key.label("key"), kind.label("kind"), bucket.label("bucket"), days.label("days"),
            func.count().label("cases"),
            _flag(and_(member, sql.brought_forward == 0)).label("new"),
            func.sum(sql.remaining).label("remaining"),
            *(_flag(flags[name]).label(name) for name in WARNINGS),
        )
        .select_from(sql.source)
        .where(*watched_conditions(sql))
        .group_by(key, kind, bucket, days)
    )
    with engine.connect() as connection:
        frame = pd.DataFrame(connection.execute(query).mappings().all(), columns=list(FLOW_COLUMNS))
    for column in FLOW_COLUMNS[4:]:
        frame[column] = frame[column].astype("int64")
    return frame
