"""The SQL behind the classification watch (domain.md section 10): the days a case turned not enforceable, read off
consecutive state spans, and whether it turned back soon after a month's end."""

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import Date, and_, case, exists, func, literal, null, select
from sqlalchemy.engine import Engine

from data_access import codes
from data_access.queries.chain_queries import Scope, case_scope_filters
from data_access.queries.viewing import Reader, require
from data_access.schema import case_states, cases, events, units

ENFORCEABLE_STATES = (codes.STATE_IN_PROGRESS, codes.STATE_DEFERRED_C)
# A downgrade is late in the last this many days of its calendar month, and bounces back when the case is upgraded
# within this many days after that month's end.
LATE_DAYS = 7
BOUNCE_DAYS = 30
WATCH_BREAKDOWNS = ("unit", "province", "officer")
WATCH_COLUMNS = ("key", "month_end", "bounced", "downgrades")


def late_months(start: date, end: date) -> list[tuple[date, date]]:
    """Return (first late day, month end) of every calendar month that meets [start, end]."""
    months, first = [], start.replace(day=1)
    while first <= end:
        following = (first + timedelta(days=32)).replace(day=1)
        last = following - timedelta(days=1)
        months.append((last - timedelta(days=LATE_DAYS - 1), last))
        first = following
    return months


def changes(into: tuple[str, ...], out_of: tuple[str, ...], name: str):
    """Return (the later span, the earlier span, their join): the days a case's state went from `out_of` to `into`."""
    later, earlier = case_states.alias(f"{name}_after"), case_states.alias(f"{name}_before")
    joined = and_(earlier.c.case_id == later.c.case_id, earlier.c.valid_to == later.c.valid_from,
                  earlier.c.status.in_(out_of), later.c.status.in_(into))
    return later, earlier, joined


def downgrade_sql(start: date, end: date, scope: Scope):
    """Return (the day's state span, the FROM item, the conditions) of the downgrades in [start, end] in a scope."""
    later, earlier, joined = changes(codes.NOT_ENFORCEABLE_STATES, ENFORCEABLE_STATES, "down")
    source = later.join(earlier, joined).join(cases, cases.c.id == later.c.case_id)
    conditions = [later.c.valid_from.between(start, end), *case_scope_filters(scope)]
    if scope.officer is not None:
        conditions.append(later.c.officer_code == scope.officer)
    return later, source, conditions


def late_month_end(day, start: date, end: date, after_days: int = 0):
    """Return the SQL of the end of the month a downgrade day is late in, plus `after_days`; NULL when not late."""
    return case(*((day.between(first_late, last), literal(last + timedelta(days=after_days), Date))
                  for first_late, last in late_months(start, end)), else_=null())


def bounced_back(day, start: date, end: date):
    """Return whether a late downgrade's case is upgraded in the BOUNCE_DAYS days after its month's end."""
    later, _, joined = changes(ENFORCEABLE_STATES, codes.NOT_ENFORCEABLE_STATES, "up")
    return exists().where(and_(joined, later.c.case_id == cases.c.id,
                               later.c.valid_from > late_month_end(day, start, end),
                               later.c.valid_from <= late_month_end(day, start, end, BOUNCE_DAYS)))


def watch_parts(reader: Reader, start: date, end: date, scope: Scope = Scope(), by: str | None = None) -> pd.DataFrame:
    """Rows: key, month_end, bounced, downgrades: the downgrades in [start, end] per breakdown key, month they are
    late in (None when not late) and whether they bounced back."""
    if by is not None and by not in WATCH_BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    engine: Engine = require(reader, scope, by)
    later, source, conditions = downgrade_sql(start, end, scope)
    if by == "province":
        source = source.join(units, units.c.code == cases.c.unit_code)
    key = {None: literal(""), "unit": cases.c.unit_code, "province": units.c.province_code,
           "officer": later.c.officer_code}[by]
    month_end = late_month_end(later.c.valid_from, start, end)
    bounced = case((bounced_back(later.c.valid_from, start, end), 1), else_=0)
    query = (select(key.label("key"), month_end.label("month_end"), bounced.label("bounced"),
                    func.count().label("downgrades"))
             .select_from(source).where(*conditions).group_by(key, month_end, bounced))
    with engine.connect() as connection:
        frame = pd.DataFrame(connection.execute(query).mappings().all(), columns=list(WATCH_COLUMNS))
    frame["bounced"] = frame["bounced"].astype("int64")
    frame["downgrades"] = frame["downgrades"].astype("int64")
    return frame


# Which downgrades a list holds: all of them, the late ones, or the late ones that bounced back.
WATCH_LISTS = ("downgrades", "late", "bounce_backs")
DOWNGRADE_COLUMNS = ("code", "unit_code", "officer_code", "day", "event", "detail", "upgraded_on", "late")


def downgrade_list(reader: Reader, start: date, end: date, scope: Scope = Scope(), which: str = "downgrades",
                   limit: int = 5000, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """Return the downgrades of [start, end] (newest first, `limit` of them after `offset`) and how many there are
    in all.

    Rows: code, unit_code, officer_code, day, event and detail (the classification that day), upgraded_on (the
    first upgrade after it, None when none yet) and late (whether the day is among its month's last days).
    """
    if which not in WATCH_LISTS:
        raise ValueError(f"unknown watch list {which!r}")
    engine: Engine = require(reader, scope, "case")
    later, source, conditions = downgrade_sql(start, end, scope)
    day = later.c.valid_from
    if which != "downgrades":
        conditions.append(late_month_end(day, start, end).is_not(None))
    if which == "bounce_backs":
        conditions.append(bounced_back(day, start, end))
    that_day = (select(events.c.kind, events.c.detail)
                .where(events.c.case_id == cases.c.id, events.c.occurred_on == day,
                       events.c.kind.in_(codes.CLASSIFICATION_EVENTS))
                .order_by(events.c.seq.desc()).limit(1))
    up, _, joined = changes(ENFORCEABLE_STATES, codes.NOT_ENFORCEABLE_STATES, "next_up")
    upgraded = (select(func.min(up.c.valid_from)).where(joined, up.c.case_id == cases.c.id, up.c.valid_from > day)
                .scalar_subquery())
    query = (select(cases.c.code, cases.c.unit_code, later.c.officer_code, day.label("day"),
                    that_day.with_only_columns(events.c.kind).scalar_subquery().label("event"),
                    that_day.with_only_columns(events.c.detail).scalar_subquery().label("detail"),
                    upgraded.label("upgraded_on"),
                    case((late_month_end(day, start, end).is_not(None), True), else_=False).label("late"))
             .select_from(source).where(*conditions).order_by(day.desc(), cases.c.code).offset(offset).limit(limit))
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(source).where(*conditions)).scalar_one()
        frame = pd.DataFrame(connection.execute(query).mappings().all(), columns=list(DOWNGRADE_COLUMNS))
    return frame, total
