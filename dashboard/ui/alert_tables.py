"""The tables of the alerts page: who is behind pace, the classification watch by place and officer, the
downgrades behind a count, and the data-trust panel's last days and identities."""

from datetime import date, timedelta

import pandas as pd

from data_access.queries.watch_queries import WATCH_LISTS
from dashboard.metrics.flow_labels import WATCH_LABELS
from dashboard.metrics.identities import identity_checks
from dashboard.metrics.formatting import format_date
from dashboard.metrics.pace import BEHIND

__all__ = ["WATCH_LISTS", "behind_frame", "downgrade_frame", "identity_frame", "last_days_frame", "watch_frame"]

# A unit whose data stops this many days or more before the data's last day is stale.
STALE_DAYS = 15
EVENT_WORDS = {"chua_co_dieu_kien": "Chưa có điều kiện", "hoan": "Hoãn", "tam_dinh_chi": "Tạm đình chỉ",
               "co_dieu_kien": "Có điều kiện", "tiep_tuc": "Tiếp tục"}


def behind_frame(rows: list[dict], names: dict[str, str], place: str) -> pd.DataFrame:
    """Return the rows of an on_track breakdown behind pace by cases or by money, furthest behind first."""
    records = []
    for row in rows:
        pace = row.get("pace") or {}
        if BEHIND not in (pace.get("cases_status"), pace.get("money_status")):
            continue
        gap = min((row[chain]["rate"] or 0) - (pace.get(chain) or 0) for chain in ("cases", "money")
                  if pace.get(f"{chain}_status") == BEHIND)
        records.append({place: names.get(row["key"], row["name"]), "Tỷ lệ về việc (%)": row["cases"]["rate"],
                        "Mức cần đạt về việc (%)": pace.get("cases"), "Tỷ lệ về tiền (%)": row["money"]["rate"],
                        "Mức cần đạt về tiền (%)": pace.get("money"), "gap": gap})
    frame = pd.DataFrame(records, columns=[place, "Tỷ lệ về việc (%)", "Mức cần đạt về việc (%)",
                                           "Tỷ lệ về tiền (%)", "Mức cần đạt về tiền (%)", "gap"])
    return frame.sort_values("gap").drop(columns="gap")


def watch_frame(rows: list[dict], names: dict[str, str], place: str) -> pd.DataFrame:
    """Return the watch rows as a table: the most bounce-backs first, then the most late downgrades (a share of one
    or two downgrades says little)."""
    frame = pd.DataFrame([{place: names.get(row["key"], row["name"]),
                           WATCH_LABELS["downgrades"]: row["downgrades"], WATCH_LABELS["late"]: row["late"],
                           f"{WATCH_LABELS['late_share']} (%)": row["late_share"],
                           WATCH_LABELS["bounce_backs"]: row["bounce_backs"]} for row in rows],
                         columns=[place, *(WATCH_LABELS[key] if key != "late_share"
                                           else f"{WATCH_LABELS[key]} (%)" for key in WATCH_LABELS)])
    return frame.sort_values([WATCH_LABELS["bounce_backs"], WATCH_LABELS["late"], place],
                             ascending=[False, False, True])


def downgrade_frame(rows: pd.DataFrame, units: dict[str, str], officers: dict[str, str]) -> pd.DataFrame:
    """Return the downgrades as a table: case, unit, officer, day, the day's event, the upgrade after it."""
    def event(kind, detail) -> str:
        word = EVENT_WORDS.get(kind, kind or "")
        return f"{word} (điểm {detail})" if kind == "hoan" and detail else word

    return pd.DataFrame({
        "Mã việc": rows["code"], "Đơn vị": rows["unit_code"].map(lambda code: units.get(code, code)),
        "Chấp hành viên": rows["officer_code"].map(lambda code: officers.get(code, code)),
        "Ngày chuyển": rows["day"].map(format_date),
        "Sự kiện": [event(k, d) for k, d in zip(rows["event"], rows["detail"])],
        "Trong 7 ngày cuối tháng": rows["late"].map(lambda late: "Có" if late else ""),
        "Có điều kiện lại ngày": rows["upgraded_on"].map(lambda day: "—" if day is None or pd.isna(day)
                                                         else format_date(day)),
    })


def last_days_frame(days: dict[str, date], units: dict[str, str], last_day: date | None) -> pd.DataFrame:
    """Return each unit's last day of data, the staler first, marked stale when STALE_DAYS or more before the
    data's last day."""
    frame = pd.DataFrame([{"Đơn vị": units.get(unit, unit), "Dữ liệu đến ngày": day,
                           "Tình trạng": ("Dừng sớm" if last_day and day <= last_day - timedelta(days=STALE_DAYS)
                                          else "Cập nhật")} for unit, day in days.items()],
                         columns=["Đơn vị", "Dữ liệu đến ngày", "Tình trạng"])
    return frame.sort_values(["Dữ liệu đến ngày", "Đơn vị"])


def identity_frame(report: dict) -> pd.DataFrame:
    """Return the identities of the report's chains, each held or broken by cases and by money."""
    def word(holds: bool) -> str:
        return "Khớp" if holds else "Không khớp"
    return pd.DataFrame([(name, word(cases), word(money)) for name, cases, money in identity_checks(report)],
                        columns=["Đẳng thức", "Về việc", "Về tiền"])


