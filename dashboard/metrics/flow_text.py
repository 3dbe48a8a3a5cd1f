"""The flow and age of the caseload as the command line prints it for people."""

from dashboard.metrics.flow_labels import AGE_LABELS, FLOW_LABELS, PENDING_LABELS
from dashboard.metrics.formatting import format_count, format_date, format_money_short, format_percent

DAYS_KEYS = ("disposition_days", "median_days_to_completion")
COUNT_KEYS = ("pending_enforceable", "without_action", "large", "verification_due")


def figure_text(key: str, value) -> str:
    """Return one flow figure the Vietnamese way: a rate in percent, days, or a count of cases."""
    if key == "clearance_rate":
        return format_percent(value)
    if key in DAYS_KEYS:
        return "-" if value is None else f"{format_count(value)} ngày"
    return f"{format_count(value)} việc"


def _block(figures: dict) -> list[str]:
    lines = [f"{FLOW_LABELS[key]}: {figure_text(key, figures[key])}" for key in FLOW_LABELS]
    for kind, label in PENDING_LABELS.items():
        lines.append(f"{label} theo thời gian từ ngày ra quyết định:")
        lines += [f"  {AGE_LABELS[name]:<14} {format_count(bucket['cases']):>9} việc  "
                  f"{format_money_short(bucket['money']):>20}" for name, bucket in figures["ageing"][kind].items()]
    return lines


def flow_text(report: dict) -> str:
    """Return the flow report as text: the window, then the figures overall or per row."""
    window = report["window"]
    head = f"Từ {format_date(window['start'])} đến {format_date(window['end'])}"
    if "rows" not in report:
        return "\n".join([head, *_block(report)])
    lines = [head, f"{'Mã':<12} {'Tên':<44} {'Tồn có ĐK':>10} {'Giải quyết':>11} {'Số ngày':>8} "
                   f"{'Trung vị':>9} {'Lâu':>6} {'Lớn':>6} {'Q.hạn XM':>9}"]
    for row in report["rows"]:
        days = ["-" if row[key] is None else format_count(row[key]) for key in DAYS_KEYS]
        lines.append(f"{row['key']:<12} {row['name'][:44]:<44} {format_count(row['pending_enforceable']):>10} "
                     f"{format_percent(row['clearance_rate']):>11} {days[0]:>8} {days[1]:>9} "
                     f"{format_count(row['without_action']):>6} {format_count(row['large']):>6} "
                     f"{format_count(row['verification_due']):>9}")
    return "\n".join(lines)
