"""Unit names on chart axes: "THADS" for the agency's name, and a province's name left out where all share it."""

import pytest

from dashboard.charts.axis_labels import short_unit_names, unit_labels

PROVINCE = [{"key": "QN00", "name": "Thi hành án dân sự tỉnh Quảng Ninh"},
            {"key": "QN01", "name": "Phòng Thi hành án dân sự khu vực 1 - Quảng Ninh"},
            {"key": "QN02", "name": "Phòng Thi hành án dân sự khu vực 2 - Quảng Ninh"}]


def test_a_province_s_regional_offices_are_named_without_the_province():
    assert short_unit_names(PROVINCE) == {"QN00": "THADS tỉnh Quảng Ninh", "QN01": "Phòng THADS khu vực 1",
                                          "QN02": "Phòng THADS khu vực 2"}
    assert unit_labels(PROVINCE, "QN02")["QN02"] == "<b>▶ Phòng THADS khu vực 2</b>"


@pytest.mark.parametrize("rows", [
    pytest.param(PROVINCE + [{"key": "T02K01", "name": "Phòng Thi hành án dân sự khu vực 1 - Hà Nam"}],
                 id="two-provinces"),
    pytest.param(PROVINCE + [{"key": "QN09", "name": "Phòng Thi hành án dân sự khu vực 1"}], id="would-be-alike"),
])
def test_names_keep_the_province_where_leaving_it_out_would_mislead(rows):
    names = short_unit_names(rows)
    assert names["QN01"] == "Phòng THADS khu vực 1 - Quảng Ninh"
    assert len(set(names.values())) == len(rows)


def test_names_without_a_province_part_are_only_shortened():
    rows = [{"key": "H01", "name": "Chi cục Thi hành án dân sự huyện Đông"}, {"key": "H02", "name": "<b>x</b>"}]
    assert short_unit_names(rows) == {"H01": "Chi cục THADS huyện Đông", "H02": "<b>x</b>"}
    assert unit_labels(rows)["H02"] == "&lt;b&gt;x&lt;/b&gt;"
