"""The cells of the units page's heatmap judged by pace: each place's rate in each group with its count of cases,
and its status against the place's own pace (a group has no target of its own)."""

import pandas as pd

from data_access import codes
from dashboard.charts.axis_labels import group_label
from dashboard.metrics.chains import PAIR_SEPARATOR
from dashboard.metrics.pace import pace_status


def _cell(place: str, group: str, row: dict | None, chain: str, pace: float | None) -> dict:
    if row is None:
        return {"place": place, "group": group, "rate": None, "completed": 0, "enforceable": 0, "status": None}
    rate, enforceable = row[chain]["rate"], row["cases"]["enforceable"]
    return {"place": place, "group": group, "rate": rate, "completed": row["cases"]["completed"],
            "enforceable": enforceable, "status": pace_status(rate, pace, enforceable)}


def group_cells(labels: dict[str, str], places: list[dict], by_pair: dict, whole: dict, by_group: dict, chain: str,
                whole_name: str) -> pd.DataFrame:
    """Rows: one per place (then the whole scope, named `whole_name`) and group in official order; columns:
    place, group, rate, completed, enforceable, status.

    `places` are the on_track rows of the places, `whole` the whole scope's on_track report; `by_pair` is the
    report by place and group, `by_group` the whole scope's by group.
    """
    pairs = {tuple(row["key"].split(PAIR_SEPARATOR, 1)): row for row in by_pair["rows"]}
    groups = {row["key"]: row for row in by_group["rows"]}
    cells = []
    for place in places:
        pace = (place.get("pace") or {}).get(chain)
        cells += [_cell(labels[place["key"]], group_label(code), pairs.get((place["key"], code)), chain, pace)
                  for code in codes.GROUPS]
    pace = (whole.get("pace") or {}).get(chain)
    cells += [_cell(whole_name, group_label(code), groups.get(code), chain, pace) for code in codes.GROUPS]
    return pd.DataFrame(cells)
