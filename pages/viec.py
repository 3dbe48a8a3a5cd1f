"""Chi tiết việc: one case's fields, its current state, its events and its money over time."""

import streamlit as st

from dashboard.charts.figures import CHART_CONFIG, money_over_time
from dashboard.metrics.formatting import format_count
from dashboard.ui.case_story import current_state, field_table, find_case, latest_event, money_frame, timeline_table
from dashboard.ui.case_views import PARAMETERS as LIST_PARAMETERS
from dashboard.ui.drill import CASE_PARAMETER, trail
from dashboard.ui.filter_bar import data_notes, shared_filters
from dashboard.ui.guards import database_guard
from dashboard.ui.tables import TABLE_ROW_PIXELS
from dashboard.ui.text_blocks import caption, notice
from dashboard.view import cache
from dashboard.view.url_values import case_code, cut

# The shared filters rewrite the URL, so the case code is read before they run and written back after. A code in
# the URL other than the one this page last wrote (a new drill, back or forward) replaces the box's.
asked = st.query_params.get(CASE_PARAMETER, "")
if "case.code" not in st.session_state or asked != st.session_state.get("case.written", asked):
    st.session_state["case.code"] = asked
# The list this case was opened from, as its URL parameters, for the step back in the breadcrumb.
came_from = {key: value for key, value in st.query_params.to_dict().items() if key in LIST_PARAMETERS.values()}
with database_guard():
    filters, options = shared_filters()
    st.title("Chi tiết việc")
    data_notes()
    shown = st.session_state["case.code"].strip()
    trail(filters, options, f"Việc {cut(shown)}" if shown else "Chi tiết việc", came_from or None)
    code = st.text_input("Mã việc", key="case.code", placeholder="Nhập mã việc, ví dụ V2024-00001").strip()
    st.session_state["case.written"] = code
    if not code:
        st.query_params.pop(CASE_PARAMETER, None)
        st.info("Nhập mã việc để xem thông tin, diễn biến và số tiền của việc.")
        st.stop()
    st.query_params[CASE_PARAMETER] = code
    # A code no import could hold is not looked up: the database would only be asked to refuse it.
    detail = find_case(cache.reader(), code) if case_code(code) else None
if detail is None:
    notice(f"Không có việc mã {cut(code)}. Hãy kiểm tra lại mã việc.")
    st.stop()

state = current_state(detail)
st.subheader("Tình trạng hiện tại")
for column, (label, value) in zip(st.columns(4), (
    ("Trạng thái", state["status"]),
    ("Đã thu (đồng)", format_count(state["collected"])),
    ("Đã giảm (đồng)", format_count(state["reduced"])),
    ("Còn phải thi hành (đồng)", format_count(state["remaining"])),
)):
    column.metric(label, value)
caption(f"Trạng thái từ ngày {state['since']}; chấp hành viên phụ trách: {state['officer']}. "
        f"Sự kiện gần nhất: {latest_event(detail) or 'chưa có'}.")

left, right = st.columns([2, 3])
with left:
    st.subheader("Thông tin việc")
    fields = field_table(detail)
    st.dataframe(fields, key="case.fields", hide_index=True, width="stretch",
                 height=TABLE_ROW_PIXELS * (len(fields) + 1) + 3)
right.plotly_chart(money_over_time(money_frame(detail), title=f"Số tiền của việc {detail['code']} theo thời gian"),
                   key="case.money", theme=None, config=CHART_CONFIG)

st.subheader("Diễn biến thi hành án")
timeline = timeline_table(detail)
if timeline.empty:
    st.info("Việc này chưa có sự kiện nào sau khi thụ lý.")
else:
    st.dataframe(timeline, key="case.timeline", hide_index=True, width="stretch",
                 height=TABLE_ROW_PIXELS * (len(timeline) + 1) + 3)
