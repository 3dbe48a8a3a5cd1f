"""Loads a whole database at once: cases replayed into the rows the importer writes, then COPY on PostgreSQL.

Workers call prepare_cases (pure, picklable in and out); the process holding the connection writes the results
inside bulk_load, a single transaction that empties the database first.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import delete, text
from sqlalchemy.engine import Connection, Engine

from data_access.exchange.importer import provinces_of
from data_access.exchange.timeline import Event, replay
from data_access.schema import metadata, officers, targets, units

# The tables whose indexes and constraints are dropped around a bulk load and built again after it.
BULK_TABLES = ("cases", "case_groups", "events", "case_states")
COLUMNS = {
    "cases": ("id", "code", "decision_no", "decided_on", "unit_code", "officer_code", "judgment_type", "mode",
              "amount", "debtor", "creditor", "judgment_no", "court", "exit_on", "exit_kind", "exit_collected_any"),
    "case_groups": ("case_id", "group_code"),
    "events": ("case_id", "seq", "occurred_on", "kind", "amount", "detail"),
    "case_states": ("case_id", "valid_from", "valid_to", "status", "officer_code", "collected", "reduced"),
}
# For the load transaction only: the index builds and foreign-key checks of tens of millions of rows need more
# than the defaults (64 MB and 4 MB) to sort in memory.
LOAD_SETTINGS = {"maintenance_work_mem": "1GB", "work_mem": "256MB"}
_TARGET_RATE = Decimal("0.01")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class NewCase(NamedTuple):
    """A case to load: viec fields, sorted group codes, and events (day, kind, amount, detail) in file order."""

    id: int
    code: str
    decision_no: str
    decided_on: date
    unit_code: str
    officer_code: str
    judgment_type: str
    mode: str
    amount: int
    groups: list[str]
    events: list[tuple]
    # The optional columns of viec.csv: parties, judgment number, court.
    debtor: str | None = None
    creditor: str | None = None
    judgment_no: str | None = None
    court: str | None = None


@dataclass(frozen=True)
class PreparedCases:
    """The rows of BULK_TABLES for a batch of cases: COPY text for PostgreSQL, or tuples for SQLite."""

    rows: dict[str, bytes | list[tuple]]
    counts: dict[str, int]


class BrokenCase(ValueError):
    """A case to load breaks an import rule of domain.md section 3."""


def _case_rows(case: NewCase) -> tuple[tuple, list[tuple], list[tuple], list[tuple]]:
    # The same derivation as importer._check and importer._replace_cases, row for row.
    events = [Event(line, on, kind, amount, detail) for line, (on, kind, amount, detail) in enumerate(case.events)]
    timeline, breaches = replay(case.decided_on, case.amount, case.officer_code, events)
    if breaches:
        raise BrokenCase(f"việc {case.code}: {breaches[0].message} [{breaches[0].rule}]")
    case_id = case.id
    case_row = (case_id, case.code, case.decision_no, case.decided_on, case.unit_code, case.officer_code,
                case.judgment_type, case.mode, case.amount, case.debtor, case.creditor, case.judgment_no, case.court,
                timeline.exit_on, timeline.exit_kind, timeline.exit_collected_any)
    group_rows = [(case_id, group) for group in case.groups]
    event_rows = [(case_id, seq, event.on, event.kind, event.amount, event.detail or None)
                  for seq, event in enumerate(timeline.events, start=1)]
    state_rows = [(case_id, span.valid_from, span.valid_to, span.status, span.officer, span.collected, span.reduced)
                  for span in timeline.spans]
    return case_row, group_rows, event_rows, state_rows


def _sqlite_field(value):
    # What SQLAlchemy's Date and Boolean types store on SQLite.
    if isinstance(value, date):
        return value.isoformat()
    if value is True or value is False:
        return int(value)
    return value


def _copy_text(tables: dict[str, list[tuple]]) -> dict[str, bytes]:
    # Typed per-column formatting is several times faster than a generic per-value one. Codes follow the exchange
    # format's rule (ASCII letters, digits and _ . - /), so only the free text (decision number, parties, judgment
    # number, court) needs escaping.
    null = "\\N"

    def free(value: str | None) -> str:
        return null if value is None else value.translate(_COPY_ESCAPES)

    lines = {
        "cases": [f"{case_id}\t{code}\t{free(number)}\t{decided}\t{unit}\t{officer}\t{judgment}\t{mode}\t{amount}\t"
                  f"{free(debtor)}\t{free(creditor)}\t{free(judgment_no)}\t{free(court)}\t"
                  f"{null if exit_on is None else exit_on}\t"
                  f"{null if exit_kind is None else exit_kind}\t{'t' if collected_any else 'f'}\n"
                  for case_id, code, number, decided, unit, officer, judgment, mode, amount, debtor, creditor,
                  judgment_no, court, exit_on, exit_kind, collected_any in tables["cases"]],
        "case_groups": [f"{case_id}\t{group}\n" for case_id, group in tables["case_groups"]],
        "events": [f"{case_id}\t{seq}\t{on}\t{kind}\t{null if amount is None else amount}\t"
                   f"{null if detail is None else detail}\n"
                   for case_id, seq, on, kind, amount, detail in tables["events"]],
        "case_states": [f"{case_id}\t{start}\t{end}\t{status}\t{officer}\t{collected}\t{reduced}\n"
                        for case_id, start, end, status, officer, collected, reduced in tables["case_states"]],
    }
    return {name: "".join(table_lines).encode() for name, table_lines in lines.items()}


def prepare_cases(cases: Iterable[NewCase], dialect: str) -> PreparedCases:
    """Return the rows the importer would write for these cases, formatted for the dialect's bulk writer.

    Raises BrokenCase when a case breaks an import rule.
    """
    tables = {name: [] for name in BULK_TABLES}
    for case in cases:
        case_row, group_rows, event_rows, state_rows = _case_rows(case)
        tables["cases"].append(case_row)
        tables["case_groups"] += group_rows
        tables["events"] += event_rows
        tables["case_states"] += state_rows
    counts = {name: len(rows) for name, rows in tables.items()}
    if dialect == "postgresql":
        return PreparedCases(_copy_text(tables), counts)
    return PreparedCases({name: [tuple(map(_sqlite_field, row)) for row in rows] for name, rows in tables.items()},
                         counts)


def drop_bulk_indexes(connection: Connection) -> list[str]:
    """Drop the indexes and constraints of BULK_TABLES; return the statements that create them again, in order."""
    tables = ", ".join(f"'{name}'::regclass" for name in BULK_TABLES)
    constraints = connection.execute(text(f"""
        SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid IN ({tables}) AND contype IN ('p', 'u', 'f')""")).all()
    indexes = connection.execute(text(f"""
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
        WHERE i.indrelid IN ({tables})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")).all()
    # Foreign keys depend on the keys they reference, so they go first and come back last.
    foreign = [row for row in constraints if row[2] == "f"]
    keys = [row for row in constraints if row[2] != "f"]
    for table, name, _, _ in foreign + keys:
        connection.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
    for name, _ in indexes:
        connection.execute(text(f"DROP INDEX {name}"))
    return ([f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for table, name, _, definition in keys]
            + [definition for _, definition in indexes]
            + [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for table, name, _, definition in foreign])


class BulkWriter:
    """Writes reference rows and prepared cases into the emptied database, inside the load's transaction."""

    def __init__(self, connection: Connection):
        self.connection = connection
        self.postgres = connection.dialect.name == "postgresql"
        self.counts = dict.fromkeys(("units", "officers", "targets", *BULK_TABLES), 0)

    def write_reference(self, unit_rows: list[tuple], officer_rows: list[tuple], target_rows: list[tuple]) -> None:
        """Write units, officers and targets given as exchange rows, each unit's province derived as on import."""
        parents = {code: parent or None for code, _, _, parent in unit_rows}
        provinces = provinces_of(parents, {code: level for code, _, level, _ in unit_rows})
        rows = {
            units: [{"code": code, "name": name, "level": level, "parent_code": parents[code],
                     "province_code": provinces[code]} for code, name, level, _ in unit_rows],
            officers: [dict(zip(("code", "name", "unit_code", "grade"), row)) for row in officer_rows],
            targets: [{"year": int(year), "scope": scope, "code": code,
                       "cases_rate": Decimal(cases_rate).quantize(_TARGET_RATE),
                       "money_rate": Decimal(money_rate).quantize(_TARGET_RATE)}
                      for year, scope, code, cases_rate, money_rate in target_rows],
        }
        for table, table_rows in rows.items():
            if table_rows:
                self.connection.execute(table.insert(), table_rows)
            self.counts[table.name] += len(table_rows)

    def write_cases(self, prepared: PreparedCases) -> None:
        """Write a batch made by prepare_cases for this database's dialect."""
        for name in BULK_TABLES:
            columns = COLUMNS[name]
            if self.postgres:
                cursor = self.connection.connection.dbapi_connection.cursor()
                # FREEZE: the tables were emptied in this transaction, so the rows need no later visibility pass.
                with cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN WITH (FREEZE)") as copy:
                    copy.write(prepared.rows[name])
            elif prepared.rows[name]:
                placeholders = ", ".join("?" for _ in columns)
                self.connection.exec_driver_sql(
                    f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({placeholders})", prepared.rows[name])
            self.counts[name] += prepared.counts[name]


def _empty(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        names = ", ".join(table.name for table in metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
        return
    for table in reversed(metadata.sorted_tables):
        connection.execute(delete(table))


def _object_name(statement: str) -> str:
    words = statement.replace('"', "").split()
    return words[words.index("CONSTRAINT") + 1] if "CONSTRAINT" in words else words[words.index("INDEX") + 1]


@contextmanager
def bulk_load(engine: Engine, progress: Callable[[str], None] = lambda message: None) -> Iterator[BulkWriter]:
    """Yield a BulkWriter on the emptied database; all of it is one transaction, so a failure changes nothing.

    On PostgreSQL the case tables lose their indexes and constraints while the rows go in, and get them back
    (progress is told each one) before the commit; the case id sequence then follows the largest id.
    """
    with engine.begin() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            for name, value in LOAD_SETTINGS.items():
                connection.execute(text(f"SET LOCAL {name} = '{value}'"))
        _empty(connection)
        recreate = drop_bulk_indexes(connection) if postgres else []
        writer = BulkWriter(connection)
        yield writer
        for number, statement in enumerate(recreate, start=1):
            progress(f"Tạo lại chỉ mục và ràng buộc {number}/{len(recreate)}: {_object_name(statement)}")
            connection.execute(text(statement))
        if postgres:
            connection.execute(text("SELECT setval(pg_get_serial_sequence('cases', 'id'), "
                                    "COALESCE(max(id), 0) + 1, false) FROM cases"))
        else:
            connection.execute(text("ANALYZE"))


def vacuum_analyze(engine: Engine) -> None:
    """Vacuum and analyze a PostgreSQL database after a bulk load (on SQLite the load itself analyzes)."""
    if engine.dialect.name != "postgresql":
        return
    # VACUUM sets the visibility map now, so the first queries neither write it nor meet an autovacuum started by
    # the load; ANALYZE gives the planner the new sizes.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM (ANALYZE)"))
