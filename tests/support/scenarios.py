"""Shared pieces of the hand-worked chain scenarios: empty chains and a report on freshly imported cases."""

from datetime import date

from data_access.exchange.importer import import_tables
from dashboard.metrics.chains import chain_report
from tests.support.builders import tables
from tests.support.readers import operator

M = 1_000_000

EMPTY_CASES = {
    "brought_forward": 0, "new": 0, "caseload": 0, "delegated": 0, "cancelled": 0, "to_enforce": 0, "done": 0,
    "terminated": 0, "in_progress": 0, "deferred_c": 0, "not_enforceable": 0, "enforceable": 0, "completed": 0,
    "rate": None, "carried": 0,
}
EMPTY_MONEY = {**EMPTY_CASES, "reduced": 0}


def report_on(db, end, cases, events=(), **options):
    """Return chain_report at `end` (ISO) after importing the cases and events into the empty database."""
    import_tables(db, tables(cases=cases, events=events))
    return chain_report(operator(db), date.fromisoformat(end), **options)
