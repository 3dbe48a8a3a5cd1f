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


def on_track_sentence(report: dict) -> str | None:
    """Return the sentence comparing each rate with its pace and saying what is still needed; None without a
    target. The report is one of on_track's, without a breakdown."""
    needed, end = report["needed"], report["window"]["end"]
    if needed is None:
        return None
    clauses = [clause for chain in CHAIN_WORDS if (clause := _pace_clause(report, chain))]
    parts = []
    if clauses:
        parts.append(f"Tiến độ đến {format_date(end)} (mức cần đạt để về đích chỉ tiêu năm): {'; '.join(clauses)}.")
    still = (f"Còn phải thi hành xong ít nhất {format_count(needed['cases'])} việc và "
             f"{format_money_short(needed['money'])}")
    if needed["cases_per_month"] is not None:
        still += f" (khoảng {format_count(needed['cases_per_month'])} việc mỗi tháng)"
    parts.append(still + " để đạt chỉ tiêu.")
    return " ".join(parts)
