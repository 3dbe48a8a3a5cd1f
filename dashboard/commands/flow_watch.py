"""`flow` and `watch`: the flow and age of the caseload and the classification watch for a period end and a scope,
as JSON for other tools or as text."""

import json

from data_access.data_version import data_state
from dashboard.cli_users import database_option, iso_day
from dashboard.commands.reading import add_scope_options, open_for_reading, reader_for, refused_future, scope_of
from dashboard.metrics.flow import FLOW_BREAKDOWNS, flow_report
from dashboard.metrics.flow_text import flow_text
from dashboard.metrics.watch import unsettled_months, watch_report
from dashboard.metrics.watch_text import watch_text

WATCH_CHOICES = ("unit", "officer")


def _scope_options(command) -> None:
    command.add_argument("--end", type=iso_day, required=True, help="ngày cuối kỳ, YYYY-MM-DD")
    add_scope_options(command)
    command.add_argument("--format", choices=("json", "text"), default="text")


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
    if refused_future(args.end):
        return 2
    engine = open_for_reading(args.db)
    try:
        reader, scope = reader_for(engine, args.as_login, scope_of(args))
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
