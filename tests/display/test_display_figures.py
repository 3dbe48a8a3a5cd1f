"""The display's figures: the chains engine's numbers for every slide, and figures pinned for a frozen meeting."""

import json
from datetime import date, datetime

import pytest

from data_access.codes import GROUPS
from data_access.exchange.importer import import_tables
from data_access.queries.lookups import dimension_names, officer_units
from data_access.queries.pinned import pin, pinned
from data_access.queries.viewing import DISPLAY_ROLE, NotPermitted
from dashboard.charts.axis_labels import short_unit_names
from dashboard.display.figures import read_figures, screen_name
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.flow import flow_report
from dashboard.metrics.watch import watch_report
from dashboard.metrics.on_track import on_track
from dashboard.metrics.pace import MIN_RANKED
from dashboard.view.filters import FilterOptions, Filters
from tests.support.databases import province_with_history
from tests.support.builders import tables
from tests.support.edge_data import make_edge_tables
from tests.support.readers import operator, viewer

DAY = date(2024, 2, 20)
READ_AT = datetime(2024, 2, 20, 8, 5)


@pytest.fixture
def edge_db(db):
    """Return the db fixture holding the edge-case agency of seed 3."""
    import_tables(db, make_edge_tables(3))
    return db


def _options(engine) -> FilterOptions:
    return FilterOptions((2024, 2023), dimension_names(operator(engine), "unit"), DAY,
                         dimension_names(operator(engine), "officer"),
                         officer_units(operator(engine)))


def test_every_slide_holds_the_engines_figures(edge_db):
    figures = read_figures(operator(edge_db), Filters(2024, "nay"), _options(edge_db), DAY, READ_AT)
    assert json.loads(json.dumps(figures)) == figures
    assert figures["taken_at"] == "2024-02-20T08:05" and figures["end"] == "2024-02-20"
    total = on_track(operator(edge_db), DAY, chain_report(operator(edge_db), DAY))
    for chain in ("cases", "money"):
        assert figures["total"][chain] == {
            "rate": total[chain]["rate"], "target": total["target"][chain],
            "last_year": total["same_period_last_year"][chain]["rate"],
            "completed": total[chain]["completed"], "enforceable": total[chain]["enforceable"],
            "pace": (total["pace"] or {}).get(chain), "status": (total["pace"] or {}).get(f"{chain}_status"),
            "forecast": (total["forecast"] or {}).get(chain)}
    assert figures["needed"] == total["needed"]
    by_unit = _judged_units(edge_db)
    assert figures["ranked_by"] == "đơn vị"
    assert [(unit["key"], unit["cases"]["rate"], unit["money"]["last_year"], unit["cases"]["pace"],
             unit["money"]["status"], unit["completed"]) for unit in figures["ranked"]] == [
        (row["key"], row["cases"]["rate"], row["same_period_last_year"]["money"]["rate"],
         (row["pace"] or {}).get("cases"), (row["pace"] or {}).get("money_status"), row["cases"]["completed"])
        for row in by_unit]
    groups = {row["key"]: row for row in chain_report(operator(edge_db), DAY, by="group")["rows"]}
    assert [group["key"] for group in figures["groups"]] == [code for code in GROUPS if code in groups]
    assert [group["money"]["rate"] for group in figures["groups"]] == [
        groups[group["key"]]["money"]["rate"] for group in figures["groups"]]
    months = [month["month"] for month in figures["trend"]]
    assert months == ["10/2023", "11/2023", "12/2023", "01/2024", "đến 20/02"]
    assert figures["trend"][-1]["cases"] == total["cases"]["rate"]
    assert figures["trend"][2]["money"] == chain_report(operator(edge_db), date(2023, 12, 31))["money"]["rate"]
    flow, watch = flow_report(operator(edge_db), DAY), watch_report(operator(edge_db), DAY)
    assert figures["alerts"] == {
        "without_action": flow["without_action"], "large": flow["large"], "verification_due": flow["verification_due"],
        "large_idle": figures["alerts"]["large_idle"], "downgrades": watch["downgrades"], "late": watch["late"],
        "late_share": watch["late_share"], "bounce_backs": watch["bounce_backs"]}
    assert 0 < figures["alerts"]["large_idle"] <= flow["large"]


@pytest.fixture(scope="module")
def history_db(scratch_url):
    """Return an engine on a small generated province with completed work-years from 2022 to 2024."""
    yield from province_with_history(scratch_url)


def _judged_units(engine, scope: Scope = Scope(), day: date = DAY) -> list[dict]:
    return on_track(operator(engine), day, chain_report(operator(engine), day, scope, by="unit"), scope,
                    by="unit")["rows"]


def _behind(rows: list[dict]) -> list[tuple[float, str]]:
    """Return (worst gap, key) of the rows under their pace by either chain, judged rows only, furthest first."""
    found = []
    for row in rows:
        gaps = [row[chain]["rate"] - row["pace"][chain] for chain in ("cases", "money")
                if row["pace"] and row["pace"][f"{chain}_status"]]
        if gaps and min(gaps) < 0:
            found.append((min(gaps), row["key"]))
    return sorted(found)


def test_the_behind_pace_lists_hold_exactly_those_under_their_own_pace(history_db):
    day = date(2024, 12, 31)
    figures = read_figures(operator(history_db), Filters(2025, "2024-12-31"), _options(history_db), day, READ_AT)
    names = {key: screen_name(name, False) for key, name in
             short_unit_names([{"key": key, "name": name}
                               for key, name in dimension_names(operator(history_db), "unit").items()]).items()}
    expected = _behind(_judged_units(history_db, day=day))
    assert expected
    assert [unit["name"] for unit in figures["below"][0]] == [names[key] for _, key in expected]
    officers = on_track(operator(history_db), day, chain_report(operator(history_db), day, by="officer"),
                        by="officer")["rows"]
    assert len(figures["below"][1]) == len(_behind(officers)) > 0
    gaps = [row["worst_gap"] for row in figures["below"][1]]
    assert gaps == sorted(gaps) and all(gap < 0 for gap in gaps)
    # A scope too small to rank is never listed, however far below its pace.
    small = {row["key"] for row in officers if row["cases"]["enforceable"] < MIN_RANKED}
    listed = {row["name"].rsplit("(", 1)[1].rstrip(")") for row in figures["below"][1]}
    assert small and not small & listed


def test_a_units_screen_ranks_its_officers_against_their_own_pace(edge_db):
    unit = chain_report(operator(edge_db), DAY, by="unit")["rows"][0]["key"]
    figures = read_figures(operator(edge_db), Filters(2024, "nay", unit=unit), _options(edge_db), DAY, READ_AT)
    scope = Scope(unit=unit)
    officers = on_track(operator(edge_db), DAY, chain_report(operator(edge_db), DAY, scope, by="officer"), scope,
                        by="officer")["rows"]
    assert figures["ranked_by"] == "chấp hành viên"
    assert [(row["key"], row["cases"]["rate"], row["target"], row["cases"]["pace"]) for row in figures["ranked"]] == [
        (row["key"], row["cases"]["rate"], row["target"], (row["pace"] or {}).get("cases")) for row in officers]
    assert len(figures["below"][0]) <= 1


def test_a_narrowed_scope_has_no_targets_and_a_month_end_no_extra_point(edge_db):
    figures = read_figures(operator(edge_db), Filters(2024, "2024-01-31", group="ngan_sach"), _options(edge_db), DAY,
                           READ_AT)
    assert not figures["has_targets"] and figures["below"][0] == figures["below"][1] == []
    assert figures["total"]["cases"]["rate"] == chain_report(operator(edge_db), date(2024, 1, 31),
                                                             Scope(group="ngan_sach"))["cases"]["rate"]
    assert figures["trend"][-1]["month"] == "01/2024"
    assert figures["scope"] == "Toàn tỉnh, nhóm thu ngân sách nhà nước; từ 01/10/2023 đến hết 31/01/2024"


def test_the_first_figures_pinned_for_a_view_stay(db):
    reader, view, whole = operator(db), "2026-11-28T08:00?nam=2027", Scope()
    assert pinned(reader, view, whole) is None
    first = {"total": {"cases": {"rate": 47.1}}, "scope": "Toàn tỉnh"}
    assert pin(reader, view, whole, first, datetime(2026, 11, 28, 8, 2)) == first
    later = {"total": {"cases": {"rate": 48.0}}, "scope": "Toàn tỉnh"}
    assert pin(reader, view, whole, later, datetime(2026, 11, 28, 8, 9)) == first
    assert pin(reader, "2026-11-28T09:00?nam=2027", whole, later, datetime(2026, 11, 28, 9, 1)) == later


def test_only_a_leader_a_statistician_or_a_display_link_pins_figures(db):
    import_tables(db, tables())
    figures = {"total": {"cases": {"rate": 47.1}}}
    with pytest.raises(NotPermitted):
        pin(viewer(db, "don_vi", unit="H01"), "2026-11-28T08:00?don_vi=H01", Scope(unit="H01"), figures,
            datetime(2026, 11, 28, 8, 2))
    with pytest.raises(NotPermitted):
        pin(viewer(db, "lanh_dao", province="T01"), "2026-11-28T08:00?don_vi=H01", Scope(unit="H05"), figures,
            datetime(2026, 11, 28, 8, 2))
    assert pinned(operator(db), "2026-11-28T08:00?don_vi=H01", Scope(unit="H01")) is None
    assert pin(viewer(db, DISPLAY_ROLE, unit="H01"), "2026-11-28T08:00?don_vi=H01", Scope(unit="H01"), figures,
               datetime(2026, 11, 28, 8, 2)) == figures


def test_a_ranking_of_many_rows_draws_the_best_and_the_worst_six_by_each_chain():
    from dashboard.display.screen import ranked_ends

    rows = [{"key": f"T{index:02d}", "cases": {"rate": float(index)}, "money": {"rate": float(40 - index)}}
            for index in range(1, 35)]
    drawn, left_out = ranked_ends(rows, "cases")
    assert [row["key"] for row in drawn] == ["T34", "T33", "T32", "T31", "T30", "T29",
                                             "T06", "T05", "T04", "T03", "T02", "T01"]
    assert left_out == 22
    assert [row["key"] for row in ranked_ends(rows, "money")[0]][:2] == ["T01", "T02"]
    assert ranked_ends(rows[:14], "cases") == (rows[:14], 0)
