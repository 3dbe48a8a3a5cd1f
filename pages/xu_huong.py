"""Xu hướng: the cumulative rates month by month beside last work-year's with the target, and monthly flows."""

import streamlit as st

from dashboard.charts.figures import CHART_CONFIG, monthly_counts, trend_rates
from dashboard.metrics.trend import monthly_series
from dashboard.ui.filter_bar import heading, shared_filters
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.view import cache
from dashboard.view.filters import TO_DATE

RATE_COLUMNS = ["month", "this_year", "last_year"]

with database_guard():
    filters, options = shared_filters()
    heading("Xu hướng theo tháng", filters, options)
    end = filters.period_end(options.today)
    scope = filters.scope()
    report = cache.report(end, scope)
    stop_if_empty(report)
    series = monthly_series(lambda month_end: cache.report(month_end, scope), filters.year, end)
if series.empty:
    st.info("Năm công tác này chưa có tháng nào kết thúc. Hãy chọn năm công tác trước ở thanh bên trái.")
    st.stop()

target = report["target"] or {}
for column, (chain, title) in zip(st.columns(2), (("cases", "Tỷ lệ xong về việc lũy kế từ 01/10"),
                                                  ("money", "Tỷ lệ xong về tiền lũy kế từ 01/10"))):
    rates = series[["month", f"{chain}_rate", f"last_{chain}_rate"]].set_axis(RATE_COLUMNS, axis=1)
    column.plotly_chart(trend_rates(rates, title=title, target=target.get(chain)), key=f"trend.{chain}_rates",
                        theme=None, config=CHART_CONFIG)
notes = ["Mỗi điểm là tỷ lệ lũy kế từ 01/10 đến hết tháng, so với cùng kỳ năm công tác trước; tỷ lệ tăng dần đến "
         "cuối năm vì mẫu số là toàn bộ số có điều kiện thi hành, kể cả số năm trước chuyển sang."]
if not target:
    notes.append("Phạm vi này không có chỉ tiêu giao (chỉ tiêu giao cho toàn tỉnh, đơn vị, chấp hành viên; không "
                 "theo nhóm việc, loại bản án hay hình thức thụ lý) nên không vẽ đường chỉ tiêu.")
if filters.end == TO_DATE:
    notes.append("Tháng đang diễn ra chưa kết thúc nên chưa có trên biểu đồ.")
st.caption(" ".join(notes))

st.plotly_chart(monthly_counts(series[["month", "new", "completed"]],
                               title="Số việc thụ lý mới và thi hành xong trong từng tháng"),
                key="trend.monthly_counts", theme=None, config=CHART_CONFIG)
st.caption("Thụ lý mới gồm cả việc khôi phục từ sổ theo dõi riêng; thi hành xong = xong + đình chỉ.")
