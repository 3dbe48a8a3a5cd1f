"""Sign-ins kept across page loads: a token resumes its login until it sits idle too long or signs out; a disabled
account or a new password ends its sessions."""

from datetime import datetime, timedelta

from sqlalchemy import select

from data_access.access_schema import browser_sessions
from data_access.accounts import add_account, disable_account, set_password
from data_access.browser_sessions import (
    Resumed, close_browser_session, open_browser_session, resume_browser_session,
)

NOW = datetime(2026, 12, 4, 9, 0)
IDLE = timedelta(minutes=30)


def _account(db, login="gd"):
    add_account(db, login, "mat-khau-du-dai", "lanh_dao", now=NOW, by="qt")


def test_a_token_resumes_its_login_within_the_idle_time_and_not_after(db):
    _account(db)
    token = open_browser_session(db, "gd", "password", NOW)
    assert resume_browser_session(db, token, NOW + timedelta(minutes=29), IDLE) == Resumed("gd", "password")
    # Each use moves the idle clock on.
    assert resume_browser_session(db, token, NOW + timedelta(minutes=58), IDLE).login == "gd"
    assert resume_browser_session(db, token, NOW + timedelta(minutes=89), IDLE) == Resumed(None, expired=True)
    assert resume_browser_session(db, token, NOW + timedelta(minutes=90), IDLE) == Resumed(None)


def test_the_table_holds_no_token_and_signing_out_ends_the_session(db):
    _account(db)
    token = open_browser_session(db, "gd", "sso", NOW)
    with db.connect() as connection:
        assert token not in str(connection.execute(select(browser_sessions)).all())
    close_browser_session(db, token)
    assert resume_browser_session(db, token, NOW, IDLE) == Resumed(None)
    assert resume_browser_session(db, "made-up-token", NOW, IDLE) == Resumed(None)


def test_disabling_an_account_or_setting_its_password_ends_its_sessions(db):
    _account(db)
    _account(db, "tk")
    first, other = open_browser_session(db, "gd", "password", NOW), open_browser_session(db, "tk", "password", NOW)
    set_password(db, "gd", "mat-khau-moi-dai", now=NOW, by="qt")
    assert resume_browser_session(db, first, NOW, IDLE).login is None
    second = open_browser_session(db, "gd", "password", NOW)
    disable_account(db, "gd", now=NOW, by="qt")
    assert resume_browser_session(db, second, NOW, IDLE).login is None
    assert resume_browser_session(db, other, NOW, IDLE).login == "tk"
