"""Figures for the dark meeting-room screen: any page's figure with light text and fonts read from five metres."""

import plotly.graph_objects as go

from dashboard.charts.figures import BAR_COLOUR, SECOND_COLOUR, TARGET_COLOUR, TEXT_COLOUR

# The meeting-room screen: light text on a dark ground, read from five metres.
SCREEN_BACKGROUND = "#0b1220"
SCREEN_TEXT = "#f5f7fa"
SCREEN_GRID = "#2c3a55"
SCREEN_FONT_SCALE = 1.7
# Colours too dark for a dark ground, and the brighter ones that stand in for them on the screen.
SCREEN_COLOURS = {TEXT_COLOUR: SCREEN_TEXT, TARGET_COLOUR: "#69f0ae", BAR_COLOUR: "#ef5350",
                  SECOND_COLOUR: "#42a5f5"}


def _for_screen(node, parent: str = ""):
    if isinstance(node, dict):
        return {key: (round(value * SCREEN_FONT_SCALE) if key == "size" and parent.endswith("font")
                      and isinstance(value, (int, float)) else _for_screen(value, key))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_for_screen(item, parent) for item in node]
    if isinstance(node, str) and node in SCREEN_COLOURS:
        return SCREEN_COLOURS[node]
    return SCREEN_BACKGROUND if node == "white" and parent == "bgcolor" else node


def for_big_screen(figure: go.Figure, *, height: int) -> go.Figure:
    """Return a copy of a figure for the dark meeting-room screen: light text, fonts scaled, no title of its own."""
    screen = go.Figure(_for_screen(figure.to_plotly_json()))
    gauge = any(trace.type == "indicator" for trace in screen.data)
    # A column of values right of the plot grows with the fonts.
    right = 90 if gauge else max(150, round((figure.layout.margin.r or 0) * SCREEN_FONT_SCALE))
    screen.update_layout(
        title=None, height=height, paper_bgcolor=SCREEN_BACKGROUND, plot_bgcolor=SCREEN_BACKGROUND,
        font_color=SCREEN_TEXT,
        # A gauge needs room for its end labels on both sides; a ranking for its column of values on the right.
        margin={"t": 120 if gauge or figure.layout.showlegend is False else 160, "b": 40, "l": 90, "r": right},
        legend={"yref": "container", "y": 0.99, "yanchor": "top", "bgcolor": "rgba(0,0,0,0)"})
    screen.update_xaxes(gridcolor=SCREEN_GRID, zerolinecolor=SCREEN_GRID, linecolor=SCREEN_GRID)
    screen.update_yaxes(gridcolor=SCREEN_GRID, zerolinecolor=SCREEN_GRID, linecolor=SCREEN_GRID)
    # A gauge keeps its bar in its status colour; its pace mark turns light, since below the target it sits on the
    # dark ground.
    # A gauge's number and change carry no size: Plotly then scales them to fill the gauge, as large as the screen
    # it is drawn on allows and never past its arc.
    screen.update_traces(number_font_size=None, delta_font_size=None, gauge_threshold_line_color=SCREEN_TEXT,
                         gauge_threshold_line_width=9, selector={"type": "indicator"})
    return screen
