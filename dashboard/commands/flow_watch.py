"""`flow` and `watch`: the flow and age of the caseload and the classification watch for a period end and a scope,
as JSON for other tools or as text."""

import json
import sys

from data_access.data_version import data_state
from dashboard.cli_users import database_option, iso_day
from dashboard.commands.reading import reader_for
from dashboard.database import open_dashboard_engine
from dashboard.metrics import clock
from dashboard.metrics.chains import Scope
from dashboard.metrics.flow import FLOW_BREAKDOWNS, flow_report
from dashboard.metrics.flow_text import flow_text
from dashboard.metrics.watch import unsettled_months, watch_report
from dashboard.metrics.watch_text import watch_text

WATCH_CHOICES = ("unit", "officer")


def _scope_options(command) -> None:
    command.add_argument("--end", type=iso_day, required=True, help="ngày cuối kỳ, YYYY-MM-DD")
    command.add_argument("--province", help="mã tỉnh: văn phòng tỉnh và mọi đơn vị trực thuộc")
    command.add_argument("--unit", help="mã đơn vị")
    command.add_argument("--officer", help="mã chấp hành viên")
    command.add_argument("--group", help="mã nhóm việc, ví dụ ngan_sach")
    command.add_argument("--judgment-type", help="mã loại bản án")
    command.add_argument("--mode", help="chu_dong hoặc theo_don")
    command.add_argument("--format", choices=("json", "text"), default="text")
    command.add_argument("--as", dest="as_login", metavar="LOGIN", help="chỉ trong phạm vi tài khoản này được xem")


def add_flow_watch_parsers(commands) -> None:
    """Add `flow` and `watch` to the command line's subcommands."""
    common = database_option()
    flow = commands.add_parser("flow", parents=[common], help="tuổi và dòng việc tồn: tồn theo thời gian, tỷ lệ "
                                                              "giải quyết, số ngày giải quyết, việc lớn, ...")
    _scope_options(flow)
    flow.add_argument("--by", choices=FLOW_BREAKDOWNS, help="chia theo đơn vị, tỉnh hoặc chấp hành viên")
    watch = commands.add_parser("watch", parents=[common],
                                help="theo dõi phân loại án: chuyển sang chưa có điều kiện, cuối tháng, quay lại")
    _scope_options(watch)
    watch.add_argument("--by", choices=WATCH_CHOICES, help="chia theo đơn vị hoặc chấp hành viên")


def _run(args, compute, as_text) -> int:
    if args.end > clock.today():
        print(f"Ngày cuối kỳ {args.end:%d/%m/%Y} còn ở tương lai; chọn một ngày đến hôm nay.", file=sys.stderr)
        return 2
    engine = open_dashboard_engine(args.db, lambda: print("Đang tạo cơ sở dữ liệu mẫu lần đầu...", file=sys.stderr))
    scope = Scope(province=args.province, unit=args.unit, officer=args.officer, group=args.group,
                  judgment_type=args.judgment_type, mode=args.mode)
    try:
        reader, scope = reader_for(engine, args.as_login, scope)
        report = compute(reader, args.end, scope, args.by)
        print(json.dumps(report, ensure_ascii=False, indent=2) if args.format == "json"
              else as_text(report, engine))
    finally:
        engine.dispose()
    return 0


def _run_flow(args) -> int:
    return _run(args, flow_report, lambda report, engine: flow_text(report))


def _run_watch(args) -> int:
    def as_text(report, engine):
        return watch_text(report, unsettled_months(args.end, data_state(engine).last_day))
    return _run(args, watch_report, as_text)


def flow_watch_runners() -> dict:
    """Return the runner of each subcommand this module adds."""
    return {"flow": _run_flow, "watch": _run_watch}
