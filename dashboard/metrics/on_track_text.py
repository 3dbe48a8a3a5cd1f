"""The sentence on pace and what is still needed that follows the report paragraph, in Vietnamese."""

from dashboard.metrics.formatting import format_count, format_date, format_money_short, format_percent
from dashboard.metrics.pace import STATUS_LABELS

CHAIN_WORDS = {"cases": "về việc", "money": "về tiền"}


def _pace_clause(report: dict, chain: str) -> str | None:
    pace = report["pace"][chain]
    if pace is None:
        return None
    status = report["pace"][f"{chain}_status"]
    said = f" ({STATUS_LABELS[status]})" if status else " (quá ít việc để đánh giá)"
    return f"{CHAIN_WORDS[chain]} đạt {format_percent(report[chain]['rate'])}, mức cần đạt {format_percent(pace)}{said}"


def _forecast_clause(forecast: dict | None) -> str | None:
    if forecast is None:
        return None
    said = [f"{format_percent(made['rate'])} {CHAIN_WORDS[chain]} (80% khả năng trong khoảng "
            f"{format_percent(made['low'])}–{format_percent(made['high'])})"
            for chain, made in forecast.items() if made is not None]
    return f"Dự báo đến 30/9, nếu phần còn lại được giải quyết như năm trước: {', '.join(said)}."


def on_track_sentence(report: dict) -> str | None:
    """Return the sentences comparing each rate with its pace, giving the forecast and saying what is still
    needed; None without a target. The report is one of on_track's, without a breakdown."""
    needed, end = report["needed"], report["window"]["end"]
    if needed is None:
        return None
    clauses = [clause for chain in CHAIN_WORDS if (clause := _pace_clause(report, chain))]
    parts = []
    if clauses:
        parts.append(f"Tiến độ đến {format_date(end)} (mức cần đạt để về đích chỉ tiêu năm): {'; '.join(clauses)}.")
    if forecast := _forecast_clause(report["forecast"]):
        parts.append(forecast)
    still = (f"Còn phải thi hành xong ít nhất {format_count(needed['cases'])} việc và "
             f"{format_money_short(needed['money'])}")
    if needed["cases_per_month"] is not None:
        still += f" (khoảng {format_count(needed['cases_per_month'])} việc mỗi tháng)"
    parts.append(still + " để đạt chỉ tiêu.")
    return " ".join(parts)
