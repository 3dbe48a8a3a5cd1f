"""Hand-worked flow and age of the caseload (domain.md sections 9 and 11), counted on paper at 30/6/2024.

The window is 1/10/2023 - 30/6/2024: 274 days (2024 is a leap year). Ages are counted from each decision date.
"""

from datetime import date

import pytest

import pandas as pd

from data_access.exchange.importer import import_tables
from data_access.queries.case_list import CaseFilter, case_list
from data_access.queries.trust import unit_last_days
from data_access.queries.viewing import NotPermitted
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.flow import disposition_days, flow_report, median_days
from tests.support.builders import case, ev, tables
from tests.support.readers import operator, viewer
from tests.support.scenarios import M

END = date(2024, 6, 30)

CASES = [
    # Pending enforceable.
    case("A1", "2024-06-01", 10 * M),                        # 29 days old
    case("A2", "2023-12-31", 20 * M),                        # 182 days: still under 6 months
    case("A3", "2023-12-30", 30 * M),                        # 183 days: 6-12 months, idle since its decision
    case("A4", "2023-06-30", 1200 * M),                      # 366 days: 1-2 years, large by its amount
    case("A5", "2022-07-01", 50 * M, groups="trong_diem"),   # 730 days: still 1-2 years, large by its group
    case("A6", "2019-06-30", 40 * M, unit="H02", officer="C04"),  # 1827 days: 5 years
    # Pending not enforceable.
    case("N1", "2023-01-01", 60 * M),
    case("N2", "2023-01-01", 70 * M),
    case("N3", "2024-03-01", 80 * M),
    case("N4", "2021-01-01", 90 * M),
    case("N5", "2021-01-01", 95 * M),
    case("N6", "2022-01-01", 1500 * M),
    # Ended in the window.
    case("D1", "2023-11-01", 5 * M),
    case("D2", "2023-01-01", 8 * M),
    case("D3", "2023-10-01", 9 * M),
    case("D4", "2023-10-01", 4 * M),
    case("D5", "2022-10-01", 6 * M),
]
EVENTS = [
    ev("A2", "2024-01-10", "thu_tien", 5 * M),               # 172 days before the end
    ev("A4", "2024-01-01", "xac_minh"),                      # 181 days: more than 180, idle
    ev("A5", "2024-01-02", "phan_cong", detail="C03"),       # 180 days: not more than 180, active
    ev("A6", "2019-08-01", "hoan", detail="c"),              # deferred point c stays enforceable; idle
    ev("N1", "2023-12-29", "chua_co_dieu_kien"),             # 184 days: due for verification
    ev("N2", "2023-12-29", "chua_co_dieu_kien"), ev("N2", "2023-12-30", "xac_minh"),  # 183 days: not yet
    ev("N3", "2024-03-05", "hoan", detail="a"),
    # N4 and N5 entered the ledger before the window: in no caseload, but watched for verification there.
    ev("N4", "2021-02-01", "chua_co_dieu_kien"), ev("N4", "2023-06-29", "vao_so_rieng"),  # 367 days: due
    ev("N5", "2021-02-01", "chua_co_dieu_kien"), ev("N5", "2023-06-01", "vao_so_rieng"),
    ev("N5", "2023-06-30", "xac_minh"),                      # 366 days, in the ledger: not yet
    ev("N6", "2022-02-01", "tam_dinh_chi"),                  # large by its amount, due for verification
    ev("D1", "2023-12-01", "thu_tien", 5 * M), ev("D1", "2023-12-01", "xong"),   # 30 days
    ev("D2", "2024-01-01", "dinh_chi"),                                          # 365 days
    ev("D3", "2023-10-05", "thu_tien", 1 * M), ev("D3", "2023-10-11", "uy_thac"),  # counts as xong: 10 days
    ev("D4", "2023-10-20", "uy_thac"),                                           # deducted
    ev("D5", "2023-10-01", "xong"),                                              # 365 days
]


@pytest.fixture
def scenario(db):
    import_tables(db, tables(cases=CASES, events=EVENTS))
    return db


def test_every_figure_of_the_whole_province(scenario):
    got = flow_report(operator(scenario), END)
    assert got["window"] == {"start": "2023-10-01", "end": "2024-06-30"}
    assert got["pending_enforceable"] == 6
    assert got["ageing"] == {
        "enforceable": {
            "lt_6m": {"cases": 2, "money": 25 * M},     # A1 10, A2 20 - 5 collected
            "6_12m": {"cases": 1, "money": 30 * M},     # A3
            "1_2y": {"cases": 2, "money": 1250 * M},    # A4, A5
            "2_5y": {"cases": 0, "money": 0},
            "ge_5y": {"cases": 1, "money": 40 * M},     # A6
        },
        "not_enforceable": {
            "lt_6m": {"cases": 1, "money": 80 * M},     # N3
            "6_12m": {"cases": 0, "money": 0},
            "1_2y": {"cases": 2, "money": 130 * M},     # N1, N2
            "2_5y": {"cases": 1, "money": 1500 * M},    # N6
            "ge_5y": {"cases": 0, "money": 0},
        },
    }
    # completed: D1, D2, D3 (delegated after a collection), D5; new: A1, A2, A3, N3, D1, D3, D4
    assert got["clearance_rate"] == 57.14               # 4 / 7
    assert got["disposition_days"] == 411               # 274 x 6 / 4
    assert got["median_days_to_completion"] == 198      # 10, 30, 365, 365: (30 + 365) / 2 = 197,5
    assert got["without_action"] == 3                   # A3, A4, A6
    assert got["large"] == 3                            # A4, A5, N6
    assert got["verification_due"] == 3                 # N1, N6, and N4 in the ledger


def test_the_buckets_sum_to_the_chains_pending_counts(scenario):
    reader = operator(scenario)
    chains, flow = chain_report(reader, END), flow_report(reader, END)
    enforceable, not_enforceable = (sum(bucket["cases"] for bucket in flow["ageing"][kind].values())
                                    for kind in ("enforceable", "not_enforceable"))
    assert enforceable == flow["pending_enforceable"] == chains["cases"]["in_progress"] + chains["cases"]["deferred_c"]
    assert not_enforceable == chains["cases"]["not_enforceable"]
    money = sum(bucket["money"] for kind in flow["ageing"].values() for bucket in kind.values())
    assert money == (chains["money"]["in_progress"] + chains["money"]["deferred_c"]
                     + chains["money"]["not_enforceable"])


def test_workload_per_officer_sums_to_the_pending_enforceable(scenario):
    rows = {row["key"]: row for row in flow_report(operator(scenario), END, by="officer")["rows"]}
    # A5 was reassigned to C03; A6 is C04's in the other unit.
    assert {key: row["pending_enforceable"] for key, row in rows.items()} == {"C02": 4, "C03": 1, "C04": 1}
    assert rows["C03"]["name"] == "Lê Văn Cường"
    assert rows["C03"]["large"] == 1 and rows["C03"]["ageing"]["enforceable"]["1_2y"] == {"cases": 1, "money": 50 * M}
    assert rows["C04"]["without_action"] == 1 and rows["C04"]["ageing"]["enforceable"]["ge_5y"]["cases"] == 1
    # C02 completed D1, D2, D3, D5 of its 7 new cases, and holds A1 - A4 pending.
    assert rows["C02"]["clearance_rate"] == 57.14 and rows["C02"]["disposition_days"] == 274
    assert rows["C03"]["clearance_rate"] is None and rows["C03"]["disposition_days"] is None
    assert rows["C03"]["median_days_to_completion"] is None


def test_by_unit_and_within_a_unit(scenario):
    reader = operator(scenario)
    rows = {row["key"]: row for row in flow_report(reader, END, by="unit")["rows"]}
    assert {key: row["pending_enforceable"] for key, row in rows.items()} == {"H01": 5, "H02": 1}
    assert rows["H02"]["name"] == "Chi cục THADS huyện Tây"
    assert rows["H02"]["disposition_days"] is None and rows["H02"]["without_action"] == 1
    alone = flow_report(reader, END, scope=Scope(unit="H01"))
    del alone["window"]
    assert alone == {key: value for key, value in rows["H01"].items() if key not in ("key", "name")}


def test_an_officer_reads_only_its_own_flow(scenario):
    reader = viewer(scenario, "chv", officer="C03")
    assert flow_report(reader, END, scope=Scope(officer="C03"))["pending_enforceable"] == 1
    with pytest.raises(NotPermitted):
        flow_report(reader, END, by="officer")


def test_median_and_disposition_round_half_up():
    assert median_days(pd.Series([5, 1, 3]), pd.Series([1, 1, 1])) == 3
    assert median_days(pd.Series([1, 2]), pd.Series([1, 1])) == 2          # 1,5 rounds up
    assert median_days(pd.Series([7, 2]), pd.Series([3, 1])) == 7          # 2, 7, 7, 7
    assert median_days(pd.Series([], dtype="int64"), pd.Series([], dtype="int64")) is None
    assert disposition_days(3, 1, 2) == 2                                   # 1,5 rounds up
    assert disposition_days(274, 5, 0) is None



def _listed(db, warning):
    page = case_list(operator(db), date(2023, 10, 1), END, narrow=CaseFilter(warning=warning), sort="code",
                     descending=False, limit=100)
    assert page.total == len(page.rows)
    return set(page.rows["code"])


def test_each_warning_lists_the_cases_it_counts(scenario):
    assert _listed(scenario, "without_action") == {"A3", "A4", "A6"}
    assert _listed(scenario, "large") == {"A4", "A5", "N6"}
    assert _listed(scenario, "large_idle") == {"A4", "A5", "N6"}
    # N4 sits in the ledger outside the caseload and is listed all the same.
    assert _listed(scenario, "verification_due") == {"N1", "N4", "N6"}


def test_a_large_case_is_idle_after_more_than_90_days_without_collection(db):
    import_tables(db, tables(cases=[case("L1", "2023-01-01", 2000 * M), case("L2", "2023-01-01", 2000 * M)],
                             events=[ev("L1", "2024-04-01", "thu_tien", M), ev("L2", "2024-03-31", "thu_tien", M)]))
    # 1/4 is 90 days before 30/6, 31/3 is 91.
    assert _listed(db, "large") == {"L1", "L2"}
    assert _listed(db, "large_idle") == {"L2"}


def test_each_units_data_reaches_its_latest_event_or_decision(scenario):
    # H01's latest is A1's decision on 1/6/2024; H02 holds only A6, last touched on 1/8/2019.
    assert unit_last_days(operator(scenario)) == {"H01": date(2024, 6, 1), "H02": date(2019, 8, 1)}
    assert unit_last_days(viewer(scenario, "chv", officer="C04")) == {"H02": date(2019, 8, 1)}
