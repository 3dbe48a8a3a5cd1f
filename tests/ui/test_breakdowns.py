"""The frames behind the units and officers pages: labels, the officers' table, the pace columns and their
styles."""


import pandas as pd

from dashboard.charts.axis_labels import group_label, officer_labels, short_unit_name, unit_labels
from dashboard.ui.breakdowns import CHOSEN_STYLE, group_rates, officer_table
from dashboard.ui.pace_table import STATUS_STYLES, TOTAL_STYLE, in_billions, lead_with_pace, pace_styles, with_total


def _row(key: str, name: str, *, enforceable: int, completed: int, rate: float | None, money_rate: float | None,
         last_year: float | None = None) -> dict:
    cases = {"caseload": enforceable + 10, "enforceable": enforceable, "completed": completed, "rate": rate}
    money = {"enforceable": enforceable * 1_500_000_000, "completed": completed * 250_000_000, "rate": money_rate}
    return {"key": key, "name": name, "cases": cases, "money": money,
            "same_period_last_year": {"cases": {"rate": last_year}, "money": {"rate": None}}}


ROWS = [
    _row("CHV001", "Ngô Xuân Hùng", enforceable=21, completed=8, rate=38.1, money_rate=6.5, last_year=41.0),
    _row("CHV002", "Ngô Thanh Trang", enforceable=20, completed=18, rate=90.0, money_rate=55.0),
    _row("CHV003", "Ngô Xuân Hùng", enforceable=0, completed=0, rate=None, money_rate=None),
]


def test_unit_names_are_shortened_and_the_chosen_one_stands_out():
    assert short_unit_name("Chi cục Thi hành án dân sự Hạ Long") == "Chi cục THADS Hạ Long"
    assert short_unit_name("Phòng Thi hành án dân sự khu vực 2") == "Phòng THADS khu vực 2"
    rows = [{"key": "QN00", "name": "Cục Thi hành án dân sự tỉnh Quảng Ninh"},
            {"key": "QN01", "name": "Chi cục Thi hành án dân sự Hạ Long"}]
    assert unit_labels(rows, "QN01") == {"QN00": "Cục THADS tỉnh Quảng Ninh", "QN01": "<b>▶ Chi cục THADS Hạ Long</b>"}
    assert unit_labels(rows) == {"QN00": "Cục THADS tỉnh Quảng Ninh", "QN01": "Chi cục THADS Hạ Long"}


def test_officers_sharing_a_name_keep_apart_by_their_code():
    assert officer_labels(ROWS) == {"CHV001": "Ngô Xuân Hùng (CHV001)", "CHV002": "Ngô Thanh Trang (CHV002)",
                                    "CHV003": "Ngô Xuân Hùng (CHV003)"}


def test_long_group_names_break_near_their_middle():
    assert group_label("ngan_sach") == "Thu ngân sách<br>nhà nước"
    assert group_label("thu_hoi_tai_san") == "Thu hồi tài sản<br>tham nhũng, kinh tế"
    assert group_label("bhxh") == "Bảo hiểm xã hội"


def test_group_rates_put_units_in_rows_all_groups_in_columns_and_the_province_last():
    labels = {"QN00": "Cục", "QN01": "Hạ Long"}
    by_pair = {"rows": [{"key": "QN00|ngan_sach", "cases": {"rate": 59.02}},
                        {"key": "QN01|ngan_sach", "cases": {"rate": 56.67}},
                        {"key": "QN01|bhxh", "cases": {"rate": None}}]}
    by_group = {"rows": [{"key": "bhxh", "cases": {"rate": 36.36}}, {"key": "ngan_sach", "cases": {"rate": 57.17}}]}
    frame = group_rates(labels, by_pair, by_group, "cases", "Toàn tỉnh")
    assert list(frame.index) == ["Cục", "Hạ Long", "Toàn tỉnh"]
    assert list(frame.columns) == ["Thu ngân sách<br>nhà nước", "Tín dụng,<br>ngân hàng", "Bảo hiểm xã hội",
                                   "Thu hồi tài sản<br>tham nhũng, kinh tế", "Trọng điểm,<br>số tiền lớn"]
    assert frame.iloc[:, 0].tolist() == [59.02, 56.67, 57.17]
    assert frame.iloc[:, 2].isna().tolist() == [True, True, False] and frame.iloc[2, 2] == 36.36
    assert frame.iloc[:, 1].isna().all()


def test_the_officers_table_holds_counts_rates_and_money_in_billions():
    table = officer_table(ROWS)
    first = table.iloc[0].to_dict()
    assert first == {
        "Mã": "CHV001", "Chấp hành viên": "Ngô Xuân Hùng", "Tổng số thụ lý (việc)": 31, "Có điều kiện (việc)": 21,
        "Thi hành xong (việc)": 8, "Tỷ lệ xong (%) (việc)": 38.1, "Tỷ lệ cùng kỳ năm trước (%) (việc)": 41.0,
        "Có điều kiện (tỷ đồng)": 31.5, "Thi hành xong (tỷ đồng)": 2.0, "Tỷ lệ xong (%) (tiền)": 6.5,
        "Tỷ lệ cùng kỳ năm trước (%) (tiền)": first["Tỷ lệ cùng kỳ năm trước (%) (tiền)"],
    }
    assert pd.isna(first["Tỷ lệ cùng kỳ năm trước (%) (tiền)"])


def _judged(row: dict, target: dict | None, pace: dict | None, forecast: dict | None = None) -> dict:
    return {**row, "target": target, "pace": pace, "forecast": forecast}


JUDGED = [
    _judged(ROWS[0], {"cases": 83.75, "money": 46.95},
            {"cases": 40.0, "money": 5.0, "cases_status": "behind", "money_status": "on_course"},
            {"cases": {"rate": 77.7, "low": 73.77, "high": 80.91}, "money": None}),
    _judged(ROWS[1], {"cases": 85.0, "money": 50.0},
            {"cases": 40.0, "money": 56.0, "cases_status": "on_course", "money_status": "watch"}),
    _judged(ROWS[2], None, None),
]


def test_each_chain_leads_with_rate_target_status_pace_progress_and_forecast():
    table = lead_with_pace(officer_table(JUDGED), JUDGED)
    columns = list(table.columns)
    assert columns[:8] == ["Mã", "Chấp hành viên", "Tỷ lệ xong (%) (việc)", "Chỉ tiêu (%) (việc)", "Tiến độ (việc)",
                           "Mức cần đạt đến nay (%) (việc)", "Đạt so với chỉ tiêu (%) (việc)", "Dự báo 30/9 (%) (việc)"]
    assert columns.count("Tỷ lệ xong (%) (việc)") == 1
    assert table["Tiến độ (việc)"].tolist()[:2] == ["Chậm tiến độ", "Đúng tiến độ"]
    assert pd.isna(table["Tiến độ (việc)"].iloc[2])
    # 38,1 / 83,75 and 90 / 85 by cases; 6,5 / 46,95 and 55 / 50 by money.
    assert table["Đạt so với chỉ tiêu (%) (việc)"].tolist()[:2] == [45.49, 105.88]
    assert table["Đạt so với chỉ tiêu (%) (tiền)"].tolist()[:2] == [13.84, 110.0]
    assert table["Dự báo 30/9 (%) (việc)"].tolist()[0] == 77.7
    assert table[["Chỉ tiêu (%) (việc)", "Đạt so với chỉ tiêu (%) (việc)"]].iloc[2].isna().all()


def test_a_table_without_any_target_gains_no_empty_columns():
    plain = [_judged(row, None, None) for row in ROWS]
    table = officer_table(plain)
    assert list(lead_with_pace(table, plain).columns) == ["Mã", "Chấp hành viên", "Tỷ lệ xong (%) (việc)",
                                                         "Tỷ lệ xong (%) (tiền)", *(column for column in table.columns
                                                         if column not in ("Mã", "Chấp hành viên", "Tỷ lệ xong (%) "
                                                                           "(việc)", "Tỷ lệ xong (%) (tiền)"))]


def test_statuses_take_their_colour_the_total_row_is_bold_and_the_chosen_row_shaded():
    rows = with_total(JUDGED, {**JUDGED[1], "key": "ignored"}, "Tổng toàn tỉnh")
    table = lead_with_pace(officer_table(rows), rows)
    styles = pace_styles(table, chosen="CHV002")
    assert table["Chấp hành viên"].iloc[0] == "Tổng toàn tỉnh" and table["Mã"].iloc[0] == ""
    assert styles.loc[0, "Mã"] == TOTAL_STYLE
    assert styles.loc[1, "Tiến độ (việc)"] == STATUS_STYLES["behind"]
    assert styles.loc[1, "Tiến độ (tiền)"] == STATUS_STYLES["on_course"]
    assert styles.loc[2, "Chấp hành viên"] == CHOSEN_STYLE
    assert styles.loc[2, "Tiến độ (tiền)"] == CHOSEN_STYLE + STATUS_STYLES["watch"]
    assert styles.loc[3, "Tiến độ (việc)"] == ""


def test_money_shows_in_billions_on_screen():
    table = pd.DataFrame({"Mã": ["H01"], "Thi hành xong (tiền)": [2_500_000_000], "Tỷ lệ xong (%) (tiền)": [6.5]})
    shown = in_billions(table)
    assert shown.to_dict("records") == [{"Mã": "H01", "Thi hành xong (tỷ đồng)": 2.5, "Tỷ lệ xong (%) (tiền)": 6.5}]
