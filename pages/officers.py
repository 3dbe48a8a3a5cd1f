"""Chấp hành viên: each officer's caseload, completions and both rates, those below the target standing out."""

from dataclasses import replace

import streamlit as st

from dashboard import cache
from dashboard.breakdowns import BILLION_COLUMNS, officer_labels, officer_table, table_styles, with_targets
from dashboard.charts import ranked_rates
from dashboard.filter_bar import heading, shared_filters
from dashboard.filters import describe
from dashboard.formatting import format_percent
from dashboard.tables import rate_frame
from dashboard.ui import CHART_CONFIG, breadcrumbs, database_guard, download_buttons, stop_if_empty, styled

TITLE = "Kết quả thi hành án theo chấp hành viên"
CHAINS = {"cases": "về việc", "money": "về tiền"}
# Beyond this many officers the bars scroll inside a frame of SCROLL_HEIGHT pixels, keeping the table in reach.
SCROLL_FROM_ROWS = 25
SCROLL_HEIGHT = 760

with database_guard():
    filters, options = shared_filters()
    heading(TITLE, filters, options)
    unit = filters.unit
    if unit:
        breadcrumbs([("Toàn tỉnh", "pages/units.py", replace(filters, unit=None)),
                     (options.units[unit], None, filters)])
    end = filters.period_end(options.today)
    report = cache.report(end, filters.scope(), by="officer")
    overall = cache.report(end, filters.scope())
    # Targets are set for an officer's whole caseload, so a narrowed scope has none.
    narrowed = filters.group or filters.judgment_type or filters.mode
    own_targets = {} if narrowed else cache.targets(filters.year, "chv")
stop_if_empty(report)

target = overall["target"]
owner = f"đơn vị {options.units[unit]}" if unit else "toàn tỉnh"
if target:
    st.caption(f"Mỗi chấp hành viên được so với chỉ tiêu năm giao riêng cho mình (nếu chưa giao thì với chỉ tiêu của "
               f"{owner}). Đường đứt nét: chỉ tiêu của {owner}, {format_percent(target['cases'])} về việc, "
               f"{format_percent(target['money'])} về tiền. Tỷ lệ lũy kế tăng dần đến cuối năm công tác.")
else:
    st.caption("Phạm vi đang lọc không có chỉ tiêu (chỉ tiêu giao cho toàn bộ việc, không theo nhóm, loại bản án "
               "hay hình thức), nên không tô màu theo chỉ tiêu.")
st.caption("Việc được tính cho chấp hành viên được phân công khi việc kết thúc trong kỳ, "
           "nếu chưa kết thúc thì cho người đang được phân công vào cuối kỳ.")

chain = st.radio("Xếp hạng theo", tuple(CHAINS), key="officers.chain", horizontal=True,
                 format_func=lambda name: CHAINS[name].capitalize())
frame = rate_frame(report["rows"], chain)
frame["name"] = frame["key"].map(officer_labels(report["rows"]))
frame["target"] = [own_targets.get(key, {}).get(chain) for key in frame["key"]]
figure = ranked_rates(frame, title=f"Tỷ lệ xong {CHAINS[chain]} của {len(frame)} chấp hành viên",
                      target=(target or {}).get(chain), highlight_below_target=True)
with st.container(height=SCROLL_HEIGHT if len(frame) > SCROLL_FROM_ROWS else "content", border=False):
    st.plotly_chart(figure, key="officers.ranking", theme=None, config=CHART_CONFIG)

st.subheader("Bảng số liệu theo chấp hành viên")
table = with_targets(officer_table(report["rows"]), {key: own_targets.get(key, target) for key in frame["key"]})
st.dataframe(styled(table, BILLION_COLUMNS).apply(table_styles, axis=None), key="officers.table", hide_index=True)
st.caption(("Tỷ lệ tô đỏ: thấp hơn chỉ tiêu năm của chấp hành viên. " if target else "")
           + "Bấm vào tên cột để sắp xếp.")
download_buttons(table, [TITLE, describe(filters, options)], f"ket_qua_chap_hanh_vien_{end:%Y%m%d}",
                 "officers.download")
