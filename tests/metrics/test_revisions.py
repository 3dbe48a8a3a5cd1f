"""What later imports changed in a closed period, counted by hand: the figures that differ for the whole scope and
each unit, and the imports after the close that brought cases of that scope."""

from datetime import date, datetime

from data_access.exchange.importer import import_tables
from data_access.exchange.runs import run_tables_import
from data_access.queries.closed import close_period, reopen_period
from dashboard.metrics.revisions import revisions
from dashboard.metrics.revisions_text import revisions_json, revisions_table
from tests.support.builders import case, ev, tables
from tests.support.readers import operator

M = 1_000_000
END = date(2023, 11, 30)
FIRST = tables(
    cases=[case("V1", "2023-10-05", 10 * M), case("V2", "2023-10-20", 20 * M, unit="H02", officer="C04"),
           case("V3", "2023-11-10", 6 * M)],
    events=[ev("V1", "2023-11-01", "thu_tien", 10 * M), ev("V1", "2023-11-01", "xong"),
            ev("V2", "2023-11-15", "thu_tien", 10 * M)],
)
# After the close: V3 of H01 was finished on 20/11 after all; then V4 of H02, decided on 25/11, arrives.
V3_DONE = tables(cases=[case("V3", "2023-11-10", 6 * M)],
                 events=[ev("V3", "2023-11-20", "thu_tien", 6 * M), ev("V3", "2023-11-20", "xong")])
V4_NEW = tables(cases=[case("V4", "2023-11-25", 4 * M, unit="H02", officer="C04")])


def _clock(*moments):
    times = iter(moments)
    return lambda: next(times)


def _changed(db):
    import_tables(db, FIRST)
    close_period(operator(db), END, "thongke", datetime(2023, 12, 2, 9))
    first = run_tables_import(db, V3_DONE, "thongke", lambda: datetime(2023, 12, 3, 8), "v3.zip")[0]
    second = run_tables_import(db, V4_NEW, "thongke", lambda: datetime(2023, 12, 4, 8), "v4.zip")[0]
    return revisions(operator(db), END), first, second


def test_revisions_list_every_changed_figure_with_the_imports_that_brought_its_cases(db):
    (closed, changes), first, second = _changed(db)
    assert (closed.end, closed.closed_by) == (END, "thongke")
    whole = {(change.chain, change.indicator): (change.closed, change.current) for change in changes
             if change.scope_key == ""}
    assert whole == {
        ("cases", "new"): (3, 4), ("cases", "caseload"): (3, 4), ("cases", "to_enforce"): (3, 4),
        ("cases", "done"): (1, 2), ("cases", "enforceable"): (3, 4), ("cases", "completed"): (1, 2),
        ("cases", "rate"): (33.33, 50.0),
        ("money", "new"): (36 * M, 40 * M), ("money", "caseload"): (36 * M, 40 * M),
        ("money", "to_enforce"): (36 * M, 40 * M), ("money", "done"): (20 * M, 26 * M),
        ("money", "in_progress"): (16 * M, 14 * M), ("money", "enforceable"): (36 * M, 40 * M),
        ("money", "completed"): (20 * M, 26 * M), ("money", "rate"): (55.56, 65.0),
        ("money", "carried"): (16 * M, 14 * M),
    }
    east = {(change.chain, change.indicator): (change.closed, change.current) for change in changes
            if change.scope_key == "H01"}
    assert east[("cases", "completed")] == (1, 2) and east[("cases", "carried")] == (1, 0)
    assert east[("cases", "rate")] == (50.0, 100.0)
    imports = {change.scope_key: [run.id for run in change.imports] for change in changes}
    assert imports == {"": [first.id, second.id], "H01": [first.id], "H02": [second.id]}


def test_revisions_print_as_a_table_and_as_json(db):
    (closed, changes), first, _ = _changed(db)
    table = revisions_table(closed, changes)
    assert table.splitlines()[0] == "Kỳ báo cáo đến 30/11/2023, chốt lúc 09:00 02/12/2023 (thongke)."
    row = next(line for line in table.splitlines() if line.startswith("Chi cục THADS huyện Đông")
               and "Thi hành xong (về tiền)" in line)
    assert "10.000.000 │         16.000.000" in row and f"lần nhập {first.id} lúc 08:00 03/12/2023" in row
    shape = revisions_json(closed, changes)
    assert shape["period_end"] == "2023-11-30" and shape["closed_by"] == "thongke"
    assert {"scope": "H01", "name": "Chi cục THADS huyện Đông", "chain": "cases", "indicator": "completed",
            "closed": 1, "current": 2,
            "imports": [{"id": first.id, "finished_at": "2023-12-03T08:00:00", "actor": "thongke",
                         "source": "v3.zip"}]} in shape["revisions"]


def test_an_open_period_has_no_revisions_and_an_unchanged_one_has_none_listed(db):
    import_tables(db, FIRST)
    assert revisions(operator(db), END) is None
    close_period(operator(db), END, "thongke", datetime(2023, 12, 2, 9))
    assert revisions(operator(db), END)[1] == []
    reopen_period(operator(db), END, "thongke", datetime(2023, 12, 2, 10))
    assert revisions(operator(db), END) is None
