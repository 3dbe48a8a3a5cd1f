"""`flow` and `watch` on the command line: the JSON shapes other tools read, counted by hand on the sample, the
text for people, and the refusals."""

import json

from tests.cli.support import M, run_cli, url_of
from tests.cli.test_user import PASSWORD, _user

WINDOW = {"start": "2023-10-01", "end": "2023-12-31"}
EMPTY_BUCKETS = {name: {"cases": 0, "money": 0} for name in ("lt_6m", "6_12m", "1_2y", "2_5y", "ge_5y")}


def _json(capsys, db, command, *options):
    code, out, err = run_cli(capsys, command, "--db", url_of(db), "--end", "2023-12-31", "--format", "json",
                             *options)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_flow_prints_the_documented_shape_with_the_samples_figures(capsys, sample_db):
    # 92 days; V1 completed 153 days after its decision; V2 (hoãn c, 16 left) pending enforceable; V3 not
    # enforceable; new: V2 and V3.
    assert _json(capsys, sample_db, "flow") == {
        "window": WINDOW,
        "pending_enforceable": 1,
        "ageing": {"enforceable": EMPTY_BUCKETS | {"lt_6m": {"cases": 1, "money": 16 * M}},
                   "not_enforceable": EMPTY_BUCKETS | {"lt_6m": {"cases": 1, "money": 5 * M}}},
        "clearance_rate": 50.0, "disposition_days": 92, "median_days_to_completion": 153,
        "without_action": 0, "large": 0, "verification_due": 0,
    }


def test_flow_by_unit_gives_rows_with_key_and_name(capsys, sample_db):
    got = _json(capsys, sample_db, "flow", "--by", "unit")
    assert list(got) == ["window", "rows"] and got["window"] == WINDOW
    assert [(row["key"], row["name"]) for row in got["rows"]] == [("H01", "Chi cục THADS huyện Đông"),
                                                                  ("H02", "Chi cục THADS huyện Tây")]
    h01, h02 = got["rows"]
    assert (h01["pending_enforceable"], h01["clearance_rate"], h01["disposition_days"],
            h01["median_days_to_completion"]) == (0, 100.0, 0, 153)
    assert (h02["pending_enforceable"], h02["clearance_rate"], h02["disposition_days"],
            h02["median_days_to_completion"]) == (1, 0.0, None, None)


def test_watch_prints_the_documented_shape(capsys, sample_db):
    # V3 turned not enforceable on 10/11, not among November's last 7 days, while C03 held it.
    assert _json(capsys, sample_db, "watch") == {"window": WINDOW, "downgrades": 1, "late": 0, "late_share": 0.0,
                                                 "bounce_backs": 0}
    assert _json(capsys, sample_db, "watch", "--by", "officer") == {"window": WINDOW, "rows": [
        {"key": "C03", "name": "Lê Văn Cường", "downgrades": 1, "late": 0, "late_share": 0.0, "bounce_backs": 0}]}


def test_the_text_forms_speak_vietnamese(capsys, sample_db):
    code, out, err = run_cli(capsys, "flow", "--db", url_of(sample_db), "--end", "2023-12-31")
    assert (code, err) == (0, "")
    assert "Tỷ lệ giải quyết so với thụ lý mới: 50,00%" in out
    assert "Số ngày đến khi xong (trung vị): 153 ngày" in out
    assert "Từ 01/10/2023 đến 31/12/2023" == out.splitlines()[0]
    assert "Dưới 6 tháng 1 việc 16,0 triệu đồng" in [" ".join(line.split()) for line in out.splitlines()]
    code, out, err = run_cli(capsys, "watch", "--db", url_of(sample_db), "--end", "2023-12-31")
    assert (code, err) == (0, "")
    assert "Chuyển sang chưa có điều kiện: 1 việc" in out and "Tỷ lệ cuối tháng: 0,00%" in out


def test_scope_as_an_account_unknown_codes_and_future_ends(capsys, sample_db, monkeypatch):
    _user(capsys, monkeypatch, sample_db, "add", "chv.dung", "--role", "chv", "--officer", "C04", stdin=PASSWORD)
    assert _json(capsys, sample_db, "flow", "--as", "chv.dung")["pending_enforceable"] == 1
    assert _json(capsys, sample_db, "watch", "--as", "chv.dung")["downgrades"] == 0
    url = url_of(sample_db)
    assert run_cli(capsys, "flow", "--db", url, "--end", "2023-12-31", "--unit", "H01", "--as", "chv.dung") == (
        2, "", "Không có quyền xem đơn vị H01.\n")
    assert run_cli(capsys, "watch", "--db", url, "--end", "2023-12-31", "--unit", "X9") == (
        2, "", "Không có đơn vị mã 'X9'.\n")
    code, out, err = run_cli(capsys, "flow", "--db", url, "--end", "2999-01-31")
    assert (code, out) == (2, "") and "còn ở tương lai" in err
