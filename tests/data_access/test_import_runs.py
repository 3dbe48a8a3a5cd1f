"""Imports as people run them: a .zip of CSV files read as a folder is, one import at a time, each recorded in the
history and on the trail with its phases told in order; a broken archive or row writes nothing."""

import zipfile
from datetime import datetime

import pytest

from data_access.audit import audit_trail
from data_access.data_version import current_version, data_state
from data_access.exchange.files import ImportRejected, write_folder
from data_access.exchange.runs import ImportBusy, import_history, run_import
from data_access.exchange.sources import read_source
from data_access.month_schema import import_lock
from tests.data_access.samples import GOOD, row_counts

AT = datetime(2024, 1, 5, 8, 0)


def _zip(tmp_path, tables, name="thang.zip", folder="", extra=()):
    source = tmp_path / "csv"
    write_folder(tables, source)
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for csv_file in sorted(source.iterdir()):
            archive.write(csv_file, f"{folder}{csv_file.name}")
        for member, text in extra:
            archive.writestr(member, text)
    return path


def test_a_zip_of_csv_files_reads_as_its_folder_wherever_the_files_sit(tmp_path):
    path = _zip(tmp_path, GOOD, folder="thang_12/", extra=[("__MACOSX/._viec.csv", "x"), ("doc_truoc.txt", "x")])
    tables, issues = read_source(path)
    assert issues == []
    assert {stem: len(frame) for stem, frame in tables.items()} == {stem: len(frame) for stem, frame in GOOD.items()}


@pytest.mark.parametrize(("content", "rule"), [(b"PK\x03\x04 not really a zip", "archive"), (b"", "archive")])
def test_a_damaged_zip_is_one_plain_finding(tmp_path, content, rule):
    path = tmp_path / "hong.zip"
    path.write_bytes(content)
    tables, issues = read_source(path)
    assert tables == {} and [(issue.file, issue.line, issue.rule) for issue in issues] == [("hong.zip", 0, rule)]
    assert "tệp .zip bị hỏng" in issues[0].message


def test_a_zip_without_csv_files_or_with_two_of_one_name_is_refused(tmp_path):
    empty = tmp_path / "rong.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("ghi_chu.txt", "x")
    assert [issue.rule for issue in read_source(empty)[1]] == ["source"]
    twice = _zip(tmp_path, GOOD, name="hai.zip", extra=[("khac/viec.csv", "ma_viec\n")])
    assert [(issue.rule, issue.message) for issue in read_source(twice)[1]] == [
        ("archive", "tệp nén có hai tệp cùng tên viec.csv")]


def test_an_accepted_import_is_in_the_history_with_its_phases_and_a_new_version(db, tmp_path):
    phases = []
    before = current_version(db)
    run, summary = run_import(db, _zip(tmp_path, GOOD), "thongke", lambda: AT, source="thang.zip",
                              progress=phases.append)
    assert phases == ["reading", "checking", "writing", "figures"]
    assert (run.actor, run.source, run.result, run.findings, run.seconds) == ("thongke", "thang.zip", "accepted", 0,
                                                                              0.0)
    assert run.files == summary.counts == {f"{stem}.csv": len(frame) for stem, frame in GOOD.items()}
    assert run.units == {"H01", "H02"}
    assert current_version(db) != before
    assert data_state(db).imported_at == AT
    assert [(event.action, event.subject) for event in audit_trail(db)] == [("imported", "thang.zip")]


def test_a_rejected_import_writes_nothing_and_is_in_the_history_with_its_findings(db, tmp_path):
    run_import(db, _zip(tmp_path, GOOD), "thongke", lambda: AT)
    broken = {stem: frame.copy() for stem, frame in GOOD.items()}
    broken["viec"].loc[1, "ma_don_vi"] = "H99"
    before, version = row_counts(db), current_version(db)
    with pytest.raises(ImportRejected) as rejected:
        run_import(db, _zip(tmp_path, broken, name="loi.zip"), "thongke", lambda: AT, source="loi.zip")
    assert [(issue.file, issue.line, issue.rule) for issue in rejected.value.errors][:1] == [("viec.csv", 3, "code")]
    assert (row_counts(db), current_version(db)) == (before, version)
    latest = import_history(db)[0]
    assert (latest.source, latest.result, latest.findings) == ("loi.zip", "rejected", rejected.value.total)
    assert [event.action for event in audit_trail(db)] == ["imported", "import_rejected"]


def test_a_second_import_while_one_runs_is_refused_and_a_stale_lock_is_taken_over(db, tmp_path):
    with db.begin() as connection:
        connection.execute(import_lock.insert().values(name="import", actor="thongke2", since=AT))
    with pytest.raises(ImportBusy, match="thongke2 bắt đầu lúc 08:00 05/01/2024"):
        run_import(db, _zip(tmp_path, GOOD), "thongke", lambda: AT)
    assert import_history(db) == []
    run = run_import(db, _zip(tmp_path, GOOD), "thongke", lambda: datetime(2024, 1, 5, 15, 0))[0]
    assert run.result == "accepted"
    with db.connect() as connection:
        assert connection.execute(import_lock.select()).all() == []
