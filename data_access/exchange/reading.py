"""Reading the exchange files as they leave real systems, within limits that bound time and memory: a CSV file
streamed row by row (UTF-8 with or without a byte-order mark, LF or CRLF line ends), an .xlsx workbook checked by
its uncompressed size and its rows before its sheets are read (domain.md section 7)."""

import codecs
import csv
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path

import charset_normalizer
import pandas as pd

from data_access.codes import EXCHANGE_COLUMNS
from data_access.exchange.files import ImportIssue, file_name, make_table
from data_access.exchange.sheet_rows import sheet_rows

# A province's monthly export is tens of megabytes. Past these limits a file is an accident or an attack, and
# reading it would hold the server's memory and time; it is refused before its rows are read.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 2_000_000
# The longest cell the csv module reads; every column is far shorter (cells.MAX_LENGTHS).
MAX_CELL_CHARS = csv.field_size_limit()
_ENCODING_SAMPLE_BYTES = 64 * 1024
_SAVE_AS_UTF8 = ("hãy lưu lại dưới dạng UTF-8: trong Excel chọn Lưu thành (Save As) > CSV UTF-8 (Comma delimited) "
                 "(*.csv); trong LibreOffice chọn bộ ký tự Unicode (UTF-8)")
_SAVE_AS_XLSX = "hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (*.xlsx), hoặc gửi các tệp CSV"


def megabytes(size: int) -> str:
    """Return a size in bytes as whole megabytes, written the Vietnamese way."""
    return f"{size / 1024 / 1024:,.0f} MB".replace(",", ".")


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _encoding_found(sample: bytes) -> str:
    """Return the name of the encoding a file that is not UTF-8 seems to be in, in Vietnamese."""
    if sample.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    best = charset_normalizer.from_bytes(sample).best()
    guess = best.encoding if best is not None else ""
    if guess.startswith(("utf_16", "utf_32")):
        return guess[:6].upper().replace("_", "-")
    # Vietnamese in Windows-1258 and Latin text in Windows-1252 or Latin-1 share their bytes: no detector tells
    # them apart on a short file, so the message names the family.
    return "một bảng mã một byte như Windows-1258, Windows-1252 hoặc Latin-1"


def _first_line_not_utf8(path: Path) -> int:
    """Return the line holding the file's first byte that is not UTF-8, reading it a chunk at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with path.open("rb") as raw:
        for chunk in iter(lambda: raw.read(_ENCODING_SAMPLE_BYTES), b""):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return line + chunk[:max(error.start, 0)].count(b"\n")
            line += chunk.count(b"\n")
    return line


def _encoding_issue(path: Path, sample: bytes, line: int = 0) -> ImportIssue:
    return ImportIssue(path.name, line, "encoding", f"tệp không phải mã UTF-8 (có vẻ là {_encoding_found(sample)}); "
                                                    f"{_SAVE_AS_UTF8}")


def _read_csv(path: Path, issues: list[ImportIssue]) -> pd.DataFrame | None:
    name = path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        issues.append(ImportIssue(name, 0, "size", f"tệp {megabytes(size)}, vượt giới hạn "
                                                   f"{megabytes(MAX_FILE_BYTES)} của một lần nhập"))
        return None
    with path.open("rb") as raw:
        sample = raw.read(_ENCODING_SAMPLE_BYTES)
    # UTF-16 and UTF-32 text holds NUL bytes that are valid UTF-8; no exchange file holds one.
    if b"\x00" in sample or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        issues.append(_encoding_issue(path, sample))
        return None
    found = len(issues)
    # The first pass keeps no row, so a file wrong in shape anywhere, its last line included, is refused in the
    # memory of one line; only a file sound in shape is read again into a table.
    _scan_csv(path, sample, issues, keep=False)
    if len(issues) > found:
        return None
    return _scan_csv(path, sample, issues, keep=True)


def _scan_csv(path: Path, sample: bytes, issues: list[ImportIssue], *, keep: bool) -> pd.DataFrame | None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            return _csv_rows(path.name, reader, issues, keep)
        except UnicodeDecodeError:
            issues.append(_encoding_issue(path, sample, _first_line_not_utf8(path)))
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                message = f"một ô dài quá {_count(MAX_CELL_CHARS)} ký tự"
            else:
                message = "dòng không đúng dạng CSV (dấu ngoặc kép không đóng hoặc ký tự lạ)"
            issues.append(ImportIssue(path.name, reader.line_num, "columns", f"không đọc được CSV: {message}"))
    return None


def _csv_rows(name: str, reader, issues: list[ImportIssue], keep: bool) -> pd.DataFrame | None:
    header = next(reader, None)
    if header is None:
        issues.append(ImportIssue(name, 1, "columns", "tệp rỗng, thiếu dòng tiêu đề"))
        return None
    header = [cell.strip() for cell in header]
    rows, lines, count = [], [], 0
    for row in reader:
        if count >= MAX_ROWS:
            issues.append(ImportIssue(name, reader.line_num, "size",
                                      f"tệp có hơn {_count(MAX_ROWS)} dòng, vượt giới hạn của một lần nhập"))
            return None
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            issues.append(ImportIssue(name, reader.line_num, "columns",
                                      f"dòng có {len(row)} cột, tiêu đề có {len(header)} cột"))
            continue
        count += 1
        if keep:
            rows.append([cell.strip() for cell in row])
            lines.append(reader.line_num)
    return make_table(rows, header, lines) if keep else None


def read_folder(folder: str | Path) -> tuple[dict[str, pd.DataFrame], list[ImportIssue]]:
    """Return the tables found in a folder of CSV files (by file stem) and the issues met while reading them."""
    folder = Path(folder)
    issues: list[ImportIssue] = []
    tables = {}
    for stem in EXCHANGE_COLUMNS:
        path = folder / file_name(stem)
        if path.is_file():
            frame = _read_csv(path, issues)
            if frame is not None:
                tables[stem] = frame
    return tables, issues


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _damaged_workbook(path: Path) -> ImportIssue:
    return ImportIssue(path.name, 0, "source", f"tệp Excel bị hỏng hoặc không đúng dạng .xlsx; {_SAVE_AS_XLSX}")


def _workbook_issue(path: Path) -> ImportIssue | None:
    """Return why a workbook cannot be read safely (not a zip, too large unpacked, a sheet of too many rows), or
    None; the sheets' rows are counted on the compressed parts, before a reader parses them."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return ImportIssue(path.name, 0, "source", f"tệp không phải tệp Excel .xlsx; {_SAVE_AS_XLSX}")
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_FILE_BYTES:
            return ImportIssue(path.name, 0, "size", f"tệp Excel giải nén ra {megabytes(unpacked)}, vượt giới "
                                                     f"hạn {megabytes(MAX_FILE_BYTES)} của một lần nhập")
        try:
            rows = max(sheet_rows(archive).values(), default=0)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            return _damaged_workbook(path)
    if rows > MAX_ROWS + 1:
        return ImportIssue(path.name, 0, "size", f"tệp Excel có trang {_count(rows)} dòng, vượt giới hạn "
                                                 f"{_count(MAX_ROWS)} dòng của một lần nhập")
    return None


def _sheet_table(stem: str, sheet, issues: list[ImportIssue]) -> pd.DataFrame | None:
    name = file_name(stem)
    # The size a sheet states of itself may be wrong, and a reader trusting it drops the rows past it.
    sheet.reset_dimensions()
    rows_iter = sheet.iter_rows(values_only=True)
    header = [_cell_text(value) for value in next(rows_iter, ())]
    if header:
        header[0] = header[0].removeprefix("\ufeff")
    while header and header[-1] == "":
        header.pop()
    rows, lines = [], []
    for number, values in enumerate(rows_iter, start=2):
        if number > MAX_ROWS + 1:
            issues.append(ImportIssue(name, number, "size", f"trang {stem} có hơn {_count(MAX_ROWS)} dòng, vượt "
                                                            "giới hạn của một lần nhập"))
            return None
        cells = [_cell_text(value) for value in values]
        if not any(cells):
            continue
        cells = (cells + [""] * len(header))[: len(header)] if not any(cells[len(header):]) else cells
        if len(cells) != len(header):
            issues.append(ImportIssue(name, number, "columns",
                                      f"dòng có {len(cells)} cột, tiêu đề có {len(header)} cột"))
            continue
        rows.append(cells)
        lines.append(number)
    return make_table(rows, header, lines)


def read_workbook(path: str | Path) -> tuple[dict[str, pd.DataFrame], list[ImportIssue]]:
    """Return the tables of an .xlsx workbook (one sheet per file stem) and the issues met while reading it."""
    from openpyxl import load_workbook

    path = Path(path)
    refused = _workbook_issue(path)
    if refused is not None:
        return {}, [refused]
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds, in English, for a damaged file
        return {}, [_damaged_workbook(path)]
    issues: list[ImportIssue] = []
    tables = {}
    try:
        for stem in EXCHANGE_COLUMNS:
            if stem in workbook.sheetnames:
                frame = _sheet_table(stem, workbook[stem], issues)
                if frame is not None:
                    tables[stem] = frame
    finally:
        workbook.close()
    return tables, issues
