"""The chains engine agrees with an independent day-by-day replay on edge-dense data, and the chains add up."""

from collections import Counter
from datetime import date

import pandas as pd
import pytest

from dashboard.chains import Scope, chain_report
from data_access.importer import import_tables
from tests.edge_data import CASE_UNITS, COLUMNS, DAY_RANK, GROUPS, make_edge_tables
from tests.oracle import (BY_VALUES, CASE_KEYS, MONEY_KEYS, InvalidData, oracle_report, rate_percent,
                          same_day_last_year, work_year, work_year_start)

SEEDS = (11, 29)
MONTH_ENDS = tuple(pd.date_range("2022-10-01", "2025-09-30", freq="ME").date)  # work-years 2023-2025
OTHER_DAYS = (date(2022, 10, 1), date(2023, 10, 1), date(2024, 2, 28), date(2024, 3, 1), date(2024, 10, 1),
              date(2025, 6, 15), date(2025, 9, 29))
ENDS = MONTH_ENDS + OTHER_DAYS
# The engine's broken-down reports cost up to 0,4 s each; every `by` at every end would take minutes, so each end
# gets one `by` in rotation and these ends get all of them.
FULL_BY_ENDS = (date(2024, 2, 29), date(2024, 9, 30), date(2025, 2, 28))
SCOPED_ENDS = (date(2023, 12, 31), date(2024, 2, 29), date(2025, 2, 28), date(2025, 6, 15))
SCOPES = ([{"unit": unit} for unit in CASE_UNITS]
          + [{"officer": officer} for officer in ("CHV01", "CHV08", "CHV17", "CHV24")]
          + [{"group": group} for group in GROUPS]
          + [{"judgment_type": "hinh_su"}, {"mode": "theo_don"}, {"unit": "H11", "group": "ngan_sach"},
             {"unit": "T2", "officer": "CHV02"}])
PARTITIONS = ("unit", "province", "officer", "judgment_type", "mode")
IDENTITY_ENDS = (date(2024, 2, 29), date(2025, 9, 30))


def _differences(got, expected, path: str = "") -> list[str]:
    """Lines naming each key path where the engine's value differs from the oracle's; rows are matched by key."""
    if isinstance(got, dict) and isinstance(expected, dict):
        lines = []
        for key in sorted(set(got) | set(expected), key=str):
            if key not in got:
                lines.append(f"{path}.{key}: missing from the engine")
            elif key not in expected:
                lines.append(f"{path}.{key}: not expected, engine={got[key]!r}")
            else:
                lines += _differences(got[key], expected[key], f"{path}.{key}")
        return lines
    if isinstance(got, list) and isinstance(expected, list):
        order = [] if [r["key"] for r in got] == sorted(r["key"] for r in got) else [f"{path}: rows not sorted"]
        return order + _differences({r["key"]: r for r in got}, {r["key"]: r for r in expected}, path)
    if got != expected or type(got) is not type(expected):
        return [f"{path}: engine={got!r} oracle={expected!r}"]
    return []


def _compare(engine, tables, end: date, scope: dict | None = None, by: str | None = None) -> list[str]:
    got = chain_report(engine, end, Scope(**(scope or {})), by)
    expected = oracle_report(tables, end, scope, by)
    return [f"end={end} scope={scope} by={by}: {line}" for line in _differences(got, expected)]


def _report(lines: list[str]) -> str:
    return f"{len(lines)} differences:\n" + "\n".join(lines[:40])


@pytest.mark.parametrize("seed", SEEDS)
def test_engine_matches_oracle(db, seed):
    tables = make_edge_tables(seed)
    import_tables(db, tables)
    lines = []
    for index, end in enumerate(ENDS):
        lines += _compare(db, tables, end)
        lines += _compare(db, tables, end, by=BY_VALUES[(index + seed) % len(BY_VALUES)])
    for end in FULL_BY_ENDS:
        for by in BY_VALUES:
            lines += _compare(db, tables, end, by=by)
    for end in SCOPED_ENDS:
        for scope in SCOPES:
            lines += _compare(db, tables, end, scope)
    assert not lines, _report(lines)


def _identity_failures(chain: dict, kind: str, where: str) -> list[str]:
    c = chain[kind]
    extra = c["reduced"] if kind == "money" else 0
    checks = {
        "caseload == brought_forward + new": c["caseload"] == c["brought_forward"] + c["new"],
        "to_enforce == caseload - delegated - cancelled": c["to_enforce"] == c["caseload"] - c["delegated"] - c[
            "cancelled"],
        "to_enforce == enforceable + not_enforceable": c["to_enforce"] == c["enforceable"] + c["not_enforceable"],
        "carried == enforceable - completed + not_enforceable": c["carried"] == c["enforceable"] - c["completed"] + c[
            "not_enforceable"],
        "completed == done + terminated (+ reduced)": c["completed"] == c["done"] + c["terminated"] + extra,
        "enforceable == completed + in_progress + deferred_c": c["enforceable"] == c["completed"] + c[
            "in_progress"] + c["deferred_c"],
        "rate == completed / enforceable": c["rate"] == rate_percent(c["completed"], c["enforceable"]),
    }
    return [f"{where} {kind}: {name} fails in {c}" for name, holds in checks.items() if not holds]


@pytest.mark.parametrize("seed", SEEDS)
def test_chains_add_up(db, seed):
    import_tables(db, make_edge_tables(seed))
    failures = []
    for end in IDENTITY_ENDS:
        whole = chain_report(db, end)
        breakdowns = {by: chain_report(db, end, by=by) for by in BY_VALUES}
        chains = [(f"{end}", whole), (f"{end} last year", whole["same_period_last_year"])]
        for by, breakdown in breakdowns.items():
            for row in breakdown["rows"]:
                chains += [(f"{end} {by}={row['key']}", row),
                           (f"{end} {by}={row['key']} last year", row["same_period_last_year"])]
        for where, chain in chains:
            failures += _identity_failures(chain, "cases", where) + _identity_failures(chain, "money", where)
        for by in PARTITIONS:
            for kind, keys in (("cases", CASE_KEYS), ("money", MONEY_KEYS)):
                for key in (key for key in keys if key != "rate"):
                    total = sum(row[kind][key] for row in breakdowns[by]["rows"])
                    if total != whole[kind][key]:
                        failures.append(f"{end} by {by}: {kind}.{key} rows sum to {total}, "
                                        f"whole is {whole[kind][key]}")
        group_rows = {row["key"]: row for row in breakdowns["group"]["rows"]}
        for group in GROUPS:
            scoped = chain_report(db, end, Scope(group=group))
            row = group_rows.get(group)
            if row is None:
                if scoped["cases"]["caseload"] != 0:
                    failures.append(f"{end} group {group}: no row but a caseload of {scoped['cases']['caseload']}")
                continue
            for part in ("cases", "money"):
                if row[part] != scoped[part] or row["same_period_last_year"][part] != scoped[
                        "same_period_last_year"][part]:
                    failures.append(f"{end} group {group}: the by-group row differs from the group scope in {part}")
        pair_rows = {row["key"]: row for row in chain_report(db, end, by="unit_group")["rows"]}
        for group in GROUPS:
            for row in chain_report(db, end, Scope(group=group), by="unit")["rows"]:
                pair = pair_rows.pop(f"{row['key']}|{group}", None)
                if pair is None or any(pair[part] != row[part] for part in ("cases", "money")):
                    failures.append(f"{end} unit_group {row['key']}|{group}: differs from the group's unit row")
        failures += [f"{end} unit_group {key}: no matching unit row" for key in pair_rows]
    assert not failures, "\n".join(failures[:40])
    # The data must exercise every bucket, or the identities above would hold vacuously.
    whole = chain_report(db, IDENTITY_ENDS[-1])
    assert all(whole["cases"][key] > 0 for key in CASE_KEYS if key != "rate"), whole["cases"]


# ---------------------------------------------------------------- the oracle pinned on hand-made tables

def _frame(stem: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame([[str(value) for value in row] for row in rows], columns=list(COLUMNS[stem]), dtype=str)


def _case(code, decided, amount, officer="A", unit="H", groups=""):
    return (code, f"{code}/QĐ", decided, unit, officer, "dan_su", "chu_dong", amount, groups)


TINY = {
    "don_vi": _frame("don_vi", [("T", "Tỉnh Mẫu", "tinh", ""), ("H", "Huyện Một", "huyen", "T"),
                                ("K", "Khu vực Hai", "khu_vuc", "H"), ("X", "Huyện Lẻ", "huyen", "")]),
    "chap_hanh_vien": _frame("chap_hanh_vien", [("A", "Lê An", "H", "trung_cap"), ("B", "Vũ Bình", "H", "so_cap")]),
    "viec": _frame("viec", [
        _case("V01", "2023-05-10", 1_000_000, groups="ngan_sach"),
        _case("V02", "2023-10-01", 2_000_000, groups="ngan_sach|tin_dung"),
        _case("V03", "2022-12-01", 300_000),
        _case("V04", "2023-09-30", 0),
        _case("V05", "2023-03-03", 800_000, officer="B"),
        _case("V06", "2023-12-31", 700_000, unit="K"),
        _case("V07", "2023-07-01", 1_000),
        _case("V08", "2023-10-02", 10_000, unit="X"),
        _case("V09", "2023-02-02", 5_000),
        _case("V10", "2023-11-11", 50_000),
        _case("V11", "2023-10-15", 90_000),
    ]),
    # File order is not date order; V11's delegation is listed before the same-day collection it follows.
    "su_kien": _frame("su_kien", [
        ("V01", "2023-11-15", "xong", "", ""),
        ("V01", "2023-06-01", "thu_tien", 400_000, ""),
        ("V01", "2023-11-15", "thu_tien", 100_000, ""),
        ("V01", "2023-11-15", "phan_cong", "", "B"),
        ("V02", "2023-10-01", "thu_tien", 500_000, ""),
        ("V02", "2023-12-31", "uy_thac", "", ""),
        ("V03", "2023-01-10", "chua_co_dieu_kien", "", ""),
        ("V03", "2023-02-01", "vao_so_rieng", "", ""),
        ("V03", "2023-11-01", "ra_so_rieng", "", ""),
        ("V03", "2023-11-20", "vao_so_rieng", "", ""),
        ("V03", "2023-12-10", "ra_so_rieng", "", ""),
        ("V04", "2023-09-30", "huy_quyet_dinh", "", ""),
        ("V05", "2023-08-01", "hoan", "", "c"),
        ("V05", "2023-10-20", "giam", 200_000, ""),
        ("V05", "2024-01-15", "phan_cong", "", "A"),
        ("V06", "2023-12-31", "tam_dinh_chi", "", ""),
        ("V07", "2023-12-01", "dinh_chi", "", ""),
        ("V08", "2023-10-03", "uy_thac", "", ""),
        ("V09", "2023-03-01", "chua_co_dieu_kien", "", ""),
        ("V09", "2023-04-01", "vao_so_rieng", "", ""),
        ("V10", "2023-11-12", "thu_tien", 50_000, ""),
        ("V11", "2023-11-30", "uy_thac", "", ""),
        ("V11", "2023-11-30", "thu_tien", 30_000, ""),
    ]),
    "chi_tieu": _frame("chi_tieu", [(2024, "tinh", "", "83.25", "46.45"), (2024, "don_vi", "H", "85", "50"),
                                    (2024, "chv", "B", "90.5", "55"), (2023, "tinh", "", "82.5", "45.5")]),
}

ZERO_CASES = dict.fromkeys(CASE_KEYS, 0) | {"rate": None}
ZERO_MONEY = dict.fromkeys(MONEY_KEYS, 0) | {"rate": None}


def test_engine_matches_oracle_on_hand_made_tables(db):
    import_tables(db, TINY)
    lines = []
    for end in (date(2023, 9, 30), date(2023, 12, 31), date(2024, 1, 31)):
        for by in (None,) + BY_VALUES:
            lines += _compare(db, TINY, end, by=by)
        for scope in ({"unit": "H"}, {"unit": "T"}, {"officer": "A"}, {"officer": "B"}, {"group": "tin_dung"}):
            lines += _compare(db, TINY, end, scope)
    assert not lines, _report(lines)


def test_oracle_counts_a_hand_made_first_quarter():
    report = oracle_report(TINY, date(2023, 12, 31))
    assert report["window"] == {"start": "2023-10-01", "end": "2023-12-31"}
    # V03 is restored twice from the ledger yet counted new once; V09 stays in the ledger; V04 ended before.
    assert report["cases"] == {
        "brought_forward": 3, "new": 6, "caseload": 9, "delegated": 1, "cancelled": 0, "to_enforce": 8,
        "done": 3, "terminated": 1, "in_progress": 1, "deferred_c": 1, "not_enforceable": 2, "enforceable": 6,
        "completed": 4, "rate": 66.67, "carried": 4}
    assert report["money"] == {
        "brought_forward": 1_401_000, "new": 3_150_000, "caseload": 4_551_000, "delegated": 1_570_000,
        "cancelled": 0, "to_enforce": 2_981_000, "done": 1_180_000, "terminated": 1_000, "reduced": 200_000,
        "in_progress": 0, "deferred_c": 600_000, "not_enforceable": 1_000_000, "enforceable": 1_981_000,
        "completed": 1_381_000, "rate": 69.71, "carried": 1_600_000}
    assert report["same_period_last_year"] == {
        "window": {"start": "2022-10-01", "end": "2022-12-31"},
        "cases": ZERO_CASES | {"new": 1, "caseload": 1, "to_enforce": 1, "in_progress": 1, "enforceable": 1,
                               "rate": 0.0, "carried": 1},
        "money": ZERO_MONEY | {"new": 300_000, "caseload": 300_000, "to_enforce": 300_000, "in_progress": 300_000,
                               "enforceable": 300_000, "rate": 0.0, "carried": 300_000}}
    assert report["target"] == {"cases": 83.25, "money": 46.45}


def test_oracle_counts_a_hand_made_work_year_ending_on_30_september():
    report = oracle_report(TINY, date(2023, 9, 30))
    assert report["cases"] == ZERO_CASES | {
        "new": 6, "caseload": 6, "cancelled": 1, "to_enforce": 5, "in_progress": 2, "deferred_c": 1,
        "enforceable": 3, "not_enforceable": 2, "rate": 0.0, "carried": 5}
    assert report["money"] == ZERO_MONEY | {
        "new": 2_106_000, "caseload": 2_106_000, "to_enforce": 2_106_000, "done": 400_000, "in_progress": 601_000,
        "deferred_c": 800_000, "enforceable": 1_801_000, "not_enforceable": 305_000, "completed": 400_000,
        "rate": 22.21, "carried": 1_706_000}
    assert report["target"] == {"cases": 82.5, "money": 45.5}


def test_oracle_attributes_cases_to_the_officer_at_the_exit_or_the_end():
    rows = oracle_report(TINY, date(2023, 12, 31), by="officer")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"]) for row in rows] == [("A", "Lê An", 7),
                                                                                    ("B", "Vũ Bình", 2)]
    officer_b = rows[1]
    assert officer_b["cases"] == ZERO_CASES | {
        "brought_forward": 2, "caseload": 2, "to_enforce": 2, "done": 1, "deferred_c": 1, "enforceable": 2,
        "completed": 1, "rate": 50.0, "carried": 1}
    assert officer_b["money"] == ZERO_MONEY | {
        "brought_forward": 1_400_000, "caseload": 1_400_000, "to_enforce": 1_400_000, "done": 600_000,
        "reduced": 200_000, "deferred_c": 600_000, "enforceable": 1_400_000, "completed": 800_000, "rate": 57.14,
        "carried": 600_000}
    assert officer_b["same_period_last_year"]["cases"] == ZERO_CASES
    # V05 moves to officer A on 15/1/2024, so from then on B keeps only V01, closed under B.
    january = oracle_report(TINY, date(2024, 1, 31), scope={"officer": "B"})
    assert (january["cases"]["caseload"], january["cases"]["done"]) == (1, 1)


def test_oracle_rolls_units_up_to_their_province():
    rows = oracle_report(TINY, date(2023, 12, 31), by="province")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"], row["cases"]["delegated"]) for row in rows] == [
        ("T", "Tỉnh Mẫu", 8, 0), ("X", "Huyện Lẻ", 1, 1)]
    units = oracle_report(TINY, date(2023, 12, 31), by="unit")["rows"]
    assert [(row["key"], row["cases"]["caseload"]) for row in units] == [("H", 7), ("K", 1), ("X", 1)]


def test_oracle_counts_a_case_in_each_of_its_groups():
    rows = oracle_report(TINY, date(2023, 12, 31), by="group")["rows"]
    assert [(row["key"], row["cases"]["caseload"], row["money"]["caseload"]) for row in rows] == [
        ("ngan_sach", 2, 2_600_000), ("tin_dung", 1, 2_000_000)]


@pytest.mark.parametrize(("end", "scope", "target"), [
    (date(2023, 12, 31), {"unit": "H"}, {"cases": 85.0, "money": 50.0}),
    (date(2023, 12, 31), {"unit": "T"}, None),
    (date(2024, 9, 30), {"officer": "B"}, {"cases": 90.5, "money": 55.0}),
    (date(2023, 12, 31), {"officer": "A"}, None),
    (date(2023, 12, 31), {"officer": "B", "group": "ngan_sach"}, None),
    (date(2023, 12, 31), {"mode": "chu_dong"}, None),
    (date(2024, 10, 31), None, None),
])
def test_oracle_picks_the_target_of_the_scope_and_work_year(end, scope, target):
    assert oracle_report(TINY, end, scope)["target"] == target


def test_oracle_periods_and_rounding():
    assert [work_year(day) for day in (date(2023, 9, 30), date(2023, 10, 1))] == [2023, 2024]
    assert work_year_start(date(2024, 2, 29)) == date(2023, 10, 1)
    assert same_day_last_year(date(2025, 2, 28)) == date(2024, 2, 29)
    assert same_day_last_year(date(2024, 2, 29)) == date(2023, 2, 28)
    assert same_day_last_year(date(2024, 2, 28)) == date(2023, 2, 28)
    assert same_day_last_year(date(2024, 4, 30)) == date(2023, 4, 30)
    assert same_day_last_year(date(2024, 3, 15)) == date(2023, 3, 15)
    assert oracle_report(TINY, date(2025, 2, 28))["same_period_last_year"]["window"] == {
        "start": "2023-10-01", "end": "2024-02-29"}
    assert [rate_percent(n, d) for n, d in ((1, 800), (1, 8), (2, 3), (1, 3), (5, 0), (0, 7))] == [
        0.13, 12.5, 66.67, 33.33, None, 0.0]
    assert rate_percent(2_000_000_000_000_001, 4_000_000_000_000_000) == 50.0


@pytest.mark.parametrize("bad_event", [
    ("V10", "2023-11-12", "vao_so_rieng", "", ""),        # from an enforceable state
    ("V09", "2023-05-01", "thu_tien", 1_000, ""),         # money while in the ledger
    ("V10", "2023-11-20", "giam", 1, ""),                 # above the amount
    ("V07", "2023-12-02", "thu_tien", 1, ""),             # after the terminal event
    ("V06", "2023-12-30", "tam_dinh_chi", "", ""),        # before the decision
])
def test_oracle_refuses_data_breaking_an_import_rule(bad_event):
    tables = dict(TINY, su_kien=pd.concat([TINY["su_kien"], _frame("su_kien", [bad_event])], ignore_index=True))
    with pytest.raises(InvalidData):
        oracle_report(tables, date(2023, 12, 31))


# ---------------------------------------------------------------- the generated data is valid and dense

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
        collected, entered, restores, was_restored = 0, None, Counter(), False
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
            if kind == "vao_so_rieng":
                counts["re-entered the ledger"] += was_restored
                entered = day
            if kind == "ra_so_rieng":
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
        "restored in a later work-year", "restored twice in one work-year")}
    assert min(rare.values()) >= 3, rare
    ordered = tables["su_kien"].sort_values(["ma_viec", "ngay"], kind="stable")
    assert not ordered.index.equals(tables["su_kien"].index), "event rows must not come in date order"
