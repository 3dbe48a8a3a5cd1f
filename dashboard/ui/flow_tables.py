"""The frames the flow page draws from flow reports: ages by place, a measure beside last year, officers' workload
against their unit's average, and the table by place."""

import pandas as pd

from data_access.queries.flow_queries import AGE_BUCKETS
from dashboard.metrics.flow_labels import AGE_LABELS, PENDING_LABELS
from dashboard.ui.case_views import ListState

# Age bounds in days of each bucket, as the case list filters them: [low, high] inclusive.
AGE_BOUNDS = {name: (low or None, nxt - 1 if nxt else None)
              for (name, low), nxt in zip(AGE_BUCKETS.items(), [*list(AGE_BUCKETS.values())[1:], None])}
PENDING_BUCKETS = {"enforceable": ("in_progress", "deferred_c"), "not_enforceable": ("not_enforceable",)}
# Officers shown beside their unit's average when the page covers several units: those furthest above it.
OFFICERS_SHOWN = 20


def ageing_frame(rows: list[dict], kind: str, names: dict[str, str]) -> pd.DataFrame:
    """Rows: one per place, oldest tail first; columns: key, name and the count of each age bucket."""
    frame = pd.DataFrame([{"key": row["key"], "name": names[row["key"]],
                           **{bucket: row["ageing"][kind][bucket]["cases"] for bucket in AGE_LABELS}}
                          for row in rows], columns=["key", "name", *AGE_LABELS])
    if frame.empty:
        return frame
    old = frame.assign(old=frame[["2_5y", "ge_5y"]].sum(axis=1))
    return old.sort_values(["old", "key"], ascending=[False, True]).drop(columns="old")


def ageing_table(flow: dict) -> tuple[pd.DataFrame, list[ListState]]:
    """Return the age table of one scope (a row per kind and bucket: cases and money) and the list behind each row."""
    records, lists = [], []
    for kind, label in PENDING_LABELS.items():
        for bucket, words in AGE_LABELS.items():
            figures = flow["ageing"][kind][bucket]
            low, high = AGE_BOUNDS[bucket]
            records.append({"Loại": label, "Thời gian từ ngày ra quyết định": words,
                            "Số việc": figures["cases"], "Số tiền còn lại (đồng)": figures["money"]})
            lists.append(ListState(cell="carried", buckets=PENDING_BUCKETS[kind], min_age_days=low,
                                   max_age_days=high, sort="age_days"))
    return pd.DataFrame(records), lists


def measure_frame(rows: list[dict], before: list[dict], key: str, names: dict[str, str]) -> pd.DataFrame:
    """Rows: one per place, largest first (missing last); columns: name, value, last_year of one flow figure."""
    earlier = {row["key"]: row[key] for row in before}
    frame = pd.DataFrame([{"key": row["key"], "name": names[row["key"]], "value": row[key],
                           "last_year": earlier.get(row["key"])} for row in rows],
                         columns=["key", "name", "value", "last_year"])
    return frame.sort_values("value", ascending=False, na_position="last")


def workload_frame(rows: list[dict], officer_units: dict[str, str], names: dict[str, str]) -> pd.DataFrame:
    """Rows: officers, those furthest above their unit's average first (at most OFFICERS_SHOWN when several units);
    columns: key, name, unit, workload, average."""
    frame = pd.DataFrame([{"key": row["key"], "name": names.get(row["key"], row["key"]),
                           "unit": officer_units.get(row["key"]), "workload": row["pending_enforceable"]}
                          for row in rows], columns=["key", "name", "unit", "workload"])
    frame["average"] = frame.groupby("unit")["workload"].transform("mean")
    frame = frame.assign(above=frame["workload"] - frame["average"]).sort_values(["above", "key"],
                                                                                 ascending=[False, True])
    if frame["unit"].nunique() > 1:
        frame = frame.head(OFFICERS_SHOWN)
    return frame.drop(columns="above")


def place_table(rows: list[dict], before: list[dict], names: dict[str, str], place: str) -> pd.DataFrame:
    """Return the table by place: pending enforceable, clearance and disposition beside last year, the median, the
    warnings."""
    earlier = {row["key"]: row for row in before}
    records = []
    for row in rows:
        last = earlier.get(row["key"], {})
        records.append({
            place: names[row["key"]], "Tồn có điều kiện": row["pending_enforceable"],
            "Tỷ lệ giải quyết (%)": row["clearance_rate"], "Tỷ lệ giải quyết cùng kỳ (%)": last.get("clearance_rate"),
            "Số ngày giải quyết": row["disposition_days"], "Số ngày cùng kỳ": last.get("disposition_days"),
            "Trung vị ngày đến khi xong": row["median_days_to_completion"],
            "Lâu không tác nghiệp": row["without_action"], "Việc lớn": row["large"],
            "Quá hạn xác minh": row["verification_due"],
        })
    return pd.DataFrame(records)
