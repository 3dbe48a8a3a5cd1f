"""The generated edge-dense provinces the engine is checked on: valid by every import rule, the same for a seed,
and dense in every rare situation of domain.md section 3."""

from collections import Counter
from datetime import date

import pytest

from tests.support.edge_data import DAY_RANK, make_edge_tables
from tests.support.oracle import oracle_report
from tests.support.oracle_replay import work_year

SEEDS = (11, 29)
CLASSIFYING = {"co_dieu_kien", "chua_co_dieu_kien", "hoan", "tam_dinh_chi", "tiep_tuc"}


def _edge_counts(tables: dict) -> Counter:
    """Return how often each edge situation occurs in the tables."""
    counts = Counter()
    cases = {row["ma_viec"]: row for row in tables["viec"].to_dict("records")}
    events: dict[str, list[dict]] = {}
    for row in tables["su_kien"].to_dict("records"):
        events.setdefault(row["ma_viec"], []).append(row)
    for code, case in cases.items():
        amount = int(case["so_tien_phai_thi_hanh"])
        counts["zero amount"] += amount == 0
        counts["decided 29/2/2024"] += case["ngay_quyet_dinh"] == "2024-02-29"
        ordered = sorted(events.get(code, []), key=lambda event: (event["ngay"], DAY_RANK[event["loai"]]))
        by_day: dict[str, list[str]] = {}
        for event in ordered:
            by_day.setdefault(event["ngay"], []).append(event["loai"])
        for day, kinds in by_day.items():
            counts["event on the decision day"] += day == case["ngay_quyet_dinh"]
            counts["event on 30/9"] += day.endswith("-09-30")
            counts["event on 1/10"] += day.endswith("-10-01")
            counts["reassign, collect and close one day"] += {"phan_cong", "thu_tien", "xong"} <= set(kinds)
            counts["classify and collect one day"] += {"co_dieu_kien", "thu_tien"} <= set(kinds)
            counts["ledger in and out one day"] += {"vao_so_rieng", "ra_so_rieng"} <= set(kinds)
            counts["restored and classified one day"] += "ra_so_rieng" in kinds and bool(CLASSIFYING & set(kinds))
        collected, entered, restores, was_restored, in_ledger = 0, None, Counter(), False, False
        for event in ordered:
            kind, day = event["loai"], date.fromisoformat(event["ngay"])
            counts[kind if kind != "hoan" else ("hoan c" if event["chi_tiet"] == "c" else "hoan other")] += 1
            if kind == "thu_tien":
                collected += int(event["so_tien"])
                counts["fully collected, open past that day"] += (amount > 0 and collected == amount
                                                                  and "xong" not in by_day[event["ngay"]])
            if kind == "uy_thac":
                counts["delegated after a collection" if collected else "delegated without collection"] += 1
                counts["delegated on a collection day"] += "thu_tien" in by_day[event["ngay"]]
            if kind in CLASSIFYING or kind == "xac_minh":
                counts[f"{'classified' if kind in CLASSIFYING else 'verified'} in the ledger"] += in_ledger
            if kind == "vao_so_rieng":
                counts["re-entered the ledger"] += was_restored
                entered, in_ledger = day, True
            if kind == "ra_so_rieng":
                in_ledger = False
                counts["restored in a later work-year"] += work_year(day) > work_year(entered)
                restores[work_year(day)] += 1
                was_restored = True
        counts["restored twice in one work-year"] += any(n >= 2 for n in restores.values())
    return counts


@pytest.mark.parametrize("seed", SEEDS)
def test_edge_data_is_valid_and_dense(seed):
    tables = make_edge_tables(seed)
    assert make_edge_tables(seed)["su_kien"].equals(tables["su_kien"])
    oracle_report(tables, date(2025, 9, 30))  # replaying refuses any row that breaks an import rule
    counts = _edge_counts(tables)
    rare = {name: counts[name] for name in (
        "zero amount", "decided 29/2/2024", "event on the decision day", "event on 30/9", "event on 1/10",
        "reassign, collect and close one day", "classify and collect one day", "ledger in and out one day",
        "hoan c", "hoan other", "tam_dinh_chi", "tiep_tuc", "chua_co_dieu_kien", "giam", "dinh_chi",
        "huy_quyet_dinh", "delegated after a collection", "delegated without collection",
        "delegated on a collection day", "fully collected, open past that day", "re-entered the ledger",
        "restored in a later work-year", "restored twice in one work-year", "restored and classified one day",
        "classified in the ledger", "verified in the ledger", "xac_minh")}
    assert min(rare.values()) >= 3, rare
    ordered = tables["su_kien"].sort_values(["ma_viec", "ngay"], kind="stable")
    assert not ordered.index.equals(tables["su_kien"].index), "event rows must not come in date order"
