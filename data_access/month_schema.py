"""The tables of the statistician's month: the data's version, the imports and who ran them, one import at a time,
and the periods closed with the figures they were closed with. They sit with the data: rebuilding the demo or
loading a national export empties them with it."""

from sqlalchemy import Column, Date, DateTime, Index, Integer, String, Table, Text

from data_access.schema import chain_snapshots, metadata

# One row: a new random version every time anything a figure is read from changes (an import, a close, a reopen).
# Every cached figure is keyed by it, so a page never mixes two versions and never waits for a cache to expire.
data_version = Table(
    "data_version", metadata,
    Column("id", Integer, primary_key=True),
    Column("version", String(32), nullable=False),
)

# Every import tried, with what it brought and how it ended.
import_runs = Table(
    "import_runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("actor", String(100), nullable=False),
    # The file or folder as the person gave it.
    Column("source", String(300), nullable=False),
    # JSON: rows per exchange file.
    Column("files", Text, nullable=False),
    # running, accepted, rejected or failed.
    Column("result", String(16), nullable=False),
    Column("findings", Integer, nullable=False),
    Column("replaced_cases", Integer, nullable=False),
    # JSON: the units whose cases it wrote, to tell which import moved a closed period's figures.
    Column("units", Text, nullable=False),
)
Index("ix_import_runs_finished", import_runs.c.finished_at)

# At most one row: the import running now. A row left by a process that died is taken over once it is stale.
import_lock = Table(
    "import_lock", metadata,
    Column("name", String(16), primary_key=True),
    Column("actor", String(100), nullable=False),
    Column("since", DateTime, nullable=False),
)

closed_periods = Table(
    "closed_periods", metadata,
    Column("period_end", Date, primary_key=True),
    Column("closed_at", DateTime, nullable=False),
    Column("closed_by", String(100), nullable=False),
)

# The chain snapshot of a closed period end as it was when closed, also per officer, so every scope and breakdown a
# page reads is read back unchanged whatever is imported later.
closed_snapshots = Table(
    "closed_snapshots", metadata,
    *(column._copy() for column in chain_snapshots.columns),
    Column("officer_code", String(32), nullable=False),
)
Index("ix_closed_snapshots_day", closed_snapshots.c.day, closed_snapshots.c.unit_code)
