"""Đơn vị: every unit ranked by both rates with the target and last year, the unit x group heatmap, the table."""

from dataclasses import replace

import streamlit as st

from dashboard import cache
from dashboard.breakdowns import KEY, group_rates, table_styles, unit_labels, with_targets
from dashboard.charts import rate_heatmap, ranked_rates
from dashboard.drill import OFFICERS_PAGE, clicked_bar, clicked_row, drill_to
from dashboard.filter_bar import chain_choice, heading, shared_filters
from dashboard.filters import describe
from dashboard.formatting import format_percent
from dashboard.tables import breakdown_table, rate_frame
from dashboard.ui import CHART_CONFIG, database_guard, download_buttons, stop_if_empty, styled

TITLE = "Kết quả thi hành án theo đơn vị"
CHAINS = {"cases": "về việc", "money": "về tiền"}
# A province has a dozen or so units: the table shows every row at once (35 px a row in st.dataframe).
ROW_PIXELS = 35

with database_guard():
    filters, options = shared_filters()
    heading(TITLE, replace(filters, officer=None), options)
    end = filters.period_end(options.today)
    # A ranking of one bar says nothing: every unit stays in the comparison and the sidebar's unit is highlighted.
    every_unit = replace(filters.scope(), unit=None, officer=None)
    report = cache.report(end, every_unit, by="unit")
    province = cache.report(end, every_unit)
    # The groups are the heatmap's columns, so it shows all of them whatever group the sidebar narrows to.
    by_group = cache.report(end, replace(every_unit, group=None), by="group")
    by_pair = cache.report(end, replace(every_unit, group=None), by="unit_group")
    # Targets exist only for all the cases of a unit (not per group, judgment type or mode).
    narrowed = filters.group or filters.judgment_type or filters.mode
    targets = {} if narrowed else cache.targets(filters.year, "don_vi")
stop_if_empty(report)

chosen = filters.unit
labels = unit_labels(report["rows"], chosen)
if chosen and chosen not in labels:
    st.info(f"{options.units[chosen]} chưa có việc thụ lý trong phạm vi và kỳ đã chọn; "
            "các đơn vị khác vẫn được hiển thị để so sánh.")
elif chosen:
    st.caption(f"Đơn vị đang chọn ({options.units[chosen]}) được in đậm trên biểu đồ và tô nền trong bảng; "
               "các đơn vị khác được giữ lại để so sánh.")

target = province["target"] or {}
for place, (chain, label) in zip(st.columns(2), CHAINS.items()):
    frame = rate_frame(report["rows"], chain)
    frame["name"] = frame["key"].map(labels)
    clicked = clicked_bar(place, ranked_rates(frame, title=f"Tỷ lệ xong {label} theo đơn vị", target=target.get(chain)),
                          f"units.{chain}_ranking")
    unit_of_label = {shown: key for key, shown in labels.items()}
    if clicked in unit_of_label:
        drill_to(OFFICERS_PAGE, filters, unit=unit_of_label[clicked], officer=None)
st.caption("Bấm vào cột của một đơn vị, hoặc vào ô vuông đầu dòng của đơn vị đó trong bảng, để xem các chấp hành "
           "viên và chuỗi số liệu của đơn vị đó.")
if target:
    st.caption(f"Đường đứt nét: chỉ tiêu của toàn tỉnh ({format_percent(target['cases'])} về việc, "
               f"{format_percent(target['money'])} về tiền); chỉ tiêu riêng của từng đơn vị ở bảng dưới. "
               "Hình thoi: tỷ lệ cùng kỳ năm trước. Tỷ lệ lũy kế tăng dần đến cuối năm công tác.")
else:
    st.caption("Phạm vi đang lọc không có chỉ tiêu (chỉ tiêu giao cho toàn bộ việc, không theo nhóm, loại bản án "
               "hay hình thức). Hình thoi: tỷ lệ cùng kỳ năm trước.")

st.subheader("Tỷ lệ xong theo đơn vị và nhóm việc")
heat_chain = chain_choice("Tính theo", "units.heatmap_chain", "nhiet")
st.plotly_chart(rate_heatmap(group_rates(labels, by_pair, by_group, heat_chain),
                             title=f"Tỷ lệ xong {CHAINS[heat_chain]} (%) theo đơn vị và nhóm việc"),
                key="units.heatmap", theme=None, config=CHART_CONFIG)
st.caption("Bản đồ nhiệt luôn gồm cả năm nhóm việc (một việc có thể thuộc nhiều nhóm); "
           "ô \"—\": đơn vị không có việc có điều kiện của nhóm đó.")

st.subheader("Bảng số liệu theo đơn vị")
table = with_targets(breakdown_table(report["rows"], "Đơn vị"), targets)
row = clicked_row(st, styled(table).apply(table_styles, axis=None, chosen=chosen), "units.table", hide_index=True,
                  height=ROW_PIXELS * (len(table) + 1) + 3)
if row is not None:
    drill_to(OFFICERS_PAGE, filters, unit=table[KEY].iloc[row], officer=None)
st.caption("Số tiền tính bằng đồng. Tỷ lệ tô đỏ: thấp hơn chỉ tiêu năm của chính đơn vị đó. "
           "Bấm vào tên cột để sắp xếp, vào ô vuông đầu dòng để mở đơn vị.")
heading_lines = [TITLE, describe(filters, options)]
if chosen:
    heading_lines.append(f"Bảng gồm mọi đơn vị để so sánh; đơn vị đang chọn: {options.units[chosen]}.")
download_buttons(table, heading_lines, f"ket_qua_don_vi_{end:%Y%m%d}", "units.download")
