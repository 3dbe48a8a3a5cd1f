"""A workbook's rows: counted on its compressed sheets before they are read, whatever size a sheet states of itself,
and a damaged or gapped sheet refused with a message, never a traceback."""

import io
import re
import zipfile
from datetime import date

import pytest

from data_access.exchange import reading, sheet_rows
from data_access.exchange.files import write_workbook
from data_access.exchange.importer import ImportRejected, import_path
from dashboard.metrics.chains import chain_report
from tests.data_access.samples import GOOD, M, row_counts
from tests.support.readers import operator

END = date(2023, 12, 31)
# Only the units' sheet, the first one written, has this column.
FIRST_SHEET = b"<t>ma_don_vi_cha</t>"


def _archive(parts: dict[str, bytes]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return zipfile.ZipFile(buffer)


def _sheet(rows: str, prefix: str = "") -> bytes:
    return (f'<?xml version="1.0"?><{prefix}worksheet xmlns{":" + prefix[:-1] if prefix else ""}="http://x">'
            f'<{prefix}dimension ref="A1"/><{prefix}sheetData>{rows}</{prefix}sheetData>'
            f'<{prefix}rowBreaks count="1"><{prefix}brk id="2"/></{prefix}rowBreaks></{prefix}worksheet>').encode()


@pytest.mark.parametrize("chunk", [1024 * 1024, 7, 3])
def test_row_elements_are_counted_across_chunks_in_every_written_form(monkeypatch, chunk):
    monkeypatch.setattr(sheet_rows, "_CHUNK_BYTES", chunk)
    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><row>\n</row><row\tr="9" spans="1:4"/>'
    archive = _archive({
        "xl/worksheets/sheet1.xml": _sheet(rows),
        "xl/worksheets/sheet2.xml": _sheet('<x:row r="1"/><x:row r="2"></x:row>', prefix="x:"),
        "xl/worksheets/sheet3.xml": _sheet(""),
        "xl/sharedStrings.xml": b'<sst><si><t>&lt;row r="1"/&gt;</t></si></sst>',
    })
    assert sheet_rows.sheet_rows(archive) == {"xl/worksheets/sheet1.xml": 4, "xl/worksheets/sheet2.xml": 2,
                                              "xl/worksheets/sheet3.xml": 0}


def _rewrite_sheets(path, change) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, change(data) if name.startswith("xl/worksheets/") else data)


def test_a_sheet_stating_a_smaller_size_than_it_holds_is_read_whole(db, tmp_path):
    path = tmp_path / "du_lieu.xlsx"
    write_workbook(GOOD, path)
    _rewrite_sheets(path, lambda data: re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1"/>', data))
    import_path(db, path)
    assert row_counts(db)["cases"] == 2
    assert chain_report(operator(db), END)["money"]["caseload"] == 30 * M


def test_a_sheet_whose_row_numbers_jump_past_the_limit_is_refused_on_the_row(db, tmp_path, monkeypatch):
    path = tmp_path / "du_lieu.xlsx"
    write_workbook(GOOD, path)
    # One row element far down: the count of row elements passes, and the reader fills the rows before it.
    far = b'<row r="40"><c r="A40" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    _rewrite_sheets(path, lambda data: data.replace(b"</sheetData>", far) if FIRST_SHEET in data else data)
    monkeypatch.setattr(reading, "MAX_ROWS", 20)
    with pytest.raises(ImportRejected) as caught:
        import_path(db, path)
    assert [(issue.file, issue.line, issue.rule) for issue in caught.value.errors] == [
        ("don_vi.csv", 22, "size")]
    assert row_counts(db)["cases"] == 0


def test_a_workbook_with_a_damaged_sheet_is_refused_as_damaged(db, tmp_path):
    path = tmp_path / "du_lieu.xlsx"
    write_workbook(GOOD, path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        sheet = next(info for info in archive.infolist() if info.filename.startswith("xl/worksheets/"))
    # The first bytes of the sheet's compressed data, past its local header, flipped.
    start = sheet.header_offset + 30 + len(sheet.filename.encode()) + len(sheet.extra)
    for offset in range(start, start + 8):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ImportRejected) as caught:
        import_path(db, path)
    [issue] = caught.value.errors
    assert (issue.file, issue.rule) == ("du_lieu.xlsx", "source") and "bị hỏng" in issue.message
