"""Accounts (domain.md section 13) on both engines: one role and one scope each, the password only as an argon2
hash, disabled accounts and wrong passwords refused alike, and data resets leaving accounts alone."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from data_access.access_schema import accounts
from data_access.accounts import (
    LOCK_TIME, MAX_FAILED_ATTEMPTS, AccountRefused, add_account, all_accounts, disable_account, find_account,
    set_password, sign_in,
)
from data_access.audit import audit_trail
from data_access.exchange.importer import import_tables
from dashboard.demo.build import clear_database
from tests.support.builders import tables

NOW = datetime(2026, 12, 3, 9, 30)
BY = "máy chủ:quan-tri"
PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def agency(db):
    """Return the db fixture holding the builders' province T01, its units H01 and H02, and officers C01-C04."""
    import_tables(db, tables())
    return db


def test_an_account_keeps_its_role_and_scope_and_only_a_hash_of_its_password(agency):
    made = add_account(agency, "giam.doc", PASSWORD, "lanh_dao", name="Nguyễn Văn An", province="T01", now=NOW, by=BY)
    assert (made.login, made.display_name, made.role, made.scope_code, made.active, made.created_at) == (
        "giam.doc", "Nguyễn Văn An", "lanh_dao", "T01", True, NOW)
    with agency.connect() as connection:
        stored = connection.execute(select(accounts.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.parametrize(("role", "scope", "refusal"), [
    ("lanh_dao", {"unit": "H01"}, "Vai trò lanh_dao cần --province hoặc không có phạm vi."),
    ("don_vi", {}, "Vai trò don_vi cần --unit."),
    ("chv", {"unit": "H01"}, "Vai trò chv cần --officer."),
    ("quan_tri", {"province": "T01"}, "Vai trò quan_tri cần không có phạm vi."),
    ("lanh_dao", {"province": "H01"}, "Không có tỉnh mã 'H01'."),
    ("don_vi", {"unit": "H99"}, "Không có đơn vị mã 'H99'."),
    ("chv", {"officer": "C99"}, "Không có chấp hành viên mã 'C99'."),
    ("khach", {}, "Vai trò 'khach' không có"),
    ("don_vi", {"unit": "H01", "province": "T01"}, "Một tài khoản chỉ có một phạm vi"),
])
def test_a_role_takes_only_its_own_kind_of_scope_and_a_code_that_exists(agency, role, scope, refusal):
    with pytest.raises(AccountRefused, match=refusal.replace("(", r"\(").replace(")", r"\)")):
        add_account(agency, "nguoi.dung", PASSWORD, role, now=NOW, by=BY, **scope)
    assert all_accounts(agency) == []


@pytest.mark.parametrize(("login", "password"), [
    ("A", PASSWORD), ("có-dấu", PASSWORD), ("x" * 65, PASSWORD), ("-dau", PASSWORD), ("ngan", "123456789"),
])
def test_a_bad_login_or_a_short_password_is_refused(agency, login, password):
    with pytest.raises(AccountRefused):
        add_account(agency, login, password, "quan_tri", now=NOW, by=BY)
    assert all_accounts(agency) == []


def test_a_login_is_taken_once(agency):
    add_account(agency, "thong.ke", PASSWORD, "thong_ke", now=NOW, by=BY)
    with pytest.raises(AccountRefused, match="đã có"):
        add_account(agency, "thong.ke", PASSWORD, "quan_tri", now=NOW, by=BY)


def test_an_officer_account_and_a_ministry_account(agency):
    assert add_account(agency, "chv.binh", PASSWORD, "chv", officer="C02", now=NOW, by=BY).scope_code == "C02"
    assert add_account(agency, "bo.tu.phap", PASSWORD, "lanh_dao", now=NOW, by=BY).scope_code is None


def _signed(engine, login, password, at=NOW):
    return sign_in(engine, login, password, at).account


def test_signing_in_needs_the_right_password_and_an_active_account(agency):
    add_account(agency, "truong.phong", PASSWORD, "don_vi", unit="H01", now=NOW, by=BY)
    assert _signed(agency, "truong.phong", "sai-mat-khau-roi") is None
    assert _signed(agency, "khong.co", PASSWORD) is None
    assert find_account(agency, "truong.phong").last_sign_in_at is None
    assert _signed(agency, "truong.phong", PASSWORD).last_sign_in_at == NOW
    set_password(agency, "truong.phong", "mat-khau-moi-hon", now=NOW, by=BY)
    assert _signed(agency, "truong.phong", PASSWORD) is None
    assert _signed(agency, "truong.phong", "mat-khau-moi-hon") is not None
    disable_account(agency, "truong.phong", now=NOW, by=BY)
    assert _signed(agency, "truong.phong", "mat-khau-moi-hon") is None
    assert not find_account(agency, "truong.phong").active


def test_five_wrong_passwords_lock_the_login_for_a_quarter_of_an_hour(agency):
    add_account(agency, "thu.ky", PASSWORD, "thong_ke", now=NOW, by=BY)
    minute = timedelta(minutes=1)
    for attempt in range(MAX_FAILED_ATTEMPTS - 1):
        assert sign_in(agency, "thu.ky", "sai-mat-khau-roi", NOW + attempt * minute).locked_until is None
    fifth = NOW + (MAX_FAILED_ATTEMPTS - 1) * minute
    assert sign_in(agency, "thu.ky", "sai-mat-khau-roi", fifth).locked_until == fifth + LOCK_TIME
    # Locked, even the right password is refused, and says until when; a second after, it signs in.
    refused = sign_in(agency, "thu.ky", PASSWORD, fifth + LOCK_TIME - timedelta(seconds=1))
    assert (refused.account, refused.locked_until) == (None, fifth + LOCK_TIME)
    assert _signed(agency, "thu.ky", PASSWORD, fifth + LOCK_TIME) is not None
    actions = [event.action for event in audit_trail(agency)]
    assert actions == ["account_added", *["sign_in_failed"] * MAX_FAILED_ATTEMPTS, "locked", "sign_in_failed",
                       "sign_in"]


def test_a_good_password_clears_the_count_of_wrong_ones(agency):
    add_account(agency, "thu.ky", PASSWORD, "thong_ke", now=NOW, by=BY)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        sign_in(agency, "thu.ky", "sai-mat-khau-roi", NOW)
    assert _signed(agency, "thu.ky", PASSWORD) is not None
    assert sign_in(agency, "thu.ky", "sai-mat-khau-roi", NOW).locked_until is None


def test_the_trail_says_who_changed_which_account_and_when(agency):
    add_account(agency, "chv.binh", PASSWORD, "chv", officer="C02", now=NOW, by=BY)
    later = NOW + timedelta(hours=1)
    set_password(agency, "chv.binh", "mat-khau-moi-hon", now=later, by=BY)
    disable_account(agency, "chv.binh", now=later, by=BY)
    sign_in(agency, "ai.do", PASSWORD, later)
    assert [(event.at, event.actor, event.action, event.subject, event.detail) for event in audit_trail(agency)] == [
        (NOW, BY, "account_added", "chv.binh", "vai trò chv, phạm vi C02"),
        (later, BY, "password_set", "chv.binh", ""),
        (later, BY, "account_disabled", "chv.binh", ""),
        (later, "ai.do", "sign_in_failed", "ai.do", "không có tài khoản"),
    ]
    assert len(audit_trail(agency, since=later)) == 3


def test_rebuilding_the_data_leaves_the_accounts(agency):
    add_account(agency, "quan.tri", PASSWORD, "quan_tri", now=NOW, by=BY)
    clear_database(agency)
    assert [account.login for account in all_accounts(agency)] == ["quan.tri"]
    assert [event.action for event in audit_trail(agency)] == ["account_added"]
