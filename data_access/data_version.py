"""The data's version and date: what every cached figure is keyed by, and what every page says of its data."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection, Engine

from data_access.month_schema import data_version, import_runs
from data_access.schema import snapshot_days


@dataclass(frozen=True)
class DataState:
    """The data's version, its last day (None without data) and when the last accepted import finished."""

    version: str
    last_day: date | None
    imported_at: datetime | None


def new_version(connection: Connection) -> str:
    """Return a fresh version written for the data, inside the caller's transaction so it lands with the change."""
    version = uuid.uuid4().hex
    if connection.execute(update(data_version).where(data_version.c.id == 1).values(version=version)).rowcount == 0:
        connection.execute(data_version.insert().values(id=1, version=version))
    return version


def current_version(engine: Engine) -> str:
    """Return the data's version now ("" for a database never written)."""
    with engine.connect() as connection:
        return connection.execute(select(data_version.c.version).where(data_version.c.id == 1)).scalar() or ""


def data_state(engine: Engine) -> DataState:
    """Return the data's version, its last day and the time of the last accepted import."""
    with engine.connect() as connection:
        version = connection.execute(select(data_version.c.version).where(data_version.c.id == 1)).scalar() or ""
        # The latest snapshot day is the data's last day (queries.snapshots): one row of an index, not a scan.
        last_day = connection.execute(select(func.max(snapshot_days.c.day))).scalar()
        imported_at = connection.execute(select(func.max(import_runs.c.finished_at))
                                         .where(import_runs.c.result == "accepted")).scalar()
    return DataState(version, last_day, imported_at)
