"""Hand-worked scenarios: small sets of cases whose chains were counted on paper from domain.md section 4."""

from tests.support.builders import case, ev
from tests.support.scenarios import EMPTY_CASES, EMPTY_MONEY, M, report_on


def test_brought_forward_excludes_cases_ended_or_in_the_ledger_before_the_window(db):
    got = report_on(db, "2023-12-31", [
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
    got = report_on(db, "2024-06-30", [
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


def test_classifications_made_in_the_ledger_apply_once_the_case_is_restored(db):
    got = report_on(db, "2023-12-31", [
        case("L1", "2023-03-01", 50 * M),
        case("L2", "2023-02-01", 30 * M),
        case("L3", "2023-01-01", 40 * M),
        case("L4", "2023-06-01", 25 * M),
        case("L5", "2023-10-05", 12 * M),
    ], [
        ev("L1", "2023-04-01", "chua_co_dieu_kien"), ev("L1", "2023-05-01", "vao_so_rieng"),
        ev("L1", "2023-11-10", "ra_so_rieng"), ev("L1", "2023-11-10", "co_dieu_kien"),
        ev("L1", "2023-12-01", "thu_tien", 20 * M),
        ev("L2", "2023-03-01", "tam_dinh_chi"), ev("L2", "2023-04-01", "vao_so_rieng"),
        ev("L2", "2023-10-15", "chua_co_dieu_kien"), ev("L2", "2023-11-20", "ra_so_rieng"),
        ev("L3", "2023-02-01", "thu_tien", 10 * M), ev("L3", "2023-03-01", "hoan", detail="a"),
        ev("L3", "2023-06-01", "vao_so_rieng"), ev("L3", "2023-10-20", "hoan", detail="c"),
        ev("L3", "2023-12-10", "ra_so_rieng"),
        ev("L4", "2023-07-01", "chua_co_dieu_kien"), ev("L4", "2023-08-01", "vao_so_rieng"),
        ev("L4", "2023-11-01", "co_dieu_kien"),
        ev("L5", "2023-10-06", "hoan", detail="b"), ev("L5", "2023-10-07", "vao_so_rieng"),
        ev("L5", "2023-10-20", "tiep_tuc"),
    ])
    # new: L1, L2, L3 restored in W (each in the ledger on 30/9) and L5 decided in W; L4 is never restored
    # in progress: L1, restored and classified enforceable the same day; hoãn c: L3, deferred on point c in the
    # ledger; not enforceable: L2 (chưa có điều kiện in the ledger) and L5 (resumed, but still in the ledger)
    assert got["cases"] == {
        "brought_forward": 0, "new": 4, "caseload": 4, "delegated": 0, "cancelled": 0, "to_enforce": 4,
        "done": 0, "terminated": 0, "in_progress": 1, "deferred_c": 1, "not_enforceable": 2, "enforceable": 2,
        "completed": 0, "rate": 0.0, "carried": 4,
    }
    # new: L1 50 + L2 30 + L3 40 - 10 collected = 30 + L5 12; done: L1's 20 collected in W
    # in progress L1 30, hoãn c L3 30, not enforceable L2 30 + L5 12; rate 20 / (20 + 30 + 30) = 25%
    assert got["money"] == {
        "brought_forward": 0, "new": 122 * M, "caseload": 122 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 122 * M, "done": 20 * M, "terminated": 0, "reduced": 0, "in_progress": 30 * M,
        "deferred_c": 30 * M, "not_enforceable": 42 * M, "enforceable": 80 * M, "completed": 20 * M, "rate": 25.0,
        "carried": 102 * M,
    }


def test_delegated_and_cancelled_cases_are_deducted_unless_money_was_collected(db):
    got = report_on(db, "2023-12-31", [
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
    got = report_on(db, "2024-03-31", [
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
    got = report_on(db, "2023-12-31", [case(f"P{n}", "2023-06-01", (9 + n) * M) for n in range(1, 9)], [
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
    got = report_on(db, "2023-12-31", [
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
    got = report_on(db, "2023-12-31", [
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
