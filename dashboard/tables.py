"""Tables the pages show and export, built from chain reports; numbers stay numbers until displayed."""

import pandas as pd

from dashboard.chains import CASE_KEYS, MONEY_KEYS
from dashboard.formatting import rate_change, relative_change
from dashboard.labels import CHAIN_LABELS

CHAIN_KEYS = {"cases": CASE_KEYS, "money": MONEY_KEYS}
THIS_PERIOD, LAST_YEAR, CHANGE, CHANGE_SHARE = "Kỳ này", "Cùng kỳ năm trước", "Tăng/giảm", "Tăng/giảm (%)"


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
        rows.append({"Chỉ tiêu": CHAIN_LABELS[key], THIS_PERIOD: now[key], LAST_YEAR: before[key], CHANGE: change,
                     CHANGE_SHARE: share})
    return pd.DataFrame(rows).set_index("Chỉ tiêu")


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
