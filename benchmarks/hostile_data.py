"""The files of the hostile-files benchmark, at full size, written a chunk at a time so making them stays small."""

import zipfile
from pathlib import Path

import pandas as pd

from data_access.exchange.files import file_name, write_folder

_CHUNK = 1024 * 1024
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
_SHEET_OPEN = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>')
_SHEET_CLOSE = "</sheetData></worksheet>"


def _workbook_xml(sheet: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>')


def _write_workbook(path: Path, sheet: str, parts, dimension: str = "") -> None:
    """Write a one-sheet .xlsx whose sheet XML is the given text parts, compressed as they come."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _workbook_xml(sheet))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet_xml:
            sheet_xml.write(_SHEET_OPEN.format(dimension=dimension).encode())
            for part in parts:
                sheet_xml.write(part.encode())
            sheet_xml.write(_SHEET_CLOSE.encode())


def _inline_row(number: int, values: list[str]) -> str:
    cells = "".join(f'<c r="{chr(65 + index)}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
                    for index, value in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def one_huge_cell(path: Path, characters: int) -> None:
    """Write a don_vi sheet whose one unit's name holds `characters` letters."""
    def parts():
        yield _inline_row(1, ["ma_don_vi", "ten_don_vi", "cap", "ma_don_vi_cha"])
        yield '<row r="2"><c r="A2" t="inlineStr"><is><t>T01</t></is></c><c r="B2" t="inlineStr"><is><t>'
        for start in range(0, characters, _CHUNK):
            yield "A" * min(_CHUNK, characters - start)
        yield '</t></is></c><c r="C2" t="inlineStr"><is><t>tinh</t></is></c></row>'
    _write_workbook(path, "don_vi", parts())


def empty_rows(path: Path, rows: int, *, dimension: bool) -> None:
    """Write a don_vi sheet of a header and `rows` empty rows, with or without the sheet's size in its header."""
    def parts():
        yield _inline_row(1, ["ma_don_vi", "ten_don_vi", "cap", "ma_don_vi_cha"])
        batch = 10_000
        for start in range(2, rows + 2, batch):
            yield "".join(f'<row r="{number}"/>' for number in range(start, min(start + batch, rows + 2)))
    _write_workbook(path, "don_vi", parts(), f'<dimension ref="A1:D{rows + 1}"/>' if dimension else "")


def one_far_row(path: Path, number: int) -> None:
    """Write a don_vi sheet of a header and one row numbered `number`, the rows between left out."""
    header = _inline_row(1, ["ma_don_vi", "ten_don_vi", "cap", "ma_don_vi_cha"])
    _write_workbook(path, "don_vi", [header, _inline_row(number, ["T01", "Thi hành án dân sự tỉnh A", "tinh", ""])])


def text_named_xlsx(path: Path) -> None:
    """Write a CSV text under an .xlsx name."""
    path.write_text("ma_don_vi,ten_don_vi,cap,ma_don_vi_cha\nT01,Thi hành án dân sự tỉnh A,tinh,\n",
                    encoding="utf-8")


def sparse_csv(folder: Path, size: int) -> None:
    """Write a viec.csv of `size` bytes that takes no room on disk."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / file_name("viec")).open("wb") as handle:
        handle.truncate(size)


def grown_cases(tables: dict[str, pd.DataFrame], folder: Path, size: int, *, bad_last_line: bool) -> int:
    """Write the reference files and a viec.csv of about `size` bytes, the cases repeated under new codes and
    without events; end it with a line of too few columns when asked. Return the number of case lines."""
    write_folder({stem: tables[stem] for stem in ("don_vi", "chap_hanh_vien", "chi_tieu")}, folder)
    viec = tables["viec"]
    written = 0
    with (folder / file_name("viec")).open("w", encoding="utf-8", newline="") as handle:
        viec.head(0).to_csv(handle, index=False)
        copy = 0
        while handle.tell() < size:
            copy += 1
            repeated = viec.assign(ma_viec=viec["ma_viec"] + f"-{copy}")
            repeated.to_csv(handle, index=False, header=False)
            written += len(repeated)
        if bad_last_line:
            handle.write("V-CUOI,1/QĐ-THADS,2024-01-05\n")
    return written
