"""Accounts (domain.md section 13) on both engines: one role and one scope each, the password only as an argon2
hash, disabled accounts and wrong passwords refused alike, and data resets leaving accounts alone."""

from datetime import datetime

import pytest
from sqlalchemy import select

from data_access.access_schema import accounts
from data_access.accounts import (
    AccountRefused, add_account, all_accounts, disable_account, find_account, set_password, signed_in,
)
from data_access.exchange.importer import import_tables
from dashboard.demo.build import clear_database
from tests.support.builders import tables

NOW = datetime(2026, 12, 3, 9, 30)
PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def agency(db):
    """Return the db fixture holding the builders' province T01, its units H01 and H02, and officers C01-C04."""
    import_tables(db, tables())
    return db


def test_an_account_keeps_its_role_and_scope_and_only_a_hash_of_its_password(agency):
    made = add_account(agency, "giam.doc", PASSWORD, "lanh_dao", name="Nguyễn Văn An", province="T01", now=NOW)
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
        add_account(agency, "nguoi.dung", PASSWORD, role, now=NOW, **scope)
    assert all_accounts(agency) == []


@pytest.mark.parametrize(("login", "password"), [
    ("A", PASSWORD), ("có-dấu", PASSWORD), ("x" * 65, PASSWORD), ("-dau", PASSWORD), ("ngan", "123456789"),
])
def test_a_bad_login_or_a_short_password_is_refused(agency, login, password):
    with pytest.raises(AccountRefused):
        add_account(agency, login, password, "quan_tri", now=NOW)
    assert all_accounts(agency) == []


def test_a_login_is_taken_once(agency):
    add_account(agency, "thong.ke", PASSWORD, "thong_ke", now=NOW)
    with pytest.raises(AccountRefused, match="đã có"):
        add_account(agency, "thong.ke", PASSWORD, "quan_tri", now=NOW)


def test_an_officer_account_and_a_ministry_account(agency):
    assert add_account(agency, "chv.binh", PASSWORD, "chv", officer="C02", now=NOW).scope_code == "C02"
    assert add_account(agency, "bo.tu.phap", PASSWORD, "lanh_dao", now=NOW).scope_code is None


def test_signing_in_needs_the_right_password_and_an_active_account(agency):
    add_account(agency, "truong.phong", PASSWORD, "don_vi", unit="H01", now=NOW)
    assert signed_in(agency, "truong.phong", "sai-mat-khau-roi", NOW) is None
    assert signed_in(agency, "khong.co", PASSWORD, NOW) is None
    assert find_account(agency, "truong.phong").last_sign_in_at is None
    assert signed_in(agency, "truong.phong", PASSWORD, NOW).last_sign_in_at == NOW
    set_password(agency, "truong.phong", "mat-khau-moi-hon")
    assert signed_in(agency, "truong.phong", PASSWORD, NOW) is None
    assert signed_in(agency, "truong.phong", "mat-khau-moi-hon", NOW) is not None
    disable_account(agency, "truong.phong")
    assert signed_in(agency, "truong.phong", "mat-khau-moi-hon", NOW) is None
    assert not find_account(agency, "truong.phong").active


def test_changing_an_unknown_login_is_refused(agency):
    with pytest.raises(AccountRefused, match="Không có tài khoản 'ai.do'"):
        disable_account(agency, "ai.do")
    with pytest.raises(AccountRefused, match="Không có tài khoản 'ai.do'"):
        set_password(agency, "ai.do", PASSWORD)


def test_rebuilding_the_data_leaves_the_accounts(agency):
    add_account(agency, "quan.tri", PASSWORD, "quan_tri", now=NOW)
    clear_database(agency)
    assert [account.login for account in all_accounts(agency)] == ["quan.tri"]
