"""Cảnh báo: what needs a decision this month: who is behind pace, large cases with no collection, cases without
action, verifications due, the classification watch by place and officer, and how far the data can be trusted."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.charts.axis_labels import short_unit_names
from dashboard.charts.figures import CHART_CONFIG
from dashboard.charts.flow_figures import late_share_bars
from dashboard.metrics.flow_labels import WARNING_LABELS, WATCH_LABELS
from dashboard.metrics.formatting import format_count
from dashboard.metrics.periods import window_ending
from dashboard.metrics.watch import EVEN_LATE_SHARE, unsettled_months
from dashboard.metrics.watch_text import unsettled_note
from dashboard.text.escape import plotly_text
from dashboard.ui.alert_tables import (
    STALE_DAYS, WATCH_LISTS, behind_frame, downgrade_frame, identity_frame, last_days_frame, watch_frame,
)
from dashboard.ui.case_views import EXPORT_CAP, ListState
from dashboard.ui.closing_view import revision_table
from dashboard.ui.count_links import count_card, count_cards, list_address
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filter_bar import heading, shared_filters, write_url_part
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.ui.import_view import history
from dashboard.ui.tables import TABLE_ROW_PIXELS, styled
from dashboard.view import cache
from dashboard.ui.text_blocks import notice
from dashboard.view.filters import describe
from dashboard.view.session import current_viewer
from dashboard.view.url_values import LARGEST_WHOLE, refused, whole_number

TITLE = "Cảnh báo"
WARNING_LISTS = {
    "large_idle": ListState(cell="carried", warning="large_idle"),
    "without_action": ListState(cell="carried", warning="without_action", sort="age_days"),
    "verification_due": ListState(cell="caseload", warning="verification_due", sort="age_days"),
}
# The downgrade list's choice and page in the URL, and the widgets that hold them.
LIST_PARAMETER, PAGE_PARAMETER = "ds", "trang_chuyen"
LIST_IN_URL = {"downgrades": "tat_ca", "late": "cuoi_thang", "bounce_backs": "quay_lai"}
LIST_KEY, PAGE_KEY, WRITTEN_KEY = "alerts.watch_list", "alerts.watch_page", "alerts.watch_written"
WATCH_PAGE = 50
LIST_WORDS = {"downgrades": "Mọi lần chuyển sang chưa có điều kiện", "late": "Chỉ trong 7 ngày cuối tháng",
              "bounce_backs": "Chỉ những lần quay lại trong 30 ngày"}


def watch_list_choice() -> tuple[str, int]:
    """Draw the choice of downgrade list, kept with its page in the URL (`ds`, `trang_chuyen`); return both."""
    query = st.query_params.to_dict()
    asked = {value: name for name, value in LIST_IN_URL.items()}.get(query.get(LIST_PARAMETER, ""), "downgrades")
    if query.get(LIST_PARAMETER, "") not in ("", *LIST_IN_URL.values()):
        notice(refused(LIST_PARAMETER, query[LIST_PARAMETER], "đang hiển thị mọi lần chuyển"))
    page = whole_number(query.get(PAGE_PARAMETER, "1"), 1, LARGEST_WHOLE // WATCH_PAGE) or 1
    if st.session_state.get(WRITTEN_KEY) != (asked, page):
        st.session_state[LIST_KEY], st.session_state[PAGE_KEY] = asked, page
    which = st.radio("Danh sách", WATCH_LISTS, format_func=LIST_WORDS.get, horizontal=True, key=LIST_KEY,
                     on_change=lambda: st.session_state.update({PAGE_KEY: 1}))
    page = st.session_state[PAGE_KEY]
    written = {LIST_PARAMETER: LIST_IN_URL[which]} if which != "downgrades" else {}
    written |= {PAGE_PARAMETER: str(page)} if page != 1 else {}
    write_url_part((LIST_PARAMETER, PAGE_PARAMETER), written, "alerts.written")
    st.session_state[WRITTEN_KEY] = (which, page)
    return which, page


def _table(frame: pd.DataFrame, key: str) -> None:
    st.dataframe(styled(frame), key=key, hide_index=True, height=TABLE_ROW_PIXELS * (min(len(frame), 15) + 1) + 3)


with database_guard():
    filters, options = shared_filters()
    heading(TITLE, filters, options)
    end = filters.period_end(options.today)
    scope = filters.scope()
    report = cache.report(end, scope)
    stop_if_empty(report)
    window = window_ending(end)
    warning_counts = cache.warnings(end, scope)
    level, place = ("province", "Tỉnh, thành phố") if options.national and not filters.province else ("unit", "Đơn vị")
    every_place = replace(scope, unit=None, officer=None)
    places = None if filters.unit or filters.officer else cache.on_track(end, every_place, by=level)
    with_officers = not filters.officer and not (options.national and not filters.province)
    officers = cache.on_track(end, replace(scope, officer=None), by="officer") if with_officers else None
    watch = cache.watch(end, scope)
    watch_places = None if places is None or level != "unit" else cache.watch(end, every_place, by="unit")
    watch_officers = cache.watch(end, replace(scope, officer=None), by="officer") if with_officers else None
    state = cache.data_state()
    last_days = cache.unit_last_days()
    runs = history(5)
    closed = cache.closed(end)
    revisions = revision_table(end) if closed is not None else None

count_cards([count_card(WARNING_LABELS[name], warning_counts[name], list_address(filters, WARNING_LISTS[name]))
             for name in WARNING_LISTS])
st.caption("Bấm vào một ô để xem danh sách các việc. Việc lớn: còn từ 1 tỷ đồng hoặc thuộc nhóm trọng điểm. Lâu không "
           "có tác nghiệp: việc có điều kiện không có sự kiện nào trong hơn 180 ngày. Quá hạn xác minh: việc chưa có "
           "điều kiện không được xác minh hay phân loại lại trong hơn 183 ngày (hơn 366 ngày khi ở sổ theo dõi "
           "riêng).")

st.subheader("Chậm tiến độ")
names = {} if places is None else short_unit_names(places["rows"], frozenset() if level == "province"
                                                    else options.province_offices)
behind_places = None if places is None else behind_frame(places["rows"], names, place)
behind_officers = None if officers is None else behind_frame(officers["rows"], options.officers, "Chấp hành viên")
for frame, noun, key in ((behind_places, place.lower(), "alerts.behind_places"),
                         (behind_officers, "chấp hành viên", "alerts.behind_officers")):
    if frame is None:
        continue
    if frame.empty:
        st.caption(f"Không có {noun} nào chậm tiến độ.")
    else:
        st.markdown(f"**{format_count(len(frame))} {noun} chậm tiến độ** (dưới mức cần đạt để về đích chỉ tiêu năm)")
        _table(frame, key)

st.subheader("Theo dõi phân loại án")
st.caption(f"Một việc chuyển từ có điều kiện sang chưa có điều kiện ngay trước ngày báo cáo ra khỏi mẫu số và làm "
           f"tỷ lệ cao lên. Nếu việc chuyển rải đều trong tháng, khoảng {EVEN_LATE_SHARE}% rơi vào 7 ngày cuối tháng. "
           "Số liệu để xem lại, không để kết luận.")
count_cards([count_card(WATCH_LABELS[key], watch[key], "#danh-sach-chuyen") for key in
             ("downgrades", "late", "bounce_backs")])
note = unsettled_note(unsettled_months(end, state.last_day))
if note:
    st.caption(note)
if watch_places is not None and watch_places["rows"]:
    frame = pd.DataFrame([{"name": plotly_text(names.get(row["key"], row["name"])), "late_share": row["late_share"],
                           "downgrades": row["downgrades"]} for row in watch_places["rows"]])
    st.plotly_chart(late_share_bars(frame, title="Tỷ lệ chuyển sang chưa có điều kiện trong 7 ngày cuối tháng",
                                    even=EVEN_LATE_SHARE), key="alerts.late_share", theme=None, config=CHART_CONFIG)
    _table(watch_frame(watch_places["rows"], names, place), "alerts.watch_places")
if watch_officers is not None and watch_officers["rows"]:
    st.markdown("**Theo chấp hành viên** (nhiều lần quay lại, rồi nhiều lần chuyển cuối tháng nhất trước)")
    _table(watch_frame(watch_officers["rows"], options.officers, "Chấp hành viên"), "alerts.watch_officers")

st.markdown('<a id="danh-sach-chuyen"></a>', unsafe_allow_html=True)
with database_guard(pin=False):
    which, page = watch_list_choice()
    rows, total = cache.downgrades(window.start, end, scope, which, (page - 1) * WATCH_PAGE, WATCH_PAGE)
if total:
    last = max(1, -(-total // WATCH_PAGE))
    shown = downgrade_frame(rows, options.units, options.officers)
    st.markdown(f"**{format_count(total)} lần chuyển**, mới nhất trước; trang {format_count(min(page, last))}/"
                f"{format_count(last)}")
    _table(shown, "alerts.downgrades")
    st.number_input("Trang", min_value=1, max_value=last, step=1, key=PAGE_KEY)
    viewer, data_version = current_viewer(), cache.version()
    download_buttons(lambda: downgrade_frame(cache.downgrades_as(viewer, data_version, window.start, end, scope,
                                                                 which, 0, EXPORT_CAP)[0],
                                             options.units, options.officers),
                     [TITLE, describe(filters, options), LIST_WORDS[which]],
                     f"chuyen_chua_co_dieu_kien_{end:%Y%m%d}", "alerts.downgrades_download")
else:
    st.caption("Không có lần chuyển nào trong kỳ và phạm vi đã chọn.")

st.subheader("Độ tin cậy của số liệu")
# Stacked, not side by side: the tables keep every column readable on a 1366-pixel screen.
st.markdown("**Dữ liệu của từng đơn vị đến ngày**")
days = last_days_frame(last_days, options.units, state.last_day)
_table(days, "alerts.last_days")
stale = int((days["Tình trạng"] == "Dừng sớm").sum())
st.caption(f"Dừng sớm: dữ liệu của đơn vị dừng từ {STALE_DAYS} ngày trở lên trước ngày cuối của toàn bộ dữ liệu. "
           f"{format_count(stale)} đơn vị dừng sớm.")
st.markdown("**Các đẳng thức của chuỗi số liệu trong kỳ**")
_table(identity_frame(report), "alerts.identities")
st.markdown("**Các lần nhập gần nhất**")
if not runs.empty:
    _table(runs, "alerts.imports")
else:
    st.caption("Chưa có lần nhập nào được ghi lại.")
if closed is not None:
    st.markdown("**Thay đổi sau khi chốt kỳ này**")
    if revisions is None or revisions.empty:
        st.caption("Các lần nhập sau khi chốt chưa làm thay đổi số liệu nào của kỳ này.")
    else:
        _table(revisions, "alerts.revisions")
