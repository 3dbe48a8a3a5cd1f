"""The one bounded reading of URL values: only ASCII digits, only what the database and the calendar hold, and
any text at all read without an exception (a property test feeds arbitrary strings to every parameter)."""

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.display.settings import DEFAULT_SECONDS, SECONDS_RANGE, settings_from_query
from dashboard.ui.case_views import BOUND_LIMITS, PAGE_SIZE, PARAMETERS as LIST_PARAMETERS
from dashboard.ui.case_views import from_query as list_from_query
from dashboard.view.filters import PARAMETERS, FilterOptions, from_query
from dashboard.view.url_values import (
    LARGEST_WHOLE, SHOWN_CHARACTERS, case_code, decimal_number, iso_day, iso_minute, refused, shown, whole_number,
)

OPTIONS = FilterOptions((2024, 2023), {"H01": "Chi cục A"}, date(2024, 3, 10), {"C01": "Nguyễn Văn A"},
                        {"C01": "H01"})
NOW = datetime(2024, 3, 10, 9, 0)


@pytest.mark.parametrize("text", ["", "²", "٣٠٠", "１２", "-1", "+5", " 5", "5 ", "1e3", "0x10", "1_000",
                                  "999999999999999999999999999999", str(2 ** 63), "12\n"])
def test_a_whole_number_is_ascii_digits_within_what_a_database_holds(text):
    assert whole_number(text) is None


def test_whole_numbers_within_bounds_are_read():
    assert (whole_number("0"), whole_number("007"), whole_number(str(LARGEST_WHOLE))) == (0, 7, LARGEST_WHOLE)
    assert whole_number("51", 1, 50) is None and whole_number("50", 1, 50) == 50


@pytest.mark.parametrize("text", ["nan", "inf", "1e1", "١٠", "0,1,2", "1.", ".5", "--1"])
def test_a_decimal_number_is_ascii_digits_with_one_point_or_comma(text):
    assert decimal_number(text, 0, 1000) is None


def test_decimal_numbers_read_a_point_or_a_comma():
    assert (decimal_number("0,1", 0.1, 5), decimal_number("2.5", 0.1, 5), decimal_number("6", 0.1, 5)) == (
        0.1, 2.5, None)


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "2024-02-30", "2024-2-1", "２０２４-01-01",
                                  "2024-01-01T25:00", "2024-01-01 08:00"])
def test_days_and_minutes_outside_the_calendar_of_the_data_are_refused(text):
    assert iso_minute(text) is None


def test_days_and_minutes_within_it_are_read():
    assert iso_day("2023-12-31") == date(2023, 12, 31)
    assert iso_minute("2023-12-31") == datetime(2023, 12, 31)
    assert iso_minute("2026-11-28T08:00") == datetime(2026, 11, 28, 8, 0)


@pytest.mark.parametrize("text", ["QN01\x00", "V 1", "V1;DROP", "V" * 65, "Việc1", ""])
def test_a_case_code_no_import_could_hold_is_refused(text):
    assert case_code(text) is None


def test_a_long_value_is_cut_before_it_is_echoed():
    value = "x" * 100_000
    assert shown(value) == f"'{'x' * SHOWN_CHARACTERS}…'"
    assert len(refused("trang", value, "đang hiển thị trang 1")) < 120
    assert shown("a\nb") == "'a b'"


TEXT = st.text(max_size=60) | st.sampled_from(["²", "0001-01-01", str(2 ** 63), "9" * 30, "QN01\x00", "nay",
                                                "2023-12-31", "-1", "1e9", "nan"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(PARAMETERS.values())), TEXT))
def test_any_text_in_the_shared_filters_is_read_or_refused_with_a_notice(query):
    filters, notices = from_query(query, OPTIONS)
    assert filters.year in OPTIONS.years
    assert all(len(notice) < 250 for notice in notices)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(LIST_PARAMETERS.values())), TEXT))
def test_any_text_in_the_case_list_parameters_stays_within_bounds(query):
    state, notices = list_from_query(query)
    for name, limit in BOUND_LIMITS.items():
        assert getattr(state, name) is None or 0 <= getattr(state, name) <= limit
    assert 1 <= state.page <= LARGEST_WHOLE // PAGE_SIZE
    assert state.offset <= LARGEST_WHOLE
    assert all(len(notice) < 250 for notice in notices)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["chuyen", "lam_moi", "chot"]), TEXT))
def test_any_text_in_the_display_parameters_gives_settings_within_bounds(query):
    display, notices = settings_from_query(query, NOW)
    assert SECONDS_RANGE[0] <= display.seconds <= SECONDS_RANGE[1] or display.seconds == DEFAULT_SECONDS
    assert display.frozen_at is None or date(1975, 1, 1) <= display.frozen_at.date() <= NOW.date()
    assert all(len(notice) < 250 for notice in notices)
