"""Progress against the yearly target: rate / target x 100 (domain.md section 2)."""

from dashboard.chains import progress_against_target


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
