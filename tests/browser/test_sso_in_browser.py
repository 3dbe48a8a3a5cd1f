"""Single sign-on in a real browser: st.login against an OIDC provider started by the test (oidc-provider-mock),
the e-mail it vouches for mapped to an account; an e-mail without an account reads nothing."""

import secrets
from datetime import datetime

import pytest
from oidc_provider_mock import User, run_server_in_thread

from data_access.accounts import add_account
from data_access.engine import open_engine
from dashboard.demo.build import build_demo
from tests.browser.conftest import ARTIFACTS, free_port, serving

LEADER_EMAIL = "giam.doc@thads.gov.vn"
STRANGER_EMAIL = "nguoi.la@example.com"


@pytest.fixture(scope="module")
def sso_app(tmp_path_factory):
    """Yield the URL of a dashboard whose secrets.toml has an [auth] section pointing at a mock OIDC provider."""
    folder = tmp_path_factory.mktemp("sso")
    url = f"sqlite:///{folder / 'sso.sqlite3'}"
    engine = open_engine(url)
    build_demo(engine, "small", seed=13)
    add_account(engine, "giam.doc", "mat-khau-du-dai", "lanh_dao", province="QN00", name="Giám đốc (SSO)",
                email=LEADER_EMAIL, now=datetime(2026, 12, 1), by="kiểm thử")
    engine.dispose()
    users = [User(sub="giam-doc", claims={"email": LEADER_EMAIL, "name": "Giám đốc"}),
             User(sub="nguoi-la", claims={"email": STRANGER_EMAIL, "name": "Người lạ"})]
    with run_server_in_thread(user_claims=users) as provider:
        port = free_port()
        secrets_file = folder / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(16)}"\n'
            'client_id = "thads-dashboard"\n'
            'client_secret = "bi-mat-cua-ung-dung"\n'
            f'server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"\n',
            encoding="utf-8")
        with serving(url, port, ("--secrets.files", str(secrets_file))) as served:
            yield served.replace("127.0.0.1", "localhost")


def _sign_in_by_sso(page, app_url: str, subject: str) -> None:
    page.goto(app_url)
    page.get_by_role("button", name="Đăng nhập bằng tài khoản cơ quan (SSO)").click()
    page.get_by_role("button", name=subject).click()


def test_an_email_with_an_account_signs_in_through_the_provider(sso_app, anonymous_page):
    page = anonymous_page
    _sign_in_by_sso(page, sso_app, "giam-doc")
    page.get_by_text("Giám đốc (SSO) · Lãnh đạo").wait_for(timeout=60_000)
    page.get_by_role("heading", name="Tổng quan kết quả thi hành án dân sự").wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "sso_signed_in.png"))
    page.get_by_role("button", name="Đăng xuất").click()
    # Streamlit's st.logout ends the provider's session too, which asks, then sends the browser back.
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Đăng nhập bằng tài khoản cơ quan (SSO)").wait_for(timeout=60_000)


def test_an_email_without_an_account_reads_nothing(sso_app, anonymous_page):
    page = anonymous_page
    _sign_in_by_sso(page, sso_app, "nguoi-la")
    page.get_by_text(f"Thư điện tử {STRANGER_EMAIL} chưa gắn với tài khoản nào").wait_for(timeout=60_000)
    assert page.locator(".js-plotly-plot").count() == 0
    assert page.get_by_text("Tổng quan kết quả thi hành án dân sự").count() == 0
