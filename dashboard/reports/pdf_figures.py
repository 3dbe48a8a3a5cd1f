"""The monthly report's charts as pictures: both gauges, the ranking of the units (or provinces) and the year's
curves, built by the dashboard's own chart builders and drawn by Kaleido into the folder Typst compiles from."""

from pathlib import Path

import kaleido
import pandas as pd

from dashboard.charts.axis_labels import unit_labels
from dashboard.charts.figures import ranked_rates
from dashboard.charts.pace_figures import PACE, pace_bars, pace_gauge, pace_trend
from dashboard.metrics.periods import month_ends, work_year
from dashboard.reports.bundle import MonthBundle

# The builders size text for a meeting-room screen (15 px labels): drawn this wide and printed 17 cm wide on A4,
# that text comes out at about 8 pt, and a gauge drawn half as wide fills half the width at the same size.
FULL_WIDTH = 900
HALF_WIDTH = 450
# Vector pictures stay sharp at any zoom and on any printer, and Typst draws their text with the same Noto Sans.
PICTURE_FORMAT = "svg"
CHAINS = {"cases": "về việc", "money": "về tiền"}
GAUGE_TITLES = {"cases": "Tỷ lệ xong về việc", "money": "Tỷ lệ xong về tiền"}
TREND_TITLES = {"cases": "Tỷ lệ xong về việc lũy kế từ 01/10", "money": "Tỷ lệ xong về tiền lũy kế từ 01/10"}


def _gauge(report: dict, chain: str):
    target, pace = report["target"] or {}, report["pace"] or {}
    # Without last year's delta: Plotly writes it with ▲, ▼ and −, which Noto Sans lacks; the report prints the
    # change under the gauge as text instead.
    return pace_gauge(GAUGE_TITLES[chain], report[chain]["rate"], pace=pace.get(chain),
                      status=pace.get(f"{chain}_status"), target=target.get(chain))


def office_keys(bundle: MonthBundle) -> frozenset[str]:
    """Return the keys of the rows that are the province office itself, which holds only the cases it enforces."""
    # Such a row is named as the whole scope.
    return frozenset(row["key"] for row in bundle.rows
                     if bundle.row_level == "unit" and row["name"] == bundle.scope_name)


def _labels(bundle: MonthBundle) -> dict[str, str]:
    return unit_labels(bundle.rows, None, office_keys(bundle))


def _ranking(bundle: MonthBundle, chain: str, labels: dict[str, str]):
    place = "tỉnh, thành phố" if bundle.row_level == "province" else "đơn vị"
    records = [{"key": row["key"], "name": labels[row["key"]], "rate": row[chain]["rate"],
                "pace": (row["pace"] or {}).get(chain), "status": (row["pace"] or {}).get(f"{chain}_status"),
                "completed": row["cases"]["completed"], "enforceable": row["cases"]["enforceable"],
                "last_year": row["same_period_last_year"][chain]["rate"]} for row in bundle.rows]
    frame = pd.DataFrame(records, columns=["key", "name", "rate", "pace", "status", "completed", "enforceable",
                                           "last_year"])
    if is_paced(bundle):
        return pace_bars(frame, title=f"Tỷ lệ xong {CHAINS[chain]} theo {place} so với mức cần đạt")
    return ranked_rates(frame, title=f"Tỷ lệ xong {CHAINS[chain]} theo {place}",
                        target=(bundle.report["target"] or {}).get(chain))


def _trend(bundle: MonthBundle, chain: str):
    report = bundle.report
    drawn = {month["end"]: month for month in bundle.trend}
    # The bundle holds the pace of the period end only: one mark where the curve stops, not the whole pace curve.
    pace = (report["pace"] or {}).get(chain)
    frame = pd.DataFrame([{"month": f"{end:%m/%Y}",
                           "this_year": drawn[end][f"{chain}_rate"] if end in drawn else None,
                           "last_year": drawn[end][f"last_{chain}_rate"] if end in drawn else None,
                           "pace": pace if end == bundle.end else None}
                          for end in month_ends(work_year(bundle.end))], columns=["month", "this_year", "last_year",
                                                                                  "pace"])
    figure = pace_trend(frame, title=TREND_TITLES[chain], target=(report["target"] or {}).get(chain),
                        forecast=(report["forecast"] or {}).get(chain))
    if pace is None:
        # A legend entry for a pace nobody has would read as a missing line.
        figure.data = [trace for trace in figure.data if trace.name != PACE]
    return figure


def is_paced(bundle: MonthBundle) -> bool:
    """Return whether any row has a pace, so the ranking judges each row by its pace rather than by its rate."""
    return any(row["pace"] for row in bundle.rows)


def draw_pictures(bundle: MonthBundle, folder: Path) -> dict[str, list[str]]:
    """Return the file names, relative to `folder`, of the gauges, rankings and trend curves drawn into it."""
    pictures = {"gauges": [(f"gauge_{chain}", _gauge(bundle.report, chain), HALF_WIDTH) for chain in CHAINS]}
    labels = _labels(bundle)
    pictures["rankings"] = [(f"ranking_{chain}", _ranking(bundle, chain, labels), FULL_WIDTH)
                            for chain in CHAINS] if bundle.rows else []
    pictures["trends"] = [(f"trend_{chain}", _trend(bundle, chain), FULL_WIDTH) for chain in CHAINS]
    specs = [{"fig": figure, "path": folder / f"{name}.{PICTURE_FORMAT}",
              "opts": {"format": PICTURE_FORMAT, "width": width, "height": figure.layout.height}}
             for drawn in pictures.values() for name, figure, width in drawn]
    # One browser draws every picture: starting Chromium costs seconds, each picture a fraction of one.
    kaleido.write_fig_from_object_sync(specs, cancel_on_error=True)
    return {part: [f"{name}.{PICTURE_FORMAT}" for name, _, _ in drawn] for part, drawn in pictures.items()}
