"""Chart builders: each takes figures and returns a Plotly figure; none loads data."""

import pandas as pd
import plotly.graph_objects as go

from dashboard.metrics.formatting import format_percent

# Charts are read, not edited: Plotly's toolbar (in English) and its logo stay hidden.
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
# Vietnamese number format in every figure: comma for decimals, dot for thousands.
SEPARATORS = ",."
FONT_FAMILY = "Noto Sans, DejaVu Sans, Arial, sans-serif"
BAR_COLOUR = "#b71c1c"
TEXT_COLOUR = "#212121"
SECOND_COLOUR = "#1f4e79"
LAST_YEAR_COLOUR = "#8d8d8d"
TARGET_COLOUR = "#1b5e20"
HEAT_SCALE = ((0.0, "#c62828"), (0.5, "#ffb300"), (1.0, "#2e7d32"))

# Sizes read from the back of a meeting room on a 1920x1080 screen.
TITLE_SIZE = 22
AXIS_TITLE_SIZE = 17
TICK_SIZE = 16
LEGEND_SIZE = 16
TEXT_SIZE = 15
ROW_HEIGHT = 34
# Title and legend sit this many pixels below the top of the figure, however tall it is.
TITLE_TOP = 12
LEGEND_TOP = 58
MIN_HEIGHT = 420
# Room above and below the rows of a horizontal chart for the title, legend and axis.
ROW_CHART_CHROME = 190
COLUMN_CHART_HEIGHT = 520

RATE_AXIS = "Tỷ lệ (%)"
LAST_YEAR = "Cùng kỳ năm trước"
RATE_FORMAT = ".2f"


def ranked_rates(frame: pd.DataFrame, *, title: str, target: float | None = None) -> go.Figure:
    """Return horizontal rate bars, best at the top and missing rates last, with last year and the target: the
    ranking of a scope nobody has a pace for (narrowed by group, type or mode, or without targets)."""
    rows = sorted(zip(frame["name"], plain_values(frame["rate"]), plain_values(frame["last_year"])),
                  key=lambda row: (row[1] is None, -(row[1] or 0)))
    names = [name for name, *_ in rows]
    figure = go.Figure()
    figure.add_bar(
        name="Kỳ báo cáo này", orientation="h", y=names, x=[row[1] for row in rows],
        customdata=[format_percent(row[2]) for row in rows], marker_color=BAR_COLOUR,
        hovertemplate=(f"<b>%{{y}}</b><br>Tỷ lệ: %{{x:{RATE_FORMAT}}}%<br>{LAST_YEAR}: %{{customdata}}"
                       "<extra></extra>"))
    figure.add_scatter(
        name=LAST_YEAR, y=names, x=[row[2] for row in rows], mode="markers",
        marker={"symbol": "diamond", "size": 14, "color": LAST_YEAR_COLOUR, "line": {"width": 1.5, "color": "white"}},
        hovertemplate=f"<b>%{{y}}</b><br>{LAST_YEAR}: %{{x:{RATE_FORMAT}}}%<extra></extra>")
    top = max([value for row in rows for value in row[1:3] if value is not None] + [target or 0, 1])
    axis_end = min(100.0, top * 1.12 + 6)
    # This period's values form a column right of the plot, where no bar or diamond can cover them.
    labelled = [row for row in rows if row[1] is not None]
    figure.add_scatter(
        y=[row[0] for row in labelled], x=[axis_end] * len(labelled), mode="text",
        text=[f"  {format_percent(row[1]).removesuffix('%')}" for row in labelled], textposition="middle right",
        textfont={"size": TEXT_SIZE, "color": TEXT_COLOUR}, showlegend=False, hoverinfo="skip", cliponaxis=False)
    figure.add_annotation(x=axis_end, xanchor="left", y=1, yref="paper", yanchor="bottom", text="  Kỳ này",
                          showarrow=False, font={"size": TEXT_SIZE, "color": TEXT_COLOUR})
    if target is not None:
        # The label stands above the plot, beside the line, where a long list does not push it out of sight.
        figure.add_vline(x=target, line={"dash": "dash", "color": TARGET_COLOUR, "width": 3})
        figure.add_annotation(x=target, y=1, yref="paper", yanchor="bottom", showarrow=False,
                              xanchor="right" if target > axis_end * 0.7 else "left",
                              text=f"Chỉ tiêu {format_percent(target)}",
                              font={"size": TEXT_SIZE, "color": TARGET_COLOUR})
    style_figure(figure, title, height=max(MIN_HEIGHT, ROW_HEIGHT * len(rows) + ROW_CHART_CHROME), barmode="overlay")
    figure.update_layout(margin={"r": 90})
    figure.update_xaxes(title_text=RATE_AXIS, range=[0, axis_end])
    # The range is set, not left to autorange, which pads a long list with empty rows; best first from the top.
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=names,
                        range=[len(names) - 0.5, -0.5], ticksuffix="  ")
    return figure


def rate_heatmap(frame: pd.DataFrame, *, title: str) -> go.Figure:
    """Return a unit x group heatmap of rates, first unit at the top, each cell labelled and "—" when missing."""
    rates = [plain_values(row) for _, row in frame.iterrows()]
    figure = go.Figure(go.Heatmap(
        z=rates, x=[str(column) for column in frame.columns], y=[str(unit) for unit in frame.index],
        text=[[format_percent(rate).removesuffix("%") for rate in row] for row in rates],
        texttemplate="%{text}", textfont_size=TEXT_SIZE, zmin=0, zmax=100, colorscale=HEAT_SCALE, xgap=2, ygap=2,
        hoverongaps=False, colorbar={"title": {"text": RATE_AXIS, "font_size": AXIS_TITLE_SIZE},
                                     "tickfont_size": TICK_SIZE},
        hovertemplate=f"Đơn vị: %{{y}}<br>Nhóm: %{{x}}<br>Tỷ lệ: %{{z:{RATE_FORMAT}}}%<extra></extra>"))
    style_figure(figure, title, height=max(MIN_HEIGHT, ROW_HEIGHT * len(frame.index) + ROW_CHART_CHROME))
    figure.update_xaxes(title_text="Nhóm việc", side="top")
    figure.update_yaxes(title_text="Đơn vị", type="category", autorange="reversed")
    return figure


def paired_rates(frame: pd.DataFrame, *, title: str) -> go.Figure:
    """Return grouped bars of the rate by cases and by money per name, last year's rates as markers on them.

    The bars carry no value labels: last year's markers would cover them on short bars, and the pages show the
    exact values in a table beside the chart.
    """
    names = list(frame["name"])
    figure = go.Figure()
    for chain, name, label, colour in (("cases", "Về việc", "về việc", BAR_COLOUR),
                                       ("money", "Về tiền", "về tiền", SECOND_COLOUR)):
        figure.add_bar(
            name=name, x=names, y=plain_values(frame[f"{chain}_rate"]), offsetgroup=chain,
            customdata=[format_percent(rate) for rate in plain_values(frame[f"{chain}_last_year"])],
            marker_color=colour,
            hovertemplate=(f"<b>%{{x}}</b><br>Tỷ lệ {label}: %{{y:{RATE_FORMAT}}}%<br>{LAST_YEAR}: "
                           "%{customdata}<extra></extra>"))
        figure.add_scatter(
            name=f"Cùng kỳ: {label}", x=names, y=plain_values(frame[f"{chain}_last_year"]), offsetgroup=chain,
            mode="markers", marker={"symbol": "diamond", "size": 14, "color": LAST_YEAR_COLOUR,
                                    "line": {"width": 1.5, "color": colour}},
            hovertemplate=f"<b>%{{x}}</b><br>{LAST_YEAR} ({label}): %{{y:{RATE_FORMAT}}}%<extra></extra>")
    style_figure(figure, title, height=COLUMN_CHART_HEIGHT, barmode="group", scattermode="group")
    figure.update_yaxes(title_text=RATE_AXIS, range=[0, 100])
    return figure


def trend_rates(frame: pd.DataFrame, *, title: str, target: float | None = None) -> go.Figure:
    """Return the cumulative rate month by month for this work-year and the last, with the yearly target."""
    months = list(frame["month"])
    figure = go.Figure()
    for column, name, colour, dash in (("this_year", "Năm công tác này", BAR_COLOUR, "solid"),
                                       ("last_year", "Năm công tác trước", LAST_YEAR_COLOUR, "dash")):
        figure.add_scatter(
            name=name, x=months, y=plain_values(frame[column]), mode="lines+markers",
            line={"color": colour, "dash": dash, "width": 3}, marker_size=9,
            hovertemplate=f"<b>%{{x}}</b><br>{name}: %{{y:{RATE_FORMAT}}}%<extra></extra>")
    if target is not None:
        figure.add_hline(y=target, name="Chỉ tiêu năm", showlegend=True,
                         line={"dash": "dash", "color": TARGET_COLOUR, "width": 3},
                         annotation={"text": f"Chỉ tiêu {format_percent(target)}", "font_color": TARGET_COLOUR,
                                     "font_size": TEXT_SIZE, "bgcolor": "white"},
                         annotation_position="top left")
    style_figure(figure, title, height=COLUMN_CHART_HEIGHT)
    figure.update_xaxes(title_text="Tháng", type="category")
    figure.update_yaxes(title_text="Tỷ lệ lũy kế (%)", range=[0, 100])
    return figure


def monthly_counts(frame: pd.DataFrame, *, title: str) -> go.Figure:
    """Return grouped bars per month of new cases and of cases completed (xong + đình chỉ)."""
    months = list(frame["month"])
    figure = go.Figure()
    for column, name, colour in (("new", "Thụ lý mới", SECOND_COLOUR),
                                 ("completed", "Xong (xong + đình chỉ)", BAR_COLOUR)):
        figure.add_bar(name=name, x=months, y=plain_values(frame[column]), marker_color=colour,
                       hovertemplate=f"<b>%{{x}}</b><br>{name}: %{{y:,d}} việc<extra></extra>")
    style_figure(figure, title, height=COLUMN_CHART_HEIGHT, barmode="group")
    figure.update_xaxes(title_text="Tháng", type="category")
    figure.update_yaxes(title_text="Số việc", rangemode="tozero", tickformat=",d")
    return figure


def share_bars(frame: pd.DataFrame, *, title: str) -> go.Figure:
    """Return grouped bars per name of its share of the province's caseload and of its money, in percent."""
    names = list(frame["name"])
    figure = go.Figure()
    for column, name, colour in (("case_share", "Tỷ trọng số việc", BAR_COLOUR),
                                 ("money_share", "Tỷ trọng số tiền", SECOND_COLOUR)):
        figure.add_bar(name=name, x=names, y=plain_values(frame[column]), marker_color=colour,
                       texttemplate=f"%{{y:{RATE_FORMAT}}}", textposition="outside", textfont_size=TEXT_SIZE,
                       cliponaxis=False, hovertemplate=f"<b>%{{x}}</b><br>{name}: %{{y:{RATE_FORMAT}}}%<extra></extra>")
    style_figure(figure, title, height=COLUMN_CHART_HEIGHT, barmode="group")
    figure.update_yaxes(title_text="Tỷ trọng (%)", rangemode="tozero")
    return figure


def plain_values(column: pd.Series) -> list[float | int | None]:
    # Plotly draws None as a gap; NaN and pd.NA would otherwise reach the templates as numbers.
    return [None if pd.isna(value) else value.item() if hasattr(value, "item") else value for value in column]


def style_figure(figure: go.Figure, title: str, *, height: int, **layout) -> None:
    """Give a figure the house look: title and legend at fixed heights, Vietnamese numbers, meeting-room sizes."""
    figure.update_layout(
        title={"text": title, "font": {"size": TITLE_SIZE}, "x": 0, "xanchor": "left", "yref": "container",
               "y": 1 - TITLE_TOP / height, "yanchor": "top"},
        separators=SEPARATORS, font={"family": FONT_FAMILY, "color": TEXT_COLOUR, "size": TICK_SIZE},
        template="plotly_white", height=height, margin={"t": 120, "b": 60, "l": 20, "r": 30},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "yref": "container", "y": 1 - LEGEND_TOP / height,
                "yanchor": "top", "font": {"size": LEGEND_SIZE}},
        hoverlabel={"font": {"size": TEXT_SIZE, "family": FONT_FAMILY}}, **layout)
    figure.update_xaxes(tickfont_size=TICK_SIZE, title_font_size=AXIS_TITLE_SIZE, automargin=True)
    figure.update_yaxes(tickfont_size=TICK_SIZE, title_font_size=AXIS_TITLE_SIZE, automargin=True)


def money_over_time(frame: pd.DataFrame, *, title: str) -> go.Figure:
    """Return step lines of one case's money collected, reduced and remaining, in đồng, from each state's start."""
    days = [day.isoformat() for day in frame["day"]]
    figure = go.Figure()
    for column, name, colour, dash in (("collected", "Đã thu", TARGET_COLOUR, "solid"),
                                       ("reduced", "Đã giảm", SECOND_COLOUR, "dot"),
                                       ("remaining", "Còn phải thi hành", BAR_COLOUR, "solid")):
        figure.add_scatter(
            name=name, x=days, y=plain_values(frame[column]), mode="lines+markers", line_shape="hv",
            line={"color": colour, "dash": dash, "width": 3}, marker_size=9,
            hovertemplate=f"<b>%{{x|%d/%m/%Y}}</b><br>{name}: %{{y:,d}} đồng<extra></extra>")
    style_figure(figure, title, height=COLUMN_CHART_HEIGHT)
    figure.update_xaxes(title_text="Ngày", type="date", tickformat="%d/%m/%Y")
    figure.update_yaxes(title_text="Số tiền (đồng)", rangemode="tozero", tickformat=",d")
    return figure
