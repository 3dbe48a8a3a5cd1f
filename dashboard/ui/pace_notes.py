"""The lines beside a gauge that say whether a scope is on track: its pace status, its forecast to 30/9, and what
it still needs to complete to reach its target."""

import streamlit as st

from dashboard.metrics.formatting import format_count, format_date, format_money_short, format_percent
from dashboard.metrics.pace import BEHIND, ON_COURSE, STATUS_LABELS, WATCH
from dashboard.ui.help_texts import FORECAST_HELP, NEEDED_HELP, PACE_HELP, STATUS_HELP, UNJUDGED_HELP

# Streamlit's Markdown colours for each status; the words are the product's own, never the data's.
STATUS_MARKS = {ON_COURSE: "green", WATCH: "orange", BEHIND: "red"}


def status_line(report: dict, chain: str, place=st) -> None:
    """Draw the chain's pace and its status, each word explained on hover."""
    pace = (report.get("pace") or {}).get(chain)
    if pace is None:
        place.markdown("**Tiến độ:** chưa có mức cần đạt (cần chỉ tiêu năm và ít nhất hai năm công tác trước).",
                       help=PACE_HELP)
        return
    status = report["pace"][f"{chain}_status"]
    end = format_date(report["window"]["end"])
    said = (f":{STATUS_MARKS[status]}-badge[{STATUS_LABELS[status].capitalize()}]" if status
            else ":gray-badge[Không xếp hạng]")
    place.markdown(f"**Tiến độ:** {said} mức cần đạt đến {end}: **{format_percent(pace)}**",
                   help=f"{STATUS_HELP[status] if status else UNJUDGED_HELP} {PACE_HELP}")


def forecast_line(report: dict, chain: str, place=st) -> None:
    """Draw the chain's forecast to 30/9 with its 80% interval, explained on hover."""
    made = (report.get("forecast") or {}).get(chain)
    if made is None:
        place.markdown("**Dự báo đến 30/9:** chưa đủ hai năm công tác trước để dự báo.", help=FORECAST_HELP)
        return
    place.markdown(f"**Dự báo đến 30/9:** **{format_percent(made['rate'])}** (80% khả năng trong khoảng "
                   f"{format_percent(made['low'])}–{format_percent(made['high'])})", help=FORECAST_HELP)


def status_counts(frame, noun: str, place=st) -> None:
    """Draw how many rows of a pace frame are on course, to watch, behind and not ranked, each word explained."""
    statuses = [None if status != status else status for status in frame["status"]]
    said = [f":{STATUS_MARKS[code]}-badge[{statuses.count(code)} {label}]" for code, label in STATUS_LABELS.items()]
    said.append(f":gray-badge[{statuses.count(None)} không xếp hạng]")
    place.markdown(f"{len(statuses)} {noun}: " + " ".join(said),
                   help=" ".join([*STATUS_HELP.values(), UNJUDGED_HELP]))


def needed_sentence(needed: dict) -> str:
    """Return "còn phải thi hành xong ít nhất N việc và X tỷ đồng (khoảng n việc mỗi tháng)" for the target."""
    said = (f"Còn phải thi hành xong ít nhất {format_count(needed['cases'])} việc và "
            f"{format_money_short(needed['money'])}")
    if needed["cases_per_month"]:
        said += f" (khoảng {format_count(needed['cases_per_month'])} việc mỗi tháng)"
    return said + " để đạt chỉ tiêu năm."


def needed_line(report: dict, place=st) -> None:
    """Draw what is still needed to reach the target, when the scope has one."""
    if report.get("needed") is not None:
        place.markdown(needed_sentence(report["needed"]), help=NEEDED_HELP)
