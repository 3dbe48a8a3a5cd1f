"""A PostgreSQL database of about 5 million cases: the demo province imported once, then copied inside the server.

Run from the project root: PYTHONPATH=. python -m benchmarks.scale [--rebuild]
"""

import argparse
import sys
import time
from dataclasses import dataclass

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Engine

from benchmarks.province import POSTGRES_ADMIN_URL, SEED, postgres_problem, seconds
from dashboard.demo_province import generate_province
from dashboard.formatting import format_count
from data_access.bulk_load import drop_bulk_indexes
from data_access.engine import open_engine
from data_access.importer import import_tables

DATABASE_NAME = "thads_bench_5m"
TARGET_CASES = 5_000_000
# A database within this share of the target is taken as already built.
REUSE_TOLERANCE = 0.1
# Copies per INSERT: one statement per table and chunk keeps each sort in memory and shows progress.
COPIES_PER_CHUNK = 10


@dataclass(frozen=True)
class ScaleDatabase:
    """The benchmark database: its URL, its case count and, when this run built it, the build time in seconds."""

    url: str
    cases: int
    build_s: float | None


# The code suffix of copy k: 17 -> "_k017".
_TAG = "('_k' || lpad(copy.k::text, 3, '0'))"


def _reference_statements(copies: str) -> list[tuple[str, str]]:
    return [
        ("units", f"""
            INSERT INTO units (code, name, level, parent_code, province_code)
            SELECT u.code || {_TAG}, u.name || ' (bản sao ' || copy.k || ')', u.level,
                   CASE WHEN u.parent_code IS NULL OR u.parent_code = '' THEN u.parent_code
                        ELSE u.parent_code || {_TAG} END,
                   u.province_code || {_TAG}
            FROM units u CROSS JOIN {copies} ORDER BY copy.k, u.code"""),
        ("officers", f"""
            INSERT INTO officers (code, name, unit_code, grade)
            SELECT o.code || {_TAG}, o.name || ' (bản sao ' || copy.k || ')', o.unit_code || {_TAG}, o.grade
            FROM officers o CROSS JOIN {copies} ORDER BY copy.k, o.code"""),
        # The province-wide target (empty code) is one row per year and scope, so it is not copied.
        ("targets", f"""
            INSERT INTO targets (year, scope, code, cases_rate, money_rate)
            SELECT t.year, t.scope, t.code || {_TAG}, t.cases_rate, t.money_rate
            FROM targets t CROSS JOIN {copies} WHERE t.code <> '' ORDER BY copy.k, t.year, t.scope, t.code"""),
    ]


def _case_statements(copies: str, id_offset: int) -> list[tuple[str, str]]:
    ids = f"+ copy.k * {id_offset}"
    return [
        ("cases", f"""
            INSERT INTO cases (id, code, decision_no, decided_on, unit_code, officer_code, judgment_type, mode,
                               amount, exit_on, exit_kind, exit_collected_any)
            SELECT c.id {ids}, c.code || {_TAG}, c.decision_no, c.decided_on, c.unit_code || {_TAG},
                   c.officer_code || {_TAG}, c.judgment_type, c.mode, c.amount, c.exit_on, c.exit_kind,
                   c.exit_collected_any
            FROM cases c CROSS JOIN {copies} WHERE c.id <= {id_offset} ORDER BY copy.k, c.id"""),
        ("case_groups", f"""
            INSERT INTO case_groups (case_id, group_code)
            SELECT g.case_id {ids}, g.group_code
            FROM case_groups g CROSS JOIN {copies} WHERE g.case_id <= {id_offset}
            ORDER BY copy.k, g.case_id, g.group_code"""),
        # The officer a case is reassigned to is the detail of its phan_cong event.
        ("events", f"""
            INSERT INTO events (case_id, seq, occurred_on, kind, amount, detail)
            SELECT e.case_id {ids}, e.seq, e.occurred_on, e.kind, e.amount,
                   CASE WHEN e.kind = 'phan_cong' THEN e.detail || {_TAG} ELSE e.detail END
            FROM events e CROSS JOIN {copies} WHERE e.case_id <= {id_offset} ORDER BY copy.k, e.case_id, e.seq"""),
        ("case_states", f"""
            INSERT INTO case_states (case_id, valid_from, valid_to, status, officer_code, collected, reduced)
            SELECT s.case_id {ids}, s.valid_from, s.valid_to, s.status, s.officer_code || {_TAG}, s.collected,
                   s.reduced
            FROM case_states s CROSS JOIN {copies} WHERE s.case_id <= {id_offset}
            ORDER BY copy.k, s.case_id, s.valid_from"""),
    ]


def replicate(engine: Engine, target_cases: int, progress) -> None:
    """Add copies of every row, in one transaction, until the database holds about target_cases cases."""
    with engine.begin() as connection:
        original, id_offset = connection.execute(text("SELECT count(*), max(id) FROM cases")).one()
        copies = max(0, round(target_cases / original) - 1)
        if copies == 0:
            return
        # For this transaction only: the sorts and index builds of a 50-million-row load need more than the defaults.
        connection.execute(text("SET LOCAL work_mem = '256MB'"))
        connection.execute(text("SET LOCAL maintenance_work_mem = '2GB'"))
        progress(f"{copies} bản sao của {format_count(original)} việc: bỏ chỉ mục và ràng buộc")
        recreate = drop_bulk_indexes(connection)
        for table, statement in _reference_statements(f"generate_series(1, {copies}) AS copy(k)"):
            progress(f"chép {table}")
            connection.execute(text(statement))
        for first in range(1, copies + 1, COPIES_PER_CHUNK):
            last = min(first + COPIES_PER_CHUNK - 1, copies)
            series = f"generate_series({first}, {last}) AS copy(k)"
            for table, statement in _case_statements(series, id_offset):
                progress(f"chép {table}, bản sao {first}-{last}")
                connection.execute(text(statement))
        for statement in recreate:
            progress(f"tạo lại: {statement[:100]}")
            connection.execute(text(statement))
        connection.execute(text("SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases))"))


def _vacuum_analyze(engine: Engine) -> None:
    # VACUUM sets the hint bits and the visibility map now, so the timed queries neither write them on first read
    # nor meet an autovacuum started by the bulk insert; ANALYZE gives the planner the new sizes.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM (ANALYZE)"))


def build(url: str, target_cases: int, progress) -> None:
    """Fill the empty database at url: the demo province through the importer, then copies in SQL."""
    engine = open_engine(url)
    try:
        progress("sinh dữ liệu tỉnh mẫu")
        tables = generate_province("province", seed=SEED).tables()
        progress("nhập tỉnh mẫu bằng import_tables")
        import_tables(engine, tables)
        replicate(engine, target_cases, progress)
        progress("VACUUM (ANALYZE)")
        _vacuum_analyze(engine)
    finally:
        engine.dispose()


def database_url(admin_url: str, name: str) -> str:
    """Return admin_url pointing at the database called name."""
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _case_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if connection.execute(text("SELECT to_regclass('cases')")).scalar() is None:
                return 0
            return connection.execute(text("SELECT count(*) FROM cases")).scalar_one()
    finally:
        engine.dispose()


def ensure_database(admin_url: str = POSTGRES_ADMIN_URL, name: str = DATABASE_NAME,
                    target_cases: int = TARGET_CASES, rebuild: bool = False) -> ScaleDatabase:
    """Return the benchmark database, reusing one that holds about target_cases cases unless rebuild is set."""
    started = time.perf_counter()

    def progress(message: str) -> None:
        print(f"... [{seconds(time.perf_counter() - started)}] {message}", file=sys.stderr, flush=True)

    url = database_url(admin_url, name)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with admin.connect() as connection:
            exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                        {"name": name}).first() is not None
            count = _case_count(url) if exists else 0
            if not rebuild and abs(count - target_cases) <= REUSE_TOLERANCE * target_cases:
                progress(f"dùng lại CSDL {name} có sẵn ({format_count(count)} việc)")
                return ScaleDatabase(url, count, None)
            progress(f"xây CSDL {name} (mất vài phút)")
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    build(url, target_cases, progress)
    build_s = time.perf_counter() - started
    progress("xong")
    return ScaleDatabase(url, _case_count(url), build_s)


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after making sure the benchmark database exists: 0, or 1 when PostgreSQL is down."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale",
                                     description=f"Xây CSDL {DATABASE_NAME} khoảng 5 triệu việc trên PostgreSQL.")
    parser.add_argument("--rebuild", action="store_true", help="xóa và xây lại CSDL dù đã có")
    arguments = parser.parse_args(argv)
    problem = postgres_problem(POSTGRES_ADMIN_URL)
    if problem is not None:
        print(f"Không kết nối được PostgreSQL: {problem}.", file=sys.stderr)
        return 1
    database = ensure_database(rebuild=arguments.rebuild)
    built = "dùng lại" if database.build_s is None else f"xây trong {seconds(database.build_s)}"
    print(f"CSDL {DATABASE_NAME}: {format_count(database.cases)} việc ({built}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
