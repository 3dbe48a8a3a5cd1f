"""Hand-worked scenarios: small sets of cases whose chains were counted on paper from domain.md section 4."""

from datetime import date

import pytest

from dashboard.chains import Scope, chain_report
from data_access.importer import import_tables
from tests.builders import OFFICERS, UNITS, case, ev, officer, tables, target, unit

M = 1_000_000

EMPTY_CASES = {
    "brought_forward": 0, "new": 0, "caseload": 0, "delegated": 0, "cancelled": 0, "to_enforce": 0, "done": 0,
    "terminated": 0, "in_progress": 0, "deferred_c": 0, "not_enforceable": 0, "enforceable": 0, "completed": 0,
    "rate": None, "carried": 0,
}
EMPTY_MONEY = {**EMPTY_CASES, "reduced": 0}


def _report(db, end, cases, events=(), **options):
    import_tables(db, tables(cases=cases, events=events))
    return chain_report(db, date.fromisoformat(end), **options)


def test_brought_forward_excludes_cases_ended_or_in_the_ledger_before_the_window(db):
    got = _report(db, "2023-12-31", [
        case("V1", "2023-05-10", 100 * M),
        case("V2", "2023-03-01", 50 * M),
        case("V3", "2023-01-10", 20 * M),
        case("V4", "2023-09-30", 7 * M),
        case("V5", "2023-10-01", 9 * M),
        case("V6", "2024-01-01", 3 * M),
        case("V7", "2022-12-01", 40 * M),
    ], [
        ev("V1", "2023-06-01", "thu_tien", 30 * M), ev("V1", "2023-07-01", "giam", 10 * M),
        ev("V2", "2023-09-30", "thu_tien", 50 * M), ev("V2", "2023-09-30", "xong"),
        ev("V3", "2023-02-01", "chua_co_dieu_kien"), ev("V3", "2023-08-01", "vao_so_rieng"),
        ev("V7", "2023-01-05", "chua_co_dieu_kien"), ev("V7", "2023-03-01", "vao_so_rieng"),
        ev("V7", "2023-09-30", "ra_so_rieng"),
    ])
    assert got["window"] == {"start": "2023-10-01", "end": "2023-12-31"}
    # brought forward: V1, V4 (decided on 30/9), V7 (restored on 30/9); V2 ended on 30/9, V3 sits in the ledger
    # in progress: V1, V4, V5; not enforceable: V7, restored but never classified again
    assert got["cases"] == {
        "brought_forward": 3, "new": 1, "caseload": 4, "delegated": 0, "cancelled": 0, "to_enforce": 4,
        "done": 0, "terminated": 0, "in_progress": 3, "deferred_c": 0, "not_enforceable": 1, "enforceable": 3,
        "completed": 0, "rate": 0.0, "carried": 4,
    }
    # brought forward: V1 100 - 30 collected - 10 reduced = 60, + V4 7 + V7 40
    # in progress: V1 60 + V4 7 + V5 9
    assert got["money"] == {
        "brought_forward": 107 * M, "new": 9 * M, "caseload": 116 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 116 * M, "done": 0, "terminated": 0, "reduced": 0, "in_progress": 76 * M, "deferred_c": 0,
        "not_enforceable": 40 * M, "enforceable": 76 * M, "completed": 0, "rate": 0.0, "carried": 116 * M,
    }
    # a year earlier only V7 existed: decided 1/12/2022, still enforceable on 31/12/2022
    assert got["same_period_last_year"] == {
        "window": {"start": "2022-10-01", "end": "2022-12-31"},
        "cases": {**EMPTY_CASES, "new": 1, "caseload": 1, "to_enforce": 1, "in_progress": 1, "enforceable": 1,
                  "rate": 0.0, "carried": 1},
        "money": {**EMPTY_MONEY, "new": 40 * M, "caseload": 40 * M, "to_enforce": 40 * M, "in_progress": 40 * M,
                  "enforceable": 40 * M, "rate": 0.0, "carried": 40 * M},
    }


def test_new_counts_decisions_and_restores_from_the_ledger_once(db):
    got = _report(db, "2024-06-30", [
        case("R1", "2022-05-01", 80 * M),
        case("R2", "2023-02-01", 30 * M),
        case("R3", "2023-01-15", 12 * M),
        case("R4", "2023-11-01", 15 * M),
        case("R5", "2023-03-01", 25 * M),
        case("R6", "2023-05-01", 10 * M),
    ], [
        ev("R1", "2022-06-01", "thu_tien", 10 * M), ev("R1", "2022-07-01", "chua_co_dieu_kien"),
        ev("R1", "2022-08-01", "vao_so_rieng"), ev("R1", "2023-11-15", "ra_so_rieng"),
        ev("R1", "2023-11-20", "co_dieu_kien"), ev("R1", "2023-12-01", "thu_tien", 5 * M),
        ev("R1", "2024-01-10", "chua_co_dieu_kien"), ev("R1", "2024-01-20", "vao_so_rieng"),
        ev("R1", "2024-03-01", "ra_so_rieng"),
        ev("R2", "2023-03-01", "chua_co_dieu_kien"), ev("R2", "2023-04-01", "vao_so_rieng"),
        ev("R2", "2023-10-01", "ra_so_rieng"), ev("R2", "2023-10-02", "co_dieu_kien"),
        ev("R2", "2024-02-01", "thu_tien", 30 * M), ev("R2", "2024-02-01", "xong"),
        ev("R3", "2023-02-01", "chua_co_dieu_kien"), ev("R3", "2023-06-01", "vao_so_rieng"),
        ev("R4", "2023-12-01", "chua_co_dieu_kien"), ev("R4", "2024-01-01", "vao_so_rieng"),
        ev("R4", "2024-02-01", "ra_so_rieng"),
        ev("R5", "2023-05-01", "chua_co_dieu_kien"), ev("R5", "2023-09-30", "vao_so_rieng"),
        ev("R5", "2024-07-01", "ra_so_rieng"),
        ev("R6", "2023-10-05", "chua_co_dieu_kien"), ev("R6", "2023-10-10", "vao_so_rieng"),
        ev("R6", "2023-11-01", "ra_so_rieng"), ev("R6", "2023-11-05", "co_dieu_kien"),
    ])
    # new: R1 (restored twice, counted once), R2 (restored on 1/10), R4 (decided in W, its restore adds nothing)
    # brought forward: R6 (entered the ledger only inside W); R3 and R5 stay in the ledger through 30/6
    # not enforceable: R1 and R4, restored and not classified again
    assert got["cases"] == {
        "brought_forward": 1, "new": 3, "caseload": 4, "delegated": 0, "cancelled": 0, "to_enforce": 4,
        "done": 1, "terminated": 0, "in_progress": 1, "deferred_c": 0, "not_enforceable": 2, "enforceable": 2,
        "completed": 1, "rate": 50.0, "carried": 3,
    }
    # new: R1 70 left on 14/11 (the day before its first restore) + R2 30 + R4 15
    # done: R1 5 collected in W while not done + R2 30
    # not enforceable: R1 70 - 5 = 65 + R4 15; rate 35 / 45 = 77.777...
    assert got["money"] == {
        "brought_forward": 10 * M, "new": 115 * M, "caseload": 125 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 125 * M, "done": 35 * M, "terminated": 0, "reduced": 0, "in_progress": 10 * M,
        "deferred_c": 0, "not_enforceable": 80 * M, "enforceable": 45 * M, "completed": 35 * M, "rate": 77.78,
        "carried": 90 * M,
    }


def test_delegated_and_cancelled_cases_are_deducted_unless_money_was_collected(db):
    got = _report(db, "2023-12-31", [
        case("D1", "2023-06-01", 40 * M),
        case("D2", "2023-10-05", 60 * M),
        case("D3", "2023-04-01", 30 * M),
        case("D4", "2023-08-01", 20 * M),
        case("D5", "2023-10-10", 10 * M),
        case("D6", "2023-07-01", 35 * M),
        case("D7", "2023-09-01", 8 * M),
        case("D8", "2023-07-01", 12 * M),
    ], [
        ev("D1", "2023-11-10", "uy_thac"),
        ev("D2", "2023-10-20", "thu_tien", 10 * M), ev("D2", "2023-11-15", "uy_thac"),
        ev("D3", "2023-05-01", "thu_tien", 5 * M), ev("D3", "2023-12-01", "uy_thac"),
        ev("D4", "2023-12-05", "uy_thac"), ev("D4", "2023-12-05", "thu_tien", 4 * M),
        ev("D5", "2023-10-30", "huy_quyet_dinh"),
        ev("D6", "2023-10-15", "giam", 5 * M), ev("D6", "2023-11-01", "huy_quyet_dinh"),
        ev("D7", "2023-12-20", "thu_tien", 2 * M), ev("D7", "2024-01-05", "uy_thac"),
        ev("D8", "2023-08-01", "thu_tien", 2 * M), ev("D8", "2023-11-05", "huy_quyet_dinh"),
    ])
    # delegated: D1 only; D2 (collected in W), D3 (collected before W), D4 (collected on its delegation day) count
    # as done. cancelled: D5, D6, D8 (a collection saves only a delegated case). in progress: D7, delegated after e
    assert got["cases"] == {
        "brought_forward": 6, "new": 2, "caseload": 8, "delegated": 1, "cancelled": 3, "to_enforce": 4,
        "done": 3, "terminated": 0, "in_progress": 1, "deferred_c": 0, "not_enforceable": 0, "enforceable": 4,
        "completed": 3, "rate": 75.0, "carried": 1,
    }
    # brought forward: D1 40 + D3 25 + D4 20 + D6 35 + D7 8 + D8 10; new: D2 60 + D5 10
    # delegated: remaining at exit D1 40 + D2 50 + D3 25 + D4 16; cancelled: D5 10 + D6 30 + D8 10
    # done: collections in W D2 10 + D4 4 + D7 2; reduced: D6 5; rate 21 / 27 = 77.777...
    assert got["money"] == {
        "brought_forward": 138 * M, "new": 70 * M, "caseload": 208 * M, "delegated": 131 * M,
        "cancelled": 50 * M, "to_enforce": 27 * M, "done": 16 * M, "terminated": 0, "reduced": 5 * M,
        "in_progress": 6 * M, "deferred_c": 0, "not_enforceable": 0, "enforceable": 27 * M, "completed": 21 * M,
        "rate": 77.78, "carried": 6 * M,
    }


def test_done_money_adds_what_was_settled_in_kind_and_terminated_money_what_was_left(db):
    got = _report(db, "2024-03-31", [
        case("X1", "2023-05-01", 100 * M),
        case("X2", "2023-10-20", 50 * M),
        case("X3", "2023-02-01", 70 * M),
        case("X4", "2024-03-31", 9 * M),
    ], [
        ev("X1", "2023-08-01", "thu_tien", 20 * M), ev("X1", "2023-11-01", "thu_tien", 30 * M),
        ev("X1", "2024-01-15", "xong"),
        ev("X2", "2023-12-01", "giam", 10 * M), ev("X2", "2024-02-01", "thu_tien", 15 * M),
        ev("X2", "2024-03-01", "dinh_chi"),
        ev("X3", "2023-06-01", "giam", 20 * M), ev("X3", "2024-01-10", "giam", 5 * M),
        ev("X3", "2024-02-01", "hoan", detail="c"),
    ])
    assert got["cases"] == {
        "brought_forward": 2, "new": 2, "caseload": 4, "delegated": 0, "cancelled": 0, "to_enforce": 4,
        "done": 1, "terminated": 1, "in_progress": 1, "deferred_c": 1, "not_enforceable": 0, "enforceable": 4,
        "completed": 2, "rate": 50.0, "carried": 2,
    }
    # brought forward: X1 100 - 20 = 80, X3 70 - 20 = 50; new: X2 50 + X4 9
    # done: X1 30 collected in W + 50 settled in kind at xong, + X2 15 collected before its dinh_chi
    # terminated: X2 50 - 10 - 15 = 25; reduced: X2 10 + X3 5 (the 20 of June 2023 is last year's)
    # deferred c: X3 50 - 5 = 45; rate 135 / 189 = 71.428...
    assert got["money"] == {
        "brought_forward": 130 * M, "new": 59 * M, "caseload": 189 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 189 * M, "done": 95 * M, "terminated": 25 * M, "reduced": 15 * M, "in_progress": 9 * M,
        "deferred_c": 45 * M, "not_enforceable": 0, "enforceable": 189 * M, "completed": 135 * M, "rate": 71.43,
        "carried": 54 * M,
    }


def test_pending_cases_fall_in_the_bucket_of_their_state_at_the_end(db):
    got = _report(db, "2023-12-31", [case(f"P{n}", "2023-06-01", (9 + n) * M) for n in range(1, 9)], [
        ev("P2", "2023-11-01", "hoan", detail="c"),
        ev("P3", "2023-11-01", "hoan", detail="a"),
        ev("P4", "2023-11-01", "tam_dinh_chi"),
        ev("P5", "2023-11-01", "chua_co_dieu_kien"),
        ev("P6", "2023-11-01", "chua_co_dieu_kien"), ev("P6", "2023-12-01", "vao_so_rieng"),
        ev("P7", "2023-08-01", "hoan", detail="b"), ev("P7", "2023-11-01", "tiep_tuc"),
        ev("P8", "2023-10-05", "hoan", detail="h"),
    ])
    # in progress: P1, P7 (resumed); hoãn c: P2; not enforceable: P3 (hoãn a), P4, P5, P6 (ledger), P8 (hoãn h)
    assert got["cases"] == {
        "brought_forward": 8, "new": 0, "caseload": 8, "delegated": 0, "cancelled": 0, "to_enforce": 8,
        "done": 0, "terminated": 0, "in_progress": 2, "deferred_c": 1, "not_enforceable": 5, "enforceable": 3,
        "completed": 0, "rate": 0.0, "carried": 8,
    }
    # in progress: P1 10 + P7 16; hoãn c: P2 11; not enforceable: 12 + 13 + 14 + 15 + 17
    assert got["money"] == {
        "brought_forward": 108 * M, "new": 0, "caseload": 108 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 108 * M, "done": 0, "terminated": 0, "reduced": 0, "in_progress": 26 * M,
        "deferred_c": 11 * M, "not_enforceable": 71 * M, "enforceable": 37 * M, "completed": 0, "rate": 0.0,
        "carried": 108 * M,
    }


def test_the_state_at_a_day_includes_the_events_of_that_day(db):
    got = _report(db, "2023-12-31", [
        case("E1", "2023-06-01", 10 * M),
        case("E2", "2023-06-01", 10 * M),
        case("E3", "2023-12-31", 5 * M),
        case("E4", "2023-06-01", 20 * M),
        case("E5", "2023-06-01", 20 * M),
        case("E6", "2022-06-01", 6 * M),
        case("E7", "2024-01-01", 4 * M),
    ], [
        ev("E1", "2023-12-31", "thu_tien", 10 * M), ev("E1", "2023-12-31", "xong"),
        ev("E2", "2024-01-01", "thu_tien", 10 * M), ev("E2", "2024-01-01", "xong"),
        ev("E4", "2023-12-31", "chua_co_dieu_kien"),
        ev("E5", "2024-01-01", "chua_co_dieu_kien"),
        ev("E6", "2023-10-01", "xong"),
    ])
    # done: E1 on e, E6 on s; in progress: E2 and E5 (their events are on e+1), E3 decided on e; E7 decided on e+1
    assert got["cases"] == {
        "brought_forward": 5, "new": 1, "caseload": 6, "delegated": 0, "cancelled": 0, "to_enforce": 6,
        "done": 2, "terminated": 0, "in_progress": 3, "deferred_c": 0, "not_enforceable": 1, "enforceable": 5,
        "completed": 2, "rate": 40.0, "carried": 4,
    }
    # done: E1 10 collected on e + E6 6 settled in kind on s; rate 16 / 51 = 31.372...
    assert got["money"] == {
        "brought_forward": 66 * M, "new": 5 * M, "caseload": 71 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 71 * M, "done": 16 * M, "terminated": 0, "reduced": 0, "in_progress": 35 * M,
        "deferred_c": 0, "not_enforceable": 20 * M, "enforceable": 51 * M, "completed": 16 * M, "rate": 31.37,
        "carried": 55 * M,
    }


def test_events_of_one_day_apply_in_the_day_order_whatever_the_file_order(db):
    got = _report(db, "2023-12-31", [
        case("O1", "2023-06-01", 10 * M, officer="C02"),
        case("O2", "2023-06-01", 10 * M, officer="C02"),
        case("O3", "2023-06-01", 8 * M, officer="C03"),
    ], [
        ev("O1", "2023-11-01", "xong"), ev("O1", "2023-11-01", "phan_cong", detail="C03"),
        ev("O2", "2023-11-02", "xong"), ev("O2", "2023-11-02", "thu_tien", 4 * M),
        ev("O3", "2023-11-03", "vao_so_rieng"), ev("O3", "2023-11-03", "chua_co_dieu_kien"),
    ], by="officer")
    assert [(row["key"], row["name"]) for row in got["rows"]] == [("C02", "Trần Thị Bình"), ("C03", "Lê Văn Cường")]
    c02, c03 = got["rows"]
    assert c02["cases"] == {
        "brought_forward": 1, "new": 0, "caseload": 1, "delegated": 0, "cancelled": 0, "to_enforce": 1,
        "done": 1, "terminated": 0, "in_progress": 0, "deferred_c": 0, "not_enforceable": 0, "enforceable": 1,
        "completed": 1, "rate": 100.0, "carried": 0,
    }
    # O2: 4 collected, then the other 6 settled in kind by the xong of the same day
    assert c02["money"] == {
        "brought_forward": 10 * M, "new": 0, "caseload": 10 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 10 * M, "done": 10 * M, "terminated": 0, "reduced": 0, "in_progress": 0, "deferred_c": 0,
        "not_enforceable": 0, "enforceable": 10 * M, "completed": 10 * M, "rate": 100.0, "carried": 0,
    }
    # O1 was reassigned to C03 before its xong of the same day; O3 classified, then moved to the ledger
    assert c03["cases"] == {
        "brought_forward": 2, "new": 0, "caseload": 2, "delegated": 0, "cancelled": 0, "to_enforce": 2,
        "done": 1, "terminated": 0, "in_progress": 0, "deferred_c": 0, "not_enforceable": 1, "enforceable": 1,
        "completed": 1, "rate": 100.0, "carried": 1,
    }
    assert c03["money"] == {
        "brought_forward": 18 * M, "new": 0, "caseload": 18 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 18 * M, "done": 10 * M, "terminated": 0, "reduced": 0, "in_progress": 0, "deferred_c": 0,
        "not_enforceable": 8 * M, "enforceable": 10 * M, "completed": 10 * M, "rate": 100.0, "carried": 8 * M,
    }


OFFICER_CASES = [
    case("A1", "2023-06-01", 5 * M, officer="C02"),
    case("A2", "2023-06-01", 6 * M, officer="C02"),
    case("A3", "2023-06-01", 7 * M, officer="C03"),
    case("A4", "2023-06-01", 8 * M, officer="C02"),
]
OFFICER_EVENTS = [
    ev("A1", "2023-11-01", "phan_cong", detail="C03"), ev("A1", "2023-11-20", "thu_tien", 5 * M),
    ev("A1", "2023-11-20", "xong"),
    ev("A2", "2023-12-15", "phan_cong", detail="C03"), ev("A2", "2024-01-10", "phan_cong", detail="C02"),
    ev("A2", "2024-02-01", "xong"),
    ev("A3", "2023-12-31", "phan_cong", detail="C02"),
    ev("A4", "2024-01-01", "phan_cong", detail="C03"),
]


def test_a_case_counts_for_its_officer_at_the_terminal_event_or_else_at_the_end(db):
    got = _report(db, "2023-12-31", OFFICER_CASES, OFFICER_EVENTS, by="officer")
    c02, c03 = got["rows"]
    # C02: A3 (reassigned to C02 on e), A4 (reassigned away only on e+1)
    assert (c02["key"], c02["cases"]) == ("C02", {
        "brought_forward": 2, "new": 0, "caseload": 2, "delegated": 0, "cancelled": 0, "to_enforce": 2,
        "done": 0, "terminated": 0, "in_progress": 2, "deferred_c": 0, "not_enforceable": 0, "enforceable": 2,
        "completed": 0, "rate": 0.0, "carried": 2,
    })
    # C03: A1 (done after it was reassigned to C03), A2 (C03's on e; later moves after e do not count)
    assert (c03["key"], c03["cases"]) == ("C03", {
        "brought_forward": 2, "new": 0, "caseload": 2, "delegated": 0, "cancelled": 0, "to_enforce": 2,
        "done": 1, "terminated": 0, "in_progress": 1, "deferred_c": 0, "not_enforceable": 0, "enforceable": 2,
        "completed": 1, "rate": 50.0, "carried": 1,
    })
    # rate 5 / 11 = 45.4545...
    assert c03["money"] == {
        "brought_forward": 11 * M, "new": 0, "caseload": 11 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 11 * M, "done": 5 * M, "terminated": 0, "reduced": 0, "in_progress": 6 * M,
        "deferred_c": 0, "not_enforceable": 0, "enforceable": 11 * M, "completed": 5 * M, "rate": 45.45,
        "carried": 6 * M,
    }
    scoped = chain_report(db, date(2023, 12, 31), Scope(officer="C03"))
    assert (scoped["cases"], scoped["money"]) == (c03["cases"], c03["money"])
    assert chain_report(db, date(2023, 12, 31), Scope(officer="C04"))["cases"] == EMPTY_CASES


@pytest.mark.parametrize(("end", "expected"), [
    # A2 is back with C02 on 31/1; A4 went to C03 on 1/1
    ("2024-01-31", [("C02", 2, 0), ("C03", 2, 1)]),
    # A2 is done in W with C02 at its xong
    ("2024-02-29", [("C02", 2, 1), ("C03", 2, 1)]),
])
def test_officer_rows_follow_reassignments_up_to_the_end(db, end, expected):
    got = _report(db, end, OFFICER_CASES, OFFICER_EVENTS, by="officer")
    assert [(row["key"], row["cases"]["caseload"], row["cases"]["done"]) for row in got["rows"]] == expected


def test_last_year_counts_each_case_for_its_officer_at_last_year_end(db):
    got = _report(db, "2023-12-31", [case("S1", "2022-06-01", 4 * M, officer="C02")],
                  [ev("S1", "2023-05-01", "phan_cong", detail="C03")], by="officer")
    # C02 held S1 on 31/12/2022 but has no row: rows are the officers with a caseload now
    assert [(row["key"], row["cases"]["caseload"], row["same_period_last_year"]["cases"]["caseload"])
            for row in got["rows"]] == [("C03", 1, 0)]
    c02 = chain_report(db, date(2023, 12, 31), Scope(officer="C02"))
    assert (c02["cases"]["caseload"], c02["same_period_last_year"]["cases"]["brought_forward"]) == (0, 1)
    assert c02["same_period_last_year"]["money"]["in_progress"] == 4 * M


def test_units_count_their_own_cases_and_provinces_roll_up_the_units_below(db):
    import_tables(db, tables(
        units=UNITS + (
            unit("TU", "Tổng cục THADS", "trung_uong", ""),
            unit("T02", "Cục THADS tỉnh Bắc", "tinh", "TU"),
            unit("H03", "Chi cục THADS huyện Nam", "huyen", "T02"),
            unit("K01", "Phòng THADS khu vực Một", "khu_vuc", "TU"),
        ),
        officers=OFFICERS + (officer("C05", "Hoàng Văn Em", "H03"), officer("C06", "Vũ Thị Gấm", "K01")),
        cases=[
            case("U1", "2023-06-01", 10 * M, unit="T01", officer="C01"),
            case("U2", "2023-06-01", 20 * M, unit="H01", officer="C02"),
            case("U3", "2023-06-01", 30 * M, unit="H02", officer="C04"),
            case("U4", "2023-06-01", 40 * M, unit="H03", officer="C05"),
            case("U5", "2023-06-01", 50 * M, unit="K01", officer="C06"),
        ],
        events=[ev("U2", "2023-11-01", "thu_tien", 20 * M), ev("U2", "2023-11-01", "xong")],
    ))
    end = date(2023, 12, 31)
    by_unit = chain_report(db, end, by="unit")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"], row["cases"]["done"]) for row in by_unit] == [
        ("H01", "Chi cục THADS huyện Đông", 1, 1),
        ("H02", "Chi cục THADS huyện Tây", 1, 0),
        ("H03", "Chi cục THADS huyện Nam", 1, 0),
        ("K01", "Phòng THADS khu vực Một", 1, 0),
        ("T01", "Cục THADS tỉnh", 1, 0),
    ]
    by_province = chain_report(db, end, by="province")
    # K01 has no 'tinh' above it, so it is its own province
    assert [(row["key"], row["name"], row["cases"]["caseload"]) for row in by_province["rows"]] == [
        ("K01", "Phòng THADS khu vực Một", 1), ("T01", "Cục THADS tỉnh", 3), ("T02", "Cục THADS tỉnh Bắc", 1),
    ]
    t01 = by_province["rows"][1]
    assert t01["cases"] == {
        "brought_forward": 3, "new": 0, "caseload": 3, "delegated": 0, "cancelled": 0, "to_enforce": 3,
        "done": 1, "terminated": 0, "in_progress": 2, "deferred_c": 0, "not_enforceable": 0, "enforceable": 3,
        "completed": 1, "rate": 33.33, "carried": 2,
    }
    assert t01["money"] == {
        "brought_forward": 60 * M, "new": 0, "caseload": 60 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 60 * M, "done": 20 * M, "terminated": 0, "reduced": 0, "in_progress": 40 * M,
        "deferred_c": 0, "not_enforceable": 0, "enforceable": 60 * M, "completed": 20 * M, "rate": 33.33,
        "carried": 40 * M,
    }
    assert t01["same_period_last_year"] == {
        "window": {"start": "2022-10-01", "end": "2022-12-31"}, "cases": EMPTY_CASES, "money": EMPTY_MONEY,
    }
    # a unit scope is the unit's own cases, not its rollup
    assert chain_report(db, end, Scope(unit="T01"))["money"]["caseload"] == 10 * M
    assert chain_report(db, end)["cases"]["caseload"] == 5


def test_group_judgment_type_and_mode_rows(db):
    import_tables(db, tables(cases=[
        case("G1", "2023-06-01", 10 * M, groups="ngan_sach|tin_dung", judgment="hinh_su", mode="chu_dong"),
        case("G2", "2023-06-01", 20 * M, groups="ngan_sach", judgment="dan_su", mode="theo_don"),
        case("G3", "2023-06-01", 30 * M, groups="", judgment="dan_su", mode="theo_don"),
        case("G4", "2023-06-01", 40 * M, groups="trong_diem", judgment="kinh_doanh_thuong_mai", mode="theo_don"),
    ], events=[ev("G2", "2023-11-01", "thu_tien", 20 * M), ev("G2", "2023-11-01", "xong")],
        targets=[target(2024, "tinh", "", "85", "50")]))
    end = date(2023, 12, 31)
    by_group = chain_report(db, end, by="group")["rows"]
    # G1 counts in both of its groups; G3 has none
    assert [(row["key"], row["name"], row["cases"]["caseload"], row["cases"]["done"]) for row in by_group] == [
        ("ngan_sach", "Thu ngân sách nhà nước", 2, 1),
        ("tin_dung", "Tín dụng, ngân hàng", 1, 0),
        ("trong_diem", "Trọng điểm, số tiền lớn", 1, 0),
    ]
    budget = chain_report(db, end, Scope(group="ngan_sach"))
    assert (budget["cases"], budget["money"]) == (by_group[0]["cases"], by_group[0]["money"])
    assert budget["cases"] == {
        "brought_forward": 2, "new": 0, "caseload": 2, "delegated": 0, "cancelled": 0, "to_enforce": 2,
        "done": 1, "terminated": 0, "in_progress": 1, "deferred_c": 0, "not_enforceable": 0, "enforceable": 2,
        "completed": 1, "rate": 50.0, "carried": 1,
    }
    # rate 20 / 30 = 66.666...
    assert budget["money"] == {
        "brought_forward": 30 * M, "new": 0, "caseload": 30 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 30 * M, "done": 20 * M, "terminated": 0, "reduced": 0, "in_progress": 10 * M,
        "deferred_c": 0, "not_enforceable": 0, "enforceable": 30 * M, "completed": 20 * M, "rate": 66.67,
        "carried": 10 * M,
    }
    assert budget["target"] is None
    by_judgment = chain_report(db, end, by="judgment_type")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"]) for row in by_judgment] == [
        ("dan_su", "Dân sự", 2), ("hinh_su", "Hình sự", 1), ("kinh_doanh_thuong_mai", "Kinh doanh thương mại", 1),
    ]
    by_mode = chain_report(db, end, by="mode")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"]) for row in by_mode] == [
        ("chu_dong", "Chủ động", 1), ("theo_don", "Theo đơn", 3),
    ]
    both = chain_report(db, end, Scope(judgment_type="dan_su", mode="theo_don"))
    assert (both["cases"]["caseload"], both["cases"]["done"], both["money"]["caseload"]) == (2, 1, 50 * M)


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
    got = chain_report(db, date.fromisoformat(end))
    assert got["window"] == {"start": window[0], "end": window[1]}
    assert got["same_period_last_year"]["window"] == {"start": last_year[0], "end": last_year[1]}


def test_same_period_last_year_of_end_february_reaches_the_leap_day(db):
    got = _report(db, "2025-02-28", [
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
    got = _report(db, "2024-02-29", [case("M1", "2023-02-28", 3 * M), case("M2", "2023-03-01", 4 * M)])
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
    got = _report(db, "2023-10-31", WORK_YEAR_EDGE_CASES, WORK_YEAR_EDGE_EVENTS)
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
    got = _report(db, "2023-09-30", WORK_YEAR_EDGE_CASES, WORK_YEAR_EDGE_EVENTS)
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
    got = _report(db, "2023-12-31", [
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
    h02 = chain_report(db, date(2023, 12, 31), Scope(unit="H02"))
    assert (h02["cases"]["rate"], h02["money"]["rate"]) == (None, None)


def test_an_empty_database_reports_zeros(db):
    assert chain_report(db, date(2023, 12, 31)) == {
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
    got = _report(db, "2023-12-31", cases, events)
    assert (got["cases"]["rate"], got["money"]["rate"]) == (expected, expected)


@pytest.mark.parametrize(("amount", "collected", "expected"), [
    (20_000_000, 201_000, 1.01),  # 1.005 exactly; a float round() gives 1.0
    (4_000_000, 107_000, 2.68),  # 2.675 exactly; a float round() gives 2.67
    (32_000_000, 1_000_000, 3.13),  # 3.125; round-half-even would give 3.12
    (800_000_000, 1_000_000, 0.13),  # 0.125
    (3_000_000, 1_000_000, 33.33),
])
def test_money_rates_round_half_up_from_the_exact_fraction(db, amount, collected, expected):
    got = _report(db, "2023-12-31", [case("Q1", "2023-06-01", amount)], [ev("Q1", "2023-11-01", "thu_tien", collected)])
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
    assert chain_report(db, date.fromisoformat(end), scope)["target"] == expected
