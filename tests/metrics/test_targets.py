"""Targets by code and progress against them: rate / target x 100 (domain.md sections 2 and 5)."""

import pytest

from data_access.exchange.importer import import_tables
from dashboard.metrics.targets import progress_against_target, target_progress, targets_by_code
from tests.support.builders import tables, target
from tests.support.readers import operator


def _report(cases_rate, money_rate, target):
    return {"cases": {"rate": cases_rate}, "money": {"rate": money_rate}, "target": target}


def test_progress_is_the_rate_over_the_target_rounded_half_up():
    # 41,63 / 83,25 x 100 = 50,006; 23,23 / 46,45 x 100 = 50,011.
    assert progress_against_target(_report(41.63, 23.23, {"cases": 83.25, "money": 46.45})) == {
        "cases": 50.01, "money": 50.01}
    assert progress_against_target(_report(90.0, 60.0, {"cases": 80.0, "money": 48.0})) == {
        "cases": 112.5, "money": 125.0}


def test_without_a_target_there_is_no_progress():
    assert progress_against_target(_report(47.1, 4.91, None)) is None


def test_a_chain_without_a_rate_has_no_progress():
    assert progress_against_target(_report(None, 4.91, {"cases": 83.25, "money": 46.45})) == {
        "cases": None, "money": 10.57}


def test_targets_by_code_reads_one_kind_of_one_year(db):
    import_tables(db, tables(targets=[
        target(2024, "don_vi", "H01", "85", "50"), target(2024, "don_vi", "H02", "83.5", "46.45"),
        target(2025, "don_vi", "H01", "86", "52"), target(2024, "chv", "C02", "84", "49"),
        target(2024, "tinh", "", "83.25", "46.45"),
    ]))
    assert targets_by_code(operator(db), 2024, "don_vi") == {"H01": {"cases": 85.0, "money": 50.0},
                                                   "H02": {"cases": 83.5, "money": 46.45}}
    assert targets_by_code(operator(db), 2024, "chv") == {"C02": {"cases": 84.0, "money": 49.0}}
    assert targets_by_code(operator(db), 2023, "don_vi") == {}


@pytest.mark.parametrize(("rate", "target", "expected"), [
    (47.10, 83.25, 56.58),
    (4.91, 46.45, 10.57),
    (90.0, 83.25, 108.11),
    (None, 83.25, None),
    (47.10, 0, None),
    (47.10, None, None),
])
def test_target_progress(rate, target, expected):
    assert target_progress(rate, target) == expected
