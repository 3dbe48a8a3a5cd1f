"""Vietnamese number formats, half-up rounding and the change arithmetic."""

import datetime
from decimal import Decimal

import pytest

from dashboard.metrics.formatting import (
    format_billion,
    format_billion_number,
    format_count,
    format_date,
    format_money_short,
    format_percent,
    format_points,
    rate_change,
    relative_change,
    round_half_up,
)


@pytest.mark.parametrize(("x", "decimals", "expected"), [
    (0.125, 2, Decimal("0.13")),
    (2.675, 2, Decimal("2.68")),  # round(2.675, 2) gives 2.67 on binary floats
    (47.095, 2, Decimal("47.10")),
    (0.005, 2, Decimal("0.01")),
    (-0.125, 2, Decimal("-0.13")),
    (Decimal("1.25"), 1, Decimal("1.3")),
    (2.5, 0, Decimal("3")),
    (1577, 0, Decimal("1577")),
])
def test_round_half_up(x, decimals, expected):
    result = round_half_up(x, decimals)
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize(("n", "expected"), [
    (1577, "1.577"),
    (3348, "3.348"),
    (999, "999"),
    (0, "0"),
    (1_234_567, "1.234.567"),
    (-1577, "-1.577"),
    (-42, "-42"),
    (None, "—"),
])
def test_format_count(n, expected):
    assert format_count(n) == expected


@pytest.mark.parametrize(("x", "decimals", "expected"), [
    (47.1, 2, "47,10%"),
    (47.095, 2, "47,10%"),
    (0.005, 2, "0,01%"),
    (0.004, 2, "0,00%"),
    (100, 2, "100,00%"),
    (57.17, 1, "57,2%"),
    (37.94, 1, "37,9%"),
    (-3.5, 2, "-3,50%"),
    (-0.001, 2, "0,00%"),
    (12345.678, 2, "12.345,68%"),
    (None, 2, "—"),
])
def test_format_percent(x, decimals, expected):
    assert format_percent(x, decimals) == expected


@pytest.mark.parametrize(("delta", "expected"), [
    (1.82, "+1,82 điểm"),
    (-0.4, "-0,40 điểm"),
    (0, "0,00 điểm"),
    (0.0, "0,00 điểm"),
    (-0.004, "0,00 điểm"),
    (0.005, "+0,01 điểm"),
    (26.7, "+26,70 điểm"),
    (None, "—"),
])
def test_format_points(delta, expected):
    assert format_points(delta) == expected


def test_format_points_with_one_decimal():
    assert format_points(1.75, decimals=1) == "+1,8 điểm"


@pytest.mark.parametrize(("dong", "decimals", "expected"), [
    (97_612_345_678, 1, "97,6 tỷ đồng"),
    (1_987_800_000_000, 1, "1.987,8 tỷ đồng"),
    (224_775_000_000_000, 1, "224.775,0 tỷ đồng"),
    (35_750_000_000, 1, "35,8 tỷ đồng"),
    (35_749_999_999, 1, "35,7 tỷ đồng"),
    (2_675_000_000, 2, "2,68 tỷ đồng"),
    (0, 1, "0,0 tỷ đồng"),
    (-5_000_000_000, 1, "-5,0 tỷ đồng"),
    (None, 1, "—"),
])
def test_format_billion(dong, decimals, expected):
    assert format_billion(dong, decimals) == expected


@pytest.mark.parametrize(("dong", "expected"), [
    (97_612_345_678, "97,6 tỷ đồng"),
    (1_987_800_000_000, "1.987,8 tỷ đồng"),
    (1_000_000_000, "1,0 tỷ đồng"),
    (999_950_000, "1,0 tỷ đồng"),
    (999_949_999, "999,9 triệu đồng"),
    (350_000_000, "350,0 triệu đồng"),
    (1_250_000, "1,3 triệu đồng"),
    (1_000_000, "1,0 triệu đồng"),
    (999_999, "999.999 đồng"),
    (15_000, "15.000 đồng"),
    (0, "0 đồng"),
    (None, "—"),
])
def test_format_money_short(dong, expected):
    assert format_money_short(dong) == expected


@pytest.mark.parametrize(("d", "expected"), [
    (datetime.date(2023, 12, 31), "31/12/2023"),
    (datetime.date(2024, 1, 5), "05/01/2024"),
    ("2023-10-01", "01/10/2023"),
])
def test_format_date(d, expected):
    assert format_date(d) == expected


@pytest.mark.parametrize(("current", "previous", "expected"), [
    (47.10, 45.28, 1.82),
    (4.91, 5.31, -0.4),
    (57.17, 55.37, 1.8),  # 1.8000000000000043 on binary floats
    (37.94, 11.24, 26.7),
    (50.0, 50.0, 0.0),
    (None, 45.28, None),
    (47.10, None, None),
])
def test_rate_change(current, previous, expected):
    assert rate_change(current, previous) == expected


@pytest.mark.parametrize(("current", "previous", "expected"), [
    (110, 100, 10.0),
    (0, 4, -100.0),
    (1, 3, -66.67),
    (1001, 800, 25.13),  # exactly 25.125: half up, not to even
    (1, 800, -99.88),  # exactly -99.875: half away from zero
    (97_612_345_678, 80_000_000_000, 22.02),
    (5, 0, None),
    (None, 3, None),
    (3, None, None),
])
def test_relative_change(current, previous, expected):
    assert relative_change(current, previous) == expected


@pytest.mark.parametrize(("dong", "expected"), [
    (2_774_123_000_000, "2.774,1"),
    (97_650_000_000, "97,7"),
    (0, "0,0"),
    (None, "—"),
])
def test_format_billion_number_has_no_unit(dong, expected):
    assert format_billion_number(dong) == expected
