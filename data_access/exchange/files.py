"""Reading and writing the exchange format: a folder of CSV files or one .xlsx workbook with a sheet per file."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from data_access.codes import EXCHANGE_COLUMNS

# Beyond this many issues the list stops growing; the total is still counted and reported.
MAX_LISTED_ISSUES = 200


@dataclass(frozen=True)
class ImportIssue:
    """One reason an import is refused: the file, the line (header = 1), the rule code and a Vietnamese message."""

    file: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, dòng {self.line}" if self.line else self.file
        return f"{where}: {self.message} [{self.rule}]"


class ImportRejected(Exception):
    """The import was refused and nothing was written; .errors lists the issues, .total counts them all."""

    def __init__(self, errors: list[ImportIssue], total: int | None = None):
        self.errors = errors[:MAX_LISTED_ISSUES]
        self.total = total if total is not None else len(errors)
        super().__init__(self.describe())

    def describe(self) -> str:
        """Return every listed issue, one per line, with a count of those left out."""
        lines = [str(issue) for issue in self.errors]
        if self.total > len(self.errors):
            lines.append(f"... và {self.total - len(self.errors)} lỗi khác")
        return "\n".join(lines)


def file_name(stem: str) -> str:
    """Return the CSV file name of a table stem."""
    return f"{stem}.csv"


def table_lines(frame: pd.DataFrame) -> list[int]:
    """Return the source line of each row of a table (header = line 1)."""
    return frame.attrs.get("lines") or list(range(2, len(frame) + 2))


def _table(rows: list[list[str]], columns: list[str], lines: list[int]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns, dtype=object) if rows else pd.DataFrame(columns=columns, dtype=object)
    frame.attrs["lines"] = lines
    return frame


def _read_csv(path: Path, issues: list[ImportIssue]) -> pd.DataFrame | None:
    name = path.name
    data = path.read_bytes()
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        issues.append(ImportIssue(name, data[: error.start].count(b"\n") + 1, "encoding", "tệp không phải mã UTF-8"))
        return None
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            issues.append(ImportIssue(name, 1, "columns", "tệp rỗng, thiếu dòng tiêu đề"))
            return None
        header = [cell.strip() for cell in header]
        rows, lines = [], []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                issues.append(ImportIssue(name, reader.line_num, "columns",
                                          f"dòng có {len(row)} cột, tiêu đề có {len(header)} cột"))
                continue
            rows.append([cell.strip() for cell in row])
            lines.append(reader.line_num)
    except csv.Error as error:
        issues.append(ImportIssue(name, reader.line_num, "columns", f"không đọc được CSV: {error}"))
        return None
    return _table(rows, header, lines)


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


def read_workbook(path: str | Path) -> tuple[dict[str, pd.DataFrame], list[ImportIssue]]:
    """Return the tables of an .xlsx workbook (one sheet per file stem) and the issues met while reading it."""
    from openpyxl import load_workbook

    issues: list[ImportIssue] = []
    tables = {}
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        return {}, [ImportIssue(Path(path).name, 0, "source", f"không mở được tệp Excel: {error}")]
    try:
        for stem in EXCHANGE_COLUMNS:
            if stem not in workbook.sheetnames:
                continue
            rows_iter = workbook[stem].iter_rows(values_only=True)
            header = [_cell_text(value) for value in next(rows_iter, ())]
            while header and header[-1] == "":
                header.pop()
            rows, lines = [], []
            for number, values in enumerate(rows_iter, start=2):
                cells = [_cell_text(value) for value in values]
                if not any(cells):
                    continue
                cells = (cells + [""] * len(header))[: len(header)] if not any(cells[len(header):]) else cells
                if len(cells) != len(header):
                    issues.append(ImportIssue(file_name(stem), number, "columns",
                                              f"dòng có {len(cells)} cột, tiêu đề có {len(header)} cột"))
                    continue
                rows.append(cells)
                lines.append(number)
            tables[stem] = _table(rows, header, lines)
    finally:
        workbook.close()
    return tables, issues


def read_source(path: str | Path) -> tuple[dict[str, pd.DataFrame], list[ImportIssue]]:
    """Return the tables of a CSV folder or an .xlsx workbook, and the issues met while reading it."""
    path = Path(path)
    if path.is_dir():
        tables, issues = read_folder(path)
    elif path.is_file() and path.suffix.lower() == ".xlsx":
        tables, issues = read_workbook(path)
    elif path.is_file() and path.suffix.lower() == ".csv":
        tables, issues = read_folder(path.parent)
        tables = {stem: frame for stem, frame in tables.items() if file_name(stem) == path.name}
    else:
        return {}, [ImportIssue(str(path), 0, "source", "không tìm thấy thư mục CSV hoặc tệp .xlsx này")]
    if not tables and not issues:
        expected = ", ".join(file_name(stem) for stem in EXCHANGE_COLUMNS)
        issues.append(ImportIssue(str(path), 0, "source", f"không có tệp dữ liệu nào ({expected})"))
    return tables, issues


def write_folder(tables: dict[str, pd.DataFrame], folder: str | Path) -> None:
    """Write each table as <stem>.csv in UTF-8 with a header row."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stem, frame in tables.items():
        frame.to_csv(folder / file_name(stem), index=False, encoding="utf-8")


def write_workbook(tables: dict[str, pd.DataFrame], path: str | Path) -> None:
    """Write the tables to one .xlsx workbook, a sheet per file stem, every cell as text."""
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for stem, frame in tables.items():
            frame.astype(str).to_excel(writer, sheet_name=stem, index=False)
