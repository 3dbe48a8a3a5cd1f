"""The backtest's table as printed on the command line and in the README, in Vietnamese."""

from dashboard.metrics.backtest import MonthScore
from dashboard.metrics.formatting import format_count, format_percent
from dashboard.metrics.pace import MIN_RANKED

LEVEL_WORDS = {"province": "tỉnh", "unit": "đơn vị", "officer": "chấp hành viên"}
HEADER = (f"{'Cuối tháng':<10} │ {'Về việc: lượt':>13} {'dự báo':>7} {'đơn giản':>9} {'trúng 80%':>10} │ "
          f"{'Về tiền: dự báo':>15} {'đơn giản':>9} {'trúng 80%':>10}")


def _points(value: float) -> str:
    return format_percent(value, 1).removesuffix("%")


def _overall(scores: list[MonthScore], chain: str) -> MonthScore:
    """Return the scores of one chain over every month, each month weighted by the forecasts it judged."""
    kept = [score for score in scores if score.chain == chain]
    judged = sum(score.judged for score in kept)

    def mean(field: str) -> float:
        return sum(getattr(score, field) * score.judged for score in kept) / judged
    return MonthScore(0, chain, judged, mean("forecast_error"), mean("naive_error"), mean("held"))


def _line(month: str, cases: MonthScore, money: MonthScore | None) -> str:
    line = (f"{month:<10} │ {format_count(cases.judged):>13} {_points(cases.forecast_error):>7} "
            f"{_points(cases.naive_error):>9} {format_percent(cases.held * 100, 0):>10} │")
    if money is not None:
        line += (f" {_points(money.forecast_error):>15} {_points(money.naive_error):>9} "
                 f"{format_percent(money.held * 100, 0):>10}")
    return line


def backtest_table(level: str, years: list[int], scores: list[MonthScore]) -> str:
    """Return the heading and one line per month end: forecasts judged, mean absolute errors in points of the
    forecast and of the naive method, and how often the 80% interval held, by cases and by money."""
    if not scores:
        return (f"Chưa kiểm định được dự báo cấp {LEVEL_WORDS[level]}: cần ít nhất ba năm công tác đã kết thúc "
                "trong dữ liệu (hai năm làm gốc, một năm để đối chiếu).")
    heading = [f"Kiểm định dự báo đến 30/9, cấp {LEVEL_WORDS[level]}, các năm công tác {years[0]}–{years[-1]} "
               f"(mỗi {LEVEL_WORDS[level]} có từ {MIN_RANKED} việc có điều kiện thi hành vào 30/9).",
               "Sai số: trung bình chênh lệch tuyệt đối với tỷ lệ thực đạt ngày 30/9, tính bằng điểm %. "
               "Đơn giản: tỷ lệ hiện tại × (tỷ lệ 30/9 năm trước ÷ tỷ lệ cùng ngày năm trước).",
               HEADER]
    money = {score.month: score for score in scores if score.chain == "money"}
    lines = [_line(str(score.month), score, money.get(score.month)) for score in scores if score.chain == "cases"]
    overall = _line("Cả năm", _overall(scores, "cases"), _overall(scores, "money") if money else None)
    return "\n".join(heading + lines + [overall])
