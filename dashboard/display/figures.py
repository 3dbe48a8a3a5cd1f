"""What the meeting-room display shows, read in one go: plain JSON-ready figures for every slide."""

from dataclasses import replace
from datetime import date, datetime

from data_access import codes
from data_access.data_version import DataState, data_state
from data_access.queries.closed import ClosedPeriod, closed_period
from data_access.queries.viewing import Reader
from dashboard.charts.axis_labels import group_label, officer_names, short_unit_name, short_unit_names
from dashboard.metrics.chains import chain_report
from dashboard.metrics.flow import warning_counts
from dashboard.metrics.data_notes import closed_line, data_line
from dashboard.metrics.periods import is_month_end
from dashboard.metrics.on_track import on_track
from dashboard.metrics.trend import monthly_series
from dashboard.metrics.watch import watch_report
from dashboard.view.filters import Filters, FilterOptions, describe

CHAINS = ("cases", "money")


def screen_name(name: str, office: bool) -> str:
    """Return a unit's name short enough to read from afar: "Khu vực 2" for "Phòng THADS khu vực 2", and a
    province office marked as its own cases."""
    if office:
        return f"{name} (trực tiếp)"
    if not name.startswith("Phòng THADS "):
        return name
    rest = name.removeprefix("Phòng THADS ")
    return rest[:1].upper() + rest[1:]


def _rates(row: dict) -> dict:
    """Return each chain's rate, last year's, the pace and its status for one row of an on_track report."""
    last, pace = row["same_period_last_year"], row.get("pace") or {}
    return {chain: {"rate": row[chain]["rate"], "last_year": last[chain]["rate"], "pace": pace.get(chain),
                    "status": pace.get(f"{chain}_status")} for chain in CHAINS}


def _ranked(row: dict, name: str) -> dict:
    return {"key": row["key"], "name": name, "target": row.get("target"), "completed": row["cases"]["completed"],
            "enforceable": row["cases"]["enforceable"]} | _rates(row)


def _behind(rows: list[dict], label) -> list[dict]:
    """Return the rows under their pace by cases or by money, the furthest behind first; a row too small to rank
    has no status and is left out."""
    found = []
    for row in rows:
        pace = row.get("pace") or {}
        gaps = {chain: row[chain]["rate"] - pace[chain] for chain in CHAINS if pace.get(f"{chain}_status")}
        if any(gap < 0 for gap in gaps.values()):
            found.append({"name": label(row), "cases": row["cases"]["rate"], "money": row["money"]["rate"],
                          "cases_pace": pace["cases"], "money_pace": pace["money"],
                          "cases_status": pace["cases_status"], "money_status": pace["money_status"],
                          "worst_gap": min(gaps.values())})
    return sorted(found, key=lambda item: item["worst_gap"])


def _ranking(reader: Reader, filters: Filters, options: FilterOptions, end: date) -> dict:
    """Return ranked_by, ranked, and the two lists of rows behind their pace with what they list.

    The whole country's screen ranks its provinces and lists provinces and units behind pace; a province's ranks
    its units and lists units and officers; a unit's ranks its officers and lists itself and its officers.
    """
    scope = filters.scope()
    # A unit's screen reads its own row only: a unit's display link sees no other unit.
    every_unit = replace(scope, officer=None) if filters.unit else replace(scope, unit=None, officer=None)
    by_unit = on_track(reader, end, chain_report(reader, end, every_unit, by="unit"), every_unit, "unit")["rows"]
    unit_names = {key: screen_name(name, key in options.province_offices)
                  for key, name in short_unit_names(by_unit).items()}

    def behind_units(rows: list[dict]) -> list[dict]:
        return _behind(rows, lambda row: unit_names[row["key"]])

    if options.national and not filters.province:
        by_province = on_track(reader, end, chain_report(reader, end, every_unit, by="province"), every_unit,
                               "province")["rows"]
        return {"ranked_by": "tỉnh",
                "ranked": [_ranked(row, short_unit_name(row["name"])) for row in by_province],
                "below_kinds": ["tỉnh", "đơn vị"],
                "below": [_behind(by_province, lambda row: short_unit_name(row["name"])), behind_units(by_unit)]}
    unit_scope = replace(scope, officer=None)
    by_officer = on_track(reader, end, chain_report(reader, end, unit_scope, by="officer"), unit_scope,
                          "officer")["rows"]
    names = officer_names(by_officer)
    behind_officers = _behind(by_officer, lambda row: names[row["key"]])
    if filters.unit:
        return {"ranked_by": "chấp hành viên", "ranked": [_ranked(row, names[row["key"]]) for row in by_officer],
                "below_kinds": ["đơn vị", "chấp hành viên"],
                "below": [behind_units([row for row in by_unit if row["key"] == filters.unit]), behind_officers]}
    return {"ranked_by": "đơn vị", "ranked": [_ranked(row, unit_names[row["key"]]) for row in by_unit],
            "below_kinds": ["đơn vị", "chấp hành viên"], "below": [behind_units(by_unit), behind_officers]}


def _state(state: DataState) -> dict:
    return {"version": state.version, "last_day": _iso(state.last_day), "imported_at": _iso(state.imported_at)}


def _close(closed: ClosedPeriod | None) -> dict | None:
    return None if closed is None else {"closed_at": closed.closed_at.isoformat(), "closed_by": closed.closed_by}


def _iso(moment: date | None) -> str | None:
    return None if moment is None else moment.isoformat()


def data_notes(figures: dict) -> tuple[str | None, str | None]:
    """Return the data line and the close line (None for an open period) of the figures as they were read; no data
    line for figures pinned before it was kept with them."""
    state, closed = figures.get("data"), figures.get("closed")
    data = None if state is None else data_line(DataState(
        state["version"], state["last_day"] and date.fromisoformat(state["last_day"]),
        state["imported_at"] and datetime.fromisoformat(state["imported_at"])))
    return data, None if closed is None else closed_line(ClosedPeriod(
        date.fromisoformat(figures["end"]), datetime.fromisoformat(closed["closed_at"]), closed["closed_by"]))


def read_figures(reader: Reader, filters: Filters, options: FilterOptions, day: date, taken_at: datetime) -> dict:
    """Return every slide's figures for the filters with "đến nay" meaning `day`, read at `taken_at`.

    Keys: taken_at, end, scope, data (the data's version, last day and import time), closed (the period end's
    closed_at and closed_by, None when it is open), has_targets, total (both rates with target, last year, pace,
    status and forecast), needed, ranked_by ("tỉnh" for the whole country, "đơn vị", or "chấp hành viên" when the
    filters name a unit),
    ranked (the rows with their pace and status), groups (official order), trend, below (two lists of rows
    behind their own pace), below_kinds (what each lists) and alerts (the count of each warning and the
    classification watch's downgrades, late, late_share and bounce_backs).
    Everything is JSON-ready: numbers, strings, lists and dicts.
    """
    end = filters.period_end(day)
    scope = filters.scope()
    # Kept with the figures, so a frozen screen says how recent its own data is; read first, so an import landing
    # while the slides are read leaves the figures newer than said, never older.
    state = _state(data_state(reader.engine))
    report = on_track(reader, end, chain_report(reader, end, scope), scope)
    by_group = chain_report(reader, end, replace(scope, group=None), by="group")
    target, pace, forecast = report["target"], report["pace"] or {}, report["forecast"] or {}
    series = monthly_series(lambda month_end: chain_report(reader, month_end, scope), filters.year, end)
    # A month under way ends the trend with its figures so far, so the screen follows the year as it goes.
    to_date = {"month": f"đến {end:%d/%m}", "cases": report["cases"]["rate"], "money": report["money"]["rate"],
               "last_cases": report["same_period_last_year"]["cases"]["rate"],
               "last_money": report["same_period_last_year"]["money"]["rate"]}
    groups = {row["key"]: row for row in by_group["rows"]}
    return {
        "taken_at": taken_at.isoformat(timespec="minutes"),
        "end": end.isoformat(),
        "scope": describe(filters, replace(options, today=day)),
        "data": state,
        "closed": _close(closed_period(reader.engine, end)),
        "has_targets": target is not None,
        "total": {chain: {"rate": report[chain]["rate"], "target": (target or {}).get(chain),
                          "last_year": report["same_period_last_year"][chain]["rate"],
                          "completed": report[chain]["completed"], "enforceable": report[chain]["enforceable"],
                          "pace": pace.get(chain), "status": pace.get(f"{chain}_status"),
                          "forecast": forecast.get(chain)}
                  for chain in CHAINS},
        "needed": report["needed"],
        **_ranking(reader, filters, options, end),
        "alerts": warning_counts(reader, end, scope) | {
            key: value for key, value in watch_report(reader, end, scope).items() if key != "window"},
        "groups": [{"key": code, "name": group_label(code)} | _rates(groups[code]) for code in codes.GROUPS
                   if code in groups],
        "trend": [{"month": row.month, "cases": row.cases_rate, "money": row.money_rate,
                   "last_cases": row.last_cases_rate, "last_money": row.last_money_rate}
                  for row in series.itertuples()] + ([] if is_month_end(end) else [to_date]),
    }
