"""The report command: the JSON of both chains, last year and the target for any scope or breakdown, and the text."""

import pytest

from tests.cli.support import (
    CASE_KEYS, H01_CASES, H01_MONEY, H02_CASES, H02_MONEY, LAST_YEAR, MONEY_KEYS, NO_CASES, NO_LAST_YEAR, PARAGRAPH,
    M, report_json, run_cli, url_of,
)

NO_PACE = {"cases": None, "money": None, "cases_status": None, "money_status": None}


def test_report_json_holds_both_chains_last_year_and_the_target(sample_db, capsys):
    got = report_json(capsys, sample_db)
    assert list(got) == ["window", "cases", "money", "same_period_last_year", "target", "needed", "pace", "forecast"]
    assert list(got["cases"]) == CASE_KEYS
    assert list(got["money"]) == MONEY_KEYS
    assert list(got["same_period_last_year"]) == ["window", "cases", "money"]
    assert got == {
        "window": {"start": "2023-10-01", "end": "2023-12-31"},
        # V1 and V5 brought forward, V2 and V3 new; V5 deducted; V1 done; V2 hoãn c; V3 not enforceable
        "cases": {"brought_forward": 2, "new": 2, "caseload": 4, "delegated": 1, "cancelled": 0, "to_enforce": 3,
                  "done": 1, "terminated": 0, "in_progress": 0, "deferred_c": 1, "not_enforceable": 1,
                  "enforceable": 2, "completed": 1, "rate": 50.0, "carried": 2},
        # done: 10 collected on V1 + 3 on V2; completed 13 + 1 reduced; rate 14 / 30 = 46.666...
        "money": {"brought_forward": 14 * M, "new": 25 * M, "caseload": 39 * M, "delegated": 4 * M, "cancelled": 0,
                  "to_enforce": 35 * M, "done": 13 * M, "terminated": 0, "reduced": M, "in_progress": 0,
                  "deferred_c": 16 * M, "not_enforceable": 5 * M, "enforceable": 30 * M, "completed": 14 * M,
                  "rate": 46.67, "carried": 21 * M},
        "same_period_last_year": LAST_YEAR,
        "target": {"cases": 84.0, "money": 47.0},
        # 84% of 2 cases is 1,68, so 2, one more than done; 47% of 30 M is 14,1 M, 100.000 more than done; over
        # the 9 month ends left, 1 case and 11.112 đồng a month.
        "needed": {"cases": 1, "money": 100_000, "months_left": 9, "cases_per_month": 1, "money_per_month": 11_112},
        # A handful of cases in one earlier year: no history to draw a pace from, so no status either.
        "pace": NO_PACE,
        "forecast": None,
    }


@pytest.mark.parametrize(("options", "expected"), [
    (["--unit", "H01"], {"cases": 85.0, "money": 50.0}),
    (["--unit", "H02"], None),
    (["--officer", "C02"], {"cases": 90.0, "money": 60.0}),
    (["--unit", "H01", "--officer", "C02"], {"cases": 90.0, "money": 60.0}),
    (["--group", "ngan_sach"], None),
    (["--mode", "chu_dong"], None),
])
def test_report_json_target_of_the_scope(sample_db, capsys, options, expected):
    assert report_json(capsys, sample_db, *options)["target"] == expected


def test_report_json_scoped_to_an_officer_follows_the_reassignment(sample_db, capsys):
    got = report_json(capsys, sample_db, "--officer", "C02")
    assert (got["cases"], got["money"]) == (H01_CASES, H01_MONEY)
    assert report_json(capsys, sample_db, "--officer", "C03")["cases"] == NO_CASES


def test_report_json_by_unit_rows(sample_db, capsys):
    got = report_json(capsys, sample_db, "--by", "unit")
    assert list(got) == ["window", "rows"]
    assert got["window"] == {"start": "2023-10-01", "end": "2023-12-31"}
    for row in got["rows"]:
        assert list(row) == ["key", "name", "cases", "money", "same_period_last_year", "target", "needed",
                             "pace", "forecast"]
        assert list(row["same_period_last_year"]) == ["window", "cases", "money"]
        assert (list(row["cases"]), list(row["money"])) == (CASE_KEYS, MONEY_KEYS)
    # H01's own 85% of 1 case is done; 50% of 10 M is passed by the 10 M collected. H02 has no target of its own.
    assert got["rows"] == [
        {"key": "H01", "name": "Chi cục THADS huyện Đông", "cases": H01_CASES, "money": H01_MONEY,
         "same_period_last_year": LAST_YEAR, "target": {"cases": 85.0, "money": 50.0},
         "needed": {"cases": 0, "money": 0, "months_left": 9, "cases_per_month": 0, "money_per_month": 0},
         "pace": NO_PACE, "forecast": None},
        {"key": "H02", "name": "Chi cục THADS huyện Tây", "cases": H02_CASES, "money": H02_MONEY,
         "same_period_last_year": NO_LAST_YEAR, "target": None, "needed": None, "pace": None,
         "forecast": None},
    ]


def test_report_json_rows_of_or_within_a_group_have_no_target_to_need(sample_db, capsys):
    rows = report_json(capsys, sample_db, "--by", "unit", "--group", "ngan_sach")["rows"]
    assert {(row["target"], row["needed"], row["pace"], row["forecast"]) for row in rows} == {(None,) * 4}
    groups = report_json(capsys, sample_db, "--by", "group")["rows"]
    assert {(row["target"], row["needed"], row["pace"], row["forecast"]) for row in groups} == {(None,) * 4}


def test_report_json_by_officer_attributes_the_officer_at_the_end(sample_db, capsys):
    rows = report_json(capsys, sample_db, "--by", "officer")["rows"]
    # C03 was assigned V3 at its decision but lost it to C02 on 20/12
    assert [(row["key"], row["name"]) for row in rows] == [("C02", "Trần Thị Bình"), ("C04", "Phạm Thị Dung")]
    assert [(row["cases"], row["money"]) for row in rows] == [(H01_CASES, H01_MONEY), (H02_CASES, H02_MONEY)]
    assert [row["same_period_last_year"] for row in rows] == [LAST_YEAR, NO_LAST_YEAR]


def test_report_json_by_group_counts_a_case_in_each_of_its_groups(sample_db, capsys):
    rows = report_json(capsys, sample_db, "--by", "group")["rows"]
    assert [(row["key"], row["name"]) for row in rows] == [
        ("ngan_sach", "Thu ngân sách nhà nước"), ("tin_dung", "Tín dụng, ngân hàng"),
    ]
    assert [(row["cases"]["caseload"], row["cases"]["completed"], row["cases"]["rate"]) for row in rows] == [
        (1, 1, 100.0), (1, 0, 0.0),
    ]
    assert [(row["money"]["completed"], row["money"]["enforceable"], row["money"]["rate"]) for row in rows] == [
        (10 * M, 10 * M, 100.0), (4 * M, 20 * M, 20.0),
    ]
    # V4 sat in both groups a year earlier
    assert [row["same_period_last_year"] for row in rows] == [LAST_YEAR, LAST_YEAR]


def test_report_text_prints_the_report_paragraph_then_what_is_still_needed(sample_db, capsys):
    code, out, err = run_cli(capsys, "report", "--db", url_of(sample_db), "--end", "2023-12-31")
    assert (code, err) == (0, "")
    assert "đã thi hành xong 1/2 việc có điều kiện thi hành" in out
    # Too few cases in earlier years to draw a pace from: only what is still needed follows.
    assert out == PARAGRAPH + "\nCòn phải thi hành xong ít nhất 1 việc và 100.000 đồng (khoảng 1 việc mỗi tháng) " \
                              "để đạt chỉ tiêu.\n"


def test_report_text_by_unit_prints_a_table_with_the_unit_names(sample_db, capsys):
    code, out, err = run_cli(capsys, "report", "--db", url_of(sample_db), "--end", "2023-12-31", "--by", "unit",
                          "--format", "text")
    assert (code, err) == (0, "")
    assert [line.split() for line in out.splitlines()] == [
        ["Mã", "Tên", "Xong/Có", "ĐK", "Tỷ", "lệ", "việc", "Tiền", "xong", "Tỷ", "lệ", "tiền"],
        ["H01", "Chi", "cục", "THADS", "huyện", "Đông", "1/1", "100,00%", "10,0", "triệu", "đồng", "100,00%"],
        ["H02", "Chi", "cục", "THADS", "huyện", "Tây", "0/1", "0,00%", "4,0", "triệu", "đồng", "20,00%"],
    ]
