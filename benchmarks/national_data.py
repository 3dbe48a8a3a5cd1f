"""The national benchmark database: built once (or again on request), found again by its size, and the places a
leader would open in it; shared by benchmarks.national and benchmarks.case_list."""

import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Engine

from data_access.engine import PROJECT_ROOT
from data_access.schema import case_states, cases, events, officers, snapshot_days, units
from dashboard.demo.national_build import build_national
from dashboard.metrics.formatting import format_count
from benchmarks.province import POSTGRES_ADMIN_URL, database_url, seconds, target_text, verdict

DATABASE_NAME = "thads_national"
SQLITE_PATH = PROJECT_ROOT / "data" / "benchmarks" / "national.sqlite3"
# A database holding at least this many cases is taken as the national one already built.
NATIONAL_CASES = 4_500_000
BUILD_TARGET_S = 1200.0


@dataclass
class Measured:
    """Everything measured on one database, as table rows (figure, value, target, verdict)."""

    name: str
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, figure: str, value: str, target: str = "", outcome: str = "") -> None:
        """Record one figure."""
        self.rows.append((figure, value, target, outcome))


def progress(message: str) -> None:
    print(f"... [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def case_count(engine: Engine) -> int:
    """Return the number of cases, 0 when the schema is missing."""
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(cases)).scalar_one()


def ensure_national(engine: Engine, rebuild: bool, measured: Measured) -> None:
    """Build the national demo into engine unless it already holds it; record the build and its rate."""
    if not rebuild and case_count(engine) >= NATIONAL_CASES:
        progress(f"{measured.name}: dùng lại CSDL toàn quốc có sẵn")
        return
    progress(f"{measured.name}: sinh và nạp dữ liệu toàn quốc")
    summary = build_national(engine, progress=sys.stderr)
    counts = summary.counts
    # The 20-minute target is PostgreSQL's; SQLite's time is shown beside it.
    postgres = engine.dialect.name == "postgresql"
    measured.add("Sinh, nạp và tính sẵn toàn quốc (demo --size national)", seconds(summary.seconds),
                 target_text(BUILD_TARGET_S) if postgres else "",
                 verdict(summary.seconds, BUILD_TARGET_S) if postgres else "")
    measured.add("Tốc độ nạp hàng loạt", f"{format_count(round(counts['cases'] / summary.seconds))} việc/s; "
                 f"{format_count(round(counts['events'] / summary.seconds))} sự kiện/s")


def sizes(engine: Engine, measured: Measured) -> None:
    """Record the row counts and the organisation's size."""
    with engine.connect() as connection:
        for label, table in (("Số việc", cases), ("Số sự kiện", events), ("Số khoảng trạng thái", case_states),
                             ("Số chấp hành viên", officers)):
            measured.add(label, format_count(connection.execute(select(func.count()).select_from(table)).scalar()))
        levels = dict(connection.execute(select(units.c.level, func.count()).group_by(units.c.level)).all())
    measured.add("Số đơn vị", f"{levels.get('tinh', 0)} tỉnh, {levels.get('khu_vuc', 0)} phòng khu vực, "
                 f"{levels.get('trung_uong', 0)} trung ương")


def latest_month_end(engine: Engine) -> date:
    """Return the latest month end holding a snapshot: the period a leader opens by default."""
    with engine.connect() as connection:
        days = connection.execute(select(snapshot_days.c.day)).scalars()
        return max(day for day in days if (day + timedelta(days=1)).day == 1)


def sample_places(engine: Engine, end: date) -> dict[str, str]:
    """Return the biggest province, its busiest unit and that unit's busiest officer at `end`."""
    with engine.connect() as connection:
        province = connection.execute(
            select(units.c.province_code).join(cases, cases.c.unit_code == units.c.code)
            .group_by(units.c.province_code).order_by(func.count().desc(), units.c.province_code).limit(1)).scalar_one()
        unit = connection.execute(
            select(cases.c.unit_code).join(units, units.c.code == cases.c.unit_code)
            .where(units.c.province_code == province, units.c.level == "khu_vuc")
            .group_by(cases.c.unit_code).order_by(func.count().desc(), cases.c.unit_code).limit(1)).scalar_one()
        officer = connection.execute(
            select(case_states.c.officer_code).join(cases, cases.c.id == case_states.c.case_id)
            .where(cases.c.unit_code == unit, case_states.c.valid_from <= end, case_states.c.valid_to > end)
            .group_by(case_states.c.officer_code).order_by(func.count().desc(), case_states.c.officer_code)
            .limit(1)).scalar_one()
    return {"province": province, "unit": unit, "officer": officer}


def national_postgres_url() -> str:
    """Return the URL of the national benchmark database on PostgreSQL, creating it empty when missing."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                              {"name": DATABASE_NAME}).first() is None:
            connection.execute(text(f'CREATE DATABASE "{DATABASE_NAME}"'))
    admin.dispose()
    return database_url(POSTGRES_ADMIN_URL, DATABASE_NAME)
