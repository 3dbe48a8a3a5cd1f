"""Files as they leave real systems and spreadsheets (domain.md section 7), and hostile files: accepted or refused
with one clear message per file, within limits checked before the rows are read, and nothing written."""

import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from data_access.codes import EXCHANGE_COLUMNS
from data_access.exchange import reading
from data_access.exchange.files import write_folder, write_workbook
from data_access.exchange.importer import ImportRejected, import_path
from dashboard.metrics.chains import chain_report
from tests.data_access.samples import GOOD, M, row_counts
from tests.support.builders import case, frame
from tests.support.readers import operator

END = date(2023, 12, 31)
# Vietnamese text that every single-byte code page below can or cannot hold; Latin-1 holds only part of it.
NAME = "Phòng Thi hành án dân sự khu vực Hạ Long"


def _rewrite(folder, encode):
    for stem in EXCHANGE_COLUMNS:
        path = folder / f"{stem}.csv"
        path.write_bytes(encode(path.read_text(encoding="utf-8")))


def _refusal(db, source):
    with pytest.raises(ImportRejected) as caught:
        import_path(db, source)
    assert row_counts(db)["cases"] == 0
    return caught.value.errors


def test_utf8_with_a_byte_order_mark_and_crlf_line_ends_is_accepted_for_every_file(db, tmp_path):
    write_folder(GOOD, tmp_path)
    _rewrite(tmp_path, lambda text: "\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8"))
    assert (tmp_path / "viec.csv").read_bytes().startswith(b"\xef\xbb\xbfma_viec,")
    import_path(db, tmp_path)
    assert chain_report(operator(db), END)["cases"]["caseload"] == 2


def test_a_sheet_whose_header_begins_with_a_byte_order_mark_is_accepted(db, tmp_path):
    path = tmp_path / "du_lieu.xlsx"
    write_workbook(GOOD, path)
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        sheet["A1"] = "\ufeff" + sheet["A1"].value
    workbook.save(path)
    import_path(db, path)
    assert chain_report(operator(db), END)["money"]["caseload"] == 30 * M


@pytest.mark.parametrize(("encoding", "named"), [
    pytest.param("utf-16", "UTF-16", id="utf-16-with-bom"),
    pytest.param("utf-16-le", "UTF-16", id="utf-16-le-without-bom"),
    pytest.param("cp1258", "Windows-1258", id="windows-1258"),
    pytest.param("latin-1", "Latin-1", id="latin-1"),
])
def test_any_other_encoding_is_refused_with_one_message_per_file(db, tmp_path, encoding, named):
    write_folder(GOOD, tmp_path)
    (tmp_path / "don_vi.csv").write_text("ma_don_vi,ten_don_vi,cap,ma_don_vi_cha\nT01,Cục THADS tỉnh,tinh,\n"
                                         f"H01,{NAME},khu_vuc,T01\nH02,Chi cục Tây,huyen,T01\n", encoding="utf-8")
    _rewrite(tmp_path, lambda text: text.encode(encoding, errors="replace"))
    errors = _refusal(db, tmp_path)
    # every file holds Vietnamese or NUL bytes in these encodings, except the ASCII-only ones, which are UTF-8
    refused = {issue.file for issue in errors}
    assert all(issue.rule == "encoding" for issue in errors) and len(errors) == len(refused)
    assert "don_vi.csv" in refused
    message = next(issue.message for issue in errors if issue.file == "don_vi.csv")
    assert named in message and "UTF-8" in message and "CSV UTF-8" in message


def test_a_text_file_named_xlsx_is_refused_in_vietnamese(db, tmp_path):
    path = tmp_path / "du_lieu.xlsx"
    path.write_text("ma_viec,so_quyet_dinh\nV1,1\n", encoding="utf-8")
    [issue] = _refusal(db, path)
    assert (issue.file, issue.rule) == ("du_lieu.xlsx", "source")
    assert "không phải tệp Excel" in issue.message and "zip" not in issue.message.lower()


def _never_opened(*args, **kwargs):
    raise AssertionError("the workbook was opened")


def test_a_workbook_larger_than_the_limit_once_unpacked_is_refused_before_it_is_read(db, tmp_path, monkeypatch):
    path = tmp_path / "du_lieu.xlsx"
    write_workbook(GOOD, path)
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", unpacked - 1)
    monkeypatch.setattr("openpyxl.load_workbook", _never_opened)
    [issue] = _refusal(db, path)
    assert (issue.file, issue.rule) == ("du_lieu.xlsx", "size") and "giải nén" in issue.message


def test_a_sheet_with_more_rows_than_the_limit_is_refused_before_it_is_read(db, tmp_path, monkeypatch):
    path = tmp_path / "du_lieu.xlsx"
    rows = [case(f"V{n}", "2023-06-01", M) for n in range(6)]
    write_workbook({**GOOD, "viec": frame("viec", rows)}, path)
    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    monkeypatch.setattr("openpyxl.load_workbook", _never_opened)
    [issue] = _refusal(db, path)
    assert (issue.file, issue.line, issue.rule) == ("du_lieu.xlsx", 0, "size")
    assert issue.message == "tệp Excel có trang 7 dòng, vượt giới hạn 5 dòng của một lần nhập"


@pytest.mark.parametrize("limit", ["MAX_FILE_BYTES", "MAX_ROWS"])
def test_a_csv_file_over_a_limit_is_refused(db, tmp_path, monkeypatch, limit):
    write_folder({**GOOD, "viec": frame("viec", [case(f"V{n}", "2023-06-01", M) for n in range(6)])}, tmp_path)
    monkeypatch.setattr(reading, limit, 5 if limit == "MAX_ROWS" else 100)
    errors = _refusal(db, tmp_path)
    assert ("viec.csv", "size") in [(issue.file, issue.rule) for issue in errors]
    assert all(issue.rule == "size" for issue in errors)


def test_a_cell_longer_than_the_csv_limit_is_refused_on_its_line(db, tmp_path):
    write_folder(GOOD, tmp_path)
    path = tmp_path / "don_vi.csv"
    path.write_text(path.read_text(encoding="utf-8") + f"H09,{'x' * (reading.MAX_CELL_CHARS + 1)},huyen,T01\n",
                    encoding="utf-8")
    [issue] = _refusal(db, tmp_path)
    assert (issue.file, issue.line, issue.rule) == ("don_vi.csv", 5, "columns")
    assert "dài quá" in issue.message


def test_a_csv_file_wrong_in_shape_on_its_last_line_is_refused_without_its_rows_being_kept(db, tmp_path,
                                                                                          monkeypatch):
    write_folder(GOOD, tmp_path)
    path = tmp_path / "viec.csv"
    path.write_text(path.read_text(encoding="utf-8") + "V9,9/QĐ-THADS\n", encoding="utf-8")
    built = []
    make_table = reading.make_table
    monkeypatch.setattr(reading, "make_table", lambda rows, columns, lines: built.append(columns[:2])
                        or make_table(rows, columns, lines))
    [issue] = _refusal(db, tmp_path)
    assert (issue.file, issue.line, issue.rule) == ("viec.csv", 4, "columns")
    assert ["ma_viec", "so_quyet_dinh"] not in built and ["ma_don_vi", "ten_don_vi"] in built
