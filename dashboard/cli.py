"""The command line: import exchange files, print reports, (re)create the demo database; accounts, display links
and the audit trail through cli_users and cli_links; closing periods and the month's documents through
dashboard.commands."""

import argparse
import json
import sys
from concurrent.futures.process import BrokenProcessPool

from data_access.engine import DatabaseUnavailable, open_engine
from data_access.exchange.files import ImportRejected
from data_access.exchange.runs import ImportBusy, run_import
from data_access.queries.viewing import NotPermitted
from dashboard.cli_links import add_link_parser, run_display_link
from dashboard.cli_users import add_user_parser, database_option, iso_day, operator, run_audit, run_user
from dashboard.commands.flow_watch import add_flow_watch_parsers, flow_watch_runners
from dashboard.commands.month import add_month_parsers, month_runners
from dashboard.commands.reading import add_scope_options, open_for_reading, reader_for, refused_future, scope_of
from dashboard.database import open_dashboard_engine
from dashboard.demo.build import build_demo
from dashboard.demo.national_build import build_national
from dashboard.demo.province import SIZES
from dashboard.metrics import clock
from dashboard.metrics.backtest import backtest, readable_levels
from dashboard.metrics.backtest_text import LEVEL_WORDS, backtest_table
from dashboard.metrics.chains import DIMENSIONS, Scope, UnknownCode, chain_report
from dashboard.metrics.forecast_basis import LEVELS
from dashboard.metrics.formatting import format_count, format_money_short, format_percent
from dashboard.metrics.narrative import actor_of, budget_scope, report_paragraph
from dashboard.metrics.on_track import on_track
from dashboard.metrics.on_track_text import on_track_sentence


NATIONAL = "national"


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of every subcommand."""
    common = database_option()
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Số liệu thi hành án dân sự.")
    commands = parser.add_subparsers(dest="command", required=True)

    importing = commands.add_parser("import", parents=[common], help="nhập thư mục CSV, tệp .zip hoặc tệp .xlsx")
    importing.add_argument("path", help="thư mục chứa don_vi.csv, chap_hanh_vien.csv, viec.csv, ..., tệp .zip các "
                                        "tệp CSV đó hoặc tệp .xlsx")

    report = commands.add_parser("report", parents=[common], help="in báo cáo kết quả thi hành án")
    report.add_argument("--end", type=iso_day, default=clock.today(), help="ngày cuối kỳ, YYYY-MM-DD")
    add_scope_options(report)
    report.add_argument("--by", choices=DIMENSIONS, help="chia theo đơn vị, tỉnh, chấp hành viên, nhóm, ...")
    report.add_argument("--format", choices=("json", "text"), default="text")

    check = commands.add_parser("backtest", parents=[common],
                                help="kiểm định dự báo đến 30/9 trên các năm công tác đã qua")
    check.add_argument("--level", choices=LEVELS, help="chỉ một cấp: tỉnh, đơn vị hoặc chấp hành viên")
    check.add_argument("--as", dest="as_login", metavar="LOGIN",
                       help="chỉ các phạm vi tài khoản này được xem, ở cấp của nó và các cấp dưới")

    add_user_parser(commands)
    add_link_parser(commands)
    add_month_parsers(commands)
    add_flow_watch_parsers(commands)

    demo = commands.add_parser("demo", parents=[common], help="tạo lại cơ sở dữ liệu mẫu")
    demo.add_argument("--size", choices=(*SIZES, NATIONAL), default="province",
                      help="national: cả nước, khoảng 5 triệu việc, nạp hàng loạt (mất vài phút)")
    return parser


def _run_import(args) -> int:
    engine = open_engine(args.db)
    try:
        summary = run_import(engine, args.path, operator(), clock.now)[1]
    except ImportBusy as busy:
        print(str(busy), file=sys.stderr)
        return 1
    except ImportRejected as rejected:
        print(f"Không nhập được {args.path}: có {rejected.total} lỗi, chưa ghi gì vào cơ sở dữ liệu.", file=sys.stderr)
        print(rejected.describe(), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    for name, count in summary.counts.items():
        print(f"{name}: {format_count(count)} dòng")
    if summary.replaced_cases:
        print(f"Thay thế {format_count(summary.replaced_cases)} việc đã có.")
    return 0


def _by_table(report: dict) -> str:
    lines = [f"{'Mã':<12} {'Tên':<44} {'Xong/Có ĐK':>15} {'Tỷ lệ việc':>11} {'Tiền xong':>18} {'Tỷ lệ tiền':>11}"]
    for row in report["rows"]:
        cases, money = row["cases"], row["money"]
        done = f"{format_count(cases['completed'])}/{format_count(cases['enforceable'])}"
        lines.append(f"{row['key']:<12} {row['name'][:44]:<44} {done:>15} {format_percent(cases['rate']):>11} "
                     f"{format_money_short(money['completed']):>18} {format_percent(money['rate']):>11}")
    return "\n".join(lines)


def _run_report(args) -> int:
    if refused_future(args.end):
        return 2
    engine = open_for_reading(args.db)
    try:
        reader, scope = reader_for(engine, args.as_login, scope_of(args))
        report = chain_report(reader, args.end, scope, args.by)
        if args.format == "json":
            print(json.dumps(on_track(reader, args.end, report, scope, args.by), ensure_ascii=False, indent=2))
        elif args.by:
            print(_by_table(report))
        else:
            narrowed = budget_scope(scope)
            budget = chain_report(reader, args.end, narrowed) if narrowed else None
            print(report_paragraph(report, budget, actor=actor_of(scope)))
            sentence = on_track_sentence(on_track(reader, args.end, report, scope))
            if sentence:
                print(sentence)
    finally:
        engine.dispose()
    return 0


def _run_backtest(args) -> int:
    engine = open_dashboard_engine(args.db, lambda: print("Đang tạo cơ sở dữ liệu mẫu lần đầu...", file=sys.stderr))
    try:
        reader = reader_for(engine, args.as_login, Scope())[0]
        levels = readable_levels(reader)
        if args.level and args.level not in levels:
            print(f"Tài khoản {args.as_login} không xem được cấp {LEVEL_WORDS[args.level]}.", file=sys.stderr)
            return 2
        for level in [args.level] if args.level else levels:
            years, scores = backtest(reader, level)
            print(backtest_table(level, years, scores), end="\n\n")
    finally:
        engine.dispose()
    return 0


def _run_demo(args) -> int:
    engine = open_engine(args.db)
    try:
        if args.size == NATIONAL:
            try:
                counts = build_national(engine, size=NATIONAL, progress=sys.stderr).counts
            except BrokenProcessPool:
                print("Một tiến trình sinh dữ liệu đã dừng giữa chừng (thường do máy thiếu bộ nhớ); cơ sở dữ liệu "
                      "vẫn giữ nguyên như trước khi chạy.", file=sys.stderr)
                return 1
            written = counts["cases"], counts["officers"], counts["units"]
        else:
            province = build_demo(engine, args.size)
            written = len(province.cases), len(province.officers), len(province.units)
    finally:
        engine.dispose()
    cases, officers, units = map(format_count, written)
    print(f"Đã tạo cơ sở dữ liệu mẫu: {cases} việc, {officers} chấp hành viên, {units} đơn vị.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand and return the process exit code."""
    args = build_parser().parse_args(argv)
    runner = {"import": _run_import, "report": _run_report, "backtest": _run_backtest, "demo": _run_demo,
              "user": run_user, "audit": run_audit, "display-link": run_display_link, **month_runners(),
              **flow_watch_runners()}[args.command]
    try:
        return runner(args)
    except DatabaseUnavailable as error:
        print(str(error), file=sys.stderr)
        return 2
    except (UnknownCode, NotPermitted) as error:
        print(str(error), file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Không đọc được {getattr(error, 'filename', '') or ''}: {error.strerror or error}", file=sys.stderr)
        return 2
