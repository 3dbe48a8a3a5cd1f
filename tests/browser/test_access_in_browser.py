"""Who sees what in a real browser: each demo account signs in through the form and sees its scope, a hostile URL
is refused, a reload keeps the sign-in until sign-out, a display link opens the screen until it is revoked, and a
case list's download lands on the audit trail."""

import time
from datetime import date, timedelta

import pytest

from data_access.audit import audit_trail
from data_access.queries.case_list import case_list
from data_access.queries.lookups import dimension_names, officer_units
from data_access.queries.scope import Scope
from data_access.display_links import create_link, display_address, revoke_link
from dashboard.demo.accounts import DEMO_PASSWORD
from dashboard.metrics import clock
from tests.browser.conftest import ARTIFACTS, sign_in
from tests.support.readers import operator

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


def _hostile_visits(engine) -> list[tuple[str, str, str, str]]:
    """Return (login, address, refusal, a name it must not show) for a URL beyond each account's scope."""
    homes = officer_units(operator(engine))
    names = dimension_names(operator(engine), "officer")
    neighbour = sorted(code for code, home in homes.items() if home == "QN01")[1]
    stranger = sorted(code for code, home in homes.items() if home == "QN02")[0]
    case = case_list(operator(engine), date(2000, 1, 1), clock.today(), Scope(officer=neighbour),
                     limit=1).rows["code"].iloc[0]
    return [
        ("donvi", "chap_hanh_vien?don_vi=QN02", "Không có quyền xem đơn vị QN02.", names[stranger]),
        ("donvi", f"danh_sach_viec?chv={stranger}", f"Không có quyền xem chấp hành viên {stranger}.", names[stranger]),
        ("donvi", "?tinh=T99", "Không có quyền xem tỉnh T99.", names[stranger]),
        ("chv", f"xu_huong?chv={neighbour}", f"Không có quyền xem chấp hành viên {neighbour}.", names[neighbour]),
        ("chv", f"viec?ma_viec={case}", f"Không có quyền xem việc {case}.", names[neighbour]),
        ("chv", "nhom_viec?don_vi=QN02", "Không có quyền xem đơn vị QN02.", names[neighbour]),
    ]


def test_a_hostile_url_shows_the_refusal_and_nothing_of_what_it_names(app_url, app_database, browser):
    for login, address, refusal, unseen in _hostile_visits(app_database[1]):
        context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="vi-VN")
        page = _signed_in_page(context.new_page(), app_url, login, address)
        page.get_by_text(refusal).wait_for(timeout=60_000)
        assert page.locator(".js-plotly-plot").count() == 0, address
        assert page.get_by_text(unseen).count() == 0, address
        context.close()


def test_a_display_link_refuses_a_parameter_that_widens_its_scope(app_url, app_database, anonymous_page):
    _, token = create_link(app_database[1], unit="QN01", expires_on=clock.today() + timedelta(days=1),
                           now=clock.now(), by="kiểm thử")
    anonymous_page.goto(f"{app_url}{display_address(token)}&don_vi=QN02")
    anonymous_page.get_by_text("Không có quyền xem đơn vị QN02.").wait_for(timeout=60_000)
    assert anonymous_page.locator(".js-plotly-plot").count() == 0


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
