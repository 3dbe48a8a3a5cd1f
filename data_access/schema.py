"""The tables: what the exchange format brings, and the per-case states derived from it at import."""

from sqlalchemy import (
    BigInteger, Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, MetaData, Numeric, String, Table, Text,
    func, literal_column,
)

from data_access import codes
from data_access.money_cells import MONEY_CELLS, share_column

metadata = MetaData()

units = Table(
    "units", metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("level", String(16), nullable=False),
    Column("parent_code", String(32)),
    # The province a unit rolls up to (itself for a province office), derived from the parent chain.
    Column("province_code", String(32), nullable=False),
)

officers = Table(
    "officers", metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("unit_code", String(32), ForeignKey("units.code"), nullable=False),
    Column("grade", String(16), nullable=False),
)

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("decision_no", String(100), nullable=False),
    Column("decided_on", Date, nullable=False),
    Column("unit_code", String(32), ForeignKey("units.code"), nullable=False),
    Column("officer_code", String(32), ForeignKey("officers.code"), nullable=False),
    Column("judgment_type", String(32), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("amount", BigInteger, nullable=False),
    # The optional columns of viec.csv (domain.md section 7): the parties, the court's judgment and the court.
    Column("debtor", String(200)),
    Column("creditor", String(200)),
    Column("judgment_no", String(100)),
    Column("court", String(200)),
    # Facts of the terminal event, if any; collected and reduced at exit are the last state's.
    Column("exit_on", Date),
    Column("exit_kind", String(16)),
    Column("exit_collected_any", Boolean, nullable=False, default=False),
)
Index("ix_cases_decided_on", cases.c.decided_on)
# Case lists sorted by amount, or by the amount remaining, walk it from the largest (data_access/case_walk.py).
Index("ix_cases_amount", cases.c.amount)
# A unit's cases, for lists and reports narrowed to one unit of a large PostgreSQL database. Not on SQLite, whose
# planner took it for the unit breakdowns and read the whole table through it.
Index("ix_cases_unit", cases.c.unit_code, cases.c.decided_on).ddl_if(dialect="postgresql")



def search_text():
    """Return the text a case list searches: code, decision and judgment numbers and the parties, in lower case.

    PostgreSQL indexes this very expression with trigrams (data_access/engine.py), so the separators are literal
    SQL: a bound parameter in their place would not match the index.
    """
    space, empty = literal_column("' '"), literal_column("''")
    parts = [cases.c.code, cases.c.decision_no, *(func.coalesce(column, empty) for column in (
        cases.c.judgment_no, cases.c.debtor, cases.c.creditor))]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(space).op("||")(part)
    return func.lower(joined)


case_groups = Table(
    "case_groups", metadata,
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("group_code", String(32), primary_key=True),
)
Index("ix_case_groups_group", case_groups.c.group_code, case_groups.c.case_id)

events = Table(
    "events", metadata,
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    # Position of the event in the case's day-ordered timeline.
    Column("seq", Integer, primary_key=True),
    Column("occurred_on", Date, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("amount", BigInteger),
    Column("detail", String(32)),
)
Index("ix_events_kind_date", events.c.kind, events.c.occurred_on)
# Whether a case left the separate ledger in a window, asked for every case in the ledger at a window's start.
Index("ix_events_restores", events.c.case_id, events.c.occurred_on,
      postgresql_where=events.c.kind == "ra_so_rieng", sqlite_where=events.c.kind == "ra_so_rieng")

# One row per day interval [valid_from, valid_to) in which a case's state is constant: the state after
# every event dated valid_from or earlier. collected and reduced are cumulative.
case_states = Table(
    "case_states", metadata,
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("valid_from", Date, primary_key=True),
    Column("valid_to", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("officer_code", String(32), nullable=False),
    Column("collected", BigInteger, nullable=False),
    Column("reduced", BigInteger, nullable=False),
)
Index("ix_case_states_lookup", case_states.c.case_id, case_states.c.valid_from, case_states.c.valid_to)
# An officer's cases on PostgreSQL, which looks states up case by case (data_access/chain_queries.py): the states
# naming the officer point at the few cases worth looking up.
Index("ix_case_states_officer", case_states.c.officer_code, case_states.c.valid_from).ddl_if(dialect="postgresql")
# The days cases turned not enforceable in a window (data_access/watch_queries.py): on the whole country a scan of
# every state takes twice as long as this index's walk.
Index("ix_case_states_not_enforceable_from", case_states.c.valid_from,
      postgresql_where=case_states.c.status.in_(codes.NOT_ENFORCEABLE_STATES)).ddl_if(dialect="postgresql")

targets = Table(
    "targets", metadata,
    Column("year", Integer, primary_key=True),
    Column("scope", String(8), primary_key=True),
    # Empty for the province-wide target.
    Column("code", String(32), primary_key=True),
    Column("cases_rate", Numeric(5, 2), nullable=False),
    Column("money_rate", Numeric(5, 2), nullable=False),
)

# The chains precomputed at month ends and at the data's last day (data_access/snapshots.py): the caseload of the
# window ending on `day`, summed per unit, judgment type, mode, set of groups and state at `day`. Rebuilt by every
# import.
chain_snapshots = Table(
    "chain_snapshots", metadata,
    Column("day", Date, nullable=False),
    Column("unit_code", String(32), nullable=False),
    Column("judgment_type", String(32), nullable=False),
    Column("mode", String(16), nullable=False),
    # One bit per group, in the order of codes.GROUPS: a case's groups overlap.
    Column("group_mask", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("collected_any", Boolean, nullable=False),
    Column("brought_forward", Integer, nullable=False),
    Column("cases", BigInteger, nullable=False),
    Column("opening", BigInteger, nullable=False),
    Column("collected", BigInteger, nullable=False),
    Column("reduced", BigInteger, nullable=False),
    Column("remaining", BigInteger, nullable=False),
    # Per money cell, how many of the cases have a share in it (a case list of that cell counts them).
    *(Column(share_column(cell), Integer, nullable=False) for cell in MONEY_CELLS),
)
Index("ix_chain_snapshots_day", chain_snapshots.c.day, chain_snapshots.c.unit_code)

# The days chain_snapshots holds; the latest also stands for the later days of its work-year. Any other day is
# computed from the states.
snapshot_days = Table(
    "snapshot_days", metadata,
    Column("day", Date, primary_key=True),
    # 1 October of the day's work-year and the day before it: the window's bounds, for building in one query.
    Column("window_start", Date, nullable=False),
    Column("day_before_start", Date, nullable=False),
)

# Figures pinned at a cut-off for a meeting: the first reading after the cut-off is kept, so every screen that
# opens the same frozen view shows the same numbers whatever is imported later.
pinned_figures = Table(
    "pinned_figures", metadata,
    # The cut-off and the filters, as the display's URL names them.
    Column("view", String(400), primary_key=True),
    Column("taken_at", DateTime, nullable=False),
    Column("payload", Text, nullable=False),
)
