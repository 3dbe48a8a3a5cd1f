"""An import as people run it, from the page or the command line: one at a time, each phase told as it starts,
recorded in the history (who, when, files, counts, how long, how it ended) and on the audit trail."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from data_access.audit import add_event, record
from data_access.exchange.files import ImportRejected
from data_access.exchange.importer import ImportSummary, import_tables
from data_access.exchange.sources import read_source
from data_access.month_schema import import_lock, import_runs

# The phases a progress display shows, in order, with their Vietnamese names.
PHASES = {"reading": "Đọc tệp", "checking": "Kiểm tra dữ liệu", "writing": "Ghi vào cơ sở dữ liệu",
          "figures": "Tính số liệu cuối tháng"}
RESULTS = {"running": "đang nhập", "accepted": "đã nhập", "rejected": "bị từ chối", "failed": "lỗi khi ghi"}
# A province's import takes minutes; a lock older than this was left by a process that died.
STALE_LOCK = timedelta(hours=6)
_LOCK = "import"


class ImportBusy(RuntimeError):
    """Another import is running; the message says whose and since when."""


@dataclass(frozen=True)
class ImportRun:
    """One import tried, as the history lists it."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    actor: str
    source: str
    files: dict[str, int]
    result: str
    findings: int
    replaced_cases: int
    units: frozenset[str]

    @property
    def seconds(self) -> float | None:
        """Return how long it took, None while it runs."""
        return None if self.finished_at is None else (self.finished_at - self.started_at).total_seconds()


def _run_of(row) -> ImportRun:
    return ImportRun(row.id, row.started_at, row.finished_at, row.actor, row.source, json.loads(row.files),
                     row.result, row.findings, row.replaced_cases, frozenset(json.loads(row.units)))


def _take_lock(engine: Engine, actor: str, now: datetime) -> None:
    try:
        with engine.begin() as connection:
            connection.execute(delete(import_lock).where(import_lock.c.since < now - STALE_LOCK))
            connection.execute(insert(import_lock).values(name=_LOCK, actor=actor[:100], since=now))
    except OperationalError:
        # SQLite admits one writer: a database still locked after its wait is writing another import.
        raise ImportBusy("Cơ sở dữ liệu đang ghi một lần nhập khác. Hãy đợi lần nhập đó xong rồi nhập lại; chưa "
                         "có gì được ghi.") from None
    except IntegrityError:
        with engine.connect() as connection:
            holder = connection.execute(select(import_lock)).first()
        who = f" do {holder.actor} bắt đầu lúc {holder.since:%H:%M %d/%m/%Y}" if holder is not None else ""
        raise ImportBusy(f"Đang có một lần nhập dữ liệu khác{who}. Hãy đợi lần nhập đó xong rồi nhập lại; "
                         "chưa có gì được ghi.") from None


def _release_lock(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(delete(import_lock).where(import_lock.c.name == _LOCK))


def _finish(connection: Connection, run_id: int, now: datetime, result: str, **values) -> None:
    connection.execute(update(import_runs).where(import_runs.c.id == run_id)
                       .values(finished_at=now, result=result, **values))


def run_import(engine: Engine, path: str | Path, actor: str, now: Callable[[], datetime], *, source: str | None = None,
               progress: Callable[[str], None] = lambda phase: None) -> tuple[ImportRun, ImportSummary]:
    """Return the run and what it imported from a folder, .zip, .csv or .xlsx; raise ImportBusy (writing nothing)
    when another import runs, ImportRejected when a rule is broken. Either way the history and the trail say so."""
    return _run(engine, lambda: read_source(path), source or str(path), actor, now, progress)


def run_tables_import(engine: Engine, tables: dict, actor: str, now: Callable[[], datetime],
                      source: str) -> tuple[ImportRun, ImportSummary]:
    """Return the run and what it imported from tables already read (the generated demo), as run_import does."""
    return _run(engine, lambda: (tables, []), source, actor, now, lambda phase: None)


def _run(engine: Engine, read: Callable[[], tuple[dict, list]], source: str, actor: str, now: Callable[[], datetime],
         progress: Callable[[str], None]) -> tuple[ImportRun, ImportSummary]:
    shown = source[:300]
    _take_lock(engine, actor, now())
    try:
        with engine.begin() as connection:
            run_id = connection.execute(insert(import_runs).values(
                started_at=now(), actor=actor[:100], source=shown, files="{}", result="running", findings=0,
                replaced_cases=0, units="[]")).inserted_primary_key[0]
        progress("reading")
        tables, issues = read()
        counts = {f"{stem}.csv": len(frame) for stem, frame in tables.items()}

        def accepted(connection: Connection, summary: ImportSummary) -> None:
            _finish(connection, run_id, now(), "accepted", files=json.dumps(summary.counts),
                    replaced_cases=summary.replaced_cases, units=json.dumps(sorted(summary.units)))
            record(connection, now(), actor[:100], "imported", shown[:200],
                   ", ".join(f"{name}: {count}" for name, count in summary.counts.items()))

        try:
            if issues:
                raise ImportRejected(issues)
            summary = import_tables(engine, tables, progress=progress, before_commit=accepted)
        except ImportRejected as rejected:
            with engine.begin() as connection:
                _finish(connection, run_id, now(), "rejected", files=json.dumps(counts), findings=rejected.total)
            add_event(engine, now(), actor, "import_rejected", shown, f"{rejected.total} lỗi")
            raise
        except Exception:
            with engine.begin() as connection:
                _finish(connection, run_id, now(), "failed", files=json.dumps(counts))
            raise
    finally:
        _release_lock(engine)
    return import_run(engine, run_id), summary


def import_run(engine: Engine, run_id: int) -> ImportRun:
    """Return one run of the history."""
    with engine.connect() as connection:
        return _run_of(connection.execute(select(import_runs).where(import_runs.c.id == run_id)).one())


def import_history(engine: Engine, limit: int = 50) -> list[ImportRun]:
    """Return the latest runs, newest first."""
    with engine.connect() as connection:
        rows = connection.execute(select(import_runs).order_by(import_runs.c.id.desc()).limit(limit))
        return [_run_of(row) for row in rows]


def accepted_since(engine: Engine, since: datetime) -> list[ImportRun]:
    """Return the accepted runs that finished after `since`, oldest first."""
    with engine.connect() as connection:
        rows = connection.execute(select(import_runs).where(import_runs.c.result == "accepted",
                                                            import_runs.c.finished_at > since)
                                  .order_by(import_runs.c.id))
        return [_run_of(row) for row in rows]
