"""The `user` command: accounts added with the password from standard input, listed, disabled, given a new
password, and every refusal said in plain words with exit code 2."""

import io
from datetime import datetime, timedelta, timezone

import pytest

from data_access.accounts import find_account, sign_in
from data_access.audit import audit_trail
from dashboard.metrics import clock
from tests.cli.support import END, run_cli, url_of

PASSWORD = "mat-khau-du-dai"


def _user(capsys, monkeypatch, db, *args, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return run_cli(capsys, "user", *args, "--db", url_of(db))


def test_an_account_is_added_with_the_password_read_from_standard_input(sample_db, capsys, monkeypatch):
    code, out, err = _user(capsys, monkeypatch, sample_db, "add", "truong.phong", "--role", "don_vi", "--unit", "H01",
                           "--name", "Trần Thị Bình", stdin=f"{PASSWORD}\n")
    assert (code, err) == (0, "")
    assert out == "Đã thêm tài khoản truong.phong (Lãnh đạo đơn vị, phạm vi H01).\n"
    assert sign_in(sample_db, "truong.phong", PASSWORD, END).account is not None
    code, out, _ = _user(capsys, monkeypatch, sample_db, "list")
    header, line = out.splitlines()
    assert header.split()[:2] == ["Tên", "đăng"]
    # The sign-in just checked is the last one.
    assert line.split() == ["truong.phong", "don_vi", "H01", "hoạt", "động", "31/12/2023", "00:00", "Trần", "Thị",
                            "Bình"]


def test_the_password_is_never_an_argument(sample_db, capsys):
    with pytest.raises(SystemExit):
        run_cli(capsys, "user", "add", "a.b", "--role", "quan_tri", "--password", PASSWORD, "--db", url_of(sample_db))
    assert "unrecognized arguments" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "stdin", "said"), [
    (("add", "x.y", "--role", "don_vi"), PASSWORD, "Vai trò don_vi cần --unit.\n"),
    (("add", "x.y", "--role", "don_vi", "--unit", "H99"), PASSWORD, "Không có đơn vị mã 'H99'.\n"),
    (("add", "x.y", "--role", "quan_tri"), "ngan", "Mật khẩu cần ít nhất 10 ký tự.\n"),
    (("disable", "ai.do"), "", "Không có tài khoản 'ai.do'.\n"),
])
def test_a_refused_change_says_why_and_writes_nothing(sample_db, capsys, monkeypatch, args, stdin, said):
    assert _user(capsys, monkeypatch, sample_db, *args, stdin=stdin) == (2, "", said)
    assert find_account(sample_db, "x.y") is None


def test_disable_and_a_new_password(sample_db, capsys, monkeypatch):
    _user(capsys, monkeypatch, sample_db, "add", "thong.ke", "--role", "thong_ke", stdin=PASSWORD)
    assert _user(capsys, monkeypatch, sample_db, "password", "thong.ke", stdin="mot-mat-khau-moi\n") == (
        0, "Đã đặt mật khẩu mới cho thong.ke.\n", "")
    assert sign_in(sample_db, "thong.ke", "mot-mat-khau-moi", END).account is not None
    assert _user(capsys, monkeypatch, sample_db, "disable", "thong.ke") == (0, "Đã khóa tài khoản thong.ke.\n", "")
    assert sign_in(sample_db, "thong.ke", "mot-mat-khau-moi", END).account is None
    assert "đã khóa" in _user(capsys, monkeypatch, sample_db, "list")[1]


def test_the_audit_command_prints_who_changed_what(sample_db, capsys, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "van-hanh")
    _user(capsys, monkeypatch, sample_db, "add", "thong.ke", "--role", "thong_ke", stdin=PASSWORD)
    _user(capsys, monkeypatch, sample_db, "disable", "thong.ke")
    code, out, err = run_cli(capsys, "audit", "--db", url_of(sample_db), "--since", "2000-01-01")
    assert (code, err) == (0, "")
    # The sample database's import is on the trail first.
    lines = [line.split("  ", 1)[1] for line in out.splitlines() if "tài khoản" in line]
    assert lines == ["máy chủ:van-hanh  thêm tài khoản  thong.ke (vai trò thong_ke, phạm vi toàn bộ)",
                     "máy chủ:van-hanh  khóa tài khoản  thong.ke"]
    assert run_cli(capsys, "audit", "--db", url_of(sample_db), "--since", "2999-01-01") == (0, "", "")


def test_report_as_an_account_reads_its_scope_and_refuses_what_lies_outside(sample_db, capsys, monkeypatch):
    _user(capsys, monkeypatch, sample_db, "add", "chv.dung", "--role", "chv", "--officer", "C04", stdin=PASSWORD)
    url = url_of(sample_db)
    code, out, err = run_cli(capsys, "report", "--db", url, "--end", "2023-12-31", "--format", "json", "--as",
                             "chv.dung")
    assert (code, err) == (0, "")
    own = run_cli(capsys, "report", "--db", url, "--end", "2023-12-31", "--format", "json", "--officer", "C04")[1]
    assert out == own
    code, out, err = run_cli(capsys, "report", "--db", url, "--end", "2023-12-31", "--unit", "H01", "--as",
                             "chv.dung")
    assert (code, out, err) == (2, "", "Không có quyền xem đơn vị H01.\n")
    code, _, err = run_cli(capsys, "report", "--db", url, "--end", "2023-12-31", "--as", "khong.co")
    assert (code, err) == (2, "Không có tài khoản 'khong.co'.\n")


def test_the_command_line_records_the_agencys_time_whatever_the_servers_zone(sample_db, capsys, monkeypatch):
    vietnam = datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(hours=7)
    assert abs(clock.now() - vietnam) < timedelta(seconds=5)
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 5, 1, 7, 30))
    _user(capsys, monkeypatch, sample_db, "add", "thong.ke", "--role", "thong_ke", stdin=PASSWORD)
    assert [event.at for event in audit_trail(sample_db) if event.subject == "thong.ke"] == [
        datetime(2026, 5, 1, 7, 30)]
