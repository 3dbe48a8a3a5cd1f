"""Hand-worked scenarios of windows, rates and targets (domain.md sections 2, 4 and 5)."""

from datetime import date

import pytest

from data_access.exchange.importer import import_tables
from dashboard.metrics.chains import Scope, chain_report
from tests.support.builders import case, ev, tables, target
from tests.support.scenarios import EMPTY_CASES, EMPTY_MONEY, M, report_on
from tests.support.readers import operator


@pytest.mark.parametrize(("end", "window", "last_year"), [
    ("2024-02-29", ("2023-10-01", "2024-02-29"), ("2022-10-01", "2023-02-28")),
    ("2025-02-28", ("2024-10-01", "2025-02-28"), ("2023-10-01", "2024-02-29")),
    ("2024-02-28", ("2023-10-01", "2024-02-28"), ("2022-10-01", "2023-02-28")),
    ("2024-03-15", ("2023-10-01", "2024-03-15"), ("2022-10-01", "2023-03-15")),
    ("2024-04-30", ("2023-10-01", "2024-04-30"), ("2022-10-01", "2023-04-30")),
    ("2024-09-30", ("2023-10-01", "2024-09-30"), ("2022-10-01", "2023-09-30")),
    ("2024-10-01", ("2024-10-01", "2024-10-01"), ("2023-10-01", "2023-10-01")),
])
def test_windows_and_the_same_period_last_year(db, end, window, last_year):
    got = chain_report(operator(db), date.fromisoformat(end))
    assert got["window"] == {"start": window[0], "end": window[1]}
    assert got["same_period_last_year"]["window"] == {"start": last_year[0], "end": last_year[1]}


def test_same_period_last_year_of_end_february_reaches_the_leap_day(db):
    got = report_on(db, "2025-02-28", [
        case("L1", "2024-02-29", 10 * M),
        case("L2", "2023-09-30", 20 * M),
        case("L3", "2024-10-01", 30 * M),
        case("L4", "2024-03-01", 5 * M),
    ], [ev("L2", "2024-02-29", "thu_tien", 20 * M), ev("L2", "2024-02-29", "xong")])
    # now: L1 and L4 brought forward, L3 new; L2 ended last work-year
    assert got["cases"] == {
        **EMPTY_CASES, "brought_forward": 2, "new": 1, "caseload": 3, "to_enforce": 3, "in_progress": 3,
        "enforceable": 3, "rate": 0.0, "carried": 3,
    }
    assert got["money"] == {
        **EMPTY_MONEY, "brought_forward": 15 * M, "new": 30 * M, "caseload": 45 * M, "to_enforce": 45 * M,
        "in_progress": 45 * M, "enforceable": 45 * M, "rate": 0.0, "carried": 45 * M,
    }
    # last year [1/10/2023, 29/2/2024]: L2 brought forward and done on 29/2, L1 decided on 29/2; L4 is later
    last_year = got["same_period_last_year"]
    assert last_year["cases"] == {
        **EMPTY_CASES, "brought_forward": 1, "new": 1, "caseload": 2, "to_enforce": 2, "done": 1,
        "in_progress": 1, "enforceable": 2, "completed": 1, "rate": 50.0, "carried": 1,
    }
    assert last_year["money"] == {
        **EMPTY_MONEY, "brought_forward": 20 * M, "new": 10 * M, "caseload": 30 * M, "to_enforce": 30 * M,
        "done": 20 * M, "in_progress": 10 * M, "enforceable": 30 * M, "completed": 20 * M, "rate": 66.67,
        "carried": 10 * M,
    }


def test_same_period_last_year_of_the_leap_day_stops_on_28_february(db):
    got = report_on(db, "2024-02-29", [case("M1", "2023-02-28", 3 * M), case("M2", "2023-03-01", 4 * M)])
    assert (got["cases"]["brought_forward"], got["money"]["brought_forward"]) == (2, 7 * M)
    last_year = got["same_period_last_year"]
    assert (last_year["cases"]["new"], last_year["money"]["new"]) == (1, 3 * M)


WORK_YEAR_EDGE_CASES = [
    case("W1", "2023-01-01", 10 * M),
    case("W2", "2023-01-01", 5 * M),
    case("W3", "2023-09-30", 4 * M),
    case("W4", "2023-10-01", 6 * M),
    case("W5", "2023-01-01", 8 * M),
]
WORK_YEAR_EDGE_EVENTS = [
    ev("W1", "2023-09-30", "thu_tien", 3 * M), ev("W1", "2023-10-01", "thu_tien", 2 * M),
    ev("W2", "2023-09-30", "thu_tien", 5 * M), ev("W2", "2023-09-30", "xong"),
    ev("W5", "2023-09-30", "giam", 1 * M), ev("W5", "2023-10-01", "giam", 2 * M),
]


def test_the_window_starts_on_1_october(db):
    got = report_on(db, "2023-10-31", WORK_YEAR_EDGE_CASES, WORK_YEAR_EDGE_EVENTS)
    assert got["window"] == {"start": "2023-10-01", "end": "2023-10-31"}
    # W2 ended on 30/9, in the previous work-year
    assert got["cases"] == {
        "brought_forward": 3, "new": 1, "caseload": 4, "delegated": 0, "cancelled": 0, "to_enforce": 4,
        "done": 0, "terminated": 0, "in_progress": 4, "deferred_c": 0, "not_enforceable": 0, "enforceable": 4,
        "completed": 0, "rate": 0.0, "carried": 4,
    }
    # brought forward: W1 10 - 3 + W3 4 + W5 8 - 1; done: W1 2 on 1/10; reduced: W5 2 on 1/10
    # in progress: W1 5 + W3 4 + W4 6 + W5 5; rate 4 / 24 = 16.666...
    assert got["money"] == {
        "brought_forward": 18 * M, "new": 6 * M, "caseload": 24 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 24 * M, "done": 2 * M, "terminated": 0, "reduced": 2 * M, "in_progress": 20 * M,
        "deferred_c": 0, "not_enforceable": 0, "enforceable": 24 * M, "completed": 4 * M, "rate": 16.67,
        "carried": 20 * M,
    }


def test_30_september_closes_the_previous_work_year(db):
    got = report_on(db, "2023-09-30", WORK_YEAR_EDGE_CASES, WORK_YEAR_EDGE_EVENTS)
    assert got["window"] == {"start": "2022-10-01", "end": "2023-09-30"}
    assert got["cases"] == {
        "brought_forward": 0, "new": 4, "caseload": 4, "delegated": 0, "cancelled": 0, "to_enforce": 4,
        "done": 1, "terminated": 0, "in_progress": 3, "deferred_c": 0, "not_enforceable": 0, "enforceable": 4,
        "completed": 1, "rate": 25.0, "carried": 3,
    }
    # done: W1 3 + W2 5 collected on 30/9; reduced: W5 1; in progress: W1 7 + W3 4 + W5 7; rate 9 / 27
    assert got["money"] == {
        "brought_forward": 0, "new": 27 * M, "caseload": 27 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 27 * M, "done": 8 * M, "terminated": 0, "reduced": 1 * M, "in_progress": 18 * M,
        "deferred_c": 0, "not_enforceable": 0, "enforceable": 27 * M, "completed": 9 * M, "rate": 33.33,
        "carried": 18 * M,
    }


def test_rates_are_none_without_anything_enforceable(db):
    got = report_on(db, "2023-12-31", [
        case("N1", "2023-06-01", 5 * M, unit="H02", officer="C04"),
        case("N2", "2023-06-01", 0),
    ], [ev("N1", "2023-07-01", "chua_co_dieu_kien")])
    # N2 is enforceable but owes no money, so only the money rate has no denominator
    assert got["cases"] == {
        **EMPTY_CASES, "brought_forward": 2, "caseload": 2, "to_enforce": 2, "in_progress": 1,
        "not_enforceable": 1, "enforceable": 1, "rate": 0.0, "carried": 2,
    }
    assert got["money"] == {
        **EMPTY_MONEY, "brought_forward": 5 * M, "caseload": 5 * M, "to_enforce": 5 * M, "not_enforceable": 5 * M,
        "carried": 5 * M,
    }
    h02 = chain_report(operator(db), date(2023, 12, 31), Scope(unit="H02"))
    assert (h02["cases"]["rate"], h02["money"]["rate"]) == (None, None)


def test_an_empty_database_reports_zeros(db):
    assert chain_report(operator(db), date(2023, 12, 31)) == {
        "window": {"start": "2023-10-01", "end": "2023-12-31"}, "cases": EMPTY_CASES, "money": EMPTY_MONEY,
        "same_period_last_year": {
            "window": {"start": "2022-10-01", "end": "2022-12-31"}, "cases": EMPTY_CASES, "money": EMPTY_MONEY,
        },
        "target": None,
    }


@pytest.mark.parametrize(("done", "open_", "expected"), [(1, 7, 12.5), (2, 1, 66.67), (1, 5, 16.67)])
def test_case_rates_round_half_up_from_the_exact_fraction(db, done, open_, expected):
    cases = [case(f"K{n}", "2023-06-01", 1 * M) for n in range(done + open_)]
    events = [event for n in range(done)
              for event in (ev(f"K{n}", "2023-11-01", "thu_tien", 1 * M), ev(f"K{n}", "2023-11-01", "xong"))]
    got = report_on(db, "2023-12-31", cases, events)
    assert (got["cases"]["rate"], got["money"]["rate"]) == (expected, expected)


@pytest.mark.parametrize(("amount", "collected", "expected"), [
    (20_000_000, 201_000, 1.01),  # 1.005 exactly; a float round() gives 1.0
    (4_000_000, 107_000, 2.68),  # 2.675 exactly; a float round() gives 2.67
    (32_000_000, 1_000_000, 3.13),  # 3.125; round-half-even would give 3.12
    (800_000_000, 1_000_000, 0.13),  # 0.125
    (3_000_000, 1_000_000, 33.33),
])
def test_money_rates_round_half_up_from_the_exact_fraction(db, amount, collected, expected):
    got = report_on(db, "2023-12-31", [case("Q1", "2023-06-01", amount)],
                    [ev("Q1", "2023-11-01", "thu_tien", collected)])
    assert got["money"]["rate"] == expected


TARGETS = [
    target(2024, "tinh", "", "84.5", "47.25"),
    target(2024, "don_vi", "H01", "85", "50"),
    target(2024, "chv", "C02", "86.5", "52.5"),
    target(2023, "tinh", "", "80", "40"),
]


@pytest.mark.parametrize(("end", "scope", "expected"), [
    ("2024-03-31", Scope(), {"cases": 84.5, "money": 47.25}),
    ("2024-03-31", Scope(unit="H01"), {"cases": 85.0, "money": 50.0}),
    ("2024-03-31", Scope(officer="C02"), {"cases": 86.5, "money": 52.5}),
    ("2024-03-31", Scope(unit="H01", officer="C02"), {"cases": 86.5, "money": 52.5}),
    ("2024-03-31", Scope(unit="H02"), None),  # no target of its own; the province's is not borrowed
    ("2024-03-31", Scope(officer="C03"), None),
    ("2024-03-31", Scope(group="ngan_sach"), None),
    ("2024-03-31", Scope(unit="H01", judgment_type="dan_su"), None),
    ("2024-03-31", Scope(mode="theo_don"), None),
    ("2023-09-30", Scope(), {"cases": 80.0, "money": 40.0}),
    ("2023-10-01", Scope(), {"cases": 84.5, "money": 47.25}),
    ("2022-09-30", Scope(), None),
])
def test_the_target_is_the_scope_own_for_the_work_year_of_the_end(db, end, scope, expected):
    import_tables(db, tables(targets=TARGETS))
    assert chain_report(operator(db), date.fromisoformat(end), scope)["target"] == expected
