"""Closing a period end: its figures stay as closed for every scope, breakdown and list count after an import that
changes its cases, until it is reopened; who may close, which days, and the trail."""

from datetime import date, datetime

import pytest

from data_access.audit import audit_trail
from data_access.data_version import current_version
from data_access.exchange.importer import import_tables
from data_access.queries.case_list import case_list
from data_access.queries.closed import CannotClose, close_period, closed_period, every_closed_period, reopen_period
from data_access.queries.scope import Scope
from data_access.queries.viewing import NotPermitted
from dashboard.metrics.chains import chain_report
from tests.support.builders import case, ev, tables
from tests.support.readers import operator, viewer

M = 1_000_000
END = date(2023, 11, 30)
AT = datetime(2023, 12, 2, 9, 30)
# Three cases of work-year 2024 by 30/11/2023: V1 done in November, V2 half collected, V3 untouched.
FIRST = tables(
    cases=[case("V1", "2023-10-05", 10 * M), case("V2", "2023-10-20", 20 * M, unit="H02", officer="C04"),
           case("V3", "2023-11-10", 6 * M)],
    events=[ev("V1", "2023-11-01", "thu_tien", 10 * M), ev("V1", "2023-11-01", "xong"),
            ev("V2", "2023-11-15", "thu_tien", 10 * M), ev("V3", "2023-12-05", "thu_tien", M)],
)
# The December export corrects V3: it was in fact finished on 20/11, and brings V4, decided in November.
CORRECTION = tables(
    cases=[case("V3", "2023-11-10", 6 * M), case("V4", "2023-11-25", 4 * M, unit="H02", officer="C04")],
    events=[ev("V3", "2023-11-20", "thu_tien", 6 * M), ev("V3", "2023-11-20", "xong")],
)


@pytest.fixture
def closed_db(db):
    import_tables(db, FIRST)
    close_period(operator(db), END, "thongke", AT)
    return db


def _figures(db, **scope):
    report = chain_report(operator(db), END, Scope(**scope))
    return report["cases"]["enforceable"], report["cases"]["completed"], report["money"]["completed"]


def test_a_closed_month_keeps_its_figures_after_an_import_changes_its_cases(closed_db):
    # Hand count at 30/11: enforceable 3 cases (V1 done, V2 and V3 in progress), completed 1; money done 10 + 10.
    assert _figures(closed_db) == (3, 1, 20 * M)
    import_tables(closed_db, CORRECTION)
    assert _figures(closed_db) == (3, 1, 20 * M)
    assert _figures(closed_db, unit="H02") == (1, 0, 10 * M)
    assert _figures(closed_db, officer="C02") == (2, 1, 10 * M)
    by_officer = {row["key"]: row["cases"]["enforceable"]
                  for row in chain_report(operator(closed_db), END, by="officer")["rows"]}
    assert by_officer == {"C02": 2, "C04": 1}
    # The figures as they are now: V3 done (6 more collected), V4 a new enforceable case of H02.
    now = chain_report(operator(closed_db), END, as_closed=False)
    assert (now["cases"]["enforceable"], now["cases"]["completed"], now["money"]["completed"]) == (4, 2, 26 * M)


def test_a_closed_month_counts_its_lists_as_closed_and_lists_the_cases_of_now(closed_db):
    import_tables(closed_db, CORRECTION)
    listed = case_list(operator(closed_db), date(2023, 10, 1), END, cell="completed")
    assert listed.total == 1
    assert sorted(listed.rows["code"]) == ["V1", "V3"]


def test_reopening_shows_the_current_figures_and_a_later_day_is_never_closed(closed_db):
    import_tables(closed_db, CORRECTION)
    reopen_period(operator(closed_db), END, "thongke", datetime(2023, 12, 3))
    assert _figures(closed_db) == (4, 2, 26 * M)
    assert closed_period(closed_db, END) is None
    assert chain_report(operator(closed_db), date(2023, 12, 31))["cases"]["completed"] == 2


def test_close_and_reopen_are_on_the_trail_and_change_the_data_version(closed_db):
    before = current_version(closed_db)
    reopen_period(operator(closed_db), END, "thongke", datetime(2023, 12, 3))
    assert current_version(closed_db) != before
    close_period(operator(closed_db), END, "thongke", datetime(2023, 12, 4))
    events = [(event.actor, event.action, event.subject) for event in audit_trail(closed_db)]
    assert events == [("thongke", "period_closed", "kỳ đến 30/11/2023"),
                      ("thongke", "period_reopened", "kỳ đến 30/11/2023"),
                      ("thongke", "period_closed", "kỳ đến 30/11/2023")]
    assert [(closed.end, closed.closed_by) for closed in every_closed_period(closed_db)] == [(END, "thongke")]


@pytest.mark.parametrize(("day", "at", "said"), [
    (date(2023, 11, 29), AT, "không phải ngày cuối tháng"),
    (date(2023, 12, 31), AT, "chưa hết"),
    (END, AT, "đã được chốt"),
    (date(2017, 11, 30), AT, "Chưa có số liệu"),
])
def test_a_day_that_cannot_be_closed_says_why(closed_db, day, at, said):
    with pytest.raises(CannotClose, match=said):
        close_period(operator(closed_db), day, "thongke", at)


def test_reopening_an_open_month_says_it_is_not_closed(closed_db):
    with pytest.raises(CannotClose, match="chưa được chốt"):
        reopen_period(operator(closed_db), date(2023, 10, 31), "thongke", AT)


@pytest.mark.parametrize("reader", [
    lambda db: viewer(db, "lanh_dao"), lambda db: viewer(db, "don_vi", unit="H01"),
    lambda db: viewer(db, "thong_ke", province="T99"),
])
def test_only_the_statistician_of_the_whole_data_may_close(closed_db, reader):
    with pytest.raises(NotPermitted):
        close_period(reader(closed_db), date(2023, 10, 31), "x", AT)
    with pytest.raises(NotPermitted):
        reopen_period(reader(closed_db), END, "x", AT)
    assert closed_period(closed_db, END) is not None
