"""Whom a command reads as: the server's operator, or with --as the account named, within its own scope."""

from dataclasses import replace

from data_access.accounts import find_account
from data_access.queries.viewing import OPERATOR, NotPermitted, Reader, home_scope, viewer_of
from dashboard.metrics.chains import Scope


def reader_for(engine, login: str | None, scope: Scope) -> tuple[Reader, Scope]:
    """Return the reader a command reads through (the server operator's, or with --as the account's) and the scope
    it reads: the account's home scope when the command names no place. NotPermitted when the account reads
    nothing."""
    if login is None:
        return Reader(engine, OPERATOR), scope
    account = find_account(engine, login)
    home = home_scope(viewer_of(account))
    if home is None:
        raise NotPermitted(f"Không có tài khoản '{login}'." if account is None
                           else f"Tài khoản {login} không được xem số liệu.")
    if not (scope.province or scope.unit or scope.officer):
        scope = replace(home, group=scope.group, judgment_type=scope.judgment_type, mode=scope.mode)
    return Reader(engine, viewer_of(account)), scope
