"""`close`, `reopen`, `revisions` and `export`: a period end closed or reopened by the statistician, what later
imports changed in a closed one, and the month's forms workbook or report PDF written to a file."""

import json
import sys
from pathlib import Path

from data_access.data_version import data_state
from data_access.engine import open_engine
from data_access.queries.closed import CannotClose, close_period, closed_period, reopen_period
from data_access.queries.viewing import OPERATOR, Reader
from dashboard.commands.reading import reader_for
from dashboard.cli_users import database_option, iso_day, operator
from dashboard.database import open_dashboard_engine
from dashboard.metrics import clock
from dashboard.metrics.chains import Scope
from dashboard.metrics.data_notes import closed_line, data_line
from dashboard.metrics.revisions import revisions
from dashboard.metrics.revisions_text import revisions_json, revisions_table
from dashboard.reports.bundle import month_bundle
from dashboard.reports.forms import report_forms
from dashboard.reports.monthly_pdf import monthly_pdf

FORMATS = ("xlsx", "pdf")


def add_month_parsers(commands) -> None:
    """Add `close`, `reopen`, `revisions` and `export` to the command line's subcommands."""
    common = database_option()
    for name, text in (("close", "chốt số liệu một kỳ báo cáo (ngày cuối tháng)"),
                       ("reopen", "mở lại một kỳ đã chốt")):
        commands.add_parser(name, parents=[common], help=text).add_argument(
            "--end", type=iso_day, required=True, help="ngày cuối kỳ, YYYY-MM-DD")
    changed = commands.add_parser("revisions", parents=[common],
                                  help="các số liệu của kỳ đã chốt mà các lần nhập sau đã làm thay đổi")
    changed.add_argument("--end", type=iso_day, required=True, help="ngày cuối kỳ đã chốt, YYYY-MM-DD")
    changed.add_argument("--format", choices=("json", "text"), default="text")
    export = commands.add_parser("export", parents=[common],
                                 help="ghi biểu mẫu thống kê (.xlsx) hoặc báo cáo tháng (.pdf) ra tệp")
    export.add_argument("--end", type=iso_day, required=True, help="ngày cuối kỳ, YYYY-MM-DD")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--out", required=True, help="tệp sẽ ghi")
    export.add_argument("--province", help="mã tỉnh: văn phòng tỉnh và mọi đơn vị trực thuộc")
    export.add_argument("--unit", help="mã đơn vị")
    export.add_argument("--officer", help="mã chấp hành viên")
    export.add_argument("--as", dest="as_login", metavar="LOGIN", help="chỉ trong phạm vi tài khoản này được xem")


def _run_close(args) -> int:
    engine = open_engine(args.db)
    try:
        closed = close_period(Reader(engine, OPERATOR), args.end, operator(), clock.now())
    except CannotClose as refused:
        print(str(refused), file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"Đã chốt số liệu kỳ báo cáo đến {args.end:%d/%m/%Y} lúc {closed.closed_at:%H:%M %d/%m/%Y}.")
    return 0


def _run_reopen(args) -> int:
    engine = open_engine(args.db)
    try:
        reopen_period(Reader(engine, OPERATOR), args.end, operator(), clock.now())
    except CannotClose as refused:
        print(str(refused), file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"Đã mở lại kỳ báo cáo đến {args.end:%d/%m/%Y}: các trang đọc số liệu hiện nay.")
    return 0


def _run_revisions(args) -> int:
    engine = open_engine(args.db)
    try:
        found = revisions(Reader(engine, OPERATOR), args.end)
    finally:
        engine.dispose()
    if found is None:
        print(f"Kỳ báo cáo đến {args.end:%d/%m/%Y} chưa được chốt.", file=sys.stderr)
        return 2
    closed, changes = found
    if args.format == "json":
        print(json.dumps(revisions_json(closed, changes), ensure_ascii=False, indent=2))
    else:
        print(revisions_table(closed, changes))
    return 0


def _run_export(args) -> int:
    if args.end > clock.today():
        print(f"Ngày cuối kỳ {args.end:%d/%m/%Y} còn ở tương lai; chọn một ngày đến hôm nay.", file=sys.stderr)
        return 2
    engine = open_dashboard_engine(args.db, lambda: print("Đang tạo cơ sở dữ liệu mẫu lần đầu...", file=sys.stderr))
    try:
        reader, scope = reader_for(engine, args.as_login, Scope(province=args.province, unit=args.unit,
                                                                officer=args.officer))
        bundle = month_bundle(reader, args.end, scope)
        closed = closed_period(engine, args.end)
        closed_note = None if closed is None else closed_line(closed)
        if args.format == "xlsx":
            document = report_forms(bundle, made_on=clock.today(), closed_note=closed_note)
        else:
            document = monthly_pdf(bundle, made_on=clock.today(), data_note=data_line(data_state(engine)),
                                   closed_note=closed_note)
    finally:
        engine.dispose()
    Path(args.out).write_bytes(document)
    print(f"Đã ghi {args.out}.")
    return 0


def month_runners() -> dict:
    """Return the runner of each of this module's subcommands, by name."""
    return {"close": _run_close, "reopen": _run_reopen, "revisions": _run_revisions, "export": _run_export}
