"""Chấp hành viên: each officer's rates against their own pace, furthest behind first, with their caseload."""

from dataclasses import replace

import streamlit as st

from dashboard.charts.axis_labels import officer_labels, short_unit_names
from dashboard.charts.figures import ranked_rates
from dashboard.charts.pace_figures import pace_bars
from dashboard.metrics.formatting import format_percent
from dashboard.text.escape import plotly_text
from dashboard.ui.breakdowns import BILLION_COLUMNS, KEY, officer_table
from dashboard.ui.case_views import ListState
from dashboard.ui.downloads import download_buttons
from dashboard.ui.drill import chain_tables, clicked_bar, clicked_row, open_case_list, trail
from dashboard.ui.filter_bar import chain_choice, heading, shared_filters
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.ui.pace_notes import status_counts
from dashboard.ui.pace_table import column_help, lead_with_pace, pace_styles, with_total
from dashboard.ui.tables import pace_frame, rate_frame, styled
from dashboard.ui.text_blocks import caption, subheading
from dashboard.view import cache
from dashboard.view.filters import describe, scope_in_sentence

TITLE = "Kết quả thi hành án theo chấp hành viên"
CHAINS = {"cases": "về việc", "money": "về tiền"}
# Beyond this many officers the bars scroll inside a frame of SCROLL_HEIGHT pixels, keeping the table in reach.
SCROLL_FROM_ROWS = 25
SCROLL_HEIGHT = 760

with database_guard():
    filters, options = shared_filters()
    heading(TITLE, replace(filters, officer=None), options)
    unit = filters.unit
    if unit or filters.province:
        trail(replace(filters, officer=None), options)
    if options.national and not filters.province:
        st.info("Cả nước có hàng nghìn chấp hành viên: chọn một tỉnh (hoặc một đơn vị) ở thanh bên trái, hoặc bấm vào "
                "một tỉnh trên trang Đơn vị, để xem các chấp hành viên của tỉnh đó.")
        st.stop()
    end = filters.period_end(options.today)
    # Every officer of the unit stays in the ranking; the sidebar's officer is the one drilled into.
    every_officer = replace(filters.scope(), officer=None)
    report = cache.on_track(end, every_officer, by="officer")
    overall = cache.on_track(end, every_officer)
stop_if_empty(report)

target = overall["target"]
owner = f"đơn vị {options.units[unit]}" if unit else scope_in_sentence(filters, options)
paced = any(row["pace"] for row in report["rows"])
if paced:
    st.caption("Mỗi chấp hành viên được so với mức cần đạt đến nay để về đích chỉ tiêu năm giao riêng cho mình "
               "(vạch đen), xếp từ người xa mức đó nhất; màu: xanh đúng tiến độ, vàng cần chú ý, đỏ chậm tiến độ, "
               "xám không xếp hạng. Bên phải: tỷ lệ và số việc xong/có điều kiện.")
elif target:
    caption(f"Đường đứt nét: chỉ tiêu của {owner}, {format_percent(target['cases'])} về việc, "
            f"{format_percent(target['money'])} về tiền. Tỷ lệ lũy kế tăng dần đến cuối năm công tác.")
else:
    st.caption("Phạm vi đang lọc không có chỉ tiêu (chỉ tiêu giao cho toàn bộ việc, không theo nhóm, loại bản án "
               "hay hình thức), nên không tô màu theo chỉ tiêu.")
st.caption("Việc được tính cho chấp hành viên được phân công khi việc kết thúc trong kỳ, "
           "nếu chưa kết thúc thì cho người đang được phân công vào cuối kỳ.")

chain = chain_choice("Xếp hạng theo", "officers.chain", "xep")
labels = officer_labels(report["rows"])
if not unit:
    # Across a province each bar names the officer's unit: two offices may each have a "Trần Xuân Hoa".
    units = short_unit_names([{"key": code, "name": name} for code, name in options.units.items()])
    labels = {key: f"{label} · {plotly_text(units.get(options.officer_units.get(key), ''))}"
              for key, label in labels.items()}
title = f"Tỷ lệ xong {CHAINS[chain]} của {len(report['rows'])} chấp hành viên"
if paced:
    frame = pace_frame(report["rows"], chain, labels)
    status_counts(frame, "chấp hành viên")
    figure = pace_bars(frame, title=f"{title} so với mức cần đạt")
else:
    frame = rate_frame(report["rows"], chain)
    frame["name"] = frame["key"].map(labels)
    figure = ranked_rates(frame, title=title, target=(target or {}).get(chain))
with st.container(height=SCROLL_HEIGHT if len(frame) > SCROLL_FROM_ROWS else "content", border=False):
    clicked = clicked_bar(st, figure, "officers.ranking")
officer_of_label = {label: key for key, label in frame.set_index("key")["name"].items()}
if clicked in officer_of_label:
    open_case_list(filters, ListState(chain=chain), officer=officer_of_label[clicked])
st.caption("Bấm vào cột của một chấp hành viên, hoặc vào ô vuông đầu dòng của người đó trong bảng, để xem danh "
           "sách việc của người đó.")

st.subheader("Bảng số liệu theo chấp hành viên")
rows = with_total(report["rows"], overall, f"Tổng {owner}")
table = lead_with_pace(officer_table(rows), rows)
row = clicked_row(st, styled(table, BILLION_COLUMNS).apply(pace_styles, axis=None), "officers.table",
                  hide_index=True, column_config=column_help(table, "Chấp hành viên"))
if row is not None and table[KEY].iloc[row]:
    open_case_list(filters, ListState(chain=chain), officer=table[KEY].iloc[row])
st.caption("Dòng đầu: tổng của cả phạm vi. Cột tiến độ tô màu theo mức cần đạt của chính chấp hành viên. "
           "Bấm vào tên cột để sắp xếp, vào ô vuông đầu dòng để mở danh sách việc của chấp hành viên.")
download_buttons(table, [TITLE, describe(replace(filters, officer=None), options)],
                 f"ket_qua_chap_hanh_vien_{end:%Y%m%d}", "officers.download")

subheading(f"Số liệu về việc và về tiền của {owner}")
chain_tables(overall, replace(filters, officer=None), "officers")
