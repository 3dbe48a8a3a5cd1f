"""The report paragraph, checked word for word against the wording of the provincial report."""

import pytest

from dashboard.metrics.chains import Scope
from dashboard.metrics.narrative import actor_of, budget_scope, report_paragraph

QUARTER_PARAGRAPH = (
    "3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/12/2023), các đơn vị đã thi hành xong "
    "1.577/3.348 việc có điều kiện thi hành, tương ứng với 97,6 tỷ đồng; đạt tỷ lệ 47,10% về việc (cao hơn "
    "1,82% so với cùng kỳ năm 2023), 4,91% về tiền (thấp hơn 0,40% so với cùng kỳ năm 2023). Trong đó, đối "
    "với các khoản thu cho ngân sách nhà nước, các đơn vị đã giải quyết xong 1.467 việc/2.566 việc có điều "
    "kiện thi hành, giải quyết xong 35,7 tỷ đồng/94,1 tỷ đồng số tiền có điều kiện giải quyết; đạt tỷ lệ "
    "57,17% về việc và 37,94% về tiền (cao hơn 1,80% về việc và 26,70% về tiền so với tỷ lệ cùng kỳ năm 2023)."
)
BUDGET_SENTENCE = QUARTER_PARAGRAPH[QUARTER_PARAGRAPH.index(" Trong đó"):]


def _report(start, end, cases, money, last_year_rates=(None, None), target=None):
    """A chain_report dict: cases and money are (completed, enforceable, rate)."""

    def chain(completed, enforceable, rate):
        return {"completed": completed, "enforceable": enforceable, "rate": rate}

    last_start = f"{int(start[:4]) - 1}{start[4:]}"
    last_end = f"{int(end[:4]) - 1}{end[4:]}".replace("-02-29", "-02-28")
    return {
        "window": {"start": start, "end": end},
        "cases": chain(*cases),
        "money": chain(*money),
        "same_period_last_year": {
            "window": {"start": last_start, "end": last_end},
            "cases": chain(0, 0, last_year_rates[0]),
            "money": chain(0, 0, last_year_rates[1]),
        },
        "target": target,
    }


def _total(end="2023-12-31", last_year_rates=(45.28, 5.31), target=None,
           cases=(1577, 3348, 47.10), money=(97_612_345_678, 1_987_800_000_000, 4.91)):
    start = f"{int(end[:4]) - (0 if int(end[5:7]) >= 10 else 1)}-10-01"
    return _report(start, end, cases, money, last_year_rates, target)


def _budget(end="2023-12-31", last_year_rates=(55.37, 11.24),
            cases=(1467, 2566, 57.17), money=(35_712_000_000, 94_123_000_000, 37.94)):
    return _total(end, last_year_rates, None, cases, money)


def test_quarter_paragraph_matches_the_report():
    assert report_paragraph(_total(), _budget()) == QUARTER_PARAGRAPH


def test_target_sentence_gives_progress_against_the_target():
    total = _total(target={"cases": 83.25, "money": 46.45})
    assert report_paragraph(total, _budget()) == (
        QUARTER_PARAGRAPH + " So với chỉ tiêu được giao (83,25% về việc, 46,45% về tiền), đạt 56,58% và 10,57%"
        " kế hoạch."
    )


def test_full_year_is_named_after_the_work_year():
    paragraph = report_paragraph(_total("2024-09-30"), _budget("2024-09-30"))
    assert paragraph.startswith(
        "Năm công tác 2024 (tính từ 01/10/2023 đến hết 30/09/2024), các đơn vị đã thi hành xong 1.577/3.348")
    assert "so với cùng kỳ năm 2023)" in paragraph


@pytest.mark.parametrize(("end", "opening"), [
    ("2024-03-31", "6 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/03/2024), "),
    ("2024-02-29", "5 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 29/02/2024), "),
    ("2024-10-31", "1 tháng đầu năm công tác 2025 (tính từ 01/10/2024 đến hết 31/10/2024), "),
    ("2023-12-15", "Từ đầu năm công tác 2024 đến ngày 15/12/2023, "),
    ("2024-02-28", "Từ đầu năm công tác 2024 đến ngày 28/02/2024, "),
    ("2024-11-20", "Từ đầu năm công tác 2025 đến ngày 20/11/2024, "),
])
def test_period_wording_follows_the_window_end(end, opening):
    paragraph = report_paragraph(_total(end), _budget(end))
    assert paragraph.startswith(opening + "các đơn vị đã thi hành xong 1.577/3.348 việc")


def test_last_year_is_the_year_before_the_work_year():
    paragraph = report_paragraph(_total("2024-10-31"), _budget("2024-10-31"))
    assert "(cao hơn 1,82% so với cùng kỳ năm 2024)" in paragraph
    assert "so với tỷ lệ cùng kỳ năm 2024)." in paragraph


def test_explicit_months_name_the_period_and_keep_the_dates():
    paragraph = report_paragraph(_total("2023-12-15"), _budget("2023-12-15"), months=3)
    assert paragraph.startswith("3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 15/12/2023), ")


@pytest.mark.parametrize("months", [0, 13])
def test_months_outside_a_year_are_refused(months):
    with pytest.raises(ValueError, match="between 1 and 12"):
        report_paragraph(_total(), _budget(), months=months)


def test_lower_rates_say_thap_hon():
    paragraph = report_paragraph(_total(last_year_rates=(50.0, 4.0)), _budget(last_year_rates=(60.0, 40.0)))
    assert "đạt tỷ lệ 47,10% về việc (thấp hơn 2,90% so với cùng kỳ năm 2023), 4,91% về tiền (cao hơn 0,91%" \
           " so với cùng kỳ năm 2023)." in paragraph
    assert paragraph.endswith(
        "đạt tỷ lệ 57,17% về việc và 37,94% về tiền (thấp hơn 2,83% về việc và 2,06% về tiền so với tỷ lệ cùng"
        " kỳ năm 2023).")


def test_mixed_and_equal_changes_are_named_one_by_one():
    budget = report_paragraph(_total(), _budget(last_year_rates=(57.17, 40.0)))
    assert budget.endswith("(ngang bằng về việc, thấp hơn 2,06% về tiền so với tỷ lệ cùng kỳ năm 2023).")
    mixed = report_paragraph(_total(), _budget(last_year_rates=(60.0, 30.0)))
    assert mixed.endswith("(thấp hơn 2,83% về việc, cao hơn 7,94% về tiền so với tỷ lệ cùng kỳ năm 2023).")
    same = report_paragraph(_total(last_year_rates=(47.1, 4.91)), _budget(last_year_rates=(57.17, 37.94)))
    assert "47,10% về việc (ngang bằng so với cùng kỳ năm 2023), 4,91% về tiền (ngang bằng so với" in same
    assert same.endswith("(ngang bằng về việc và về tiền so với tỷ lệ cùng kỳ năm 2023).")


def test_missing_last_year_rates_say_nothing_about_the_change():
    paragraph = report_paragraph(_total(last_year_rates=(None, None)), _budget(last_year_rates=(None, None)))
    assert paragraph == (
        "3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/12/2023), các đơn vị đã thi hành xong "
        "1.577/3.348 việc có điều kiện thi hành, tương ứng với 97,6 tỷ đồng; đạt tỷ lệ 47,10% về việc, 4,91% về"
        " tiền. Trong đó, đối với các khoản thu cho ngân sách nhà nước, các đơn vị đã giải quyết xong 1.467 "
        "việc/2.566 việc có điều kiện thi hành, giải quyết xong 35,7 tỷ đồng/94,1 tỷ đồng số tiền có điều kiện "
        "giải quyết; đạt tỷ lệ 57,17% về việc và 37,94% về tiền."
    )


def test_one_missing_last_year_rate_keeps_the_other_change():
    paragraph = report_paragraph(_total(last_year_rates=(45.28, None)), _budget(last_year_rates=(None, 11.24)))
    assert "47,10% về việc (cao hơn 1,82% so với cùng kỳ năm 2023), 4,91% về tiền. Trong đó" in paragraph
    assert paragraph.endswith("37,94% về tiền (cao hơn 26,70% về tiền so với tỷ lệ cùng kỳ năm 2023).")


def test_missing_same_period_report_says_nothing_about_the_change():
    total = _total()
    total["same_period_last_year"] = None
    assert report_paragraph(total, _budget()).startswith(
        "3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/12/2023), các đơn vị đã thi hành xong "
        "1.577/3.348 việc có điều kiện thi hành, tương ứng với 97,6 tỷ đồng; đạt tỷ lệ 47,10% về việc, 4,91% về"
        " tiền. Trong đó")


def test_no_enforceable_cases():
    total = _total(cases=(0, 0, None), money=(0, 0, None), target={"cases": 83.25, "money": 46.45})
    budget = _budget(cases=(0, 0, None), money=(0, 0, None))
    assert report_paragraph(total, budget) == (
        "3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/12/2023), chưa có việc có điều kiện thi "
        "hành. Chỉ tiêu được giao: 83,25% về việc, 46,45% về tiền."
    )


def test_money_without_enforceable_cases_is_still_reported():
    total = _total(cases=(0, 0, None), money=(12_500_000, 50_000_000, 25.0))
    budget = _budget(cases=(0, 0, None), money=(0, 0, None))
    assert report_paragraph(total, budget) == (
        "3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/12/2023), chưa có việc có điều kiện thi "
        "hành; các đơn vị đã giải quyết xong 12,5 triệu đồng/50,0 triệu đồng số tiền có điều kiện thi hành, đạt"
        " tỷ lệ 25,00% về tiền (cao hơn 19,69% so với cùng kỳ năm 2023)."
    )


def test_no_enforceable_money():
    total = _total(money=(0, 0, None), target={"cases": 83.25, "money": 46.45})
    budget = _budget(money=(0, 0, None))
    assert report_paragraph(total, budget) == (
        "3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/12/2023), các đơn vị đã thi hành xong "
        "1.577/3.348 việc có điều kiện thi hành; đạt tỷ lệ 47,10% về việc (cao hơn 1,82% so với cùng kỳ năm "
        "2023); chưa có số tiền có điều kiện thi hành. Trong đó, đối với các khoản thu cho ngân sách nhà nước, "
        "các đơn vị đã giải quyết xong 1.467 việc/2.566 việc có điều kiện thi hành, chưa có số tiền có điều kiện"
        " giải quyết; đạt tỷ lệ 57,17% về việc (cao hơn 1,80% về việc so với tỷ lệ cùng kỳ năm 2023). So với "
        "chỉ tiêu được giao (83,25% về việc, 46,45% về tiền), đạt 56,58% kế hoạch về việc."
    )


def test_budget_sentence_is_left_out_without_enforceable_budget_cases():
    budget = _budget(cases=(0, 0, None), money=(0, 0, None))
    paragraph = report_paragraph(_total(), budget)
    assert paragraph == QUARTER_PARAGRAPH.replace(BUDGET_SENTENCE, "")
    assert "ngân sách" not in paragraph


def test_small_scope_amounts_use_millions():
    total = _total(cases=(12, 20, 60.0), money=(350_000_000, 2_400_000_000, 14.58))
    budget = _budget(cases=(3, 4, 75.0), money=(8_000_000, 9_500_000, 84.21))
    paragraph = report_paragraph(total, budget)
    assert "thi hành xong 12/20 việc có điều kiện thi hành, tương ứng với 350,0 triệu đồng; đạt tỷ lệ 60,00%" \
           in paragraph
    assert "giải quyết xong 3 việc/4 việc có điều kiện thi hành, giải quyết xong 8,0 triệu đồng/9,5 triệu đồng" \
           in paragraph


def test_progress_above_target():
    total = _total(cases=(3100, 3348, 92.59), money=(1_000_000_000_000, 1_987_800_000_000, 50.31),
                   target={"cases": 83.9, "money": 51.9})
    assert report_paragraph(total, _budget()).endswith(
        " So với chỉ tiêu được giao (83,90% về việc, 51,90% về tiền), đạt 110,36% và 96,94% kế hoạch.")


def test_without_a_budget_report_there_is_no_budget_sentence():
    paragraph = report_paragraph(_total(), None)
    assert paragraph == report_paragraph(_total(), _budget()).split(" Trong đó,")[0]


def test_the_budget_sentence_is_only_for_a_scope_not_narrowed_to_a_group():
    assert budget_scope(Scope()) == Scope(group="ngan_sach")
    assert budget_scope(Scope(unit="QN01", mode="chu_dong")) == Scope(unit="QN01", group="ngan_sach", mode="chu_dong")
    assert budget_scope(Scope(group="tin_dung")) is None
    assert budget_scope(Scope(group="ngan_sach")) is None


@pytest.mark.parametrize(("scope", "actor"), [
    (Scope(), "các đơn vị"), (Scope(province="QN00"), "các đơn vị"), (Scope(unit="QN01"), "đơn vị"),
    (Scope(unit="QN01", officer="CHV001"), "chấp hành viên"), (Scope(group="tin_dung"), "các đơn vị"),
])
def test_a_single_unit_or_officer_is_not_spoken_of_as_several_units(scope, actor):
    assert actor_of(scope) == actor
    paragraph = report_paragraph(_total(), _budget(), actor=actor_of(scope))
    assert paragraph == QUARTER_PARAGRAPH.replace("các đơn vị đã", f"{actor} đã")
