"""Chart builders read back from their figures: traces, values in order, labels, colours and Vietnamese text."""

import json
import math

import pandas as pd
import pytest

from dashboard.charts.figures import (
    BAR_COLOUR, FONT_FAMILY, LAST_YEAR_COLOUR, SECOND_COLOUR, TARGET_COLOUR, monthly_counts,
    paired_rates, rate_heatmap, ranked_rates, share_bars, trend_rates,
)
from dashboard.charts.pace_figures import PACE_COLOUR, STATUS_COLOURS, pace_gauge

UNITS = pd.DataFrame({
    "name": ["Khu vực 1", "Khu vực 2", "Khu vực 3", "Khu vực 4"],
    "rate": [47.1, None, 90.5, 83.25],
    "last_year": [45.28, 30.0, None, 80.0],
})
HEAT = pd.DataFrame({"Ngân sách": [47.1, math.nan], "Tín dụng": [10.0, 55.5]}, index=["Khu vực 2", "Khu vực 1"])
PAIRED = pd.DataFrame({
    "name": ["Khu vực 1", "Khu vực 2"], "cases_rate": [47.1, None], "money_rate": [4.91, 30.0],
    "cases_last_year": [45.28, 50.0], "money_last_year": [math.nan, 25.5],
})
TREND = pd.DataFrame({
    "month": ["10/2023", "11/2023", "12/2023", "01/2024"],
    "this_year": [15.0, 30.25, 47.1, None], "last_year": [14.0, 29.5, 45.28, 55.0],
})
MONTHS = pd.DataFrame({"month": ["Th10", "Th11", "Th12"], "new": [1577, 820, 900], "completed": [300, 610, 700]})
SHARES = pd.DataFrame({"name": ["Khu vực 1", "Khu vực 2"], "case_share": [60.5, 39.5],
                       "money_share": [75.25, math.nan]})

BUILT = {
    "ranked_rates": lambda: ranked_rates(UNITS, title="Tỷ lệ xong về việc", target=83.25),
    "rate_heatmap": lambda: rate_heatmap(HEAT, title="Tỷ lệ theo nhóm"),
    "paired_rates": lambda: paired_rates(PAIRED, title="Về việc và về tiền"),
    "trend_rates": lambda: trend_rates(TREND, title="Tỷ lệ lũy kế", target=83.25),
    "monthly_counts": lambda: monthly_counts(MONTHS, title="Thụ lý và xong theo tháng"),
    "share_bars": lambda: share_bars(SHARES, title="Tỷ trọng"),
}


@pytest.mark.parametrize("build", BUILT.values(), ids=BUILT.keys())
def test_every_figure_is_readable_in_a_meeting_room_and_serialisable(build):
    figure = build()
    layout = figure.layout
    assert layout.separators == ",."
    assert layout.font.family == FONT_FAMILY
    assert layout.title.font.size >= 20
    assert layout.xaxis.tickfont.size >= 14 and layout.yaxis.tickfont.size >= 14
    # Title and legend are placed in pixels from the top of the whole figure, so tall charts keep them close.
    assert (layout.title.yref, layout.legend.yref, layout.legend.orientation) == ("container", "container", "h")
    assert layout.height * (1 - layout.legend.y) == pytest.approx(58)
    for trace in figure.data:
        assert trace.hoverinfo == "skip" or trace.hovertemplate.endswith("<extra></extra>")
    assert json.loads(figure.to_json())["layout"]["separators"] == ",."


def test_ranked_rates_put_the_best_at_the_top_and_missing_rates_last():
    figure = ranked_rates(UNITS, title="Tỷ lệ xong về việc", target=83.25)
    bars, last_year, labels = figure.data
    assert (bars.type, bars.orientation, bars.name) == ("bar", "h", "Kỳ báo cáo này")
    assert bars.y == ("Khu vực 3", "Khu vực 4", "Khu vực 1", "Khu vực 2")
    assert bars.x == (90.5, 83.25, 47.1, None)
    assert bars.marker.color == BAR_COLOUR
    assert bars.customdata == ("—", "80,00%", "45,28%", "30,00%")
    assert figure.layout.yaxis.categoryarray == ("Khu vực 3", "Khu vực 4", "Khu vực 1", "Khu vực 2")
    assert figure.layout.yaxis.range == (3.5, -0.5)
    assert (last_year.type, last_year.name, last_year.marker.symbol) == ("scatter", "Cùng kỳ năm trước", "diamond")
    assert last_year.x == (None, 80.0, 45.28, 30.0)
    assert last_year.marker.color == LAST_YEAR_COLOUR
    assert figure.layout.title.text == "Tỷ lệ xong về việc"
    assert figure.layout.xaxis.title.text == "Tỷ lệ (%)"
    assert figure.layout.xaxis.range == (0, 100)
    assert "Tỷ lệ: %{x:.2f}%" in bars.hovertemplate
    assert "Cùng kỳ năm trước: %{customdata}" in bars.hovertemplate
    # This period's values stand in a column right of the plot, headed "Kỳ này".
    assert (labels.mode, labels.textposition, labels.hoverinfo) == ("text", "middle right", "skip")
    assert labels.y == ("Khu vực 3", "Khu vực 4", "Khu vực 1")
    assert labels.x == (100, 100, 100)
    assert [text.strip() for text in labels.text] == ["90,50", "83,25", "47,10"]


def test_ranked_rates_fit_the_axis_to_small_rates_and_the_target():
    frame = pd.DataFrame({"name": ["A", "B"], "rate": [5.0, 8.0], "last_year": [3.0, 12.0]})
    figure = ranked_rates(frame, title="Tỷ lệ xong về tiền", target=46.45)
    assert figure.layout.xaxis.range == (0, pytest.approx(46.45 * 1.12 + 6))
    assert figure.data[2].x == (pytest.approx(46.45 * 1.12 + 6),) * 2
    header, target_label = figure.layout.annotations
    assert header.text.strip() == "Kỳ này" and target_label.xanchor == "right"


def test_ranked_rates_draw_the_target_as_a_dashed_line_with_its_label():
    figure = ranked_rates(UNITS, title="Tỷ lệ", target=83.25)
    (line,) = figure.layout.shapes
    assert (line.x0, line.x1, line.line.dash, line.line.color) == (83.25, 83.25, "dash", TARGET_COLOUR)
    assert [note.text.strip() for note in figure.layout.annotations] == ["Kỳ này", "Chỉ tiêu 83,25%"]


def test_ranked_rates_without_target_have_no_line():
    figure = ranked_rates(UNITS, title="Tỷ lệ")
    assert figure.layout.shapes == ()
    assert [note.text.strip() for note in figure.layout.annotations] == ["Kỳ này"]
    assert [trace.name for trace in figure.data] == ["Kỳ báo cáo này", "Cùng kỳ năm trước", None]


def test_ranked_rates_grow_with_the_row_count():
    few = ranked_rates(UNITS, title="Tỷ lệ")
    many = ranked_rates(pd.DataFrame({"name": [f"CHV {i}" for i in range(20)], "rate": [50.0] * 20,
                                      "last_year": [None] * 20}), title="Tỷ lệ")
    assert few.layout.height == 420
    assert many.layout.height == 20 * 34 + 190


def test_ranked_rates_read_numpy_nan_as_missing():
    frame = pd.DataFrame({"name": ["A", "B"], "rate": [math.nan, 12.5], "last_year": [math.nan, math.nan]})
    bars, last_year, _ = ranked_rates(frame, title="Tỷ lệ").data
    assert bars.y == ("B", "A") and bars.x == (12.5, None)
    assert last_year.x == (None, None)
    assert bars.customdata == ("—", "—")


def test_rate_heatmap_keeps_unit_order_and_labels_missing_cells_with_a_dash():
    figure = rate_heatmap(HEAT, title="Tỷ lệ theo nhóm")
    (heat,) = figure.data
    assert heat.type == "heatmap"
    assert heat.y == ("Khu vực 2", "Khu vực 1") and figure.layout.yaxis.autorange == "reversed"
    assert heat.x == ("Ngân sách", "Tín dụng")
    assert [list(row) for row in heat.z] == [[47.1, 10.0], [None, 55.5]]
    assert [list(row) for row in heat.text] == [["47,10", "10,00"], ["—", "55,50"]]
    assert heat.texttemplate == "%{text}"
    assert (heat.zmin, heat.zmax) == (0, 100)
    assert heat.colorscale[0][1] == "#c62828" and heat.colorscale[-1][1] == "#2e7d32"
    assert heat.colorbar.title.text == "Tỷ lệ (%)"
    assert heat.hovertemplate == "Đơn vị: %{y}<br>Nhóm: %{x}<br>Tỷ lệ: %{z:.2f}%<extra></extra>"
    assert figure.layout.title.text == "Tỷ lệ theo nhóm"


def test_paired_rates_set_last_year_markers_over_their_own_bars():
    figure = paired_rates(PAIRED, title="Về việc và về tiền")
    cases, cases_before, money, money_before = figure.data
    assert [trace.type for trace in figure.data] == ["bar", "scatter", "bar", "scatter"]
    assert [trace.name for trace in figure.data] == ["Về việc", "Cùng kỳ: về việc", "Về tiền", "Cùng kỳ: về tiền"]
    assert cases.x == ("Khu vực 1", "Khu vực 2") and cases.y == (47.1, None)
    assert money.y == (4.91, 30.0)
    assert (cases.marker.color, money.marker.color) == (BAR_COLOUR, SECOND_COLOUR)
    assert cases_before.y == (45.28, 50.0) and money_before.y == (None, 25.5)
    assert (cases.offsetgroup, cases_before.offsetgroup) == ("cases", "cases")
    assert (money.offsetgroup, money_before.offsetgroup) == ("money", "money")
    assert (figure.layout.barmode, figure.layout.scattermode) == ("group", "group")
    assert cases.texttemplate is None  # values are in the table beside the chart
    assert money.customdata == ("—", "25,50%")
    assert "Tỷ lệ về tiền: %{y:.2f}%" in money.hovertemplate
    assert figure.layout.yaxis.title.text == "Tỷ lệ (%)" and figure.layout.yaxis.range == (0, 100)


def test_trend_rates_draw_both_work_years_and_the_yearly_target():
    figure = trend_rates(TREND, title="Tỷ lệ lũy kế", target=83.25)
    this_year, last_year = figure.data
    assert (this_year.name, this_year.line.color, this_year.line.dash) == ("Năm công tác này", BAR_COLOUR, "solid")
    assert (last_year.name, last_year.line.color, last_year.line.dash) == ("Năm công tác trước", LAST_YEAR_COLOUR,
                                                                            "dash")
    assert this_year.x == ("10/2023", "11/2023", "12/2023", "01/2024")
    assert this_year.y == (15.0, 30.25, 47.1, None)
    assert this_year.mode == "lines+markers"
    (target,) = figure.layout.shapes
    assert (target.name, target.showlegend, target.y0, target.line.dash) == ("Chỉ tiêu năm", True, 83.25, "dash")
    assert target.line.color == TARGET_COLOUR
    assert [note.text for note in figure.layout.annotations] == ["Chỉ tiêu 83,25%"]
    assert figure.layout.xaxis.title.text == "Tháng"
    assert figure.layout.yaxis.title.text == "Tỷ lệ lũy kế (%)" and figure.layout.yaxis.range == (0, 100)
    assert "Năm công tác này: %{y:.2f}%" in this_year.hovertemplate


def test_trend_rates_without_target_have_no_line():
    assert trend_rates(TREND, title="Tỷ lệ lũy kế").layout.shapes == ()


def test_monthly_counts_group_new_and_completed_cases():
    figure = monthly_counts(MONTHS, title="Thụ lý và xong theo tháng")
    new, completed = figure.data
    assert [trace.type for trace in figure.data] == ["bar", "bar"]
    assert (new.name, completed.name) == ("Thụ lý mới", "Xong (xong + đình chỉ)")
    assert new.x == ("Th10", "Th11", "Th12")
    assert new.y == (1577, 820, 900) and completed.y == (300, 610, 700)
    assert figure.layout.barmode == "group"
    assert figure.layout.yaxis.title.text == "Số việc" and figure.layout.xaxis.title.text == "Tháng"
    assert "Thụ lý mới: %{y:,d} việc" in new.hovertemplate


def test_share_bars_show_case_and_money_shares():
    figure = share_bars(SHARES, title="Tỷ trọng")
    cases, money = figure.data
    assert (cases.name, money.name) == ("Tỷ trọng số việc", "Tỷ trọng số tiền")
    assert cases.x == ("Khu vực 1", "Khu vực 2")
    assert cases.y == (60.5, 39.5) and money.y == (75.25, None)
    assert figure.layout.yaxis.title.text == "Tỷ trọng (%)"
    assert "Tỷ trọng số tiền: %{y:.2f}%" in money.hovertemplate


def test_a_pace_gauge_marks_the_pace_colours_its_bar_by_status_and_bands_the_target():
    gauge = pace_gauge("Tỷ lệ xong về việc", 47.1, pace=40.37, status="on_course", target=83.75,
                       last_year=45.28).data[0]
    assert gauge.gauge.threshold.value == 40.37 and gauge.gauge.threshold.line.color == PACE_COLOUR
    assert gauge.gauge.bar.color == STATUS_COLOURS["on_course"]
    assert [step.range for step in gauge.gauge.steps] == [(83.75, 100)]
    assert gauge.delta.reference == 45.28
    plain = pace_gauge("Tỷ lệ", 4.91, pace=None, status=None).data[0]
    assert plain.gauge.threshold.value is None and plain.gauge.steps == () and plain.gauge.bar.color == SECOND_COLOUR
