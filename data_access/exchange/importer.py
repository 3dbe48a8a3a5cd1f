"""Imports exchange tables all or nothing: checks every rule, then upserts reference data and replaces cases."""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import bindparam, delete, func, select, text, update
from sqlalchemy.engine import Connection, Engine

from data_access import codes
from data_access.data_version import new_version
from data_access.exchange.files import ImportIssue, ImportRejected
from data_access.exchange.sources import read_source
from data_access.exchange.timeline import Timeline, replay
from data_access.exchange.validation import (
    Batch, KnownCodes, check_columns, check_unit_parents, parse_cases, parse_events, parse_officers,
    parse_targets, parse_units,
)
from data_access.queries.snapshots import refresh_snapshots
from data_access.schema import case_groups, case_states, cases, events, officers, targets, units

__all__ = ["ImportRejected", "ImportIssue", "ImportSummary", "import_tables", "import_path"]

# Deletes of replaced cases go in chunks so no statement carries more bound values than SQLite allows.
_DELETE_CHUNK = 500


@dataclass(frozen=True)
class ImportSummary:
    """How many rows of each file were imported, how many cases replaced ones already there, and the units whose
    cases were written."""

    counts: dict[str, int]
    replaced_cases: int
    units: frozenset[str] = frozenset()


def _silent(phase: str) -> None:
    return None


def _known_codes(connection: Connection) -> KnownCodes:
    unit_rows = connection.execute(select(units.c.code, units.c.parent_code, units.c.level)).all()
    officer_rows = connection.execute(select(officers.c.code)).scalars().all()
    return KnownCodes(units={code: parent for code, parent, _ in unit_rows}, officers=frozenset(officer_rows),
                      provinces=frozenset(code for code, _, level in unit_rows if level == "tinh"))


def _check(tables: dict[str, pd.DataFrame], known: KnownCodes) -> tuple[Batch, dict[str, Timeline], list]:
    issues: list[ImportIssue] = []
    for stem, frame in tables.items():
        if stem not in codes.EXCHANGE_COLUMNS:
            issues.append(ImportIssue(f"{stem}.csv", 0, "columns", "tệp không thuộc định dạng trao đổi"))
        else:
            issues += check_columns(stem, frame)
    if "su_kien" in tables and "viec" not in tables:
        issues.append(ImportIssue("su_kien.csv", 0, "unknown_case", "nhập sự kiện phải kèm viec.csv của các việc đó"))
    batch = Batch()
    if issues:
        return batch, {}, issues
    empty = pd.DataFrame()
    parse_units(tables.get("don_vi", empty), batch, issues)
    unit_codes = set(check_unit_parents(batch, known, issues))
    parse_officers(tables.get("chap_hanh_vien", empty), batch, unit_codes, issues)
    officer_codes = set(known.officers) | set(batch.officers)
    parse_cases(tables.get("viec", empty), batch, unit_codes, officer_codes, issues)
    parse_events(tables.get("su_kien", empty), batch, officer_codes, issues)
    province_codes = ({code for code in known.provinces if code not in batch.units}
                      | {code for code, unit in batch.units.items() if unit["level"] == "tinh"})
    parse_targets(tables.get("chi_tieu", empty), batch, unit_codes, officer_codes, issues, province_codes)
    timelines = {}
    for code, case in batch.cases.items():
        timeline, breaches = replay(case["decided_on"], case["amount"], case["officer_code"],
                                    batch.events.get(code, []))
        timelines[code] = timeline
        issues += [ImportIssue("su_kien.csv", breach.line, breach.rule, f"việc {code}: {breach.message}")
                   for breach in breaches]
    return batch, timelines, issues


_FILE_ORDER = {f"{stem}.csv": index for index, stem in enumerate(codes.EXCHANGE_COLUMNS)}


def _issue_order(issue: ImportIssue) -> tuple:
    return _FILE_ORDER.get(issue.file, len(_FILE_ORDER)), issue.file, issue.line


def provinces_of(parents: dict[str, str | None], levels: dict[str, str]) -> dict[str, str]:
    """Return the province every unit rolls up to: the nearest unit of level tinh at or above it, else itself."""
    provinces = {}
    for code in parents:
        current = code
        while current is not None and levels.get(current) != "tinh":
            current = parents.get(current)
        provinces[code] = current if current is not None else code
    return provinces


def _upsert(connection: Connection, table, keys: tuple[str, ...], rows: list[dict]) -> None:
    if not rows:
        return
    existing = {tuple(row) for row in connection.execute(select(*(table.c[key] for key in keys)))}
    fresh = [row for row in rows if tuple(row[key] for key in keys) not in existing]
    stale = [row for row in rows if tuple(row[key] for key in keys) in existing]
    if fresh:
        connection.execute(table.insert(), fresh)
    if stale:
        statement = update(table).where(*(table.c[key] == bindparam(f"k_{key}") for key in keys))
        values = {column: bindparam(column) for column in stale[0] if column not in keys}
        connection.execute(statement.values(values),
                           [{**row, **{f"k_{key}": row[key] for key in keys}} for row in stale])


def _write_units(connection: Connection, batch: Batch) -> None:
    if not batch.units:
        return
    rows = [{key: unit[key] for key in ("code", "name", "level", "parent_code")} | {"province_code": unit["code"]}
            for unit in batch.units.values()]
    _upsert(connection, units, ("code",), rows)
    all_units = connection.execute(select(units.c.code, units.c.parent_code, units.c.level)).all()
    provinces = provinces_of({code: parent for code, parent, _ in all_units}, {code: lvl for code, _, lvl in all_units})
    connection.execute(update(units).where(units.c.code == bindparam("k_code"))
                       .values(province_code=bindparam("province_code")),
                       [{"k_code": code, "province_code": province} for code, province in provinces.items()])


def _bulk_insert(connection: Connection, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        # COPY is an order of magnitude faster than multi-row INSERT for hundreds of thousands of rows.
        cursor = connection.connection.dbapi_connection.cursor()
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    connection.execute(table.insert(), [dict(zip(columns, row)) for row in rows])


def _replace_cases(connection: Connection, batch: Batch, timelines: dict[str, Timeline]) -> tuple[int, set[str]]:
    """Write the batch's cases over any earlier versions; return how many were replaced and every unit touched."""
    codes_in_batch = list(batch.cases)
    old_ids, touched = [], {case["unit_code"] for case in batch.cases.values()}
    for start in range(0, len(codes_in_batch), _DELETE_CHUNK):
        chunk = codes_in_batch[start:start + _DELETE_CHUNK]
        for case_id, unit_code in connection.execute(select(cases.c.id, cases.c.unit_code)
                                                     .where(cases.c.code.in_(chunk))):
            old_ids.append(case_id)
            touched.add(unit_code)
    for start in range(0, len(old_ids), _DELETE_CHUNK):
        chunk = old_ids[start:start + _DELETE_CHUNK]
        for table in (case_states, events, case_groups):
            connection.execute(delete(table).where(table.c.case_id.in_(chunk)))
        connection.execute(delete(cases).where(cases.c.id.in_(chunk)))
    next_id = (connection.execute(select(func.max(cases.c.id))).scalar() or 0) + 1
    case_rows, group_rows, event_rows, state_rows = [], [], [], []
    for case_id, (code, case) in enumerate(batch.cases.items(), start=next_id):
        timeline = timelines[code]
        case_rows.append((case_id, code, case["decision_no"], case["decided_on"], case["unit_code"],
                          case["officer_code"], case["judgment_type"], case["mode"], case["amount"],
                          *(case[field] for field in codes.OPTIONAL_CASE_COLUMNS.values()),
                          timeline.exit_on, timeline.exit_kind, timeline.exit_collected_any))
        group_rows += [(case_id, group) for group in case["groups"]]
        event_rows += [(case_id, seq, event.on, event.kind, event.amount, event.detail or None)
                       for seq, event in enumerate(timeline.events, start=1)]
        state_rows += [(case_id, span.valid_from, span.valid_to, span.status, span.officer, span.collected,
                        span.reduced) for span in timeline.spans]
    _bulk_insert(connection, cases, ("id", "code", "decision_no", "decided_on", "unit_code", "officer_code",
                                     "judgment_type", "mode", "amount", *codes.OPTIONAL_CASE_COLUMNS.values(),
                                     "exit_on", "exit_kind", "exit_collected_any"), case_rows)
    _bulk_insert(connection, case_groups, ("case_id", "group_code"), group_rows)
    _bulk_insert(connection, events, ("case_id", "seq", "occurred_on", "kind", "amount", "detail"), event_rows)
    _bulk_insert(connection, case_states, ("case_id", "valid_from", "valid_to", "status", "officer_code",
                                           "collected", "reduced"), state_rows)
    return len(old_ids), touched


def _lock_for_import(connection: Connection) -> None:
    # One import at a time: a second one waits instead of interleaving its deletes and ids with ours.
    # SQLite needs nothing here, as it admits a single writer anyway.
    if connection.dialect.name == "postgresql":
        connection.execute(text("LOCK TABLE cases IN EXCLUSIVE MODE"))


def import_tables(engine: Engine, tables: dict[str, pd.DataFrame], *, stored_figures: bool = True,
                  progress: Callable[[str], None] = _silent,
                  before_commit: Callable[[Connection, ImportSummary], None] | None = None) -> ImportSummary:
    """Return what was imported; raise ImportRejected, writing nothing, if any row breaks a rule.

    `progress` is told each phase as it starts ("checking", "writing", "figures"); `before_commit` runs in the
    import's own transaction, so what it records lands with the data or not at all. With stored_figures=False the
    month-end figures are left as they are: only for a scratch database that never holds any and is read through
    the case states alone, such as the demo's calibration.
    """
    with engine.begin() as connection:
        _lock_for_import(connection)
        progress("checking")
        batch, timelines, issues = _check(tables, _known_codes(connection))
        if issues:
            raise ImportRejected(sorted(issues, key=_issue_order))
        progress("writing")
        _write_units(connection, batch)
        _upsert(connection, officers, ("code",), list(batch.officers.values()))
        _upsert(connection, targets, ("year", "scope", "code"), list(batch.targets.values()))
        replaced, touched = 0, set()
        if batch.cases:
            replaced, touched = _replace_cases(connection, batch, timelines)
            # Fresh statistics let the planner use the decision-date index for the window queries.
            connection.execute(text("ANALYZE"))
            if stored_figures:
                progress("figures")
                refresh_snapshots(connection, touched)
                connection.execute(text("ANALYZE chain_snapshots"))
        elif batch.targets or batch.units or batch.officers:
            # Targets and names are read with the figures: pages keyed by the data's version must see them at once.
            new_version(connection)
        counts = {f"{stem}.csv": len(frame) for stem, frame in tables.items()}
        summary = ImportSummary(counts=counts, replaced_cases=replaced, units=frozenset(touched))
        if before_commit is not None:
            before_commit(connection, summary)
    return summary


def import_path(engine: Engine, path) -> ImportSummary:
    """Return what was imported from a CSV folder, a .zip of CSV files or an .xlsx workbook; raise ImportRejected
    on any issue."""
    tables, issues = read_source(path)
    if issues:
        raise ImportRejected(issues)
    return import_tables(engine, tables)
