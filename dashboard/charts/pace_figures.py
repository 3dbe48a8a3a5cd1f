"""Charts that judge a rate by its pace (domain.md section 8): the gauge with its pace mark, rankings coloured by
pace status with their counts, the year's curve with the pace and the forecast cone, and one small curve per unit."""

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.figures import (
    BAR_COLOUR, FONT_FAMILY, LAST_YEAR, LAST_YEAR_COLOUR, MIN_HEIGHT, RATE_AXIS, RATE_FORMAT, ROW_CHART_CHROME,
    ROW_HEIGHT, SECOND_COLOUR, SEPARATORS, TARGET_COLOUR, TEXT_COLOUR, TEXT_SIZE, plain_values, style_figure,
)
from dashboard.metrics.formatting import format_count, format_percent
from dashboard.metrics.pace import BEHIND, ON_COURSE, STATUS_LABELS, WATCH

STATUS_COLOURS = {ON_COURSE: "#2e7d32", WATCH: "#f9a825", BEHIND: "#c62828"}
UNJUDGED_COLOUR = "#b0b0b0"
UNJUDGED = "Không xếp hạng"
PACE_COLOUR = "#212121"
PACE = "Mức cần đạt đến nay"
FORECAST_COLOUR = "#6a1b9a"
TARGET_BAND = "#d4edda"
# Room right of a ranking's plot for its column of rates and counts ("47,10  12/31").
LABEL_MARGIN = 150


def pace_gauge(title: str, rate: float | None, *, pace: float | None, status: str | None,
               target: float | None = None, last_year: float | None = None) -> go.Figure:
    """Return a gauge of a rate coloured by its pace status, a dark mark at the pace and the target's band."""
    indicator = go.Indicator(
        mode="gauge+number+delta" if last_year is not None else "gauge+number",
        value=rate if rate is not None else 0,
        number={"suffix": "%", "valueformat": ".2f", "font": {"size": 56, "color": TEXT_COLOUR}},
        title={"text": title, "font": {"size": 26, "color": TEXT_COLOUR}},
        gauge={"axis": {"range": [0, 100], "ticksuffix": "%", "tickfont": {"size": 16, "color": TEXT_COLOUR}},
               "bar": {"color": STATUS_COLOURS.get(status, SECOND_COLOUR), "thickness": 0.3},
               "steps": [] if target is None else [{"range": [target, 100], "color": TARGET_BAND}]},
    )
    if last_year is not None:
        indicator.delta = {"reference": last_year, "valueformat": "+.2f", "suffix": " điểm", "font": {"size": 20}}
    if pace is not None:
        indicator.gauge.threshold = {"line": {"color": PACE_COLOUR, "width": 6}, "thickness": 0.95, "value": pace}
    figure = go.Figure(indicator)
    figure.update_layout(separators=SEPARATORS, font={"family": FONT_FAMILY, "color": TEXT_COLOUR}, height=380,
                         margin={"t": 80, "b": 20, "l": 60, "r": 60})
    return figure


def _order(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the rows judged against pace first, furthest behind at the top, then the others by rate."""
    judged = frame[frame["status"].notna()].assign(gap=lambda rows: rows["rate"] - rows["pace"])
    others = frame[frame["status"].isna()]
    return pd.concat([judged.sort_values("gap", kind="stable").drop(columns="gap"),
                      others.sort_values("rate", ascending=False, na_position="last", kind="stable")])


def pace_bars(frame: pd.DataFrame, *, title: str, legend: bool = True) -> go.Figure:
    """Return horizontal rate bars coloured by pace status, furthest behind pace first, each with its pace mark,
    last year's rate and its count of cases completed / enforceable; every row, a 0% one too, can be clicked.

    The frame has name, rate, pace, status, completed, enforceable and last_year; a row without a status (under
    MIN_RANKED cases, or no target) is grey and listed after the ranked ones. Without `legend` the colours are
    left to a note beside the chart (the meeting-room screen has no room for one).
    """
    rows = _order(frame)
    names = list(rows["name"])
    rates, paces, lasts = plain_values(rows["rate"]), plain_values(rows["pace"]), plain_values(rows["last_year"])
    top = max([value for value in rates + paces + lasts if value is not None] + [1])
    axis_end = min(100.0, top * 1.1 + 5)
    figure = go.Figure()
    # An invisible bar across each row, under the others, takes the click where a 0% bar has no width.
    figure.add_bar(orientation="h", y=names, x=[axis_end] * len(names), marker_color="rgba(0,0,0,0)",
                   showlegend=False, hoverinfo="none")
    statuses = [None if pd.isna(status) else status for status in rows["status"]]
    counts = [f"{format_count(int(done))}/{format_count(int(base))}"
              for done, base in zip(rows["completed"], rows["enforceable"])]
    for status, name, colour in [(code, label.capitalize(), STATUS_COLOURS[code])
                                 for code, label in STATUS_LABELS.items()] + [(None, UNJUDGED, UNJUDGED_COLOUR)]:
        kept = [index for index, found in enumerate(statuses) if found == status]
        if not kept:
            continue
        # The status colours are told by the counts drawn above the chart; the legend keeps the marks.
        figure.add_bar(
            name=name, orientation="h", y=[names[i] for i in kept], x=[rates[i] for i in kept], marker_color=colour,
            showlegend=False,
            customdata=[[counts[i], format_percent(paces[i]), format_percent(lasts[i])] for i in kept],
            hovertemplate=(f"<b>%{{y}}</b><br>Tỷ lệ: %{{x:{RATE_FORMAT}}}% (%{{customdata[0]}} việc)<br>{PACE}: "
                           f"%{{customdata[1]}}<br>{LAST_YEAR}: %{{customdata[2]}}<extra></extra>"))
    figure.add_scatter(name=PACE, y=names, x=paces, mode="markers", hoverinfo="skip",
                       marker={"symbol": "line-ns", "size": 26, "line": {"width": 4, "color": PACE_COLOUR}})
    figure.add_scatter(name=LAST_YEAR, y=names, x=lasts, mode="markers", hoverinfo="skip",
                       marker={"symbol": "diamond", "size": 12, "color": LAST_YEAR_COLOUR,
                               "line": {"width": 1.5, "color": "white"}})
    figure.add_scatter(
        y=names, x=[axis_end] * len(names), mode="text", showlegend=False, hoverinfo="skip", cliponaxis=False,
        text=[f"  {format_percent(rate).removesuffix('%')}   {count}" for rate, count in zip(rates, counts)],
        textposition="middle right", textfont={"size": TEXT_SIZE, "color": TEXT_COLOUR})
    figure.add_annotation(x=axis_end, xanchor="left", y=1, yref="paper", yanchor="bottom", showarrow=False,
                          text="  Kỳ này · xong/có ĐK", font={"size": TEXT_SIZE, "color": TEXT_COLOUR})
    style_figure(figure, title, height=max(MIN_HEIGHT, ROW_HEIGHT * len(names) + ROW_CHART_CHROME),
                 barmode="overlay")
    # The legend starts at the figure's left edge, not the plot's: long names would squeeze it into a column.
    figure.update_layout(margin={"r": LABEL_MARGIN}, showlegend=legend, legend={"xref": "container", "x": 0})
    figure.update_xaxes(title_text=RATE_AXIS, range=[0, axis_end])
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=names,
                        range=[len(names) - 0.5, -0.5], ticksuffix="  ")
    return figure


def pace_trend(frame: pd.DataFrame, *, title: str, target: float | None = None,
               forecast: dict | None = None) -> go.Figure:
    """Return the year's cumulative rate month by month beside last year's whole year, the pace curve that reaches
    the target, and the forecast cone from the last month drawn to 30/9.

    The frame has one row per month of the work-year: month, this_year (None after the period), last_year, pace.
    """
    months = list(frame["month"])
    figure = go.Figure()
    this_year = plain_values(frame["this_year"])
    drawn = [index for index, value in enumerate(this_year) if value is not None]
    if forecast is not None and drawn and drawn[-1] < len(months) - 1:
        start, now = months[drawn[-1]], this_year[drawn[-1]]
        figure.add_scatter(x=[start, months[-1], months[-1], start], y=[now, forecast["high"], forecast["low"], now],
                           fill="toself", mode="lines", line={"width": 0}, fillcolor="rgba(106,27,154,0.15)",
                           name="Khoảng dự báo 80%", hoverinfo="skip")
        figure.add_scatter(x=[start, months[-1]], y=[now, forecast["rate"]], mode="lines+markers",
                           line={"color": FORECAST_COLOUR, "dash": "dot", "width": 3}, marker_size=9,
                           name="Dự báo đến 30/9",
                           hovertemplate=f"<b>%{{x}}</b><br>Dự báo: %{{y:{RATE_FORMAT}}}%<extra></extra>")
    for column, name, colour, dash in (("pace", PACE, PACE_COLOUR, "dot"),
                                       ("last_year", "Năm công tác trước", LAST_YEAR_COLOUR, "dash"),
                                       ("this_year", "Năm công tác này", BAR_COLOUR, "solid")):
        figure.add_scatter(name=name, x=months, y=plain_values(frame[column]), mode="lines+markers",
                           line={"color": colour, "dash": dash, "width": 3}, marker_size=8,
                           hovertemplate=f"<b>%{{x}}</b><br>{name}: %{{y:{RATE_FORMAT}}}%<extra></extra>")
    if target is not None:
        figure.add_hline(y=target, line={"dash": "dash", "color": TARGET_COLOUR, "width": 2},
                         annotation={"text": f"Chỉ tiêu năm {format_percent(target)}", "font_color": TARGET_COLOUR,
                                     "font_size": TEXT_SIZE, "bgcolor": "white"},
                         annotation_position="top left")
    style_figure(figure, title, height=560)
    figure.update_layout(margin={"t": 150})
    figure.update_xaxes(title_text="Cuối tháng", type="category", categoryorder="array", categoryarray=months)
    figure.update_yaxes(title_text="Tỷ lệ lũy kế (%)", range=[0, 100])
    return figure


def pace_multiples(curves: list[tuple[str, pd.DataFrame]], *, title: str, columns: int = 3) -> go.Figure:
    """Return one small chart per unit of its cumulative rate against its own pace, on shared axes."""
    lines = -(-len(curves) // columns)
    figure = make_subplots(rows=lines, cols=columns, subplot_titles=[name for name, _ in curves],
                           shared_xaxes=True, shared_yaxes=True, vertical_spacing=0.32 / max(lines, 1) + 0.04,
                           horizontal_spacing=0.04)
    for index, (name, frame) in enumerate(curves):
        place = {"row": index // columns + 1, "col": index % columns + 1}
        for column, label, colour, dash in (("pace", PACE, PACE_COLOUR, "dot"),
                                            ("this_year", "Năm công tác này", BAR_COLOUR, "solid")):
            figure.add_scatter(x=list(frame["month"]), y=plain_values(frame[column]), name=label,
                               line={"color": colour, "dash": dash, "width": 3}, mode="lines",
                               legendgroup=column, showlegend=index == 0,
                               hovertemplate=f"{name}<br>%{{x}}: %{{y:{RATE_FORMAT}}}%<extra>{label}</extra>",
                               **place)
    style_figure(figure, title, height=140 + 260 * lines)
    figure.update_annotations(font_size=TEXT_SIZE + 1)
    figure.update_yaxes(range=[0, 100], ticksuffix="%")
    figure.update_xaxes(type="category", tickangle=0, nticks=6)
    return figure


# Heatmap cells: not ranked, behind, to watch, on course.
CELL_CODES = {None: 0, BEHIND: 1, WATCH: 2, ON_COURSE: 3}
CELL_SCALE = [(0.0, UNJUDGED_COLOUR), (0.25, UNJUDGED_COLOUR), (0.25, STATUS_COLOURS[BEHIND]),
              (0.5, STATUS_COLOURS[BEHIND]), (0.5, STATUS_COLOURS[WATCH]), (0.75, STATUS_COLOURS[WATCH]),
              (0.75, STATUS_COLOURS[ON_COURSE]), (1.0, STATUS_COLOURS[ON_COURSE])]


def pace_heatmap(cells: pd.DataFrame, *, title: str) -> go.Figure:
    """Return a place x group heatmap whose cells are coloured by pace status and labelled with the rate and its
    count of cases ("47,1 · 12/31"); an empty cell is blank, a cell too small to rank grey.

    The frame has one row per cell: place, group, rate, completed, enforceable, status.
    """
    places = list(dict.fromkeys(cells["place"]))
    groups = list(dict.fromkeys(cells["group"]))
    found = {(cell.place, cell.group): cell for cell in cells.itertuples()}

    def grid(value):
        return [[value(found[place, group]) if (place, group) in found else None for group in groups]
                for place in places]

    def status(cell):
        return None if pd.isna(cell.status) else cell.status
    figure = go.Figure(go.Heatmap(
        z=grid(lambda cell: None if pd.isna(cell.rate) else CELL_CODES[status(cell)]), x=groups, y=places,
        text=grid(lambda cell: "—" if pd.isna(cell.rate) else
                  f"{format_percent(cell.rate, 1).removesuffix('%')}<br>{format_count(int(cell.completed))}/"
                  f"{format_count(int(cell.enforceable))}"),
        customdata=grid(lambda cell: STATUS_LABELS.get(status(cell), UNJUDGED.lower())),
        texttemplate="%{text}", textfont={"size": TEXT_SIZE, "color": "white"}, zmin=0, zmax=3,
        colorscale=CELL_SCALE, showscale=False, xgap=2, ygap=2, hoverongaps=False,
        hovertemplate="%{y}<br>%{x}<br>Tỷ lệ · xong/có điều kiện: %{text}<br>%{customdata}<extra></extra>"))
    style_figure(figure, title, height=max(MIN_HEIGHT, 56 * len(places) + ROW_CHART_CHROME))
    figure.update_xaxes(title_text="Nhóm việc", side="top")
    figure.update_yaxes(type="category", autorange="reversed")
    return figure
