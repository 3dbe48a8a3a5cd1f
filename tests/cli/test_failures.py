"""The command line on bad input: an unknown code, a bad or future date, an unreachable database, in-process and as
a process; each a plain message and an exit code, never a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main
from tests.cli.support import UNREACHABLE, run_cli, url_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("option", "message"), [
    (["--unit", "NOPE"], "Không có đơn vị mã 'NOPE'."),
    (["--officer", "C99"], "Không có chấp hành viên mã 'C99'."),
    (["--group", "ngan_hang"], "Không có nhóm việc mã 'ngan_hang'."),
    (["--judgment-type", "dan"], "Không có loại bản án mã 'dan'."),
    (["--mode", "truc_tiep"], "Không có hình thức thụ lý mã 'truc_tiep'."),
])
def test_an_unknown_scope_code_exits_2_naming_it(sample_db, capsys, option, message):
    result = run_cli(capsys, "report", "--db", url_of(sample_db), "--end", "2023-12-31", *option)
    assert result == (2, "", message + "\n")


@pytest.mark.parametrize("bad", ["2023-02-30", "31/12/2023", "hôm nay"])
def test_a_bad_date_is_an_argument_error(capsys, bad):
    with pytest.raises(SystemExit) as caught:
        main(["report", "--db", "sqlite:///:memory:", "--end", bad])
    assert caught.value.code == 2
    assert f"ngày '{bad}' không đúng dạng YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["report", "--end", "2023-12-31"], ["import", "."], ["demo", "--size", "small"]])
def test_an_unreachable_database_exits_2_with_a_plain_message(capsys, command):
    code, out, err = run_cli(capsys, *command, "--db", UNREACHABLE)
    assert (code, out) == (2, "")
    assert err.startswith("Không kết nối được cơ sở dữ liệu postgresql+psycopg://postgres@127.0.0.1:1/x: ")
    assert len(err.splitlines()) == 1


def test_python_m_dashboard_reports_an_unreachable_database_without_a_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "report", "--end", "2023-12-31", "--db", UNREACHABLE],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": "."}, capture_output=True, text=True, encoding="utf-8",
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("Không kết nối được cơ sở dữ liệu postgresql+psycopg://postgres@127.0.0.1:1/x: ")
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_period_ending_in_the_future_is_refused(db, capsys):
    code, out, err = run_cli(capsys, "report", "--end", "2099-12-31", "--db", url_of(db))
    assert (code, out) == (2, "")
    assert err.strip() == "Ngày cuối kỳ 31/12/2099 còn ở tương lai; chọn một ngày đến hôm nay."

