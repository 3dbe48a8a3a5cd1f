"""Chart builders: each takes figures and returns a Plotly figure; none loads data."""

import plotly.graph_objects as go

# Vietnamese number format in every figure: comma for decimals, dot for thousands.
SEPARATORS = ",."
FONT_FAMILY = "Noto Sans, DejaVu Sans, Arial, sans-serif"
BAND_COLOURS = ("#f8d7da", "#fff3cd", "#d4edda")
BAR_COLOUR = "#b71c1c"
TEXT_COLOUR = "#212121"


def rate_gauge(title: str, rate: float | None, *, target: float | None = None,
               last_year: float | None = None) -> go.Figure:
    """Return a gauge of a rate in percent, with the target as threshold and the change on last year in points."""
    indicator = go.Indicator(
        mode="gauge+number+delta" if last_year is not None else "gauge+number",
        value=rate if rate is not None else 0,
        number={"suffix": "%", "valueformat": ".2f", "font": {"size": 64, "color": TEXT_COLOUR}},
        title={"text": title, "font": {"size": 26, "color": TEXT_COLOUR}},
        gauge={
            "axis": {"range": [0, 100], "ticksuffix": "%", "tickfont": {"size": 16, "color": TEXT_COLOUR}},
            "bar": {"color": BAR_COLOUR, "thickness": 0.3},
            "steps": _bands(target),
        },
    )
    if last_year is not None:
        indicator.delta = {"reference": last_year, "valueformat": "+.2f", "suffix": " điểm so với cùng kỳ",
                           "font": {"size": 20}}
    if target is not None:
        indicator.gauge.threshold = {"line": {"color": "#1b5e20", "width": 5}, "thickness": 0.9, "value": target}
    figure = go.Figure(indicator)
    figure.update_layout(separators=SEPARATORS, font={"family": FONT_FAMILY, "color": TEXT_COLOUR}, height=380,
                         margin={"t": 80, "b": 20, "l": 40, "r": 40})
    return figure


def _bands(target: float | None) -> list[dict]:
    if target is None:
        return []
    edges = (0, target * 0.8, target, 100)
    return [{"range": [low, high], "color": colour} for low, high, colour in zip(edges, edges[1:], BAND_COLOURS)]
