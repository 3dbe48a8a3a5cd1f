"""Xu hướng: the cumulative rates month by month beside last work-year's whole year, the pace that reaches the
target and the forecast cone to 30/9, every unit's curve against its own pace, and the monthly flows."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.charts.axis_labels import short_unit_names
from dashboard.charts.figures import CHART_CONFIG, monthly_counts
from dashboard.charts.pace_figures import pace_multiples, pace_trend
from dashboard.metrics.periods import month_ends
from dashboard.metrics.trend import monthly_series, whole_year
from dashboard.ui.filter_bar import chain_choice, heading, shared_filters
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.ui.help_texts import FORECAST_HELP, PACE_HELP
from dashboard.view import cache
from dashboard.view.filters import TO_DATE

TITLES = {"cases": "Tỷ lệ xong về việc lũy kế từ 01/10", "money": "Tỷ lệ xong về tiền lũy kế từ 01/10"}


def year_frame(series: pd.DataFrame, last_year: list[dict], pace: list[dict], chain: str) -> pd.DataFrame:
    """Rows: every month of the work-year; columns: month, this_year (None after the period), last_year, pace."""
    drawn = dict(zip(series["end"], series[f"{chain}_rate"]))
    return pd.DataFrame([{"month": f"{step['end']:%m/%Y}", "this_year": drawn.get(step["end"]),
                          "last_year": before[chain], "pace": step[chain]}
                         for step, before in zip(pace, last_year)])


with database_guard():
    filters, options = shared_filters()
    heading("Xu hướng theo tháng", filters, options)
    end = filters.period_end(options.today)
    scope = filters.scope()
    report = cache.on_track(end, scope)
    stop_if_empty(report)
    series = monthly_series(lambda month_end: cache.report(month_end, scope), filters.year, end)
    last_year = whole_year(lambda month_end: cache.report(month_end, scope), filters.year - 1)
    pace = cache.pace_curve(filters.year, scope, report["target"])
if series.empty:
    st.info("Năm công tác này chưa có tháng nào kết thúc. Hãy chọn năm công tác trước ở thanh bên trái.")
    st.stop()

target = report["target"] or {}
forecast = report["forecast"] or {}
for column, (chain, title) in zip(st.columns(2), TITLES.items()):
    column.plotly_chart(pace_trend(year_frame(series, last_year, pace, chain), title=title,
                                   target=target.get(chain), forecast=forecast.get(chain)),
                        key=f"trend.{chain}_rates", theme=None, config=CHART_CONFIG)
notes = ["Mỗi điểm là tỷ lệ lũy kế từ 01/10 đến hết tháng; năm công tác trước được vẽ đủ đến 30/9. Tỷ lệ tăng dần "
         "đến cuối năm vì mẫu số là toàn bộ số có điều kiện thi hành, kể cả số năm trước chuyển sang."]
if not target:
    notes.append("Phạm vi này không có chỉ tiêu giao (chỉ tiêu giao cho toàn tỉnh, đơn vị, chấp hành viên; không "
                 "theo nhóm việc, loại bản án hay hình thức thụ lý) nên không vẽ đường chỉ tiêu và mức cần đạt.")
if filters.end == TO_DATE:
    notes.append("Tháng đang diễn ra chưa kết thúc nên chưa có trên biểu đồ.")
st.caption(" ".join(notes))
if target:
    st.caption("Đường chấm đen: mức cần đạt ở từng cuối tháng để về đích chỉ tiêu năm.", help=PACE_HELP)
if forecast:
    st.caption("Vùng tím: dự báo đến 30/9 với khoảng 80% khả năng, từ tháng cuối đã có số liệu.", help=FORECAST_HELP)

# The small charts are for a province's or the country's page: a unit's or officer's page reads no unit.
units = None if filters.unit or filters.officer else cache.on_track(end, replace(scope, unit=None), by="unit")
unit_targets = {row["key"]: row["target"] for row in units["rows"] if row["target"]} if units else {}
if len(unit_targets) > 1:
    st.subheader("Từng đơn vị so với mức cần đạt của chính mình")
    chain = chain_choice("Tính theo", "trend.units_chain", "dv")
    every_unit = replace(scope, unit=None, officer=None)
    curves = cache.unit_pace_curves(filters.year, every_unit, unit_targets)
    by_month = {month_end: {row["key"]: row[chain]["rate"]
                            for row in cache.report(month_end, every_unit, "unit")["rows"]}
                for month_end in month_ends(filters.year, until=end)}
    names = short_unit_names(units["rows"], options.province_offices)
    small = [(names[key], pd.DataFrame([{"month": f"{step['end']:%m/%Y}", "pace": step[chain],
                                         "this_year": by_month.get(step["end"], {}).get(key)} for step in curve]))
             for key, curve in curves.items()]
    st.plotly_chart(pace_multiples(small, title=f"Tỷ lệ xong {'về việc' if chain == 'cases' else 'về tiền'} lũy kế "
                                               "của từng đơn vị và mức cần đạt"),
                    key="trend.units", theme=None, config=CHART_CONFIG)

st.plotly_chart(monthly_counts(series[["month", "new", "completed"]],
                               title="Số việc thụ lý mới và thi hành xong trong từng tháng"),
                key="trend.monthly_counts", theme=None, config=CHART_CONFIG)
st.caption("Thụ lý mới gồm cả việc khôi phục từ sổ theo dõi riêng; thi hành xong = xong + đình chỉ.")
