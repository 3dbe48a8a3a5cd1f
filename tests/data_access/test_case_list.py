"""The cases behind a chain cell: their count equals the cell, and paging, sorting and filters stay exact."""

from datetime import date

import pytest

from data_access.exchange.importer import import_tables
from data_access.queries.case_list import BUCKETS, CELLS, CaseFilter, case_list
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.periods import window_ending
from tests.support.builders import case, ev, tables
from tests.support.edge_data import make_edge_tables
from tests.support.scenarios import M
from tests.support.readers import operator

ENDS = (date(2023, 12, 31), date(2024, 9, 30), date(2025, 2, 28))
SCOPES = (Scope(), Scope(unit="H11"), Scope(group="ngan_sach"), Scope(officer="CHV03"), Scope(mode="theo_don"))


@pytest.fixture
def edge_db(db):
    """Return the db fixture holding the edge-case province of seed 1."""
    import_tables(db, make_edge_tables(1))
    return db


def _everything(engine, end, scope=Scope(), cell="caseload", narrow=CaseFilter(), **options):
    window = window_ending(end)
    page, total, _ = case_list(operator(engine), window.start, end, scope, cell=cell, narrow=narrow, limit=100_000,
                               **options)
    assert len(page) == total
    return page


def test_every_cell_lists_as_many_cases_as_the_chain_counts(edge_db):
    checked = 0
    for end in ENDS:
        window = window_ending(end)
        for scope in SCOPES:
            chain = chain_report(operator(edge_db), end, scope)["cases"]
            for cell in CELLS["cases"]:
                _, total, value = case_list(operator(edge_db), window.start, end, scope, cell=cell, limit=1)
                assert (total, value) == (chain[cell], None), (end, scope, cell)
                checked += chain[cell] > 0
    assert checked > 150


def test_every_money_cell_lists_the_cases_whose_money_adds_up_to_it(edge_db):
    checked = 0
    for end in ENDS:
        window = window_ending(end)
        for scope in SCOPES:
            chain = chain_report(operator(edge_db), end, scope)["money"]
            for cell in CELLS["money"]:
                page, total, value = case_list(operator(edge_db), window.start, end, scope, cell=cell, chain="money",
                                               limit=100_000)
                assert value == chain[cell], (end, scope, cell)
                assert len(page) == total and int(page["value"].sum()) == value and (page["value"] != 0).all()
                checked += value > 0
    assert checked > 150


def test_a_money_list_holds_each_case_with_its_share(edge_db):
    end = date(2024, 9, 30)
    pending = _everything(edge_db, end, cell="in_progress")
    money, total, value = case_list(operator(edge_db), date(2023, 10, 1), end, cell="in_progress", chain="money",
                                    sort="value", limit=100_000)
    paying = pending[pending["remaining"] != 0]
    assert sorted(money["code"]) == sorted(paying["code"]) and total == len(paying)
    assert list(money["value"]) == list(money["remaining"]) == sorted(money["remaining"], reverse=True)
    carried = _everything(edge_db, end, cell="carried")
    money, _, _ = case_list(operator(edge_db), date(2023, 10, 1), end, cell="carried", chain="money", limit=100_000)
    assert set(money["code"]) <= set(carried["code"])
    done, _, _ = case_list(operator(edge_db), date(2023, 10, 1), end, cell="done", chain="money", limit=100_000)
    assert set(done["bucket"]) - {"done"}, "collections on cases not yet done count as done money"


def test_a_money_sort_or_an_unknown_cell_is_refused(edge_db):
    for options in ({"cell": "reduced"}, {"sort": "value"}, {"cell": "rate", "chain": "money"},
                    {"chain": "tien"}):
        with pytest.raises(ValueError):
            case_list(operator(edge_db), date(2023, 10, 1), date(2023, 12, 31), **options)


def test_pages_cover_the_list_once_in_sort_order(edge_db):
    end = date(2024, 9, 30)
    whole = _everything(edge_db, end, sort="remaining", descending=True)
    pages = [case_list(operator(edge_db), date(2023, 10, 1), end, sort="remaining", offset=offset, limit=7)[0]
             for offset in range(0, len(whole), 7)]
    assert [code for page in pages for code in page["code"]] == list(whole["code"])
    assert list(whole["remaining"]) == sorted(whole["remaining"], reverse=True)
    ties = whole.groupby("remaining")["code"].apply(list)
    assert all(codes == sorted(codes) for codes in ties)
    beyond, total, _ = case_list(operator(edge_db), date(2023, 10, 1), end, offset=len(whole) + 5)
    assert beyond.empty and total == len(whole)


def test_sorting_by_age_ascending(edge_db):
    page = _everything(edge_db, date(2024, 9, 30), sort="age_days", descending=False)
    ages = list(page["age_days"])
    assert ages == sorted(ages) and ages[0] >= 0
    first = page.iloc[0]
    assert first["age_days"] == (date(2024, 9, 30) - first["decided_on"]).days


def test_filters_by_bucket_age_and_remaining(edge_db):
    end = date(2024, 9, 30)
    whole = _everything(edge_db, end)
    assert set(whole["bucket"]) <= set(BUCKETS) and len(set(whole["bucket"])) >= 5
    narrow = CaseFilter(buckets=("in_progress", "not_enforceable"), min_age_days=100, max_age_days=900,
                        min_remaining=1, max_remaining=500_000_000)
    got = _everything(edge_db, end, narrow=narrow)
    expected = whole[whole["bucket"].isin(narrow.buckets) & whole["age_days"].between(100, 900)
                     & whole["remaining"].between(1, 500_000_000)]
    assert len(expected) > 3
    assert sorted(got["code"]) == sorted(expected["code"])


def test_the_bucket_of_a_listed_case_agrees_with_its_cell(edge_db):
    end = date(2024, 9, 30)
    assert set(_everything(edge_db, end, cell="completed")["bucket"]) <= {"done", "terminated"}
    assert set(_everything(edge_db, end, cell="carried")["bucket"]) <= {"in_progress", "deferred_c",
                                                                         "not_enforceable"}


@pytest.mark.parametrize("options", [{"cell": "xong"}, {"sort": "decided_on; drop table cases"},
                                     {"narrow": CaseFilter(buckets=("lost",))}])
def test_unknown_names_are_refused(db, options):
    with pytest.raises(ValueError):
        case_list(operator(db), date(2023, 10, 1), date(2023, 12, 31), **options)


def test_money_lists_of_a_hand_worked_quarter(db):
    import_tables(db, tables(cases=[
        case("A", "2023-05-10", 100 * M), case("B", "2023-10-05", 40 * M), case("C", "2023-02-01", 60 * M),
        case("D", "2023-03-01", 8 * M),
    ], events=[
        ev("A", "2023-06-01", "thu_tien", 30 * M), ev("A", "2023-11-01", "thu_tien", 20 * M),
        ev("A", "2023-12-01", "xong"),
        ev("B", "2023-11-10", "giam", 15 * M),
        ev("C", "2023-10-20", "thu_tien", 10 * M), ev("C", "2023-11-01", "chua_co_dieu_kien"),
        ev("D", "2023-12-10", "uy_thac"),
    ]))

    def shares(cell):
        rows, total, value = case_list(operator(db), date(2023, 10, 1), date(2023, 12, 31), cell=cell, chain="money",
                                       sort="code", descending=False, limit=100)
        assert total == len(rows) and value == sum(rows["value"])
        return dict(zip(rows["code"], rows["value"] // M))

    # A entered at 100 - 30 = 70 and closed with 20 collected plus 50 settled in kind at xong; C's 10 collected in
    # the window count as done though C is now not enforceable; D left by delegation with all its 8.
    assert shares("done") == {"A": 70, "C": 10}
    assert shares("reduced") == {"B": 15}
    assert shares("in_progress") == {"B": 25}
    assert shares("not_enforceable") == {"C": 50}
    assert shares("delegated") == {"D": 8}
    assert shares("caseload") == {"A": 70, "B": 40, "C": 60, "D": 8}
    # D adds nothing to the money to enforce: it left with all it brought in.
    assert shares("to_enforce") == {"A": 70, "B": 40, "C": 60}
    assert shares("completed") == {"A": 70, "B": 15, "C": 10}
    assert shares("carried") == {"B": 25, "C": 50}
