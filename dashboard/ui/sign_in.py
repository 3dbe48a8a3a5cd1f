"""The gate every page passes first: the sign-in page (a password, or single sign-on when it is configured), the
idle timeout, and the signed-in person's name, role and sign-out in the sidebar."""

import re

import streamlit as st

from data_access.accounts import ROLES, Account, all_accounts, find_account, find_account_by_email, sign_in
from data_access.audit import add_event
from data_access.browser_sessions import close_browser_session, open_browser_session, resume_browser_session
from data_access.queries.viewing import Viewer, viewer_of
from dashboard.ui.text_blocks import caption, notice
from dashboard.metrics import clock
from dashboard.view import cache
from dashboard.view.session import (
    LAST_SEEN_KEY, LOGIN_KEY, VIA_KEY, end_session, idle_limit, open_session, read_as,
)

FAILED = "Tên đăng nhập hoặc mật khẩu không đúng."
NO_ACCOUNTS = ("Cơ sở dữ liệu chưa có tài khoản nào. Người quản trị tạo tài khoản đầu tiên trên máy chủ, ví dụ: "
               "python -m dashboard user add ten.dang.nhap --role quan_tri (mật khẩu nhập từ bàn phím), rồi tải "
               "lại trang này.")
# The notice a session carries to the sign-in page it is sent back to.
NOTICE_KEY = "access.notice"
# The browser keeps its session's token in this cookie, so a reload or a second tab stays signed in.
COOKIE = "thads_phien"
TOKEN_KEY = "access.token"
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,100}")


def sso_configured() -> bool:
    """Return whether .streamlit/secrets.toml has an [auth] section, so st.login can sign people in."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        # Streamlit's error for a missing or unreadable secrets file is a FileNotFoundError.
        return False


def _locked_text(until) -> str:
    return (f"Tên đăng nhập này đang bị khóa đến {until:%H:%M} ngày {until:%d/%m/%Y} vì nhập sai mật khẩu nhiều "
            "lần liền. Hãy thử lại sau, hoặc nhờ người quản trị đặt lại mật khẩu.")


def _demo_accounts() -> None:
    # Only the embedded default database is the generated demo: a configured one never lists its accounts.
    password = cache.demo_sign_in()
    if password is None:
        return
    logins = [f"{account.login} ({ROLES[account.role]})" for account in all_accounts(cache.engine())
              if account.active]
    caption("Dữ liệu mẫu: đăng nhập bằng một trong các tài khoản " + ", ".join(logins)
            + f"; mật khẩu chung: {password}.")


def _form() -> None:
    engine = cache.engine()
    # The page is drawn in one placeholder, emptied on success: the form must not linger while the first page of
    # figures is computed.
    holder = st.empty()
    with holder.container():
        st.title("Đăng nhập")
        st.caption("Bảng điều hành thi hành án dân sự")
        carried = st.session_state.pop(NOTICE_KEY, None)
        if carried:
            notice(carried, "info")
        if not all_accounts(engine):
            notice(NO_ACCOUNTS)
            st.stop()
        with st.form("sign_in"):
            login = st.text_input("Tên đăng nhập", key="sign_in.login")
            password = st.text_input("Mật khẩu", type="password", key="sign_in.password")
            submitted = st.form_submit_button("Đăng nhập", type="primary")
        if submitted:
            result = sign_in(engine, login.strip().lower(), password, clock.now())
            if result.account is not None:
                open_session(result.account.login, "password", clock.now())
                # The entry script reads the viewer to list the role's pages on the run that follows.
                read_as(viewer_of(result.account))
                holder.empty()
                st.rerun()
            st.error(_locked_text(result.locked_until) if result.locked_until else FAILED)
        if sso_configured() and st.button("Đăng nhập bằng tài khoản cơ quan (SSO)"):
            st.login()
        _demo_accounts()
    st.stop()


def _sso_account() -> Account | None:
    """Return the account the single sign-on e-mail maps to; without one, say so and stop."""
    engine = cache.engine()
    email = str(st.user.get("email") or "")
    account = find_account_by_email(engine, email) if email else None
    if account is None or not account.active:
        add_event(engine, clock.now(), email or "(không có thư điện tử)", "sign_in_failed", email,
                  "đăng nhập một lần: không có tài khoản hoặc tài khoản đã khóa")
        notice(f"Thư điện tử {email or '(không rõ)'} chưa gắn với tài khoản nào đang hoạt động, nên không được "
               "xem số liệu. Hãy nhờ người quản trị thêm tài khoản (user add ... --email).")
        st.button("Đăng xuất", on_click=st.logout)
        st.stop()
    add_event(engine, clock.now(), account.login, "sign_in", account.login, "đăng nhập một lần")
    return account


def _cookie_script(token: str | None) -> str:
    # The token is url-safe base64, checked so, so nothing but those letters is ever written into the script.
    value = token if token and TOKEN_PATTERN.fullmatch(token) else ""
    ending = "" if value else "; max-age=0"
    return (f"<script>document.cookie = '{COOKIE}={value}; path=/; SameSite=Strict{ending}' + "
            "(location.protocol === 'https:' ? '; Secure' : '');</script>")


def _keep_cookie(token: str | None) -> None:
    """Write the session's token into the browser's cookie (or clear it) when the browser does not hold it yet."""
    if st.context.cookies.get(COOKIE) != token:
        st.sidebar.html(_cookie_script(token), unsafe_allow_javascript=True)


def _expire(login: str, reason: str) -> None:
    token = st.session_state.get(TOKEN_KEY)
    if token:
        close_browser_session(cache.engine(), token)
    end_session()
    st.session_state[NOTICE_KEY] = reason
    add_event(cache.engine(), clock.now(), login, "session_expired", login)


def _sign_out() -> None:
    login, via, token = (st.session_state.get(key) for key in (LOGIN_KEY, VIA_KEY, TOKEN_KEY))
    add_event(cache.engine(), clock.now(), login or "", "sign_out", login or "")
    if token:
        close_browser_session(cache.engine(), token)
    end_session()
    if via == "sso":
        st.logout()


def _account_box(account: Account) -> None:
    box = st.sidebar.container(border=True)
    caption(f"{account.display_name} · {ROLES[account.role]}", box)
    box.button("Đăng xuất", key="sign_in.sign_out", on_click=_sign_out, use_container_width=True)


def _resumed_login(now) -> str | None:
    """Return the login of this browser's earlier sign-in (a reload, a second tab), from its cookie's token."""
    token = st.context.cookies.get(COOKIE)
    # A cookie is the browser's to write: anything but a token of ours is no session.
    if not isinstance(token, str) or not TOKEN_PATTERN.fullmatch(token):
        return None
    resumed = resume_browser_session(cache.engine(), token, now, idle_limit())
    if resumed.login is None:
        if resumed.expired:
            st.session_state[NOTICE_KEY] = _idle_text()
        return None
    open_session(resumed.login, resumed.via, now)
    st.session_state[TOKEN_KEY] = token
    return resumed.login


def _idle_text() -> str:
    return f"Phiên làm việc đã hết sau {int(idle_limit().total_seconds() // 60)} phút không dùng. Hãy đăng nhập lại."


def signed_in() -> Account:
    """Return the signed-in account, the session reading as its viewer; otherwise draw the sign-in page and stop.

    The account is read again on every run, so one disabled on the server stops reading at once.
    """
    now = clock.now()
    login = st.session_state.get(LOGIN_KEY)
    if login is not None and now - st.session_state.get(LAST_SEEN_KEY, now) > idle_limit():
        single_sign_on = st.session_state.get(VIA_KEY) == "sso"
        _expire(login, _idle_text())
        if single_sign_on:
            # The provider's sign-in would open the session again at once: it ends too.
            st.logout()
        login = None
    resumed = login is None and _resumed_login(now) is not None
    if login is None and not resumed and sso_configured() and st.user.is_logged_in:
        open_session(_sso_account().login, "sso", now)
        resumed = True
    login = st.session_state.get(LOGIN_KEY)
    account = find_account(cache.engine(), login) if login is not None else None
    if resumed and account is not None and account.active:
        # The entry script lists the role's pages from the viewer, on the run that follows.
        read_as(viewer_of(account))
        st.rerun()
    if login is not None and (account is None or not account.active):
        _expire(login, "Tài khoản này đã bị khóa. Hãy liên hệ người quản trị.")
        account = None
    if account is None:
        read_as(None)
        _keep_cookie(None)
        _form()
    if TOKEN_KEY not in st.session_state:
        st.session_state[TOKEN_KEY] = open_browser_session(cache.engine(), account.login,
                                                           st.session_state.get(VIA_KEY, "password"), now)
    st.session_state[LAST_SEEN_KEY] = now
    read_as(viewer_of(account))
    _account_box(account)
    _keep_cookie(st.session_state[TOKEN_KEY])
    return account


def signed_in_viewer() -> Viewer:
    """Return the viewer of the signed-in account (signing in first); an account that may read no figures gets a
    notice and the run stops."""
    account = signed_in()
    viewer = viewer_of(account)
    if account.role == "quan_tri":
        notice("Tài khoản quản trị không xem số liệu thi hành án. Mở trang Nhật ký ở thanh bên trái.", "info")
        st.stop()
    return viewer
