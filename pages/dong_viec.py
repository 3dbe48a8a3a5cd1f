"""Dòng việc: the age of the pending caseload by place, clearance rate and disposition time beside last year, the
median days to completion, each officer's workload against the unit's average, and every place's monthly curve."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.charts.axis_labels import short_unit_names
from dashboard.charts.figures import CHART_CONFIG
from dashboard.charts.flow_figures import ageing_bars, measure_bars, unit_curves, workload_bars
from dashboard.metrics.flow_labels import FLOW_LABELS, PENDING_LABELS, WARNING_LABELS
from dashboard.metrics.formatting import format_count, format_percent, format_points
from dashboard.metrics.periods import month_ends, same_period_last_year, window_ending
from dashboard.text.escape import plotly_text
from dashboard.ui.case_views import ListState
from dashboard.ui.count_links import count_card, count_cards, list_address
from dashboard.ui.downloads import download_buttons
from dashboard.ui.drill import clicked_row, open_case_list
from dashboard.ui.filter_bar import heading, shared_filters
from dashboard.ui.flow_tables import ageing_frame, ageing_table, measure_frame, place_table, workload_frame
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.ui.tables import TABLE_ROW_PIXELS, styled
from dashboard.view import cache
from dashboard.view.filters import describe

TITLE = "Dòng việc và tuổi của việc tồn"
PENDING = ListState(cell="carried", buckets=("in_progress", "deferred_c"), sort="age_days")


def _days(value: int | None) -> str:
    return "—" if value is None else f"{format_count(value)} ngày"


def _delta_days(now: int | None, before: int | None) -> str | None:
    return None if now is None or before is None else f"{now - before:+d} ngày so với cùng kỳ"


with database_guard():
    filters, options = shared_filters()
    heading(TITLE, filters, options)
    end = filters.period_end(options.today)
    scope = filters.scope()
    stop_if_empty(cache.report(end, scope))
    earlier = same_period_last_year(window_ending(end)).end
    flow, last = cache.flow(end, scope), cache.flow(earlier, scope)
    level, place = ("province", "Tỉnh, thành phố") if options.national and not filters.province else ("unit", "Đơn vị")
    every_place = replace(scope, unit=None, officer=None)
    by_place = None if filters.unit or filters.officer else cache.flow(end, every_place, by=level)
    by_place_last = None if by_place is None else cache.flow(earlier, every_place, by=level)
    # The whole country's officers are too many to rank on one chart: a province or unit narrows them first.
    officers = (None if filters.officer or (options.national and not filters.province)
                else cache.flow(end, replace(scope, officer=None), by="officer"))
    curves = None if by_place is None else {
        month_end: cache.report(month_end, every_place, level)["rows"] for month_end in month_ends(filters.year,
                                                                                                  until=end)}

count_cards([
    count_card(FLOW_LABELS["pending_enforceable"], flow["pending_enforceable"], list_address(filters, PENDING),
               f"cùng kỳ: {format_count(last['pending_enforceable'])}"),
    count_card(WARNING_LABELS["without_action"], flow["without_action"],
               list_address(filters, ListState(cell="carried", warning="without_action", sort="age_days"))),
    count_card(WARNING_LABELS["large"], flow["large"],
               list_address(filters, ListState(cell="carried", warning="large"))),
    count_card(WARNING_LABELS["verification_due"], flow["verification_due"],
               list_address(filters, ListState(cell="caseload", warning="verification_due", sort="age_days"))),
])
first, second, third = st.columns(3)
clearance_change = None
if flow["clearance_rate"] is not None and last["clearance_rate"] is not None:
    clearance_change = format_points(flow["clearance_rate"] - last["clearance_rate"]) + " so với cùng kỳ"
first.metric(FLOW_LABELS["clearance_rate"], format_percent(flow["clearance_rate"]), clearance_change,
             help="Số việc thi hành xong (xong và đình chỉ) trên số việc thụ lý mới trong kỳ. Trên 100%: kỳ này "
                  "giải quyết nhiều hơn số việc mới vào, số tồn giảm.")
second.metric(FLOW_LABELS["disposition_days"], _days(flow["disposition_days"]),
              _delta_days(flow["disposition_days"], last["disposition_days"]), delta_color="inverse",
              help="Số ngày của kỳ nhân số việc có điều kiện còn tồn, chia cho số việc thi hành xong: với nhịp độ "
                   "giải quyết của kỳ này, cần chừng ấy ngày để giải quyết hết số tồn.")
third.metric(FLOW_LABELS["median_days_to_completion"], _days(flow["median_days_to_completion"]),
             _delta_days(flow["median_days_to_completion"], last["median_days_to_completion"]), delta_color="inverse",
             help="Một nửa số việc thi hành xong trong kỳ được xong trong chừng ấy ngày từ ngày ra quyết định.")

st.subheader("Việc tồn theo thời gian từ ngày ra quyết định")
if by_place is not None:
    names = {key: plotly_text(name) for key, name in
             short_unit_names(by_place["rows"], frozenset() if level == "province"
                              else options.province_offices).items()}
    for kind, label in PENDING_LABELS.items():
        st.plotly_chart(ageing_bars(ageing_frame(by_place["rows"], kind, names), title=f"{label} theo tuổi"),
                            key=f"flow.ageing_{kind}", theme=None, config=CHART_CONFIG)
    st.caption(f"Mỗi thanh là một {place.lower()}, xếp từ nơi có nhiều việc tồn từ 2 năm trở lên nhất; màu đậm "
               "dần theo tuổi của việc. Số bên phải: tổng số việc tồn.")
table, lists = ageing_table(flow)
row = clicked_row(st, styled(table), "flow.ageing_table", hide_index=True,
                  height=TABLE_ROW_PIXELS * (len(table) + 1) + 3)
if row is not None:
    open_case_list(filters, lists[row])
st.caption("Tuổi tính từ ngày ra quyết định đến cuối kỳ báo cáo. Bấm vào ô vuông đầu dòng để xem các việc của "
           "dòng đó.")

if by_place is not None:
    st.subheader(f"Giải quyết so với thụ lý mới theo {place.lower()}")
    left, right = st.columns(2)
    left.plotly_chart(measure_bars(measure_frame(by_place["rows"], by_place_last["rows"], "clearance_rate", names),
                                   title="Tỷ lệ giải quyết so với thụ lý mới (%)", axis="Tỷ lệ (%)", unit="%"),
                      key="flow.clearance", theme=None, config=CHART_CONFIG)
    right.plotly_chart(measure_bars(measure_frame(by_place["rows"], by_place_last["rows"], "disposition_days",
                                                  names),
                                    title="Số ngày giải quyết ước tính", axis="Số ngày", unit="ngày"),
                       key="flow.disposition", theme=None, config=CHART_CONFIG)
    st.caption("Thanh: kỳ báo cáo này; hình thoi: cùng kỳ năm trước. Tỷ lệ giải quyết trên 100% là số tồn giảm; "
               "số ngày giải quyết càng ít càng tốt.")

if officers is not None and officers["rows"]:
    workload = workload_frame(officers["rows"], options.officer_units, options.officers)
    several = workload["unit"].nunique() > 1
    st.subheader("Số việc có điều kiện đang giải quyết của từng chấp hành viên")
    st.plotly_chart(workload_bars(workload.assign(name=workload["name"].map(plotly_text)),
                                  title=("Các chấp hành viên cao nhất so với bình quân đơn vị" if several
                                         else "Từng chấp hành viên so với bình quân đơn vị")),
                    key="flow.workload", theme=None, config=CHART_CONFIG)
    st.caption("Thanh: số việc có điều kiện (đang thi hành, hoãn điểm c) chấp hành viên đang giữ ở cuối kỳ; vạch "
               "đen: bình quân của đơn vị." + (" Chọn một đơn vị ở thanh bên trái để xem mọi chấp hành viên của "
                                               "đơn vị đó." if several else ""))

if curves:
    frame = pd.DataFrame([{"month": f"{month_end:%m/%Y}", "name": names.get(row["key"], row["key"]),
                           "value": row["cases"]["in_progress"] + row["cases"]["deferred_c"]}
                          for month_end, rows in curves.items() for row in rows if row["key"] in names])
    st.plotly_chart(unit_curves(frame, title=f"Việc có điều kiện còn tồn cuối mỗi tháng của từng {place.lower()}",
                                axis="Số việc"), key="flow.curves", theme=None, config=CHART_CONFIG)

if by_place is not None:
    st.subheader(f"Bảng số liệu theo {place.lower()}")
    place_names = {row["key"]: row["name"] for row in by_place["rows"]}
    shown = place_table(by_place["rows"], by_place_last["rows"], place_names, place)
    st.dataframe(styled(shown), hide_index=True, height=TABLE_ROW_PIXELS * (len(shown) + 1) + 3)
    download_buttons(shown, [TITLE, describe(filters, options)], f"dong_viec_{end:%Y%m%d}", "flow.download")
