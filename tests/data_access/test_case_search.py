"""The case list's search: a case code, a decision or judgment number, or part of a party's name finds the cases,
within the filters in force, counted and paged in the database on both engines."""

from datetime import date

import pytest

from data_access.exchange.importer import import_tables
from data_access.queries.case_list import CaseFilter, case_list
from dashboard.metrics.chains import Scope
from tests.support.builders import case, tables
from tests.support.readers import operator

START, END = date(2023, 10, 1), date(2023, 12, 31)
M = 1_000_000


def _case(code, debtor, creditor="", judgment="", unit="H01", officer="C02"):
    return {**case(code, "2023-10-05", M, unit=unit, officer=officer), "nguoi_phai_thi_hanh": debtor,
            "nguoi_duoc_thi_hanh": creditor, "ban_an_so": judgment, "toa_an": "TAND huyện Đông"}


@pytest.fixture
def searched_db(db):
    import_tables(db, tables(cases=[
        _case("V2023-001", "Nguyễn Văn An", "Ngân hàng Agribank", "12/2023/DS-ST"),
        _case("V2023-002", "Công ty TNHH Hải Long", "Trần Thị Bình", "07/2023/KDTM-PT"),
        _case("V2023-003", "Lê Văn Cường 100%_giảm", "", "", unit="H02", officer="C04"),
        _case("X9", "Phạm An Khang", "Bảo hiểm xã hội", "", unit="H02", officer="C04"),
    ]))
    return db


def _codes(engine, text, scope=Scope()):
    page = case_list(operator(engine), START, END, scope, narrow=CaseFilter(search=text), sort="code", descending=False)
    codes = page.rows["code"].tolist()
    assert page.total == len(codes)
    return codes


@pytest.mark.parametrize(("text", "found"), [
    pytest.param("V2023-002", ["V2023-002"], id="case-code"),
    pytest.param("v2023", ["V2023-001", "V2023-002", "V2023-003"], id="code-part-any-case"),
    pytest.param("QĐ-THADS", ["V2023-001", "V2023-002", "V2023-003", "X9"], id="decision-number"),
    pytest.param("KDTM", ["V2023-002"], id="judgment-number"),
    pytest.param("hải long", ["V2023-002"], id="debtor-part"),
    pytest.param("Bình", ["V2023-002"], id="creditor-part"),
    pytest.param("An", ["V2023-001", "X9"], id="a-word-in-two-names"),
    pytest.param("100%_", ["V2023-003"], id="wildcards-are-literal"),
    pytest.param("%", ["V2023-003"], id="percent-alone-is-literal"),
    pytest.param("không có ai", [], id="nothing"),
])
def test_the_search_finds_cases_by_code_number_or_part_of_a_name(searched_db, text, found):
    assert _codes(searched_db, text) == found


def test_the_search_stays_within_the_filters_in_force(searched_db):
    assert _codes(searched_db, "An", Scope(unit="H02")) == ["X9"]
    assert _codes(searched_db, "An", Scope(officer="C02")) == ["V2023-001"]


def test_the_parties_come_with_every_row(searched_db):
    rows = case_list(operator(searched_db), START, END, narrow=CaseFilter(search="KDTM")).rows
    assert rows[["debtor", "creditor", "judgment_no", "court"]].values.tolist() == [
        ["Công ty TNHH Hải Long", "Trần Thị Bình", "07/2023/KDTM-PT", "TAND huyện Đông"]]


def test_capital_vietnamese_letters_are_found_in_either_case(searched_db):
    assert _codes(searched_db, "CÔNG TY TNHH HẢI LONG") == ["V2023-002"]
    assert _codes(searched_db, "qđ-thads") == ["V2023-001", "V2023-002", "V2023-003", "X9"]
