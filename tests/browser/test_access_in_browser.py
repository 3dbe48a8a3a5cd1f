"""Who sees what in a real browser: each demo account signs in through the form and sees its scope, a hostile URL
is refused, a reload keeps the sign-in until sign-out, a display link opens the screen until it is revoked, and a
case list's download lands on the audit trail."""

import time
from datetime import timedelta

import pytest

from data_access.audit import audit_trail
from data_access.display_links import create_link, display_address, revoke_link
from dashboard.demo.accounts import DEMO_PASSWORD
from dashboard.view import clock
from tests.browser.conftest import ARTIFACTS, sign_in

# What each account's sidebar and heading name once it has signed in.
ACCOUNTS = {
    "lanhdao": ("Lãnh đạo tỉnh (mẫu) · Lãnh đạo", "Toàn tỉnh"),
    "thongke": ("Thống kê tỉnh (mẫu) · Thống kê", "Toàn tỉnh"),
    "donvi": ("Trưởng phòng khu vực 1 (mẫu) · Lãnh đạo đơn vị", "Phòng Thi hành án dân sự khu vực 1"),
    "chv": ("· Chấp hành viên", "chấp hành viên"),
}


def _signed_in_page(anonymous_page, app_url: str, login: str, path: str = ""):
    anonymous_page.goto(f"{app_url}/{path}")
    sign_in(anonymous_page, login, DEMO_PASSWORD)
    return anonymous_page


@pytest.mark.parametrize("login", list(ACCOUNTS))
def test_each_demo_account_signs_in_and_sees_its_own_scope(app_url, anonymous_page, login):
    page = _signed_in_page(anonymous_page, app_url, login)
    who, scope = ACCOUNTS[login]
    page.get_by_text(who).first.wait_for(timeout=60_000)
    page.locator("h5").filter(has_text=scope).first.wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / f"signed_in_{login}.png"))


def test_an_administrator_finds_only_the_audit_trail(app_url, anonymous_page):
    page = _signed_in_page(anonymous_page, app_url, "quantri", "nhat_ky")
    page.get_by_role("heading", name="Nhật ký hoạt động").wait_for(timeout=60_000)
    assert page.locator(".js-plotly-plot").count() == 0


def test_a_hostile_url_shows_the_refusal_and_nothing_of_what_it_names(app_url, anonymous_page):
    page = _signed_in_page(anonymous_page, app_url, "donvi", "chap_hanh_vien?don_vi=QN02")
    page.get_by_text("Không có quyền xem đơn vị QN02.").wait_for(timeout=60_000)
    assert page.locator(".js-plotly-plot").count() == 0
    assert page.get_by_text("Phòng Thi hành án dân sự khu vực 2").count() == 0


def test_a_reload_keeps_the_sign_in_until_sign_out(app_url, anonymous_page):
    page = _signed_in_page(anonymous_page, app_url, "lanhdao", "nhom_viec")
    page.get_by_role("button", name="Đăng xuất").wait_for(timeout=60_000)
    page.reload()
    page.get_by_role("button", name="Đăng xuất").wait_for(timeout=60_000)
    assert page.get_by_label("Tên đăng nhập").count() == 0
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_label("Tên đăng nhập").wait_for(timeout=60_000)
    page.reload()
    page.get_by_label("Tên đăng nhập").wait_for(timeout=60_000)


def test_a_display_link_opens_the_screen_until_it_is_revoked(app_url, app_database, anonymous_page):
    engine = app_database[1]
    link, token = create_link(engine, unit="QN01", expires_on=clock.today() + timedelta(days=1), now=clock.now(),
                              by="kiểm thử")
    page = anonymous_page
    page.goto(app_url + display_address(token))
    page.locator(".screen-title").filter(has_text="Tỷ lệ thi hành xong").wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "display_link.png"))
    revoke_link(engine, link.id, now=clock.now(), by="kiểm thử")
    page.goto(app_url + display_address(token))
    page.get_by_text("Đường link trình chiếu này đã bị thu hồi.").wait_for(timeout=60_000)
    assert page.locator(".js-plotly-plot").count() == 0


def test_downloading_a_case_list_lands_on_the_audit_trail(app_url, app_database, anonymous_page):
    page = _signed_in_page(anonymous_page, app_url, "donvi", "danh_sach_viec")
    button = page.get_by_role("button", name="Tải CSV")
    button.wait_for(timeout=60_000)
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename.startswith("danh_sach_viec_")
    # The click's run writes the event; the test polls the trail until it lands, up to a deadline.
    deadline = time.monotonic() + 30
    while not (events := [event for event in audit_trail(app_database[1]) if event.action == "downloaded"]):
        assert time.monotonic() < deadline, "the download never reached the audit trail"
        time.sleep(0.2)
    assert events[-1].actor == "donvi" and events[-1].subject.startswith("danh_sach_viec_")
