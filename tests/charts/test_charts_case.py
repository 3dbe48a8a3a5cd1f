"""The money of one case over time, read back from its figure."""

from datetime import date

import pandas as pd

from dashboard.charts.figures import BAR_COLOUR, SECOND_COLOUR, TARGET_COLOUR, money_over_time

FRAME = pd.DataFrame({
    "day": [date(2023, 10, 5), date(2023, 11, 20), date(2024, 2, 1)],
    "collected": [0, 40_000_000, 40_000_000],
    "reduced": [0, 0, 10_000_000],
    "remaining": [100_000_000, 60_000_000, 50_000_000],
})


def test_three_step_lines_hold_the_money_in_dong_by_day():
    figure = money_over_time(FRAME, title="Số tiền của việc V1 theo thời gian")
    assert [trace.name for trace in figure.data] == ["Đã thu", "Đã giảm", "Còn phải thi hành"]
    assert [trace.line.color for trace in figure.data] == [TARGET_COLOUR, SECOND_COLOUR, BAR_COLOUR]
    assert {trace.line.shape for trace in figure.data} == {"hv"}
    assert list(figure.data[0].x) == ["2023-10-05", "2023-11-20", "2024-02-01"]
    assert [list(trace.y) for trace in figure.data] == [
        [0, 40_000_000, 40_000_000], [0, 0, 10_000_000], [100_000_000, 60_000_000, 50_000_000]]
    assert all(type(value) is int for trace in figure.data for value in trace.y)


def test_the_figure_has_a_title_axes_with_units_and_vietnamese_hover():
    figure = money_over_time(FRAME, title="Số tiền của việc V1 theo thời gian")
    assert figure.layout.title.text == "Số tiền của việc V1 theo thời gian"
    assert (figure.layout.xaxis.title.text, figure.layout.yaxis.title.text) == ("Ngày", "Số tiền (đồng)")
    assert (figure.layout.xaxis.tickformat, figure.layout.yaxis.tickformat) == ("%d/%m/%Y", ",d")
    assert figure.layout.separators == ",."
    assert figure.data[2].hovertemplate == "<b>%{x|%d/%m/%Y}</b><br>Còn phải thi hành: %{y:,d} đồng<extra></extra>"
