"""The breakdown tables judged by pace (units, provinces, officers): each chain's rate, target, pace status, pace,
progress and forecast first, a total row, and money in tỷ đồng on screen while the download keeps đồng."""

import pandas as pd
import streamlit as st

from dashboard.metrics.pace import BEHIND, MIN_RANKED, ON_COURSE, STATUS_LABELS, WATCH
from dashboard.metrics.targets import target_progress
from dashboard.ui.breakdowns import CHOSEN_STYLE, KEY, PROGRESS, SUFFIXES, TARGET, column
from dashboard.ui.help_texts import FORECAST_HELP, PACE_HELP, STATUS_HELP, UNJUDGED_HELP
from dashboard.metrics.chain_labels import CHAIN_LABELS

STATUS = "Tiến độ"
PACE = "Mức cần đạt đến nay (%)"
FORECAST = "Dự báo 30/9 (%)"
UNJUDGED = "Không xếp hạng"
BILLION = 10**9
# Pale fills that keep the dark cell text readable, one per pace status; the total row stands out in bold.
STATUS_STYLES = {ON_COURSE: "background-color: #d4edda; color: #1b5e20;",
                 WATCH: "background-color: #fff3cd; color: #7a5b00;",
                 BEHIND: "background-color: #f8d7da; color: #b71c1c;"}
TOTAL_STYLE = "font-weight: 700; background-color: #eef2f7;"


def status_word(row: dict, chain: str) -> str | None:
    """Return the row's pace status for a chain in words, "Không xếp hạng" under MIN_RANKED, None without pace."""
    pace = row.get("pace") or {}
    if pace.get(chain) is None:
        return None
    status = pace[f"{chain}_status"]
    if status is None:
        return UNJUDGED if row["cases"]["enforceable"] < MIN_RANKED else None
    return STATUS_LABELS[status].capitalize()


def _lead(row: dict, chain: str) -> dict:
    target = (row.get("target") or {}).get(chain)
    made = (row.get("forecast") or {}).get(chain)
    return {column(CHAIN_LABELS["rate"], chain): row[chain]["rate"], column(TARGET, chain): target,
            column(STATUS, chain): status_word(row, chain),
            column(PACE, chain): (row.get("pace") or {}).get(chain),
            column(PROGRESS, chain): target_progress(row[chain]["rate"], target),
            column(FORECAST, chain): None if made is None else made["rate"]}


def with_total(rows: list[dict], total: dict, name: str) -> list[dict]:
    """Return the rows of an on_track breakdown after the whole scope's report as a row keyed "" named `name`."""
    return [{**total, "key": "", "name": name}, *rows]


def lead_with_pace(table: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    """Return the table (one line per row, in order) with each chain's rate, target, status, pace, progress and
    forecast right after the key and the name, the other columns after them; a lead column empty in every row
    (no target anywhere) is left out."""
    name = table.columns[1]
    lead = pd.DataFrame([{**_lead(row, "cases"), **_lead(row, "money")} for row in rows], index=table.index)
    lead = lead.drop(columns=[label for label in lead.columns if lead[label].isna().all()])
    rest = table.drop(columns=[KEY, name, *(label for label in lead.columns if label in table.columns)])
    return pd.concat([table[[KEY, name]], lead, rest], axis=1)


def in_billions(table: pd.DataFrame) -> pd.DataFrame:
    """Return the table with its money amounts in tỷ đồng, the columns so named, for the screen."""
    money = [label for label in table.columns if label.endswith(f"({SUFFIXES['money']})")
             and pd.api.types.is_integer_dtype(table[label]) and "%" not in label]
    shown = table.copy()
    for label in money:
        shown[label] = shown[label] / BILLION
    return shown.rename(columns={label: label.replace("(tiền)", "(tỷ đồng)") for label in money})


def pace_styles(table: pd.DataFrame, chosen: str | None = None) -> pd.DataFrame:
    """Return the CSS of every cell: status cells in their status colour, the total row bold, the chosen shaded."""
    styles = pd.DataFrame("", index=table.index, columns=table.columns)
    if chosen is not None:
        styles.loc[table[KEY] == chosen, :] = CHOSEN_STYLE
    styles.loc[table[KEY] == "", :] = TOTAL_STYLE
    words = {STATUS_LABELS[code].capitalize(): css for code, css in STATUS_STYLES.items()}
    for chain in SUFFIXES:
        label = column(STATUS, chain)
        if label in table:
            styles[label] += table[label].map(lambda word: words.get(word, ""))
    return styles


def column_help(table: pd.DataFrame, pinned: str) -> dict:
    """Return the column settings of a pace table: the name column pinned in view while scrolling, and the
    status, pace and forecast columns explained on hover."""
    settings = {pinned: st.column_config.TextColumn(pinned=True)}
    explained = {STATUS: " ".join([*STATUS_HELP.values(), UNJUDGED_HELP]), PACE: PACE_HELP, FORECAST: FORECAST_HELP}
    for chain in SUFFIXES:
        for label, text in explained.items():
            if column(label, chain) in table:
                kind = st.column_config.TextColumn if label == STATUS else st.column_config.NumberColumn
                settings[column(label, chain)] = kind(help=text)
    return settings
