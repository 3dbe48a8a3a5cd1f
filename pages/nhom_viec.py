"""Nhóm việc: each group's two rates with their change on last year, and its share of the caseload and money."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.charts.axis_labels import two_lines
from dashboard.charts.figures import CHART_CONFIG, paired_rates, share_bars
from dashboard.metrics.chains import rate
from dashboard.metrics.formatting import rate_change
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filter_bar import heading, shared_filters
from dashboard.ui.guards import database_guard, stop_if_empty
from dashboard.ui.tables import styled
from dashboard.view import cache
from dashboard.view.filters import describe

TITLE = "Kết quả theo nhóm việc"
TABLE_COLUMNS = {
    "name": "Nhóm việc",
    "cases_enforceable": "Có điều kiện (việc)",
    "cases_completed": "Thi hành xong (việc)",
    "cases_rate": "Tỷ lệ về việc (%)",
    "cases_change": "± việc (điểm)",
    "money_enforceable": "Có điều kiện (đồng)",
    "money_completed": "Thi hành xong (đồng)",
    "money_rate": "Tỷ lệ về tiền (%)",
    "money_change": "± tiền (điểm)",
    "case_share": "Tỷ trọng việc (%)",
    "money_share": "Tỷ trọng tiền (%)",
}
# Names longer than this go on two lines under a bar chart's columns.
SHORT_NAME = 14
OVERLAP_NOTE = ("Một việc có thể thuộc nhiều nhóm nên các tỷ trọng không cộng lại thành 100%. Tỷ trọng = số thụ lý "
                "của nhóm / tổng số thụ lý của phạm vi đã chọn (về việc và về tiền).")


def _group_frame(rows: list[dict], whole: dict) -> pd.DataFrame:
    """Rows: one per group, largest share of the caseload first; columns: TABLE_COLUMNS and last year's rates."""
    records = []
    for row in rows:
        record = {"name": row["name"]}
        for chain in ("cases", "money"):
            now, last_year = row[chain], row["same_period_last_year"][chain]
            record |= {f"{chain}_enforceable": now["enforceable"], f"{chain}_completed": now["completed"],
                       f"{chain}_rate": now["rate"], f"{chain}_change": rate_change(now["rate"], last_year["rate"]),
                       f"{chain}_last_year": last_year["rate"]}
        record |= {"case_share": rate(row["cases"]["caseload"], whole["cases"]["caseload"]),
                   "money_share": rate(row["money"]["caseload"], whole["money"]["caseload"])}
        records.append(record)
    return pd.DataFrame(records).sort_values("case_share", ascending=False, kind="stable", ignore_index=True)


with database_guard():
    filters, options = shared_filters()
    # Every group is shown side by side, so the sidebar's group filter does not narrow this page.
    all_groups = replace(filters, group=None)
    heading(TITLE, all_groups, options)
    end = filters.period_end(options.today)
    by_group = cache.report(end, all_groups.scope(), by="group")
    whole = cache.report(end, all_groups.scope())
st.caption("Trang này so sánh mọi nhóm việc nên không áp dụng bộ lọc «Nhóm việc» ở thanh bên; "
           "các bộ lọc khác vẫn áp dụng.")
stop_if_empty(by_group, "Các nhóm việc trong phạm vi và kỳ báo cáo đã chọn")

groups = _group_frame(by_group["rows"], whole)
charted = groups.assign(name=[two_lines(name, SHORT_NAME) for name in groups["name"]])
left, right = st.columns(2)
left.plotly_chart(paired_rates(charted, title="Tỷ lệ xong theo nhóm việc"), key="groups.rates",
                  theme=None, config=CHART_CONFIG)
right.plotly_chart(share_bars(charted, title="Tỷ trọng của nhóm trong tổng số thụ lý"), key="groups.shares",
                   theme=None, config=CHART_CONFIG)
st.caption(OVERLAP_NOTE)

st.subheader("Số liệu theo nhóm việc")
table = groups[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
points = (TABLE_COLUMNS["cases_change"], TABLE_COLUMNS["money_change"])
st.dataframe(styled(table, rate_columns=points), key="groups.table", hide_index=True)
st.caption("± việc, ± tiền: tỷ lệ kỳ này trừ tỷ lệ cùng kỳ năm trước, tính bằng điểm phần trăm. "
           "Số tiền tính bằng đồng.")
download_buttons(table, [TITLE, describe(all_groups, options), OVERLAP_NOTE], f"ket_qua_nhom_viec_{end:%Y%m%d}",
                 "groups.download")
