"""What the meeting-room display shows, read in one go: plain JSON-ready figures for every slide."""

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.engine import Engine

from data_access import codes
from dashboard.charts.axis_labels import group_label, officer_names, short_unit_name, short_unit_names
from dashboard.metrics.chains import chain_report
from dashboard.metrics.periods import is_month_end
from dashboard.metrics.targets import applicable_target, targets_by_code
from dashboard.metrics.trend import monthly_series
from dashboard.view.filters import Filters, FilterOptions, describe

CHAINS = ("cases", "money")


def _rates(row: dict) -> dict:
    last = row["same_period_last_year"]
    return {chain: {"rate": row[chain]["rate"], "last_year": last[chain]["rate"]} for chain in CHAINS}


def _below(rows: list[dict], goals: dict[str, dict | None], label) -> list[dict]:
    """Return the rows whose rate by cases or by money is under their own goal, the furthest below first."""
    found = []
    for row in rows:
        goal = goals.get(row["key"])
        if not goal:
            continue
        gaps = {chain: row[chain]["rate"] - goal[chain] for chain in CHAINS if row[chain]["rate"] is not None}
        if any(gap < 0 for gap in gaps.values()):
            found.append({"name": label(row), "cases": row["cases"]["rate"], "money": row["money"]["rate"],
                          "cases_target": goal["cases"], "money_target": goal["money"],
                          "worst_gap": min(gaps.values())})
    return sorted(found, key=lambda item: item["worst_gap"])


def _ranking(engine: Engine, filters: Filters, options: FilterOptions, end: date, narrowed: bool) -> dict:
    """Return ranked_by, ranked, ranking_line and the two below-target lists with what they list.

    The whole country's screen ranks its provinces and lists provinces and units below target; a province's
    ranks its units and lists units and officers; a unit's ranks its officers and lists itself and its officers.
    """
    scope = filters.scope()
    every_unit = replace(scope, unit=None, officer=None)
    by_unit = chain_report(engine, end, every_unit, by="unit")
    unit_targets = {} if narrowed else targets_by_code(engine, filters.year, "don_vi")
    top_target = None if narrowed else applicable_target(engine, end, every_unit)
    unit_goals = {row["key"]: unit_targets.get(row["key"], top_target) for row in by_unit["rows"]}
    unit_names = short_unit_names(by_unit["rows"])
    unit_rows = [{"key": row["key"], "name": unit_names[row["key"]], "target": unit_goals[row["key"]]}
                 | _rates(row) for row in by_unit["rows"]]

    def below_units(rows: list[dict]) -> list[dict]:
        return _below(rows, unit_goals, lambda row: unit_names[row["key"]])

    if options.national and not filters.province:
        by_province = chain_report(engine, end, every_unit, by="province")
        province_targets = {} if narrowed else targets_by_code(engine, filters.year, "tinh")
        goals = {row["key"]: province_targets.get(row["key"], top_target) for row in by_province["rows"]}
        return {"ranked_by": "tỉnh",
                "ranked": [{"key": row["key"], "name": short_unit_name(row["name"]), "target": goals[row["key"]]}
                           | _rates(row) for row in by_province["rows"]],
                "ranking_line": top_target, "below_kinds": ["tỉnh", "đơn vị"],
                "below": [_below(by_province["rows"], goals, lambda row: short_unit_name(row["name"])),
                          below_units(by_unit["rows"])]}
    by_officer = chain_report(engine, end, replace(scope, officer=None), by="officer")
    officer_targets = {} if narrowed else targets_by_code(engine, filters.year, "chv")
    unit_or_top = None if narrowed else applicable_target(engine, end, replace(scope, officer=None))
    officer_goals = {row["key"]: officer_targets.get(row["key"], unit_or_top) for row in by_officer["rows"]}
    names = officer_names(by_officer["rows"])
    below_officers = _below(by_officer["rows"], officer_goals, lambda row: names[row["key"]])
    if filters.unit:
        return {"ranked_by": "chấp hành viên",
                "ranked": [{"key": row["key"], "name": names[row["key"]], "target": officer_goals[row["key"]]}
                           | _rates(row) for row in by_officer["rows"]],
                "ranking_line": unit_or_top, "below_kinds": ["đơn vị", "chấp hành viên"],
                "below": [below_units([row for row in by_unit["rows"] if row["key"] == filters.unit]), below_officers]}
    return {"ranked_by": "đơn vị", "ranked": unit_rows, "ranking_line": top_target,
            "below_kinds": ["đơn vị", "chấp hành viên"], "below": [below_units(by_unit["rows"]), below_officers]}


def read_figures(engine: Engine, filters: Filters, options: FilterOptions, day: date, taken_at: datetime) -> dict:
    """Return every slide's figures for the filters with "đến nay" meaning `day`, read at `taken_at`.

    Keys: taken_at, end, scope, has_targets, total (both rates with target and last year), ranked_by ("tỉnh" for
    the whole country, "đơn vị", or "chấp hành viên" when the filters name a unit), ranked (the rows ranked
    against their own targets), ranking_line (the target line of the ranking), groups (official order), trend,
    below (two lists of rows under their own target) and below_kinds (what each lists).
    Everything is JSON-ready: numbers, strings, lists and dicts.
    """
    end = filters.period_end(day)
    scope = filters.scope()
    report = chain_report(engine, end, scope)
    by_group = chain_report(engine, end, replace(scope, group=None), by="group")
    narrowed = bool(filters.group or filters.judgment_type or filters.mode)
    target = report["target"]
    series = monthly_series(lambda month_end: chain_report(engine, month_end, scope), filters.year, end)
    # A month under way ends the trend with its figures so far, so the screen follows the year as it goes.
    to_date = {"month": f"đến {end:%d/%m}", "cases": report["cases"]["rate"], "money": report["money"]["rate"],
               "last_cases": report["same_period_last_year"]["cases"]["rate"],
               "last_money": report["same_period_last_year"]["money"]["rate"]}
    groups = {row["key"]: row for row in by_group["rows"]}
    return {
        "taken_at": taken_at.isoformat(timespec="minutes"),
        "end": end.isoformat(),
        "scope": describe(filters, replace(options, today=day)),
        "has_targets": target is not None,
        "total": {chain: {"rate": report[chain]["rate"], "target": (target or {}).get(chain),
                          "last_year": report["same_period_last_year"][chain]["rate"],
                          "completed": report[chain]["completed"], "enforceable": report[chain]["enforceable"]}
                  for chain in CHAINS},
        **_ranking(engine, filters, options, end, narrowed),
        "groups": [{"key": code, "name": group_label(code)} | _rates(groups[code]) for code in codes.GROUPS
                   if code in groups],
        "trend": [{"month": row.month, "cases": row.cases_rate, "money": row.money_rate,
                   "last_cases": row.last_cases_rate, "last_money": row.last_money_rate}
                  for row in series.itertuples()] + ([] if is_month_end(end) else [to_date]),
    }
