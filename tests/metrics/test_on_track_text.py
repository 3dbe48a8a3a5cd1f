"""The sentences on pace, the forecast and what is still needed, read as the report's reader reads them."""

from dashboard.metrics.on_track_text import on_track_sentence

REPORT = {
    "window": {"start": "2023-10-01", "end": "2023-12-31"},
    "cases": {"rate": 47.1, "enforceable": 3348}, "money": {"rate": 4.91, "enforceable": 1},
    "needed": {"cases": 1227, "money": 835_662_710_000, "months_left": 9, "cases_per_month": 137,
               "money_per_month": 92_851_412_223},
    "pace": {"cases": 49.29, "money": 4.5, "cases_status": "watch", "money_status": "on_course"},
    "forecast": {"cases": {"rate": 79.22, "low": 75.29, "high": 82.42}, "money": None},
}


def test_the_sentence_gives_each_rate_beside_its_pace_then_what_is_still_needed():
    assert on_track_sentence(REPORT) == (
        "Tiến độ đến 31/12/2023 (mức cần đạt để về đích chỉ tiêu năm): về việc đạt 47,10%, mức cần đạt 49,29% "
        "(cần chú ý); về tiền đạt 4,91%, mức cần đạt 4,50% (đúng tiến độ). Dự báo đến 30/9, nếu phần còn lại "
        "được giải quyết như năm trước: 79,22% về việc (80% khả năng trong khoảng 75,29%–82,42%). Còn phải thi hành "
        "xong ít nhất 1.227 việc và 835,7 tỷ đồng (khoảng 137 việc mỗi tháng) để đạt chỉ tiêu.")


def test_without_a_pace_status_or_months_left_the_sentence_says_less():
    small = {**REPORT, "forecast": None,
             "pace": {"cases": 49.29, "money": None, "cases_status": None, "money_status": None},
             "needed": {**REPORT["needed"], "cases_per_month": None}}
    assert on_track_sentence(small) == (
        "Tiến độ đến 31/12/2023 (mức cần đạt để về đích chỉ tiêu năm): về việc đạt 47,10%, mức cần đạt 49,29% "
        "(quá ít việc để đánh giá). Còn phải thi hành xong ít nhất 1.227 việc và 835,7 tỷ đồng để đạt chỉ tiêu.")
    assert on_track_sentence({**REPORT, "needed": None, "pace": None}) is None
