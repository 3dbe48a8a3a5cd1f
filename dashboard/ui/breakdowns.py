"""Frames of the breakdown pages (units, officers): the officers' table, targets beside rates, the heatmap's rates."""

import pandas as pd

from data_access import codes
from dashboard.charts.axis_labels import group_label
from dashboard.metrics.chains import PAIR_SEPARATOR
from dashboard.metrics.chain_labels import CHAIN_LABELS

KEY = "Mã"
SUFFIXES = {"cases": "việc", "money": "tiền"}
TARGET = "Chỉ tiêu (%)"
PROGRESS = "Đạt so với chỉ tiêu (%)"
LAST_YEAR_RATE = "Tỷ lệ cùng kỳ năm trước (%)"
BILLION = 10**9
BILLION_COLUMNS = (f"{CHAIN_LABELS['enforceable']} (tỷ đồng)", f"{CHAIN_LABELS['completed']} (tỷ đồng)")
# A pale fill that keeps the dark cell text readable: the chosen row shaded.
CHOSEN_STYLE = "background-color: #fff3cd;"


def column(label: str, chain: str) -> str:
    """Return a table column name: the label and the chain it belongs to, "Tỷ lệ xong (%) (việc)"."""
    return f"{label} ({SUFFIXES[chain]})"


def group_rates(labels: dict[str, str], by_pair: dict, by_group: dict, chain: str, whole: str) -> pd.DataFrame:
    """Rows: the places' labels then `whole`; columns: the groups in official order; values: rates or NaN.

    `by_pair` is the report broken down by place (unit or province) and group; `by_group` the whole scope's report
    by group, whose row is named `whole` ("Toàn tỉnh", "Toàn quốc").
    """
    rates = {tuple(row["key"].split(PAIR_SEPARATOR, 1)): row[chain]["rate"] for row in by_pair["rows"]}
    frame = pd.DataFrame({group_label(code): [rates.get((key, code)) for key in labels] for code in codes.GROUPS},
                         index=list(labels.values()), dtype="float64")
    province = {row["key"]: row[chain]["rate"] for row in by_group["rows"]}
    frame.loc[whole] = [province.get(code) for code in codes.GROUPS]
    return frame.astype("float64")


def officer_table(rows: list[dict]) -> pd.DataFrame:
    """Rows: one per officer; columns: caseload, enforceable, completed and the rates, money in tỷ đồng."""
    records = []
    for row in rows:
        cases, money, before = row["cases"], row["money"], row["same_period_last_year"]
        records.append({
            KEY: row["key"], "Chấp hành viên": row["name"],
            column(CHAIN_LABELS["caseload"], "cases"): cases["caseload"],
            column(CHAIN_LABELS["enforceable"], "cases"): cases["enforceable"],
            column(CHAIN_LABELS["completed"], "cases"): cases["completed"],
            column(CHAIN_LABELS["rate"], "cases"): cases["rate"],
            column(LAST_YEAR_RATE, "cases"): before["cases"]["rate"],
            BILLION_COLUMNS[0]: money["enforceable"] / BILLION,
            BILLION_COLUMNS[1]: money["completed"] / BILLION,
            column(CHAIN_LABELS["rate"], "money"): money["rate"],
            column(LAST_YEAR_RATE, "money"): before["money"]["rate"],
        })
    return pd.DataFrame(records)
