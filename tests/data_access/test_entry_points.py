"""Every way into the agency's data goes through a viewer's scope: each public function of data_access.queries
that takes a Reader refuses, or narrows to nothing, for a viewer without a scope and for one of another province;
every other one is on a short list of functions that read no case, or only run inside an entry point's own
check. A new function that reads the data without a Reader fails here."""

import importlib
import inspect
import pkgutil
from datetime import date, datetime

import pytest
from sqlalchemy.engine import Connection, Engine

import data_access.queries
from data_access.exchange.importer import import_tables
from data_access.queries.case_detail import case_detail
from data_access.queries.case_list import case_list
from data_access.queries.chain_queries import direct_parts
from data_access.queries.closed import close_period, reopen_period
from data_access.queries.flow_queries import flow_parts
from data_access.queries.lookups import dimension_names, known_codes, officer_units, target_rates, target_table
from data_access.queries.pinned import pin, pinned
from data_access.queries.scope import Scope
from data_access.queries.snapshots import caseload_parts
from data_access.queries.trust import unit_last_days
from data_access.queries.viewing import NotPermitted, Reader, Viewer
from data_access.queries.watch_queries import downgrade_list, watch_parts
from tests.support.builders import case, ev, tables, target
from tests.support.readers import operator

START, END = date(2023, 10, 1), date(2023, 12, 31)
# How each entry point is called; an entry point without an example fails the walk.
CALLS = {
    "case_detail": lambda reader: case_detail(reader, "V1"),
    "case_list": lambda reader: case_list(reader, START, END, Scope()),
    "direct_parts": lambda reader: direct_parts(reader, START, END, Scope()),
    "caseload_parts": lambda reader: caseload_parts(reader, START, END, Scope(), "unit"),
    "target_rates": lambda reader: target_rates(reader, 2024, "don_vi", "H01"),
    "target_table": lambda reader: target_table(reader, 2024, "don_vi"),
    "dimension_names": lambda reader: dimension_names(reader, "officer"),
    "officer_units": lambda reader: officer_units(reader),
    "known_codes": lambda reader: known_codes(reader, "officer"),
    "pinned": lambda reader: pinned(reader, "2023-12-31T08:00?nam=2024", Scope()),
    "pin": lambda reader: pin(reader, "2023-12-31T09:00?nam=2024", Scope(), {"total": 1}, datetime(2024, 1, 1)),
    # The writers' examples give what they wrote: the close, and the close reopened.
    "close_period": lambda reader: [close_period(reader, END, "x", datetime(2024, 1, 2))],
    "reopen_period": lambda reader: [close_period(reader, END, "x", datetime(2024, 1, 2)),
                                     reopen_period(reader, END, "x", datetime(2024, 1, 2))],
    "flow_parts": lambda reader: flow_parts(reader, START, END, Scope()),
    # The agency's one case was never downgraded: the example gives the empty frame, which is there all the same.
    "watch_parts": lambda reader: [watch_parts(reader, START, END, Scope())],
    "downgrade_list": lambda reader: downgrade_list(reader, START, END, Scope()),
    "unit_last_days": lambda reader: unit_last_days(reader),
}
# The rules themselves take a Reader to judge it; they read no case.
RULES = {"may_read", "require", "sees_everything", "visible_units", "visible_officers", "whole_database"}
# Functions that take an engine or a connection without a viewer, and why that is safe.
WITHOUT_READER = {
    "uses_lateral": "the database's dialect",
    "unit_provinces": "the agency's structure: which province each unit belongs to",
    "province_names": "the agency's structure: the provinces' names",
    "first_decision_date": "one date, to offer the work-years",
    "officer_unit": "the rules' own lookup of an officer's unit",
    "unit_province": "the rules' own lookup of a unit's province",
    "sole_province": "the rules' own lookup of a one-province database",
    "last_data_day": "the data's last day, for the import's month-end figures",
    "refresh_snapshots": "the import's writing of the month-end figures",
    "ensure_snapshots": "the import's writing of the month-end figures",
    "snapshot_sums": "inside case_list, on the connection of its own check",
    "served_day": "which snapshot day holds a window, inside an entry point's own check",
    "write_snapshot_rows": "the import's and the close's writing of the month-end figures",
    "closed_period": "whether a period end is closed, when and by whom: no figure",
    "every_closed_period": "the closed period ends, when and by whom: no figure",
    "sorted_page": "inside case_list, on the connection of its own check",
}


def _public_functions(rules: bool = True):
    for module_info in pkgutil.iter_modules(data_access.queries.__path__):
        if module_info.name == "viewing" and not rules:
            continue
        module = importlib.import_module(f"data_access.queries.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                yield name, function


def _first_parameter(function):
    parameters = list(inspect.signature(function).parameters.values())
    return parameters[0].annotation if parameters else None


ENTRY_POINTS = sorted(name for name, function in _public_functions(rules=False) if _first_parameter(function) is Reader)


def test_every_function_that_reaches_the_database_takes_a_reader_or_is_listed_with_its_reason():
    reaching = {name for name, function in _public_functions()
                if _first_parameter(function) in (Engine, Connection)}
    assert reaching == set(WITHOUT_READER)
    assert set(ENTRY_POINTS) == set(CALLS)
    judging = {name for name, function in _public_functions() if _first_parameter(function) is Reader}
    assert judging - set(ENTRY_POINTS) == RULES


@pytest.fixture
def agency(db):
    import_tables(db, tables(cases=[case("V1", date(2023, 10, 5), 5_000_000, unit="H01", officer="C02")],
                             events=[ev("V1", date(2023, 11, 1), "xong")],
                             targets=[target(2024, "don_vi", "H01", "80", "50")]))
    pin(operator(db), "2023-12-31T08:00?nam=2024", Scope(), {"total": 1}, datetime(2024, 1, 1))
    return db


@pytest.mark.parametrize("name", ENTRY_POINTS)
@pytest.mark.parametrize("viewer", [None, Viewer("quan_tri"), Viewer("lanh_dao", province="T09"),
                                    Viewer("chv", officer="C04")], ids=("nobody", "admin", "other province",
                                                                        "another officer"))
def test_an_entry_point_gives_nothing_beyond_the_viewers_scope(agency, name, viewer):
    try:
        given = CALLS[name](Reader(agency, viewer))
    except NotPermitted:
        return
    # A lookup narrows to what the viewer may see instead of refusing: an officer sees itself only.
    assert given in ({}, set(), {"C04": "H02"}, {"C04": "Phạm Thị Dung"}, {"C04"}), (name, given)


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_the_operator_reads_through_every_entry_point(agency, name):
    given = CALLS[name](operator(agency))
    assert len(given) > 0, name


def test_a_plain_engine_is_refused_as_a_reader(agency):
    with pytest.raises(NotPermitted):
        caseload_parts(agency, START, END, Scope())

