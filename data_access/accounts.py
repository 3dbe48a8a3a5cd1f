"""The accounts that may sign in (domain.md section 13): each with one role and the one scope the role sees, its
password kept only as an argon2 hash."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from data_access.access_schema import accounts
from data_access.audit import record
from data_access.browser_sessions import close_sessions_of
from data_access.passwords import MIN_PASSWORD_LENGTH, hash_password, password_matches, spend_a_check
from data_access.schema import officers, units

ROLES = {"lanh_dao": "Lãnh đạo", "don_vi": "Lãnh đạo đơn vị", "chv": "Chấp hành viên", "thong_ke": "Thống kê",
         "quan_tri": "Quản trị"}
# The scope each role takes: a province or none (the Ministry) for leaders and statisticians, a unit for its
# head, an officer for an officer, nothing for an administrator.
SCOPE_KINDS = {"lanh_dao": ("province", None), "thong_ke": ("province", None), "don_vi": ("unit",),
               "chv": ("officer",), "quan_tri": (None,)}
SCOPE_WORDS = {"province": "--province", "unit": "--unit", "officer": "--officer"}
LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
EMAIL_PATTERN = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}")
# Five wrong passwords in a row lock a login for a quarter of an hour: enough for a mistyped password, far too
# few for guessing one.
MAX_FAILED_ATTEMPTS = 5
LOCK_TIME = timedelta(minutes=15)


class AccountRefused(ValueError):
    """An account change that breaks a rule: the message says which, in Vietnamese."""


@dataclass(frozen=True)
class Account:
    """One account as the dashboard reads it: never its password hash."""

    login: str
    display_name: str
    role: str
    province: str | None
    unit: str | None
    officer: str | None
    active: bool
    created_at: datetime
    last_sign_in_at: datetime | None
    email: str | None = None

    @property
    def scope_code(self) -> str | None:
        """Return the code of the scope the account sees, None for the whole database or none at all."""
        return self.province or self.unit or self.officer


def _scope_kind(province: str | None, unit: str | None, officer: str | None) -> str | None:
    given = [kind for kind, code in (("province", province), ("unit", unit), ("officer", officer)) if code]
    if len(given) > 1:
        raise AccountRefused("Một tài khoản chỉ có một phạm vi: chọn một trong --province, --unit, --officer.")
    return given[0] if given else None


def _check_scope(engine: Engine, role: str, province: str | None, unit: str | None, officer: str | None) -> None:
    if role not in ROLES:
        raise AccountRefused(f"Vai trò '{role}' không có; các vai trò: {', '.join(ROLES)}.")
    kind = _scope_kind(province, unit, officer)
    if kind not in SCOPE_KINDS[role]:
        wanted = " hoặc ".join("không có phạm vi" if needed is None else SCOPE_WORDS[needed]
                               for needed in SCOPE_KINDS[role])
        raise AccountRefused(f"Vai trò {role} cần {wanted}.")
    table, column, code, noun = {
        "province": (units, units.c.code, province, "tỉnh"), "unit": (units, units.c.code, unit, "đơn vị"),
        "officer": (officers, officers.c.code, officer, "chấp hành viên"),
    }.get(kind, (None, None, None, None))
    if table is None:
        return
    query = select(column).where(column == code)
    if kind == "province":
        query = query.where(units.c.level == "tinh")
    with engine.connect() as connection:
        if connection.execute(query).first() is None:
            raise AccountRefused(f"Không có {noun} mã '{code}'.")


def check_password_rules(password: str) -> None:
    """Refuse a password too short to guard case files."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountRefused(f"Mật khẩu cần ít nhất {MIN_PASSWORD_LENGTH} ký tự.")


def add_account(engine: Engine, login: str, password: str, role: str, *, name: str | None = None,
                province: str | None = None, unit: str | None = None, officer: str | None = None,
                email: str | None = None, now: datetime, by: str) -> Account:
    """Return the account just created, active, after checking its login, role, scope and password; `by` (who
    made it) goes to the audit trail."""
    if not LOGIN_PATTERN.fullmatch(login):
        raise AccountRefused("Tên đăng nhập gồm 2 đến 64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, "
                             "gạch dưới, bắt đầu bằng chữ hoặc số.")
    _check_scope(engine, role, province, unit, officer)
    check_password_rules(password)
    if find_account(engine, login) is not None:
        raise AccountRefused(f"Tên đăng nhập '{login}' đã có.")
    email = _checked_email(email)
    if email and find_account_by_email(engine, email) is not None:
        raise AccountRefused(f"Thư điện tử '{email}' đã gắn với một tài khoản khác.")
    with engine.begin() as connection:
        connection.execute(insert(accounts).values(
            login=login, display_name=name or login, email=email, role=role, province_code=province, unit_code=unit,
            officer_code=officer, password_hash=hash_password(password), active=True, created_at=now,
            failed_attempts=0))
        record(connection, now, by, "account_added", login,
               f"vai trò {role}, phạm vi {province or unit or officer or 'toàn bộ'}")
    return find_account(engine, login)


def _checked_email(email: str | None) -> str | None:
    if email is None:
        return None
    email = email.strip().lower()
    if not EMAIL_PATTERN.fullmatch(email):
        raise AccountRefused(f"Thư điện tử '{email}' không hợp lệ.")
    return email


def _account(row) -> Account:
    return Account(row.login, row.display_name, row.role, row.province_code, row.unit_code, row.officer_code,
                   row.active, row.created_at, row.last_sign_in_at, row.email)


def find_account_by_email(engine: Engine, email: str) -> Account | None:
    """Return the account a single sign-on e-mail maps to (compared in lower case), or None."""
    with engine.connect() as connection:
        row = connection.execute(select(accounts).where(accounts.c.email == email.strip().lower())).first()
    return None if row is None else _account(row)


def find_account(engine: Engine, login: str) -> Account | None:
    """Return the account of a login, or None."""
    with engine.connect() as connection:
        row = connection.execute(select(accounts).where(accounts.c.login == login)).first()
    return None if row is None else _account(row)


def all_accounts(engine: Engine) -> list[Account]:
    """Return every account, by login."""
    with engine.connect() as connection:
        return [_account(row) for row in connection.execute(select(accounts).order_by(accounts.c.login))]


def _change(engine: Engine, login: str, audit: tuple | None = None, **values) -> Account:
    """Return the account after the change; `audit` (at, actor, action, detail) is recorded with it."""
    with engine.begin() as connection:
        changed = connection.execute(update(accounts).where(accounts.c.login == login).values(**values)).rowcount
        if changed and audit is not None:
            at, actor, action, detail = audit
            record(connection, at, actor, action, login, detail)
    if not changed:
        raise AccountRefused(f"Không có tài khoản '{login}'.")
    return find_account(engine, login)


def disable_account(engine: Engine, login: str, *, now: datetime, by: str) -> Account:
    """Return the account after it can no longer sign in, its open sessions ended; its history stays."""
    changed = _change(engine, login, (now, by, "account_disabled", ""), active=False)
    close_sessions_of(engine, login)
    return changed


def set_password(engine: Engine, login: str, password: str, *, now: datetime, by: str) -> Account:
    """Return the account after its password is replaced, its lock lifted and its open sessions ended (a disabled
    one stays disabled)."""
    check_password_rules(password)
    changed = _change(engine, login, (now, by, "password_set", ""), password_hash=hash_password(password),
                      failed_attempts=0, locked_until=None)
    # Whoever signed in with the old password signs in again.
    close_sessions_of(engine, login)
    return changed


@dataclass(frozen=True)
class SignIn:
    """What a sign-in attempt gave: the account when it succeeded, else until when the login is locked, if it is."""

    account: Account | None
    locked_until: datetime | None = None


def sign_in(engine: Engine, login: str, password: str, now: datetime) -> SignIn:
    """Return the account when the login is active, not locked and the password is its own, recording the sign-in;
    else no account, the same for an unknown login, a disabled one and a wrong password, with the lock time when
    the login is locked. Every attempt goes to the audit trail; the MAX_FAILED_ATTEMPTS-th wrong one in a row
    locks the login for LOCK_TIME."""
    with engine.connect() as connection:
        row = connection.execute(select(accounts).where(accounts.c.login == login)).first()
    if row is not None and row.locked_until is not None and row.locked_until > now:
        with engine.begin() as connection:
            record(connection, now, login, "sign_in_failed", login, "đang bị khóa")
        return SignIn(None, row.locked_until)
    # The hash is checked for a disabled login too, and a stand-in for an unknown one, so the time taken tells
    # nothing about which logins exist.
    matches = password_matches(row.password_hash, password) if row is not None else spend_a_check(password)
    if row is not None and row.active and matches:
        account = _change(engine, login, (now, login, "sign_in", ""), last_sign_in_at=now, failed_attempts=0,
                          locked_until=None)
        return SignIn(account)
    with engine.begin() as connection:
        record(connection, now, login[:100], "sign_in_failed", login[:200],
               "không có tài khoản" if row is None else "sai mật khẩu hoặc tài khoản đã khóa")
        if row is None:
            return SignIn(None)
        failures = row.failed_attempts + 1
        locked_until = now + LOCK_TIME if failures >= MAX_FAILED_ATTEMPTS else None
        connection.execute(update(accounts).where(accounts.c.login == login).values(
            failed_attempts=0 if locked_until else failures, locked_until=locked_until))
        if locked_until is not None:
            record(connection, now, login, "locked", login, f"đến {locked_until:%H:%M %d/%m/%Y}")
    return SignIn(None, locked_until)
