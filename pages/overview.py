"""Tổng quan: the province's two completion rates for the latest month end."""

from datetime import date

import streamlit as st

from dashboard import cache
from dashboard.chains import progress_against_target
from dashboard.charts import rate_gauge
from dashboard.formatting import (
    format_billion_number, format_count, format_date, format_percent,
)
from dashboard.periods import latest_month_end
from dashboard.ui import database_guard

st.title("Tổng quan kết quả thi hành án dân sự")
end = latest_month_end(date.today())
with database_guard():
    report = cache.report(end)
window, cases, money = report["window"], report["cases"], report["money"]
st.markdown(f"##### Toàn tỉnh, từ {format_date(window['start'])} đến hết {format_date(window['end'])}")
if cases["caseload"] == 0:
    st.info("Kỳ báo cáo này chưa có việc thụ lý nào.")
    st.stop()
target = report["target"] or {}
progress = progress_against_target(report) or {}
last_year = report["same_period_last_year"]
columns = st.columns(2)
panels = (
    ("cases", "Tỷ lệ xong về việc", "việc",
     f"{format_count(cases['completed'])} / {format_count(cases['enforceable'])}"),
    ("money", "Tỷ lệ xong về tiền", "tỷ đồng",
     f"{format_billion_number(money['completed'])} / {format_billion_number(money['enforceable'])}"),
)
for column, (chain, title, unit, completed_text) in zip(columns, panels):
    rate = report[chain]["rate"]
    column.plotly_chart(rate_gauge(title, rate, target=target.get(chain), last_year=last_year[chain]["rate"]),
                        key=f"overview.{chain}_gauge", theme=None)
    done, goal = column.columns([3, 2])
    done.metric(f"Đã xong / có điều kiện thi hành ({unit})", completed_text)
    if chain in target:
        goal.metric("Chỉ tiêu năm", format_percent(target[chain]),
                    f"đạt {format_percent(progress[chain])} kế hoạch", delta_color="off",
                    delta_arrow="off")
st.caption("Tỷ lệ xong = (xong + đình chỉ) / có điều kiện thi hành; về tiền tính cả số được giảm. "
           "Vạch xanh trên đồng hồ là chỉ tiêu năm; so sánh với cùng kỳ năm trước tính bằng điểm phần trăm.")
