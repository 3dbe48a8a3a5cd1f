"""The `display-link` subcommand: links that open the meeting-room screen for one scope, created, listed and
revoked by the server's operator."""

from data_access.display_links import (
    LINK_STATES, LinkRefused, all_links, create_link, display_address, revoke_link,
)
from dashboard.cli_users import database_option, iso_day, operator, run_on_database
from dashboard.metrics import clock


def add_link_parser(commands) -> None:
    """Add `display-link create|list|revoke` to the command line's subcommands."""
    common = database_option()
    link = commands.add_parser("display-link", help="đường link trình chiếu không cần đăng nhập")
    actions = link.add_subparsers(dest="action", required=True)
    creating = actions.add_parser("create", parents=[common], help="tạo đường link; dòng cuối là địa chỉ")
    scope = creating.add_mutually_exclusive_group()
    scope.add_argument("--province", help="mã tỉnh; bỏ trống cả hai: toàn bộ cơ sở dữ liệu")
    scope.add_argument("--unit", help="mã đơn vị")
    creating.add_argument("--expires", type=iso_day, required=True, metavar="YYYY-MM-DD",
                          help="ngày cuối cùng đường link còn mở được")
    actions.add_parser("list", parents=[common], help="liệt kê các đường link")
    revoking = actions.add_parser("revoke", parents=[common], help="thu hồi một đường link")
    revoking.add_argument("id", type=int)


def _listing(engine) -> None:
    today = clock.today()
    print(f"{'Số':>4}  {'Phạm vi':<12} {'Hết hạn':<10}  {'Trạng thái':<13} {'Tạo lúc':<16}  Người tạo")
    for link in all_links(engine):
        print(f"{link.id:>4}  {link.scope_name:<12} {link.expires_on:%d/%m/%Y}  {LINK_STATES[link.state(today)]:<13} "
              f"{link.created_at:%d/%m/%Y %H:%M}  {link.created_by}")


def run_display_link(args) -> int:
    """Run one `display-link` action and return the exit code: 2 when a rule refuses it, saying which."""
    return run_on_database(args.db, lambda engine: _link_action(engine, args), (LinkRefused,))


def _link_action(engine, args) -> None:
    if args.action == "list":
        _listing(engine)
    elif args.action == "revoke":
        link = revoke_link(engine, args.id, now=clock.now(), by=operator())
        print(f"Đã thu hồi đường link trình chiếu số {link.id} ({link.scope_name}).")
    else:
        link, token = create_link(engine, province=args.province, unit=args.unit, expires_on=args.expires,
                                  now=clock.now(), by=operator())
        print(f"Đã tạo đường link trình chiếu số {link.id}: phạm vi {link.scope_name}, mở được đến hết "
              f"{link.expires_on:%d/%m/%Y}. Mã chỉ hiện một lần; ghép địa chỉ dưới đây sau địa chỉ bảng "
              "điều hành:")
        print(display_address(token))
