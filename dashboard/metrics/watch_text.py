"""The classification watch as the command line prints it for people."""

from datetime import date

from dashboard.metrics.flow_labels import WATCH_LABELS
from dashboard.metrics.formatting import format_count, format_date, format_percent
from dashboard.metrics.watch import EVEN_LATE_SHARE


def unsettled_note(months: list[date]) -> str:
    """Return the sentence saying which months' bounce-backs may still grow, "" when none."""
    if not months:
        return ""
    named = ", ".join(f"{month:%m/%Y}" for month in months)
    return f"Chưa đủ 30 ngày sau cuối tháng {named}: số quay lại của các tháng này có thể còn tăng."


def watch_text(report: dict, unsettled: list[date]) -> str:
    """Return the watch report as text: the window, the figures overall or per row, and the unsettled months."""
    window = report["window"]
    lines = [f"Từ {format_date(window['start'])} đến {format_date(window['end'])} "
             f"(tỷ lệ cuối tháng khi rải đều: khoảng {EVEN_LATE_SHARE}%)"]
    if "rows" not in report:
        lines += [f"{WATCH_LABELS['downgrades']}: {format_count(report['downgrades'])} việc",
                  f"{WATCH_LABELS['late']}: {format_count(report['late'])} việc",
                  f"{WATCH_LABELS['late_share']}: {format_percent(report['late_share'])}",
                  f"{WATCH_LABELS['bounce_backs']}: {format_count(report['bounce_backs'])} việc"]
    else:
        lines.append(f"{'Mã':<12} {'Tên':<44} {'Chuyển':>8} {'Cuối tháng':>11} {'Tỷ lệ':>8} {'Quay lại':>9}")
        lines += [f"{row['key']:<12} {row['name'][:44]:<44} {format_count(row['downgrades']):>8} "
                  f"{format_count(row['late']):>11} {format_percent(row['late_share']):>8} "
                  f"{format_count(row['bounce_backs']):>9}" for row in report["rows"]]
    note = unsettled_note(unsettled)
    return "\n".join(lines + ([note] if note else []))
