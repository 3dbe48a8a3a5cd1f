"""The precomputed month-end chains give exactly the figures computed from the case states, also after a re-import."""

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Column, MetaData, Table, delete, func, inspect, select

from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from data_access.queries.chain_queries import DIMENSIONS, Scope, direct_parts
from data_access.queries.snapshots import (
    caseload_parts, ensure_snapshots, last_data_day, month_ends_between, snapshot_days_for,
)
from data_access.schema import case_states, chain_snapshots, snapshot_days
from dashboard.demo.province import generate_province
from dashboard.metrics.chains import chain_report
from tests.support.readers import operator

TODAY = date(2024, 5, 20)
# Month ends of two work-years, so both windows of a "same period last year" comparison are read from snapshots.
DAYS = month_ends_between(date(2022, 10, 1), date(2024, 4, 30))
ORDER = ["key", "status", "collected_any", "brought_forward"]
SCOPES = (Scope(), Scope(unit="QN01"), Scope(group="ngan_sach"), Scope(judgment_type="dan_su", mode="theo_don"),
          Scope(province="QN00"), Scope(unit="QN02", group="tin_dung"))
SNAPSHOT_DIMENSIONS = [None] + [name for name in DIMENSIONS if name != "officer"]


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(ORDER).reset_index(drop=True)


def _assert_snapshots_exact(engine, days) -> None:
    for day in days:
        start = date(day.year if day.month >= 10 else day.year - 1, 10, 1)
        for scope in SCOPES:
            for by in SNAPSHOT_DIMENSIONS:
                read = _sorted(caseload_parts(operator(engine), start, day, scope, by))
                computed = _sorted(direct_parts(operator(engine), start, day, scope, by))
                pd.testing.assert_frame_equal(read, computed, obj=f"{day} {scope} by={by}")


@pytest.fixture
def province():
    return generate_province("small", seed=11, today=TODAY)


def test_snapshots_cover_every_month_end_of_six_work_years_and_the_last_day_of_the_data(db, province):
    import_tables(db, province.tables())
    with db.connect() as connection:
        days = connection.execute(select(snapshot_days.c.day).order_by(snapshot_days.c.day)).scalars().all()
        rows = connection.execute(select(func.count()).select_from(chain_snapshots)).scalar()
        last = last_data_day(connection)
    assert date(2024, 5, 1) <= last <= TODAY
    assert days == snapshot_days_for(last) == [*month_ends_between(date(2018, 10, 1), date(2024, 4, 30)), last]
    assert days[0] == date(2018, 10, 31)
    assert rows > len(days)
    assert snapshot_days_for(date(2024, 4, 30))[-2:] == [date(2024, 3, 31), date(2024, 4, 30)]


def test_every_breakdown_and_scope_read_from_snapshots_equals_the_direct_computation(db, province):
    import_tables(db, province.tables())
    _assert_snapshots_exact(db, DAYS)


def test_reports_are_read_from_the_snapshots_on_month_ends_and_computed_on_other_days(db, province):
    import_tables(db, province.tables())
    month_end, other_day = date(2023, 12, 31), date(2023, 12, 30)
    with db.connect() as connection:
        last = last_data_day(connection)
    # "Đến nay" and the end of the work-year lie after the data's last day: its snapshot holds them.
    later = (last, date(2024, 5, 31), date(2024, 9, 30))
    before = chain_report(operator(db), month_end, by="unit")
    before_later = [caseload_parts(operator(db), date(2023, 10, 1), day, by="unit") for day in later]
    _assert_snapshots_exact(db, later)
    with db.begin() as connection:
        connection.execute(delete(case_states))
    # Without the states a direct computation finds no caseload; the snapshots still hold those days.
    assert chain_report(operator(db), month_end, by="unit") == before
    for day, parts in zip(later, before_later):
        pd.testing.assert_frame_equal(caseload_parts(operator(db), date(2023, 10, 1), day, by="unit"), parts)
    assert chain_report(operator(db), other_day)["cases"]["caseload"] == 0
    # The next work-year starts a window of its own, which no snapshot holds.
    assert chain_report(operator(db), date(2024, 10, 31))["cases"]["caseload"] == 0
    assert before["rows"] and all(row["cases"]["caseload"] > 0 for row in before["rows"])
    assert all(parts["cases"].sum() > 0 for parts in before_later)


def test_a_re_import_that_changes_cases_rebuilds_the_snapshots_exactly(db, province):
    import_tables(db, province.tables())
    quarter = chain_report(operator(db), date(2023, 12, 31))
    changed = [code for code, case in province.cases.items()
               if date(2023, 10, 1) <= case.decided_on <= date(2023, 12, 31) and case.amount > 0][:25]
    for code in changed:
        # Each changed case is now collected in full on its decision day and completed a week later.
        case = province.cases[code]
        case.events = [(case.decided_on, "thu_tien", case.amount, ""),
                       (date.fromordinal(case.decided_on.toordinal() + 7), "xong", None, "")]
    import_tables(db, province.tables(only=changed))
    after = chain_report(operator(db), date(2023, 12, 31))
    assert after["cases"]["caseload"] == quarter["cases"]["caseload"]
    assert after["cases"]["done"] > quarter["cases"]["done"]
    assert after["money"]["done"] > quarter["money"]["done"]
    _assert_snapshots_exact(db, [date(2023, 10, 31), date(2023, 12, 31), date(2024, 3, 31)])


def test_an_import_of_later_events_adds_the_new_month_ends_and_moves_the_last_day(db, province):
    import_tables(db, province.tables())
    with db.connect() as connection:
        first_last = last_data_day(connection)
    later = generate_province("small", seed=11, today=date(2024, 7, 3))
    import_tables(db, later.tables())
    with db.connect() as connection:
        days = connection.execute(select(snapshot_days.c.day).order_by(snapshot_days.c.day)).scalars().all()
        last = last_data_day(connection)
    assert date(2024, 7, 1) <= last <= date(2024, 7, 3)
    assert days[-3:] == [date(2024, 5, 31), date(2024, 6, 30), last] and first_last not in days
    _assert_snapshots_exact(db, [date(2024, 5, 31), date(2024, 6, 30), last, date(2024, 9, 30)])


def test_a_case_moved_to_another_unit_leaves_the_old_unit_and_joins_the_new_one(db, province):
    import_tables(db, province.tables())
    moved = next(code for code, case in province.cases.items()
                 if case.unit == "QN01" and date(2023, 10, 1) <= case.decided_on <= date(2023, 12, 31))
    before = {row["key"]: row["cases"]["caseload"] for row in chain_report(operator(db), date(2023, 12, 31),
                                                                           by="unit")["rows"]}
    case = province.cases[moved]
    case.unit, case.officer = "QN02", province.officers_by_unit["QN02"][0]
    case.events = [event for event in case.events if event[1] != "phan_cong"]
    import_tables(db, province.tables(only=[moved]))
    after = {row["key"]: row["cases"]["caseload"] for row in chain_report(operator(db), date(2023, 12, 31),
                                                                          by="unit")["rows"]}
    assert (after["QN01"], after["QN02"]) == (before["QN01"] - 1, before["QN02"] + 1)
    _assert_snapshots_exact(db, [date(2023, 12, 31)])


def test_snapshots_of_an_earlier_shape_are_computed_again_when_the_database_opens(db, province):
    import_tables(db, province.tables())
    expected = caseload_parts(operator(db), date(2023, 10, 1), date(2023, 12, 31), by="unit")
    earlier = Table(chain_snapshots.name, MetaData(), *(Column(column.name, column.type, nullable=False)
                                                         for column in chain_snapshots.columns
                                                         if not column.name.startswith("shares_")))
    with db.begin() as connection:
        chain_snapshots.drop(connection)
        earlier.create(connection)
    reopened = open_engine(db.url.render_as_string(hide_password=False))
    try:
        with reopened.connect() as connection:
            assert {column["name"] for column in inspect(connection).get_columns("chain_snapshots")} == {
                column.name for column in chain_snapshots.columns}
            assert connection.execute(select(func.count()).select_from(chain_snapshots)).scalar() > 0
            assert ensure_snapshots(connection) is False
        pd.testing.assert_frame_equal(
            _sorted(caseload_parts(operator(reopened), date(2023, 10, 1), date(2023, 12, 31),
                                   by="unit")), _sorted(expected))
    finally:
        reopened.dispose()


def test_a_database_without_snapshots_gets_them_when_it_opens_and_an_empty_one_does_not(db, province):
    with db.begin() as connection:
        assert ensure_snapshots(connection) is False
    import_tables(db, province.tables())
    with db.begin() as connection:
        days = connection.execute(select(func.count()).select_from(snapshot_days)).scalar()
        connection.execute(delete(chain_snapshots))
        connection.execute(delete(snapshot_days))
    with db.begin() as connection:
        assert ensure_snapshots(connection) is True
        assert connection.execute(select(func.count()).select_from(snapshot_days)).scalar() == days > 0
        assert ensure_snapshots(connection) is False
    _assert_snapshots_exact(db, [date(2023, 12, 31)])
