"""Tổng quan: both completion rates against the target and last year, the key figures, the chains, the paragraph."""

import streamlit as st

from dashboard.charts.figures import CHART_CONFIG
from dashboard.charts.pace_figures import pace_gauge
from dashboard.metrics.formatting import format_billion_number, format_count, format_percent, relative_change
from dashboard.metrics.narrative import actor_of, budget_scope, report_paragraph
from dashboard.metrics.targets import progress_against_target
from dashboard.ui.drill import chain_tables
from dashboard.ui.filter_bar import heading, shared_filters
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.ui.month_downloads import month_downloads
from dashboard.ui.pace_notes import forecast_line, needed_line, status_line
from dashboard.view import cache

with database_guard():
    filters, options = shared_filters()
    heading("Tổng quan kết quả thi hành án dân sự", filters, options)
    end = filters.period_end(options.today)
    report = cache.on_track(end, filters.scope())
    narrowed = budget_scope(filters.scope())
    budget = cache.report(end, narrowed) if narrowed else None
stop_if_empty(report)

target = report["target"] or {}
progress = progress_against_target(report) or {}
last_year = report["same_period_last_year"]
pace = report["pace"] or {}
for column, (chain, title) in zip(st.columns(2), (("cases", "Tỷ lệ xong về việc"), ("money", "Tỷ lệ xong về tiền"))):
    column.plotly_chart(pace_gauge(title, report[chain]["rate"], pace=pace.get(chain),
                                   status=pace.get(f"{chain}_status"), target=target.get(chain),
                                   last_year=last_year[chain]["rate"]),
                        key=f"overview.{chain}_gauge", theme=None, config=CHART_CONFIG)
    if chain in target:
        status_line(report, chain, column)
        forecast_line(report, chain, column)
        column.caption(f"Chỉ tiêu năm {format_percent(target[chain])} (vùng xanh nhạt): đạt "
                       f"{format_percent(progress[chain])} kế hoạch. Vạch đen: mức cần đạt đến nay; màu kim: xanh "
                       "đúng tiến độ, vàng cần chú ý, đỏ chậm tiến độ. Số dưới tỷ lệ: thay đổi so với cùng kỳ.")
needed_line(report)

cards = (
    ("Có điều kiện thi hành (việc)", "cases", "enforceable", format_count),
    ("Thi hành xong (việc)", "cases", "completed", format_count),
    ("Chuyển kỳ sau (việc)", "cases", "carried", format_count),
    ("Có điều kiện (tỷ đồng)", "money", "enforceable", format_billion_number),
    ("Thi hành xong (tỷ đồng)", "money", "completed", format_billion_number),
    ("Chuyển kỳ sau (tỷ đồng)", "money", "carried", format_billion_number),
)
# Two rows of three: six cards in one row truncate their labels on a laptop screen.
places = [place for _ in range(2) for place in st.columns(3)]
for column, (label, chain, key, shown) in zip(places, cards):
    change = relative_change(report[chain][key], last_year[chain][key])
    column.metric(label, shown(report[chain][key]),
                  None if change is None else f"{'+' if change > 0 else ''}{format_percent(change)} so với cùng kỳ",
                  delta_color="off" if key == "carried" else "normal")

st.subheader("Kết quả theo chỉ tiêu thống kê")
chain_tables(report, filters, "overview")

st.subheader("Nhận xét")
paragraph = report_paragraph(report, budget, actor=actor_of(filters.scope()))
st.markdown(paragraph)
month_downloads(report, paragraph, filters, options)
