"""Hand-worked classification watch (domain.md section 10), counted on paper for 1/10/2023 - 30/6/2024.

Late days are the last 7 of each month: 25-31/1, 23-29/2 (2024 is a leap year), 25-31/3, 24-30/4, 24-30/6.
A bounce-back is an upgrade in the 30 days after the late month's end.
"""

from datetime import date

import pytest

from data_access.data_version import data_state
from data_access.exchange.importer import import_tables
from data_access.queries.watch_queries import downgrade_list
from dashboard.metrics.watch import unsettled_months, watch_report
from tests.support.builders import case, ev, tables
from tests.support.readers import operator
from tests.support.scenarios import M

END = date(2024, 6, 30)

CASES = [case(code, "2023-09-01", 10 * M) for code in ("W1", "W2", "W4", "W5", "W6", "W7", "W9")] + [
    case("W3", "2023-09-01", 10 * M, unit="H02", officer="C04"),
    case("W8", "2024-06-20", 10 * M),
]
EVENTS = [
    ev("W1", "2024-01-25", "chua_co_dieu_kien"), ev("W1", "2024-02-15", "co_dieu_kien"),  # late, bounced
    ev("W2", "2024-02-22", "hoan", detail="a"), ev("W2", "2024-03-01", "tiep_tuc"),          # one day too early
    ev("W3", "2024-02-23", "tam_dinh_chi"), ev("W3", "2024-03-31", "tiep_tuc"),             # late, back on day 31
    # Reassigned on the day of its downgrade: the downgrade is the new officer's.
    ev("W4", "2024-03-31", "phan_cong", detail="C03"), ev("W4", "2024-03-31", "chua_co_dieu_kien"),
    ev("W4", "2024-04-30", "co_dieu_kien"),                                                  # day 30: bounced
    ev("W5", "2024-04-28", "hoan", detail="c"), ev("W5", "2024-04-29", "chua_co_dieu_kien"),  # from hoãn c: late
    # Ended on the day it was classified: not enforceable at no day's end, so no downgrade.
    ev("W6", "2024-05-27", "chua_co_dieu_kien"), ev("W6", "2024-05-27", "dinh_chi"),
    # Downgraded before the window, upgraded, downgraded late in October, back through the ledger in November.
    ev("W7", "2023-09-28", "chua_co_dieu_kien"), ev("W7", "2023-10-10", "co_dieu_kien"),
    ev("W7", "2023-10-31", "chua_co_dieu_kien"), ev("W7", "2023-11-05", "vao_so_rieng"),
    ev("W7", "2023-11-20", "ra_so_rieng"), ev("W7", "2023-11-20", "co_dieu_kien"),
    # Upgraded again before the month's end: no bounce-back, which only counts after the report date.
    ev("W8", "2024-06-25", "chua_co_dieu_kien"), ev("W8", "2024-06-28", "co_dieu_kien"),
    ev("W9", "2024-07-15", "chua_co_dieu_kien"),                                             # after the window
]


@pytest.fixture
def scenario(db):
    import_tables(db, tables(cases=CASES, events=EVENTS))
    return db


def test_the_whole_province(scenario):
    # downgrades: W1, W2, W3, W4, W5, W7, W8; late: all but W2; bounced: W1, W4, W7
    assert watch_report(operator(scenario), END) == {
        "window": {"start": "2023-10-01", "end": "2024-06-30"},
        "downgrades": 7, "late": 6, "late_share": 85.71, "bounce_backs": 3,
    }


def test_by_officer_the_one_assigned_on_the_day(scenario):
    rows = watch_report(operator(scenario), END, by="officer")["rows"]
    assert rows == [
        {"key": "C02", "name": "Trần Thị Bình", "downgrades": 5, "late": 4, "late_share": 80.0, "bounce_backs": 2},
        {"key": "C03", "name": "Lê Văn Cường", "downgrades": 1, "late": 1, "late_share": 100.0, "bounce_backs": 1},
        {"key": "C04", "name": "Phạm Thị Dung", "downgrades": 1, "late": 1, "late_share": 100.0, "bounce_backs": 0},
    ]


def test_by_unit(scenario):
    rows = {row["key"]: row for row in watch_report(operator(scenario), END, by="unit")["rows"]}
    assert {key: (row["downgrades"], row["late"], row["late_share"], row["bounce_backs"])
            for key, row in rows.items()} == {"H01": (6, 5, 83.33, 3), "H02": (1, 1, 100.0, 0)}


def test_an_early_end_counts_only_its_own_window(scenario):
    # At 31/1 only W7 (October) and W1 (January) were downgraded; W1's bounce-back on 15/2 is already in the data.
    assert watch_report(operator(scenario), date(2024, 1, 31)) == {
        "window": {"start": "2023-10-01", "end": "2024-01-31"},
        "downgrades": 2, "late": 2, "late_share": 100.0, "bounce_backs": 2,
    }


def test_months_whose_thirty_days_are_not_over_are_unsettled(scenario):
    last_day = data_state(scenario).last_day
    assert last_day == date(2024, 7, 15)
    # 30/6 + 30 days is 30/7, after the data's last day; 31/5 + 30 is 30/6, before it.
    assert unsettled_months(END, last_day) == [date(2024, 6, 30)]


def test_no_downgrade_gives_a_null_share(db):
    import_tables(db, tables(cases=[case("Q1", "2024-01-01", M)]))
    assert watch_report(operator(db), END) == {
        "window": {"start": "2023-10-01", "end": "2024-06-30"},
        "downgrades": 0, "late": 0, "late_share": None, "bounce_backs": 0,
    }


def test_the_lists_hold_each_downgrade_with_its_event_and_the_upgrade_after(scenario):
    start = date(2023, 10, 1)
    rows, total = downgrade_list(operator(scenario), start, END)
    assert total == 7 and list(rows["code"]) == ["W8", "W5", "W4", "W3", "W2", "W1", "W7"]
    w4 = rows.set_index("code").loc["W4"]
    assert (w4["officer_code"], w4["day"], w4["event"], w4["upgraded_on"], bool(w4["late"])) == (
        "C03", date(2024, 3, 31), "chua_co_dieu_kien", date(2024, 4, 30), True)
    w2 = rows.set_index("code").loc["W2"]
    assert (w2["event"], w2["detail"], bool(w2["late"])) == ("hoan", "a", False)
    assert rows.set_index("code").loc["W5", "upgraded_on"] is None
    late, late_total = downgrade_list(operator(scenario), start, END, which="late")
    assert late_total == 6 and "W2" not in set(late["code"])
    bounced, bounced_total = downgrade_list(operator(scenario), start, END, which="bounce_backs")
    assert bounced_total == 3 and set(bounced["code"]) == {"W1", "W4", "W7"}
    assert len(downgrade_list(operator(scenario), start, END, limit=2)[0]) == 2
