"""The alerts page's tables: stale units, identities held or broken, downgrades in Vietnamese, who is behind."""

from datetime import date

import pandas as pd

from dashboard.ui.alert_tables import behind_frame, downgrade_frame, identity_frame, last_days_frame

UNITS = {"H01": "Đông", "H02": "Tây", "H03": "Nam"}


def test_a_unit_whose_data_stops_15_days_or_more_early_is_stale():
    frame = last_days_frame({"H01": date(2024, 6, 30), "H02": date(2024, 6, 15), "H03": date(2024, 6, 16)}, UNITS,
                            date(2024, 6, 30))
    assert frame.values.tolist() == [["Tây", date(2024, 6, 15), "Dừng sớm"], ["Nam", date(2024, 6, 16), "Cập nhật"],
                                     ["Đông", date(2024, 6, 30), "Cập nhật"]]


def test_a_broken_identity_is_named_by_chain():
    chain = {"brought_forward": 3, "new": 2, "caseload": 5, "delegated": 1, "cancelled": 0, "to_enforce": 4,
             "enforceable": 3, "not_enforceable": 1, "completed": 2, "carried": 2}
    frame = identity_frame({"cases": chain, "money": chain | {"caseload": 6}})
    assert frame.values.tolist() == [
        ["Thụ lý = năm trước chuyển sang + thụ lý mới", "Khớp", "Không khớp"],
        ["Phải thi hành = thụ lý - ủy thác - hủy quyết định", "Khớp", "Không khớp"],
        ["Phải thi hành = có điều kiện + chưa có điều kiện", "Khớp", "Khớp"],
        ["Chuyển kỳ sau = có điều kiện - thi hành xong + chưa có điều kiện", "Khớp", "Khớp"],
    ]


def test_downgrades_read_in_vietnamese():
    rows = pd.DataFrame({"code": ["V1", "V2"], "unit_code": ["H01", "H02"], "officer_code": ["C1", "C9"],
                         "day": [date(2024, 1, 30), date(2024, 2, 2)], "event": ["hoan", "chua_co_dieu_kien"],
                         "detail": ["b", ""], "upgraded_on": [date(2024, 2, 10), None], "late": [True, False]})
    assert downgrade_frame(rows, UNITS, {"C1": "An"}).values.tolist() == [
        ["V1", "Đông", "An", "30/01/2024", "Hoãn (điểm b)", "Có", "10/02/2024"],
        ["V2", "Tây", "C9", "02/02/2024", "Chưa có điều kiện", "", "—"],
    ]


def test_only_rows_behind_pace_are_listed_furthest_first():
    def row(key, cases, money, cases_status, money_status):
        return {"key": key, "name": key, "cases": {"rate": cases}, "money": {"rate": money},
                "pace": {"cases": 50.0, "money": 20.0, "cases_status": cases_status, "money_status": money_status}}
    rows = [row("H01", 40.0, 25.0, "behind", "on_course"), row("H02", 55.0, 5.0, "on_course", "behind"),
            row("H03", 49.0, 19.0, "watch", "watch")]
    # H02 is 15 points under its money pace, H01 10 under its cases pace; H03 only calls for attention.
    frame = behind_frame(rows, UNITS, "Đơn vị")
    assert list(frame["Đơn vị"]) == ["Tây", "Đông"]
