"""Hostile addresses on every page, on both engines: each gets a Vietnamese notice and the page's default, never an
exception, an error box, or the database blamed for a bad address."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages.support import notices, run_page

HUGE = "999999999999999999999999999999"
BEYOND_64_BITS = "9223372036854775808"


def _clean(app) -> None:
    assert not app.exception
    assert not app.error, [error.value for error in app.error]


@pytest.mark.parametrize("query", [
    {"tuoi_tu": HUGE}, {"tuoi_den": HUGE}, {"con_lai_tu": HUGE}, {"con_lai_den": HUGE},
    {"con_lai_den": BEYOND_64_BITS}, {"con_lai_tu": BEYOND_64_BITS}, {"trang": "²"}, {"trang": BEYOND_64_BITS},
    {"tuoi_tu": "٣٠٠"},
], ids=lambda query: "-".join(f"{key}={value[:8]}" for key, value in query.items()))
def test_a_number_beyond_what_the_database_holds_gets_the_notice_and_the_default(app_engine, query):
    app = run_page("danh_sach_viec", {"nam": "2024", "den": "2023-12-31", **query})
    _clean(app)
    (parameter,) = query
    assert any(f"{parameter}=" in notice for notice in notices(app))


def test_a_case_code_with_a_nul_byte_is_not_found_rather_than_a_database_failure(app_engine):
    app = run_page("viec", {"ma_viec": "QN01\x00"})
    _clean(app)
    assert notices(app) == ["Không có việc mã QN01\x00. Hãy kiểm tra lại mã việc."]


@pytest.mark.parametrize(("page", "parameter"), [("chap_hanh_vien", "xep"), ("don_vi", "nhiet")])
def test_an_unknown_chain_in_the_url_gets_a_notice(app_engine, page, parameter):
    app = run_page(page, {"nam": "2024", "den": "2023-12-31", parameter: "<b>x</b>"})
    _clean(app)
    assert f"Đường link có {parameter}='<b>x</b>' không hợp lệ; đang hiển thị về việc." in notices(app)


def test_a_long_value_is_cut_in_its_notice(app_engine):
    app = run_page("overview", {"don_vi": "x" * 100_000})
    _clean(app)
    (notice,) = notices(app)
    assert len(notice) < 200 and notice.startswith("Đường link có don_vi='xxxx")


def _display_html(app) -> str:
    return " ".join(item.value for item in app.markdown)


def test_a_cut_off_outside_the_calendar_gets_a_notice_on_the_display(app_engine):
    app = run_page("trinh_chieu", {"chot": "0001-01-01"})
    assert not app.exception
    assert "chot=&#x27;0001-01-01&#x27; không hợp lệ" in _display_html(app)


def test_a_past_cut_off_shows_the_work_year_of_that_day(app_engine):
    app = run_page("trinh_chieu", {"chot": "2023-12-31"})
    assert not app.exception
    assert "từ 01/10/2023 đến hết 31/12/2023" in _display_html(app)


PAGE_PARAMETERS = {
    "overview": ("nam", "den", "don_vi", "chv", "nhom", "loai", "hinh_thuc", "tinh"),
    "don_vi": ("nam", "den", "don_vi", "nhiet"),
    "chap_hanh_vien": ("nam", "den", "don_vi", "xep"),
    "danh_sach_viec": ("chuoi", "o", "trang_thai", "tuoi_tu", "tuoi_den", "con_lai_tu", "con_lai_den", "sap_xep",
                       "giam_dan", "trang", "canh_bao"),
    "dong_viec": ("nam", "den", "don_vi", "chv", "tinh"),
    "canh_bao": ("nam", "den", "don_vi", "chv", "tinh", "ds", "trang_chuyen"),
    "viec": ("ma_viec", "chuoi", "o", "trang"),
    "trinh_chieu": ("chuyen", "lam_moi", "chot", "don_vi", "nam"),
}
TEXT = st.text(max_size=40) | st.sampled_from(["²", "0001-01-01", BEYOND_64_BITS, HUGE, "QN01\x00", "<img src=x>",
                                                "[a](http://evil.example)", "-1", "nan"])


@pytest.mark.parametrize("page", sorted(PAGE_PARAMETERS))
def test_arbitrary_text_in_every_parameter_never_reaches_an_exception(app_engine, page):
    @settings(max_examples=6, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.dictionaries(st.sampled_from(PAGE_PARAMETERS[page]), TEXT, min_size=1))
    def run(query):
        app = run_page(page, query)
        assert not app.exception, (query, app.exception)
        if page != "trinh_chieu":
            assert not app.error, (query, [error.value for error in app.error])

    run()
