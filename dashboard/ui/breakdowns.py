"""Frames of the breakdown pages (units, officers): the officers' table, targets beside rates, the heatmap's rates."""

import pandas as pd

from data_access import codes
from dashboard.charts.axis_labels import group_label
from dashboard.metrics.chains import PAIR_SEPARATOR
from dashboard.metrics.targets import target_progress
from dashboard.ui.labels import CHAIN_LABELS

KEY = "Mã"
SUFFIXES = {"cases": "việc", "money": "tiền"}
TARGET = "Chỉ tiêu (%)"
PROGRESS = "Đạt so với chỉ tiêu (%)"
LAST_YEAR_RATE = "Tỷ lệ cùng kỳ năm trước (%)"
BILLION = 10**9
BILLION_COLUMNS = (f"{CHAIN_LABELS['enforceable']} (tỷ đồng)", f"{CHAIN_LABELS['completed']} (tỷ đồng)")
# Pale fills that keep the dark cell text readable: a chosen row shaded, a rate under its target in red.
CHOSEN_STYLE = "background-color: #fff3cd;"
BELOW_TARGET_STYLE = "background-color: #f8d7da; color: #b71c1c;"


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


def with_targets(table: pd.DataFrame, targets: dict[str, dict | None]) -> pd.DataFrame:
    """Return a copy with, after each chain's rate, the row key's target and the rate as a percent of it.

    The table is returned unchanged when no row has a target: empty columns would only add noise.
    """
    if not any(targets.get(key) for key in table[KEY]):
        return table
    result = table.copy()
    for chain in SUFFIXES:
        rate_name = column(CHAIN_LABELS["rate"], chain)
        goals = [(targets.get(key) or {}).get(chain) for key in result[KEY]]
        rates = [None if pd.isna(value) else value for value in result[rate_name]]
        position = result.columns.get_loc(rate_name) + 1
        result.insert(position, column(TARGET, chain), pd.Series(goals, index=result.index, dtype="float64"))
        result.insert(position + 1, column(PROGRESS, chain),
                      pd.Series([target_progress(rate, goal) for rate, goal in zip(rates, goals)],
                                index=result.index, dtype="float64"))
    return result


def table_styles(table: pd.DataFrame, chosen: str | None = None) -> pd.DataFrame:
    """Return the CSS of every cell: the chosen key's row shaded, each rate below its row's target in red."""
    styles = pd.DataFrame("", index=table.index, columns=table.columns)
    if chosen is not None:
        styles.loc[table[KEY] == chosen, :] = CHOSEN_STYLE
    for chain in SUFFIXES:
        rate_name, target_name = column(CHAIN_LABELS["rate"], chain), column(TARGET, chain)
        if target_name in table:
            below = pd.to_numeric(table[rate_name]) < table[target_name]
            styles.loc[below, rate_name] += BELOW_TARGET_STYLE
    return styles
