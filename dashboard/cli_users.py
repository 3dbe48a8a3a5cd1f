"""The `user` subcommand: accounts added, listed, disabled and given a new password by the server's operator.

A password is read from standard input, never from an argument, which any user of the machine could read in the
process list: typed twice at a terminal, or the first line of a pipe.
"""

import argparse
import getpass
import sys
from datetime import date, datetime

from data_access.accounts import (
    ROLES, AccountRefused, add_account, all_accounts, disable_account, set_password,
)
from data_access.audit import ACTIONS, audit_trail
from data_access.engine import open_engine
from dashboard.metrics import clock


def database_option() -> argparse.ArgumentParser:
    """Return the parent parser of the `--db URL` option every subcommand takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", help="URL cơ sở dữ liệu, thay cho THADS_DATABASE_URL")
    return common


def run_on_database(url: str | None, work, refusals: tuple[type[Exception], ...]) -> int:
    """Return 0 after work(engine) on the database at url, or 2 when it raises one of `refusals`, saying why."""
    engine = open_engine(url)
    try:
        work(engine)
    except refusals as refused:
        print(str(refused), file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


def add_user_parser(commands) -> None:
    """Add `user add|list|disable|password` to the command line's subcommands."""
    common = database_option()
    user = commands.add_parser("user", help="quản lý tài khoản đăng nhập")
    actions = user.add_subparsers(dest="action", required=True)
    adding = actions.add_parser("add", parents=[common], help="thêm tài khoản; mật khẩu đọc từ đầu vào chuẩn")
    adding.add_argument("login")
    adding.add_argument("--role", required=True, choices=ROLES)
    scope = adding.add_mutually_exclusive_group()
    scope.add_argument("--province", help="mã tỉnh (lanh_dao, thong_ke); bỏ trống: cả nước")
    scope.add_argument("--unit", help="mã đơn vị (don_vi)")
    scope.add_argument("--officer", help="mã chấp hành viên (chv)")
    adding.add_argument("--name", help="họ tên hiển thị")
    adding.add_argument("--email", help="thư điện tử dùng để đăng nhập một lần (SSO), nếu có")
    actions.add_parser("list", parents=[common], help="liệt kê tài khoản")
    for action, text in (("disable", "khóa tài khoản"), ("password", "đặt mật khẩu mới, đọc từ đầu vào chuẩn")):
        actions.add_parser(action, parents=[common], help=text).add_argument("login")
    audit = commands.add_parser("audit", parents=[common],
                                help="in nhật ký: đăng nhập, khóa, tài khoản, đường link, nhập, chốt, tải về")
    audit.add_argument("--since", type=iso_day, help="từ ngày, YYYY-MM-DD")


def iso_day(text: str) -> date:
    """Return the day a YYYY-MM-DD argument names; argparse reports any other text in plain words."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày '{text}' không đúng dạng YYYY-MM-DD") from None


def operator() -> str:
    """Return how the trail names the server's operator at the command line."""
    return f"máy chủ:{getpass.getuser()}"


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Mật khẩu: ")
        if getpass.getpass("Nhập lại mật khẩu: ") != first:
            raise AccountRefused("Hai lần nhập mật khẩu không khớp.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _listing(engine) -> None:
    print(f"{'Tên đăng nhập':<20} {'Vai trò':<10} {'Phạm vi':<12} {'Trạng thái':<10} {'Đăng nhập gần nhất':<19} "
          "Họ tên")
    for account in all_accounts(engine):
        state = "hoạt động" if account.active else "đã khóa"
        last = f"{account.last_sign_in_at:%d/%m/%Y %H:%M}" if account.last_sign_in_at else "chưa"
        print(f"{account.login:<20} {account.role:<10} {account.scope_code or '—':<12} {state:<10} {last:<19} "
              f"{account.display_name}")


def _scope_words(account) -> str:
    if account.role == "quan_tri":
        return "không xem số liệu"
    return f"phạm vi {account.scope_code}" if account.scope_code else "phạm vi toàn bộ cơ sở dữ liệu"


def run_user(args) -> int:
    """Run one `user` action and return the exit code: 2 when a rule refuses it, saying which."""
    return run_on_database(args.db, lambda engine: _user_action(engine, args), (AccountRefused,))


def _user_action(engine, args) -> None:
    if args.action == "list":
        _listing(engine)
    elif args.action == "disable":
        changed = disable_account(engine, args.login, now=clock.now(), by=operator())
        print(f"Đã khóa tài khoản {changed.login}.")
    elif args.action == "password":
        changed = set_password(engine, args.login, _read_password(), now=clock.now(), by=operator())
        print(f"Đã đặt mật khẩu mới cho {changed.login}.")
    else:
        account = add_account(engine, args.login, _read_password(), args.role, name=args.name, email=args.email,
                              province=args.province, unit=args.unit, officer=args.officer, now=clock.now(),
                              by=operator())
        print(f"Đã thêm tài khoản {account.login} ({ROLES[account.role]}, {_scope_words(account)}).")


def run_audit(args) -> int:
    """Print the audit trail from --since on, a line an event, oldest first."""
    engine = open_engine(args.db)
    try:
        since = None if args.since is None else datetime.combine(args.since, datetime.min.time())
        for event in audit_trail(engine, since):
            detail = f" ({event.detail})" if event.detail else ""
            print(f"{event.at:%d/%m/%Y %H:%M:%S}  {event.actor}  {ACTIONS.get(event.action, event.action)}  "
                  f"{event.subject}{detail}")
    finally:
        engine.dispose()
    return 0
