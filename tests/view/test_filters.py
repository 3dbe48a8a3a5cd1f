"""The shared filters: defaults, the period choices, and the URL form with its refusals."""

from dataclasses import replace
from datetime import date

import pytest

from dashboard.metrics.chains import Scope
from dashboard.view.filters import (
    FilterOptions, Filters, default_end, default_filters, describe, end_choices, from_query, offered_years, to_query,
    told_apart,
)

TODAY = date(2026, 11, 28)
OPTIONS = FilterOptions(years=(2027, 2026, 2025, 2024, 2023, 2022),
                        units={"QN00": "Cục THADS tỉnh", "QN01": "Chi cục Hạ Long"}, today=TODAY,
                        officers={"CHV1": "Nguyễn Văn An", "CHV2": "Trần Thị Bình"},
                        officer_units={"CHV1": "QN01", "CHV2": "QN00"})


def test_offered_years_go_back_to_the_first_data_but_at_most_six_years():
    assert offered_years(date(2021, 10, 5), TODAY) == (2027, 2026, 2025, 2024, 2023, 2022)
    assert offered_years(date(2015, 1, 1), TODAY) == (2027, 2026, 2025, 2024, 2023, 2022)
    assert offered_years(date(2025, 11, 1), TODAY) == (2027, 2026)
    assert offered_years(None, TODAY) == (2027,)


def test_the_current_year_offers_to_date_and_its_closed_months():
    assert end_choices(2027, TODAY) == ["nay", "2026-10-31"]
    assert end_choices(2027, date(2026, 10, 3)) == ["nay"]
    assert end_choices(2024, TODAY)[:2] == ["2024-09-30", "2024-08-31"]
    assert end_choices(2024, TODAY)[-1] == "2023-10-31" and len(end_choices(2024, TODAY)) == 12


def test_the_default_is_the_last_closed_month_or_to_date_before_one():
    assert default_end(2027, TODAY) == "2026-10-31"
    assert default_end(2027, date(2026, 10, 3)) == "nay"
    assert default_end(2024, TODAY) == "2024-09-30"
    assert default_filters(OPTIONS) == Filters(year=2027, end="2026-10-31")


def test_to_date_is_today_or_the_last_day_of_a_past_year():
    assert Filters(2027, "nay").period_end(TODAY) == TODAY
    assert Filters(2024, "nay").period_end(TODAY) == date(2024, 9, 30)
    assert Filters(2024, "2023-12-31").period_end(TODAY) == date(2023, 12, 31)


def test_filters_give_the_engine_scope():
    filters = Filters(2024, "2023-12-31", unit="QN01", group="ngan_sach", judgment_type="hinh_su", mode="chu_dong")
    assert filters.scope() == Scope(unit="QN01", group="ngan_sach", judgment_type="hinh_su", mode="chu_dong")


def test_the_url_round_trips():
    filters = Filters(2024, "2023-12-31", unit="QN01", group="tin_dung", judgment_type="dan_su", mode="theo_don")
    query = to_query(filters)
    assert query == {"nam": "2024", "den": "2023-12-31", "don_vi": "QN01", "nhom": "tin_dung", "loai": "dan_su",
                     "hinh_thuc": "theo_don"}
    assert from_query(query, OPTIONS) == (filters, [])
    assert to_query(Filters(2027, "nay")) == {"nam": "2027", "den": "nay"}


def test_a_year_alone_takes_that_years_last_month():
    assert from_query({"nam": "2025"}, OPTIONS) == (Filters(2025, "2025-09-30"), [])


@pytest.mark.parametrize(("query", "expected", "named"), [
    ({"nam": "2019"}, Filters(2027, "2026-10-31"), "nam='2019'"),
    ({"nam": "abc"}, Filters(2027, "2026-10-31"), "nam='abc'"),
    ({"nam": "2024", "den": "2024-10-31"}, Filters(2024, "2024-09-30"), "den='2024-10-31'"),
    ({"nam": "2024", "den": "2024-02-15"}, Filters(2024, "2024-09-30"), "den='2024-02-15'"),
    ({"nam": "2024", "den": "nay"}, Filters(2024, "2024-09-30"), "den='nay'"),
    ({"don_vi": "QN99"}, Filters(2027, "2026-10-31"), "don_vi='QN99'"),
    ({"nhom": "xyz", "loai": "dan_su"}, Filters(2027, "2026-10-31", judgment_type="dan_su"), "nhom='xyz'"),
    ({"hinh_thuc": "ca_hai"}, Filters(2027, "2026-10-31"), "hinh_thuc='ca_hai'"),
])
def test_a_wrong_value_falls_back_and_is_named_in_the_notice(query, expected, named):
    filters, notices = from_query(query, OPTIONS)
    assert filters == expected
    assert len(notices) == 1 and named in notices[0] and "không hợp lệ" in notices[0]


def test_describe_names_the_scope_and_the_window():
    assert describe(Filters(2024, "2023-12-31"), OPTIONS) == "Toàn tỉnh; từ 01/10/2023 đến hết 31/12/2023"
    assert describe(Filters(2027, "nay", unit="QN01", group="ngan_sach", mode="chu_dong"), OPTIONS) == (
        "Chi cục Hạ Long, nhóm thu ngân sách nhà nước, chủ động; từ 01/10/2026 đến hết 28/11/2026")


def test_an_officer_is_a_filter_of_their_unit():
    filters = Filters(2024, "2023-12-31", unit="QN01", officer="CHV1")
    assert filters.scope() == Scope(unit="QN01", officer="CHV1")
    assert to_query(filters) == {"nam": "2024", "den": "2023-12-31", "don_vi": "QN01", "chv": "CHV1"}
    assert from_query(to_query(filters), OPTIONS) == (filters, [])
    assert from_query({"nam": "2024", "chv": "CHV2"}, OPTIONS) == (Filters(2024, "2024-09-30", officer="CHV2"), [])
    assert OPTIONS.officers_of("QN01") == {"CHV1": "Nguyễn Văn An"} and len(OPTIONS.officers_of(None)) == 2
    assert describe(filters, OPTIONS) == (
        "Chi cục Hạ Long, chấp hành viên Nguyễn Văn An; từ 01/10/2023 đến hết 31/12/2023")


@pytest.mark.parametrize("query", [{"don_vi": "QN00", "chv": "CHV1"}, {"chv": "CHV9"}])
def test_an_officer_of_another_unit_or_unknown_is_refused(query):
    filters, notices = from_query({"nam": "2024"} | query, OPTIONS)
    assert filters == Filters(2024, "2024-09-30", unit=query.get("don_vi"))
    assert len(notices) == 1 and f"chv={query['chv']!r}" in notices[0]


COUNTRY = FilterOptions(years=(2027,), today=TODAY,
                        units={"T01": "THADS TP Hà Nội", "T01K01": "Phòng khu vực 1 - Hà Nội", "T02": "THADS tỉnh Huế",
                               "T02K01": "Phòng khu vực 1 - Huế"},
                        officers={"A1": "Nguyễn Văn An", "A2": "Trần Thị Bình", "B1": "Lê Văn Cường"},
                        officer_units={"A1": "T01", "A2": "T01K01", "B1": "T02K01"},
                        provinces={"T01": "THADS TP Hà Nội", "T02": "THADS tỉnh Huế"},
                        unit_provinces={"T01": "T01", "T01K01": "T01", "T02": "T02", "T02K01": "T02"})


def test_a_national_database_is_the_whole_country_with_a_province_filter():
    assert COUNTRY.national and not OPTIONS.national
    assert (COUNTRY.top_name, OPTIONS.top_name) == ("Toàn quốc", "Toàn tỉnh")
    filters, notices = from_query({"nam": "2027", "den": "2026-10-31", "tinh": "T02"}, COUNTRY)
    assert notices == [] and filters.province == "T02"
    assert filters.scope() == Scope(province="T02")
    assert to_query(filters)["tinh"] == "T02"
    assert describe(filters, COUNTRY).startswith("THADS tỉnh Huế; từ 01/10/2026")
    assert describe(replace(filters, province=None), COUNTRY).startswith("Toàn quốc; ")


def test_a_unit_brings_its_province_and_must_belong_to_the_chosen_one():
    filters, notices = from_query({"nam": "2027", "don_vi": "T02K01"}, COUNTRY)
    assert notices == [] and (filters.province, filters.unit) == ("T02", "T02K01")
    filters, notices = from_query({"nam": "2027", "tinh": "T01", "don_vi": "T02K01"}, COUNTRY)
    assert (filters.province, filters.unit) == ("T01", None) and "don_vi='T02K01'" in notices[0]


def test_officers_are_listed_by_province_and_never_all_at_once_for_the_country():
    assert COUNTRY.officers_of(None) == {}
    assert set(COUNTRY.officers_of(None, "T01")) == {"A1", "A2"}
    assert set(COUNTRY.officers_of("T02K01", "T02")) == {"B1"}
    filters, notices = from_query({"nam": "2027", "chv": "A1"}, COUNTRY)
    assert filters.officer is None and "chv='A1'" in notices[0]


def test_a_province_filter_is_refused_in_a_one_province_database():
    filters, notices = from_query({"nam": "2027", "tinh": "QN00"}, OPTIONS)
    assert filters.province is None and "tinh='QN00'" in notices[0]


def test_officers_sharing_a_name_are_told_apart_by_their_code_and_the_others_are_not():
    names = {"CHV012": "Trần Xuân Hoa", "CHV047": "Nguyễn Văn An", "CHV090": "Trần Xuân Hoa"}
    assert told_apart(names) == {"CHV012": "Trần Xuân Hoa (CHV012)", "CHV047": "Nguyễn Văn An",
                                 "CHV090": "Trần Xuân Hoa (CHV090)"}
    assert told_apart({}) == {}
