"""Pages found by walking the cases in sort order equal the pages of the fully sorted list, from either end."""

from datetime import date

import pytest
from sqlalchemy import delete

from data_access.exchange.importer import import_tables
from data_access.queries import case_walk
from data_access.queries.case_list import CaseFilter, case_list
from data_access.schema import case_states
from dashboard.metrics.chains import Scope, chain_report
from tests.support.edge_data import make_edge_tables
from tests.support.readers import operator

START, END = date(2023, 10, 1), date(2024, 9, 30)
PAGE = 4


@pytest.fixture
def edge_db(db, monkeypatch):
    """Return the edge-case province of seed 1, with walks of a few cases a batch and pages near the ends walked."""
    import_tables(db, make_edge_tables(1))
    monkeypatch.setattr(case_walk, "FIRST_BATCH", 3)
    monkeypatch.setattr(case_walk, "WALK_ROWS", 40)
    return db


@pytest.fixture
def walks(monkeypatch):
    """Return the list of walks made: the number of rows each needed."""
    made = []
    reach = case_walk._reach

    def counted(connection, listing, walk, sort, need):
        made.append(need)
        return reach(connection, listing, walk, sort, need)
    monkeypatch.setattr(case_walk, "_reach", counted)
    return made


def _whole(engine, scope, **options):
    page = case_list(operator(engine), START, END, scope, limit=100_000, **options)
    assert len(page.rows) == page.total
    return page.rows


def _offsets(total: int) -> list[int]:
    return sorted({0, 1, PAGE, 17, total // 2, total - PAGE - 3, total - PAGE, total - 2, total - 1})


LISTS = [
    ("cases", "caseload", CaseFilter()),
    ("cases", "in_progress", CaseFilter()),
    ("cases", "caseload", CaseFilter(buckets=("done", "not_enforceable", "in_progress"), min_age_days=30,
                                     max_age_days=900, min_remaining=1)),
    ("money", "done", CaseFilter()),
    ("money", "carried", CaseFilter(max_remaining=300_000_000)),
]


@pytest.mark.parametrize("scope", [Scope(), Scope(group="ngan_sach"), Scope(mode="theo_don")],
                         ids=["all", "group", "mode"])
@pytest.mark.parametrize("chain, cell, narrow", LISTS, ids=[f"{chain}-{cell}-{i}" for i, (chain, cell, _) in
                                                            enumerate(LISTS)])
def test_every_page_of_every_sort_equals_the_sorted_list(edge_db, walks, scope, chain, cell, narrow):
    sorts = ("code", "decided_on", "amount", "remaining", "age_days") + (("value",) if chain == "money" else ())
    for sort in sorts:
        for descending in (True, False):
            options = {"chain": chain, "cell": cell, "narrow": narrow, "sort": sort, "descending": descending}
            whole = _whole(edge_db, scope, **options)
            assert len(whole) > 2 * PAGE, (sort, descending)
            for offset in _offsets(len(whole)):
                page = case_list(operator(edge_db), START, END, scope, offset=offset, limit=PAGE, **options)
                expected = whole.iloc[offset:offset + PAGE].reset_index(drop=True)
                assert page.total == len(whole)
                assert page.rows.to_dict("records") == expected.to_dict("records"), (sort, descending, offset)
    assert len(walks) > 20


def test_the_first_pages_of_the_default_sort_are_walked_and_a_deep_one_is_sorted(edge_db, walks):
    whole = _whole(edge_db, Scope())
    assert len(whole) > 2 * case_walk.WALK_ROWS + PAGE
    case_list(operator(edge_db), START, END, limit=PAGE)
    case_list(operator(edge_db), START, END, offset=PAGE, limit=PAGE)
    assert walks == [PAGE, 2 * PAGE]
    middle = len(whole) // 2
    page = case_list(operator(edge_db), START, END, offset=middle, limit=PAGE)
    assert walks == [PAGE, 2 * PAGE]
    assert list(page.rows["code"]) == list(whole["code"][middle:middle + PAGE])


def test_the_last_page_is_walked_from_the_end_where_the_reverse_order_can_be_walked(edge_db, walks):
    whole = _whole(edge_db, Scope(), sort="code", descending=False)
    last = (len(whole) - 1) // PAGE * PAGE
    page = case_list(operator(edge_db), START, END, sort="code", descending=False, offset=last, limit=PAGE)
    assert walks == [len(whole) - last]
    assert list(page.rows["code"]) == list(whole["code"][last:])
    # Smallest remaining first reads from the end as largest first, which is walked; its first page is not.
    case_list(operator(edge_db), START, END, sort="remaining", descending=False, offset=last, limit=PAGE)
    case_list(operator(edge_db), START, END, sort="remaining", descending=False, limit=PAGE)
    assert walks == [len(whole) - last] * 2


def test_a_unit_or_an_officer_list_is_sorted_not_walked(edge_db, walks):
    for scope in (Scope(unit="H11"), Scope(officer="CHV03")):
        assert case_list(operator(edge_db), START, END, scope, limit=PAGE).total > PAGE
    assert walks == []


def test_a_month_end_list_is_counted_from_the_month_end_figures(edge_db):
    report = chain_report(operator(edge_db), END, Scope())
    money = {cell: case_list(operator(edge_db), START, END, chain="money", cell=cell, limit=100_000)
             for cell in ("done", "carried", "reduced")}
    paying = case_list(operator(edge_db), START, END, chain="money", cell="done",
                       narrow=CaseFilter(buckets=("in_progress",)),
                       limit=100_000)
    with edge_db.begin() as connection:
        connection.execute(delete(case_states))
    chain = report["cases"]
    for cell in ("caseload", "in_progress", "completed"):
        assert case_list(operator(edge_db), START, END, cell=cell).total == chain[cell] > 0
    both = CaseFilter(buckets=("done", "terminated"))
    assert case_list(operator(edge_db), START, END, narrow=both).total == chain["completed"]
    for cell, listed in money.items():
        stored = case_list(operator(edge_db), START, END, chain="money", cell=cell)
        assert (stored.total, stored.value) == (len(listed.rows), report["money"][cell]) and stored.total > 0
    stored = case_list(operator(edge_db), START, END, chain="money", cell="done",
                       narrow=CaseFilter(buckets=("in_progress",)))
    assert (stored.total, stored.value) == (paying.total, int(paying.rows["value"].sum())) and 0 < stored.total
    assert paying.total < money["done"].total
    # Bounds on age or amount and an officer are counted from the cases themselves.
    assert case_list(operator(edge_db), START, END, narrow=CaseFilter(min_age_days=1)).total == 0
    assert case_list(operator(edge_db), START, END, Scope(officer="CHV03")).total == 0
    assert case_list(operator(edge_db), START, END, chain="money", narrow=CaseFilter(max_remaining=10**12)).total == 0
