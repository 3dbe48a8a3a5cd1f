"""`display-link create|list|revoke` on the command line: the address on the last line, plain refusals."""

from datetime import date, timedelta

from data_access.display_links import TOKEN_PARAMETER, link_of_token
from data_access.engine import open_engine
from tests.cli.support import run_cli, url_of

LATER = (date.today() + timedelta(days=30)).isoformat()


def test_create_prints_the_address_last_and_list_and_revoke_manage_it(sample_db, capsys):
    url = url_of(sample_db)
    code, out, err = run_cli(capsys, "display-link", "create", "--db", url, "--unit", "H01", "--expires", LATER)
    assert (code, err) == (0, "")
    address = out.splitlines()[-1]
    assert address.startswith(f"/trinh_chieu?{TOKEN_PARAMETER}=")
    token = address.split("=", 1)[1]
    engine = open_engine(url)
    link = link_of_token(engine, token)
    engine.dispose()
    assert (link.unit, link.expires_on.isoformat()) == ("H01", LATER)
    code, out, _ = run_cli(capsys, "display-link", "list", "--db", url)
    assert code == 0 and token not in out
    assert out.splitlines()[1].split()[:3] == [str(link.id), "H01", date.fromisoformat(LATER).strftime("%d/%m/%Y")]
    assert "còn hiệu lực" in out
    assert run_cli(capsys, "display-link", "revoke", "--db", url, str(link.id))[:2] == (
        0, f"Đã thu hồi đường link trình chiếu số {link.id} (H01).\n")
    assert "đã thu hồi" in run_cli(capsys, "display-link", "list", "--db", url)[1]


def test_a_wrong_scope_or_date_is_refused_in_plain_words(sample_db, capsys):
    url = url_of(sample_db)
    assert run_cli(capsys, "display-link", "create", "--db", url, "--unit", "KHONG", "--expires", LATER) == (
        2, "", "Không có đơn vị mã 'KHONG'.\n")
    assert run_cli(capsys, "display-link", "create", "--db", url, "--expires", "2020-01-01") == (
        2, "", "Ngày hết hạn 01/01/2020 đã qua.\n")
    assert run_cli(capsys, "display-link", "revoke", "--db", url, "99") == (
        2, "", "Không có đường link trình chiếu số 99.\n")
