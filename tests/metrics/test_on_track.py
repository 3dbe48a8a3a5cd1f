"""Pace on a generated province (domain.md section 8): drawn from the earlier work-years' own figures, the same
per row as for the scope, and blind to anything dated after the period end."""

from datetime import date


from data_access.exchange.importer import import_tables
from dashboard.demo.province import generate_province
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import exact_decimal, round_half_up
from dashboard.metrics.on_track import on_track
from tests.support.readers import operator

END = date(2024, 12, 31)


def _by_hand(engine, scope: Scope, chain: str) -> float:
    # The four earlier work-years at 31/12 and at their 30 September, each report holding the year before too;
    # a year counts when it has at least 100 enforceable cases at its year end and half the busiest year's.
    years = []
    for then_day, end_day in ((date(2023, 12, 31), date(2024, 9, 30)), (date(2021, 12, 31), date(2022, 9, 30))):
        then, year_end = chain_report(operator(engine), then_day, scope), chain_report(operator(engine), end_day, scope)
        for a, b in ((then, year_end), (then["same_period_last_year"], year_end["same_period_last_year"])):
            years.append((a[chain]["rate"], b[chain]["rate"], b["cases"]["enforceable"]))
    busiest = max(cases for *_, cases in years)
    kept = [(then, end) for then, end, cases in years
            if then is not None and end and cases >= 100 and cases >= busiest / 2]
    share = sum(exact_decimal(then) for then, _ in kept) / sum(exact_decimal(end) for _, end in kept)
    target = chain_report(operator(engine), END, scope)["target"][chain]
    return float(round_half_up(exact_decimal(target) * share, 2))


def test_the_province_pace_is_the_target_times_the_earlier_years_share(province_db):
    report = on_track(operator(province_db), END, chain_report(operator(province_db), END))
    pace = report["pace"]
    assert (pace["cases"], pace["money"]) == (_by_hand(province_db, Scope(), "cases"),
                                               _by_hand(province_db, Scope(), "money"))
    assert 0 < pace["cases"] < report["target"]["cases"]
    assert pace["cases_status"] in {"on_course", "watch", "behind"}


def test_each_unit_row_has_the_pace_its_own_scope_has(province_db):
    rows = on_track(operator(province_db), END, chain_report(operator(province_db), END, by="unit"), by="unit")["rows"]
    for row in rows:
        scope = Scope(unit=row["key"])
        alone = on_track(operator(province_db), END, chain_report(operator(province_db), END, scope), scope)
        assert row["pace"] == alone["pace"], row["key"]
        assert row["forecast"] == alone["forecast"], row["key"]


def test_events_after_the_period_end_change_neither_pace_nor_what_is_needed(db):
    # A work-year's cases are fixed once it is over; a later build day adds events after it and new cases.
    import_tables(db, generate_province("small", seed=3, today=date(2025, 9, 30)).tables())
    reader = operator(db)
    before = [on_track(reader, END, chain_report(reader, END)),
              on_track(reader, END, chain_report(reader, END, by="unit"), by="unit")]
    import_tables(db, generate_province("small", seed=3, today=date(2025, 11, 30)).tables())
    assert chain_report(reader, date(2025, 11, 30))["cases"]["new"] > 0
    after = [on_track(reader, END, chain_report(reader, END)),
             on_track(reader, END, chain_report(reader, END, by="unit"), by="unit")]
    assert after == before
    assert before[0]["forecast"]["cases"] is not None and before[1]["rows"][0]["forecast"]["money"] is not None
