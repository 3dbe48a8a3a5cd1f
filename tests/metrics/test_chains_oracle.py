"""The chains engine agrees with an independent day-by-day replay on edge-dense data, and the chains add up."""

from datetime import date

import pandas as pd
import pytest

from data_access.exchange.importer import import_tables
from dashboard.metrics.chains import Scope, chain_report
from tests.support.edge_data import CASE_UNITS, GROUPS, make_edge_tables
from tests.support.oracle import oracle_report
from tests.support.oracle_replay import BY_VALUES, CASE_KEYS, MONEY_KEYS, rate_percent
from tests.support.tiny import TINY
from tests.support.readers import operator

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
    got = chain_report(operator(engine), end, Scope(**(scope or {})), by)
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
        whole = chain_report(operator(db), end)
        breakdowns = {by: chain_report(operator(db), end, by=by) for by in BY_VALUES}
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
            scoped = chain_report(operator(db), end, Scope(group=group))
            row = group_rows.get(group)
            if row is None:
                if scoped["cases"]["caseload"] != 0:
                    failures.append(f"{end} group {group}: no row but a caseload of {scoped['cases']['caseload']}")
                continue
            for part in ("cases", "money"):
                if row[part] != scoped[part] or row["same_period_last_year"][part] != scoped[
                        "same_period_last_year"][part]:
                    failures.append(f"{end} group {group}: the by-group row differs from the group scope in {part}")
        pair_rows = {row["key"]: row for row in chain_report(operator(db), end, by="unit_group")["rows"]}
        for group in GROUPS:
            for row in chain_report(operator(db), end, Scope(group=group), by="unit")["rows"]:
                pair = pair_rows.pop(f"{row['key']}|{group}", None)
                if pair is None or any(pair[part] != row[part] for part in ("cases", "money")):
                    failures.append(f"{end} unit_group {row['key']}|{group}: differs from the group's unit row")
        failures += [f"{end} unit_group {key}: no matching unit row" for key in pair_rows]
    assert not failures, "\n".join(failures[:40])
    # The data must exercise every bucket, or the identities above would hold vacuously.
    whole = chain_report(operator(db), IDENTITY_ENDS[-1])
    assert all(whole["cases"][key] > 0 for key in CASE_KEYS if key != "rate"), whole["cases"]


def test_engine_matches_oracle_on_hand_made_tables(db):
    import_tables(db, TINY)
    lines = []
    for end in (date(2023, 9, 30), date(2023, 12, 31), date(2024, 1, 31)):
        for by in (None,) + BY_VALUES:
            lines += _compare(db, TINY, end, by=by)
        for scope in ({"unit": "H"}, {"unit": "T"}, {"officer": "A"}, {"officer": "B"}, {"group": "tin_dung"}):
            lines += _compare(db, TINY, end, scope)
    assert not lines, _report(lines)
