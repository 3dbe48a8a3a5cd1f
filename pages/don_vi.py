"""Đơn vị: every unit (or, for the whole country, every province) ranked by how far each rate is from its pace,
with last year, the place x group heatmap, the table with the total."""

from dataclasses import replace

import streamlit as st

from dashboard.charts.axis_labels import OWN_CASES, unit_labels
from dashboard.charts.figures import CHART_CONFIG, ranked_rates, rate_heatmap
from dashboard.charts.pace_figures import pace_bars, pace_heatmap
from dashboard.metrics.pace import MIN_RANKED
from dashboard.metrics.formatting import format_percent
from dashboard.ui.breakdowns import KEY, group_rates
from dashboard.ui.downloads import download_buttons
from dashboard.ui.drill import OFFICERS_PAGE, UNITS_PAGE, clicked_bar, clicked_row, drill_to, trail
from dashboard.ui.filter_bar import chain_choice, heading, shared_filters
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.ui.pace_cells import group_cells
from dashboard.ui.pace_notes import status_counts
from dashboard.ui.pace_table import column_help, in_billions, lead_with_pace, pace_styles, with_total
from dashboard.ui.tables import breakdown_table, pace_frame, rate_frame, styled
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
    report = cache.on_track(end, every_unit, by=level)
    whole = cache.on_track(end, every_unit)
    # The groups are the heatmap's columns, so it shows all of them whatever group the sidebar narrows to.
    by_group = cache.report(end, replace(every_unit, group=None), by="group")
    heat_places = cache.on_track(end, replace(every_unit, group=None), by=level)
    heat_whole = cache.on_track(end, replace(every_unit, group=None))
    by_pair = cache.report(end, replace(every_unit, group=None), by=f"{level}_group")
stop_if_empty(report)

chosen = None if by_province else filters.unit
# A province office's own row is told apart only beside the regional offices under it, not among provinces.
offices = frozenset() if by_province else options.province_offices
labels = unit_labels(report["rows"], chosen, offices)
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


# Without any pace (a narrowed scope, or no target) the bars are ranked by rate against the scope's target.
paced = any(row["pace"] for row in report["rows"])
# Ranked by pace, each chain takes the page's width: long unit names and the counts column leave half a page
# too little room for the bars.
places = [st, st] if paced else st.columns(2)
for column, (chain, label) in zip(places, CHAINS.items()):
    if paced:
        frame = pace_frame(report["rows"], chain, labels)
        figure = pace_bars(frame, title=f"Tỷ lệ xong {label} so với mức cần đạt")
        status_counts(frame, noun, column)
    else:
        frame = rate_frame(report["rows"], chain)
        frame["name"] = frame["key"].map(labels)
        figure = ranked_rates(frame, title=f"Tỷ lệ xong {label} theo {place}", target=target.get(chain))
    clicked = clicked_bar(column, figure, f"units.{chain}_ranking")
    key_of_label = {shown: key for key, shown in labels.items()}
    if clicked in key_of_label:
        open_place(key_of_label[clicked])
if by_province:
    st.caption("Bấm vào cột của một tỉnh, hoặc vào ô vuông đầu dòng của tỉnh đó trong bảng, để xem các đơn vị của "
               "tỉnh. Mỗi tỉnh gồm văn phòng tỉnh và mọi phòng thi hành án khu vực trực thuộc.")
else:
    st.caption("Bấm vào cột của một đơn vị, hoặc vào ô vuông đầu dòng của đơn vị đó trong bảng, để xem các chấp hành "
               "viên và số liệu về việc, về tiền của đơn vị đó.")
if paced:
    st.caption(f"Mỗi {noun} được so với mức cần đạt đến nay để về đích chỉ tiêu năm của chính mình (vạch đen), "
               "xếp từ xa mức đó nhất; màu: xanh đúng tiến độ, vàng cần chú ý, đỏ chậm tiến độ, xám không xếp "
               "hạng. Hình thoi: tỷ lệ cùng kỳ năm trước. Bên phải: tỷ lệ và số việc xong/có điều kiện.")
elif target:
    caption(f"Đường đứt nét: chỉ tiêu của {scope_in_sentence(replace(filters, unit=None), options)} "
            f"({format_percent(target['cases'])} về việc, {format_percent(target['money'])} về tiền). "
            "Hình thoi: tỷ lệ cùng kỳ năm trước. Tỷ lệ lũy kế tăng dần đến cuối năm công tác.")
else:
    st.caption("Phạm vi đang lọc không có chỉ tiêu (chỉ tiêu giao cho toàn bộ việc, không theo nhóm, loại bản án "
               "hay hình thức). Hình thoi: tỷ lệ cùng kỳ năm trước.")

st.subheader(f"Tỷ lệ xong theo {place} và nhóm việc")
heat_chain = chain_choice("Tính theo", "units.heatmap_chain", "nhiet")
heat_title = f"Tỷ lệ xong {CHAINS[heat_chain]} (%) theo {place} và nhóm việc"
heat_paced = any(row["pace"] for row in heat_places["rows"])
if heat_paced:
    heat_labels = unit_labels(heat_places["rows"], chosen, offices)
    cells = group_cells(heat_labels, heat_places["rows"], by_pair, heat_whole, by_group, heat_chain, whole_name)
    heatmap = pace_heatmap(cells, title=heat_title)
else:
    heatmap = rate_heatmap(group_rates(labels, by_pair, by_group, heat_chain, whole_name), title=heat_title)
st.plotly_chart(heatmap, key="units.heatmap", theme=None, config=CHART_CONFIG)
st.caption("Bản đồ nhiệt luôn gồm cả năm nhóm việc (một việc có thể thuộc nhiều nhóm); "
           f"ô \"—\": {noun} không có việc có điều kiện của nhóm đó."
           + (f" Mỗi ô: tỷ lệ và số việc xong/có điều kiện; màu so với mức cần đạt đến nay của chính {noun} đó "
              f"(nhóm việc không có chỉ tiêu riêng), xám: dưới {MIN_RANKED} việc, không xếp hạng." if heat_paced
              else ""))

st.subheader(f"Bảng số liệu theo {place}")
name_column = place.capitalize()
rows = with_total(report["rows"], whole, whole_name)
table = lead_with_pace(breakdown_table(rows, name_column), rows)
table[name_column] = [whole_name, *(row["name"] + (OWN_CASES if row["key"] in offices else "")
                                    for row in report["rows"])]
shown = in_billions(table)
row = clicked_row(st, styled(shown, tuple(label for label in shown.columns if "tỷ đồng" in label))
                  .apply(pace_styles, axis=None, chosen=chosen), "units.table", hide_index=True,
                  height=ROW_PIXELS * (len(shown) + 1) + 3,
                  column_config=column_help(shown, name_column))
if row is not None and table[KEY].iloc[row]:
    open_place(table[KEY].iloc[row])
st.caption(f"Dòng đầu: {whole_name}. Số tiền tính bằng tỷ đồng (tệp tải về giữ số đồng). Cột tiến độ tô màu theo "
           f"mức cần đạt của chính {noun} đó. Bấm vào tên cột để sắp xếp, vào ô vuông đầu dòng để mở {noun}.")
heading_lines = [title, describe(filters, options)]
if chosen:
    heading_lines.append(f"Bảng gồm mọi đơn vị để so sánh; đơn vị đang chọn: {options.units[chosen]}.")
download_buttons(table, heading_lines, f"ket_qua_{'tinh' if by_province else 'don_vi'}_{end:%Y%m%d}",
                 "units.download")
