"""Đơn vị: every unit (or, for the whole country, every province) ranked by both rates with the target and last
year, the place x group heatmap, the table."""

from dataclasses import replace

import streamlit as st

from dashboard.charts.axis_labels import unit_labels
from dashboard.charts.figures import CHART_CONFIG, ranked_rates, rate_heatmap
from dashboard.metrics.formatting import format_percent
from dashboard.ui.breakdowns import KEY, group_rates, table_styles, with_targets
from dashboard.ui.downloads import download_buttons
from dashboard.ui.drill import OFFICERS_PAGE, UNITS_PAGE, clicked_bar, clicked_row, drill_to, trail
from dashboard.ui.filter_bar import chain_choice, heading, shared_filters
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.ui.tables import breakdown_table, rate_frame, styled
from dashboard.ui.text_blocks import caption, notice
from dashboard.view import cache
from dashboard.view.filters import describe, scope_in_sentence, scope_name

CHAINS = {"cases": "về việc", "money": "về tiền"}
# A province has a dozen or so units, the country 34 provinces: the table shows every row at once (35 px a row).
ROW_PIXELS = 35

with database_guard():
    filters, options = shared_filters()
    # The whole country's page ranks its provinces; a province's, or a one-province database's, ranks its units.
    by_province = options.national and not filters.province
    level, place, noun = ("province", "tỉnh, thành phố", "tỉnh") if by_province else ("unit", "đơn vị", "đơn vị")
    title = f"Kết quả thi hành án theo {place}"
    heading(title, replace(filters, unit=None, officer=None), options)
    if filters.province:
        trail(replace(filters, unit=None, officer=None), options)
    end = filters.period_end(options.today)
    # A ranking of one bar says nothing: every unit stays in the comparison and the sidebar's unit is highlighted.
    every_unit = replace(filters.scope(), unit=None, officer=None)
    report = cache.report(end, every_unit, by=level)
    whole = cache.report(end, every_unit)
    # The groups are the heatmap's columns, so it shows all of them whatever group the sidebar narrows to.
    by_group = cache.report(end, replace(every_unit, group=None), by="group")
    by_pair = cache.report(end, replace(every_unit, group=None), by=f"{level}_group")
    # Targets exist only for all the cases of a unit or province (not per group, judgment type or mode).
    narrowed = filters.group or filters.judgment_type or filters.mode
    targets = {} if narrowed else cache.targets(filters.year, "tinh" if by_province else "don_vi")
stop_if_empty(report)

chosen = None if by_province else filters.unit
labels = unit_labels(report["rows"], chosen)
whole_name = scope_name(replace(filters, unit=None), options)
if chosen and chosen not in labels:
    notice(f"{options.units[chosen]} chưa có việc thụ lý trong phạm vi và kỳ đã chọn; "
            "các đơn vị khác vẫn được hiển thị để so sánh.", "info")
elif chosen:
    caption(f"Đơn vị đang chọn ({options.units[chosen]}) được in đậm trên biểu đồ và tô nền trong bảng; "
               "các đơn vị khác được giữ lại để so sánh.")

target = whole["target"] or {}


def open_place(code: str) -> None:
    """Open a province on this page, or a unit on the officers page."""
    if by_province:
        drill_to(UNITS_PAGE, filters, province=code, unit=None, officer=None)
    drill_to(OFFICERS_PAGE, filters, unit=code, officer=None)


for column, (chain, label) in zip(st.columns(2), CHAINS.items()):
    frame = rate_frame(report["rows"], chain)
    frame["name"] = frame["key"].map(labels)
    clicked = clicked_bar(column, ranked_rates(frame, title=f"Tỷ lệ xong {label} theo {place}",
                                               target=target.get(chain)), f"units.{chain}_ranking")
    key_of_label = {shown: key for key, shown in labels.items()}
    if clicked in key_of_label:
        open_place(key_of_label[clicked])
if by_province:
    st.caption("Bấm vào cột của một tỉnh, hoặc vào ô vuông đầu dòng của tỉnh đó trong bảng, để xem các đơn vị của "
               "tỉnh. Mỗi tỉnh gồm văn phòng tỉnh và mọi phòng thi hành án khu vực trực thuộc.")
else:
    st.caption("Bấm vào cột của một đơn vị, hoặc vào ô vuông đầu dòng của đơn vị đó trong bảng, để xem các chấp hành "
               "viên và chuỗi số liệu của đơn vị đó.")
if target:
    caption(f"Đường đứt nét: chỉ tiêu của {scope_in_sentence(replace(filters, unit=None), options)} "
               f"({format_percent(target['cases'])} về việc, {format_percent(target['money'])} về tiền); chỉ tiêu "
               f"riêng của từng {noun} ở bảng dưới. "
               "Hình thoi: tỷ lệ cùng kỳ năm trước. Tỷ lệ lũy kế tăng dần đến cuối năm công tác.")
else:
    st.caption("Phạm vi đang lọc không có chỉ tiêu (chỉ tiêu giao cho toàn bộ việc, không theo nhóm, loại bản án "
               "hay hình thức). Hình thoi: tỷ lệ cùng kỳ năm trước.")

st.subheader(f"Tỷ lệ xong theo {place} và nhóm việc")
heat_chain = chain_choice("Tính theo", "units.heatmap_chain", "nhiet")
st.plotly_chart(rate_heatmap(group_rates(labels, by_pair, by_group, heat_chain, whole_name),
                             title=f"Tỷ lệ xong {CHAINS[heat_chain]} (%) theo {place} và nhóm việc"),
                key="units.heatmap", theme=None, config=CHART_CONFIG)
st.caption("Bản đồ nhiệt luôn gồm cả năm nhóm việc (một việc có thể thuộc nhiều nhóm); "
           f"ô \"—\": {noun} không có việc có điều kiện của nhóm đó.")

st.subheader(f"Bảng số liệu theo {place}")
table = with_targets(breakdown_table(report["rows"], place.capitalize()), targets)
row = clicked_row(st, styled(table).apply(table_styles, axis=None, chosen=chosen), "units.table", hide_index=True,
                  height=ROW_PIXELS * (len(table) + 1) + 3)
if row is not None:
    open_place(table[KEY].iloc[row])
st.caption(f"Số tiền tính bằng đồng. Tỷ lệ tô đỏ: thấp hơn chỉ tiêu năm của chính {noun} đó. "
           f"Bấm vào tên cột để sắp xếp, vào ô vuông đầu dòng để mở {noun}.")
heading_lines = [title, describe(filters, options)]
if chosen:
    heading_lines.append(f"Bảng gồm mọi đơn vị để so sánh; đơn vị đang chọn: {options.units[chosen]}.")
download_buttons(table, heading_lines, f"ket_qua_{'tinh' if by_province else 'don_vi'}_{end:%Y%m%d}",
                 "units.download")
