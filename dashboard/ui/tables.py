"""Tables the pages show and export, built from chain reports; numbers stay numbers until displayed."""

import datetime

import pandas as pd

from dashboard.metrics.chains import CASE_KEYS, MONEY_KEYS
from dashboard.metrics.formatting import (
    format_count, format_date, format_percent, format_points, rate_change, relative_change,
)
from dashboard.metrics.chain_labels import CHAIN_LABELS

CHAIN_KEYS = {"cases": CASE_KEYS, "money": MONEY_KEYS}
THIS_PERIOD, LAST_YEAR, CHANGE, CHANGE_SHARE = "Kỳ này", "Cùng kỳ năm trước", "Tăng/giảm", "Tăng/giảm (%)"
# Height of one st.dataframe row in pixels, to size a table so it shows every row without scrolling.
TABLE_ROW_PIXELS = 35


def chain_table(report: dict, chain: str) -> pd.DataFrame:
    """Rows: every column of a chain; columns: this period, same period last year, change, relative change.

    The rate's change is in percentage points and has no relative change.
    """
    now, before = report[chain], report["same_period_last_year"][chain]
    rows = []
    for key in CHAIN_KEYS[chain]:
        if key == "rate":
            change, share = rate_change(now[key], before[key]), None
        else:
            change, share = now[key] - before[key], relative_change(now[key], before[key])
        rows.append({"Nội dung": CHAIN_LABELS[key], THIS_PERIOD: now[key], LAST_YEAR: before[key], CHANGE: change,
                     CHANGE_SHARE: share})
    return pd.DataFrame(rows).set_index("Nội dung")


def chain_table_text(report: dict, chain: str) -> pd.DataFrame:
    """Return chain_table written out in Vietnamese: 1.577; rates 47,10; changes signed, in points for the rate."""
    table = chain_table(report, chain)

    def signed(value, text) -> str:
        return "—" if value is None or pd.isna(value) else f"{'+' if value > 0 else ''}{text(value)}"

    text = pd.DataFrame(index=table.index, columns=table.columns, dtype=object)
    for label, row in table.iterrows():
        if label == CHAIN_LABELS["rate"]:
            shown = [format_percent(row[THIS_PERIOD]).removesuffix("%"),
                     format_percent(row[LAST_YEAR]).removesuffix("%"),
                     format_points(None if pd.isna(row[CHANGE]) else row[CHANGE]), "—"]
        else:
            shown = [format_count(int(row[THIS_PERIOD])), format_count(int(row[LAST_YEAR])),
                     signed(row[CHANGE], lambda value: format_count(int(value))),
                     signed(row[CHANGE_SHARE], format_percent)]
        text.loc[label] = shown
    return text


def breakdown_table(rows: list[dict], key_label: str) -> pd.DataFrame:
    """Rows: one per breakdown key; columns: the key, its name, every chain column of both chains, last year's rates."""
    records = []
    for row in rows:
        record = {"Mã": row["key"], key_label: row["name"]}
        for chain, suffix in (("cases", "việc"), ("money", "tiền")):
            for key in CHAIN_KEYS[chain]:
                record[f"{CHAIN_LABELS[key]} ({suffix})"] = row[chain][key]
            record[f"Tỷ lệ cùng kỳ năm trước (%) ({suffix})"] = row["same_period_last_year"][chain]["rate"]
        records.append(record)
    return pd.DataFrame(records)


def rate_frame(rows: list[dict], chain: str) -> pd.DataFrame:
    """Rows: one per breakdown key; columns: key, name, rate, last_year (the frame ranked charts take)."""
    return pd.DataFrame(
        [{"key": row["key"], "name": row["name"], "rate": row[chain]["rate"],
          "last_year": row["same_period_last_year"][chain]["rate"]} for row in rows],
        columns=["key", "name", "rate", "last_year"])


def _cell_text(value, decimals: int) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        return format_date(value)
    if value is None or pd.isna(value):
        return "—"
    return format_percent(value, decimals).removesuffix("%") if decimals else format_count(int(value))


def styled(table: pd.DataFrame, rate_columns: tuple[str, ...] = ()) -> "pd.io.formats.style.Styler":
    """Return the table styled with Vietnamese numbers (1.577; 47,10) and dates (31/12/2023), sortable by value."""
    formats = {}
    for column in table.columns:
        if pd.api.types.is_numeric_dtype(table[column]) or table[column].dtype == object:
            decimals = 2 if column in rate_columns or "Tỷ lệ" in str(column) or "(%)" in str(column) else 0
            formats[column] = lambda value, decimals=decimals: _cell_text(value, decimals)
    return table.style.format(formats, na_rep="—")


def pace_frame(rows: list[dict], chain: str, labels: dict[str, str]) -> pd.DataFrame:
    """Rows: one per breakdown key of an on_track report; columns: key, name (the label), rate, pace, status, the
    cases completed and enforceable, last_year (the frame pace charts take)."""
    records = []
    for row in rows:
        pace = row.get("pace") or {}
        records.append({"key": row["key"], "name": labels[row["key"]], "rate": row[chain]["rate"],
                        "pace": pace.get(chain), "status": pace.get(f"{chain}_status"),
                        "completed": row["cases"]["completed"], "enforceable": row["cases"]["enforceable"],
                        "last_year": row["same_period_last_year"][chain]["rate"]})
    return pd.DataFrame(records, columns=["key", "name", "rate", "pace", "status", "completed", "enforceable",
                                          "last_year"])
