"""Closing a period end (domain.md section 12): its figures are kept as they are that day, for every scope and
breakdown, and read back instead of the current ones until it is reopened; both are on the audit trail."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from data_access.audit import record
from data_access.data_version import new_version
from data_access.month_schema import closed_periods, closed_snapshots
from data_access.queries.scope import Scope
from data_access.queries.snapshots import served_day, write_snapshot_rows
from data_access.queries.viewing import OPERATOR_ROLE, NotPermitted, Reader, require, sees_everything

CLOSING_ROLES = ("thong_ke", OPERATOR_ROLE)


class CannotClose(ValueError):
    """The period end cannot be closed or reopened; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class ClosedPeriod:
    """A closed period end, when and by whom."""

    end: date
    closed_at: datetime
    closed_by: str


def _may_close(reader: Reader) -> Engine:
    engine = require(reader, Scope())
    if reader.viewer.role not in CLOSING_ROLES or not sees_everything(reader):
        raise NotPermitted("Chỉ người làm thống kê của toàn bộ dữ liệu được chốt hoặc mở lại kỳ báo cáo.")
    return engine


def every_closed_period(engine: Engine) -> list[ClosedPeriod]:
    """Return every closed period end, latest first."""
    with engine.connect() as connection:
        rows = connection.execute(select(closed_periods).order_by(closed_periods.c.period_end.desc()))
        return [ClosedPeriod(row.period_end, row.closed_at, row.closed_by) for row in rows]


def closed_period(engine: Engine, end: date) -> ClosedPeriod | None:
    """Return the close of a period end, or None when it is open."""
    with engine.connect() as connection:
        row = connection.execute(select(closed_periods).where(closed_periods.c.period_end == end)).first()
    return None if row is None else ClosedPeriod(row.period_end, row.closed_at, row.closed_by)


def close_period(reader: Reader, end: date, actor: str, at: datetime) -> ClosedPeriod:
    """Return the close of a month end, its figures kept as they are now; CannotClose for a day that is not a month
    end, is already closed, or that the data does not reach."""
    engine = _may_close(reader)
    if end.day != calendar.monthrange(end.year, end.month)[1]:
        raise CannotClose(f"Chỉ chốt được ngày cuối tháng; {end:%d/%m/%Y} không phải ngày cuối tháng.")
    if end > at.date():
        raise CannotClose(f"Tháng kết thúc ngày {end:%d/%m/%Y} chưa hết; chưa chốt được.")
    with engine.begin() as connection:
        if connection.execute(select(closed_periods.c.period_end)
                              .where(closed_periods.c.period_end == end)).first() is not None:
            raise CannotClose(f"Kỳ báo cáo đến {end:%d/%m/%Y} đã được chốt.")
        day = served_day(connection, end)
        if day is None:
            raise CannotClose(f"Chưa có số liệu của năm công tác có ngày {end:%d/%m/%Y}; hãy nhập dữ liệu trước.")
        write_snapshot_rows(connection, [day], None, target=closed_snapshots, as_day=end)
        connection.execute(insert(closed_periods).values(period_end=end, closed_at=at, closed_by=actor[:100]))
        record(connection, at, actor[:100], "period_closed", f"kỳ đến {end:%d/%m/%Y}")
        new_version(connection)
    return ClosedPeriod(end, at, actor[:100])


def reopen_period(reader: Reader, end: date, actor: str, at: datetime) -> None:
    """Reopen a closed period end, which reads the current figures again; CannotClose when it is not closed."""
    engine = _may_close(reader)
    with engine.begin() as connection:
        if connection.execute(delete(closed_periods).where(closed_periods.c.period_end == end)).rowcount == 0:
            raise CannotClose(f"Kỳ báo cáo đến {end:%d/%m/%Y} chưa được chốt nên không cần mở lại.")
        connection.execute(delete(closed_snapshots).where(closed_snapshots.c.day == end))
        record(connection, at, actor[:100], "period_reopened", f"kỳ đến {end:%d/%m/%Y}")
        new_version(connection)
