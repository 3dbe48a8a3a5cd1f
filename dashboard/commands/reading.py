"""Whom a command reads as: the server's operator, or with --as the account named, within its own scope; the
scope options the reading commands share, and their refusal of a period end still to come."""

import sys
from dataclasses import replace
from datetime import date

from data_access.accounts import find_account
from data_access.queries.viewing import OPERATOR, NotPermitted, Reader, home_scope, viewer_of
from dashboard.database import open_dashboard_engine
from dashboard.metrics import clock
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


def add_scope_options(command) -> None:
    """Add the scope options of the reading commands: province, unit, officer, group, judgment type, mode, --as."""
    command.add_argument("--province", help="mã tỉnh: văn phòng tỉnh và mọi đơn vị trực thuộc")
    command.add_argument("--unit", help="mã đơn vị")
    command.add_argument("--officer", help="mã chấp hành viên")
    command.add_argument("--group", help="mã nhóm việc, ví dụ ngan_sach")
    command.add_argument("--judgment-type", help="mã loại bản án")
    command.add_argument("--mode", help="chu_dong hoặc theo_don")
    command.add_argument("--as", dest="as_login", metavar="LOGIN",
                         help="chỉ trong phạm vi tài khoản này được xem, để kiểm tra người đó thấy gì")


def scope_of(args) -> Scope:
    """Return the scope the scope options name."""
    return Scope(province=args.province, unit=args.unit, officer=args.officer, group=args.group,
                 judgment_type=args.judgment_type, mode=args.mode)


def refused_future(end: date) -> bool:
    """Return whether the period end is still to come, having said so on standard error."""
    if end <= clock.today():
        return False
    print(f"Ngày cuối kỳ {end:%d/%m/%Y} còn ở tương lai; chọn một ngày đến hôm nay.", file=sys.stderr)
    return True


def open_for_reading(url: str | None):
    """Return the engine a reading command uses, saying so when it first fills the demo database."""
    return open_dashboard_engine(url, lambda: print("Đang tạo cơ sở dữ liệu mẫu lần đầu...", file=sys.stderr))
