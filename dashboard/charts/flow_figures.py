"""Chart builders of the flow page: the age of the pending caseload by unit, a measure beside last year, the
workload of each officer against its unit's average, and every unit's monthly curve."""

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.figures import (
    BAR_COLOUR, LAST_YEAR, LAST_YEAR_COLOUR, MIN_HEIGHT, ROW_CHART_CHROME, ROW_HEIGHT, SECOND_COLOUR, TEXT_COLOUR,
    TEXT_SIZE, plain_values, style_figure,
)
from dashboard.metrics.flow_labels import AGE_LABELS
from dashboard.metrics.formatting import format_count

# From the youngest to the oldest cases: pale to dark, so the old tail stands out.
AGE_COLOURS = ("#ffcdd2", "#ef9a9a", "#e57373", "#c62828", "#6d0f0f")
# Colour-blind readers tell the ages apart by the pattern too.
AGE_PATTERNS = ("", "", ".", "/", "x")


def _row_height(rows: int) -> int:
    return max(MIN_HEIGHT, ROW_HEIGHT * rows + ROW_CHART_CHROME)


def _categories(figure: go.Figure, names: list[str]) -> None:
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=names,
                        range=[len(names) - 0.5, -0.5], ticksuffix="  ")


def ageing_bars(frame: pd.DataFrame, *, title: str) -> go.Figure:
    """Return stacked horizontal bars of the pending cases per name by age bucket (columns: name and one count per
    bucket of AGE_LABELS), in the frame's order from the top, each row's total at its end."""
    names = list(frame["name"])
    figure = go.Figure()
    for (bucket, label), colour, pattern in zip(AGE_LABELS.items(), AGE_COLOURS, AGE_PATTERNS):
        figure.add_bar(name=label, orientation="h", y=names, x=plain_values(frame[bucket]), marker_color=colour,
                       marker_pattern_shape=pattern, marker_line={"width": 0.5, "color": "white"},
                       hovertemplate=f"<b>%{{y}}</b><br>{label}: %{{x:,d}} việc<extra></extra>")
    totals = frame[list(AGE_LABELS)].sum(axis=1)
    figure.add_scatter(y=names, x=list(totals), mode="text", text=[f"  {format_count(int(t))}" for t in totals],
                       textposition="middle right", textfont={"size": TEXT_SIZE, "color": TEXT_COLOUR},
                       showlegend=False, hoverinfo="skip", cliponaxis=False)
    style_figure(figure, title, height=_row_height(len(names)), barmode="stack")
    figure.update_layout(margin={"r": 90})
    figure.update_xaxes(title_text="Số việc")
    _categories(figure, names)
    return figure


def measure_bars(frame: pd.DataFrame, *, title: str, axis: str, unit: str) -> go.Figure:
    """Return horizontal bars of one measure per name (columns: name, value, last_year) with last year's value as
    a diamond, in the frame's order from the top."""
    names = list(frame["name"])
    values, before = plain_values(frame["value"]), plain_values(frame["last_year"])
    figure = go.Figure()
    figure.add_bar(name="Kỳ báo cáo này", orientation="h", y=names, x=values, marker_color=SECOND_COLOUR,
                   customdata=["—" if value is None else f"{value:,}".replace(",", ".") for value in before],
                   hovertemplate=f"<b>%{{y}}</b><br>Kỳ này: %{{x}} {unit}<br>{LAST_YEAR}: %{{customdata}}"
                                 "<extra></extra>")
    figure.add_scatter(name=LAST_YEAR, y=names, x=before, mode="markers",
                       marker={"symbol": "diamond", "size": 14, "color": LAST_YEAR_COLOUR,
                               "line": {"width": 1.5, "color": "white"}},
                       hovertemplate=f"<b>%{{y}}</b><br>{LAST_YEAR}: %{{x}} {unit}<extra></extra>")
    style_figure(figure, title, height=_row_height(len(names)), barmode="overlay")
    figure.update_xaxes(title_text=axis, rangemode="tozero")
    _categories(figure, names)
    return figure


def workload_bars(frame: pd.DataFrame, *, title: str) -> go.Figure:
    """Return horizontal bars of each officer's pending enforceable cases (columns: name, workload, average), with
    the average of the officer's unit as a dark mark on the same row."""
    names = list(frame["name"])
    figure = go.Figure()
    figure.add_bar(name="Việc có điều kiện đang giải quyết", orientation="h", y=names,
                   x=plain_values(frame["workload"]), marker_color=BAR_COLOUR,
                   hovertemplate="<b>%{y}</b><br>%{x} việc<extra></extra>")
    figure.add_scatter(name="Bình quân của đơn vị", y=names, x=plain_values(frame["average"]), mode="markers",
                       marker={"symbol": "line-ns", "size": 26, "line": {"width": 4, "color": TEXT_COLOUR}},
                       hovertemplate="<b>%{y}</b><br>Bình quân đơn vị: %{x:.1f} việc<extra></extra>")
    style_figure(figure, title, height=_row_height(len(names)), barmode="overlay")
    figure.update_xaxes(title_text="Số việc", rangemode="tozero")
    _categories(figure, names)
    return figure


def unit_curves(frame: pd.DataFrame, *, title: str, axis: str) -> go.Figure:
    """Return one line per name over the months (columns: month, name, value), the months in the frame's order."""
    figure = go.Figure()
    for name, rows in frame.groupby("name", sort=False):
        figure.add_scatter(name=name, x=list(rows["month"]), y=plain_values(rows["value"]), mode="lines+markers",
                           line={"width": 3}, marker={"size": 8},
                           hovertemplate="<b>%{fullData.name}</b><br>%{x}: %{y:,d}<extra></extra>")
    style_figure(figure, title, height=560)
    figure.update_layout(legend={"y": -0.18, "yref": "paper", "yanchor": "top"}, margin={"b": 150})
    figure.update_xaxes(type="category", title_text="Cuối tháng")
    figure.update_yaxes(title_text=axis, rangemode="tozero")
    return figure


def late_share_bars(frame: pd.DataFrame, *, title: str, even: float) -> go.Figure:
    """Return horizontal bars of the late share per name (columns: name, late_share, downgrades), highest first,
    with the share an even spread would give as a dashed line."""
    frame = frame.sort_values("late_share", ascending=False, na_position="last")
    names = list(frame["name"])
    figure = go.Figure()
    figure.add_bar(name="Tỷ lệ cuối tháng", orientation="h", y=names, x=plain_values(frame["late_share"]),
                   customdata=list(frame["downgrades"]), marker_color=BAR_COLOUR,
                   hovertemplate="<b>%{y}</b><br>%{x:.2f}% của %{customdata} lần chuyển<extra></extra>")
    figure.add_vline(x=even, line={"dash": "dash", "color": TEXT_COLOUR, "width": 3})
    figure.add_annotation(x=even, y=1, yref="paper", yanchor="bottom", xanchor="left", showarrow=False,
                          text=f" Rải đều: khoảng {even}%", font={"size": TEXT_SIZE, "color": TEXT_COLOUR})
    style_figure(figure, title, height=_row_height(len(names)), showlegend=False)
    figure.update_xaxes(title_text="Tỷ lệ (%)", range=[0, 100])
    _categories(figure, names)
    return figure
