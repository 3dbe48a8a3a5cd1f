"""The exchange format's files: the issues found in them, their rows as tables, and writing them (a folder of CSV
files or one .xlsx workbook with a sheet per file). Reading them, within limits, is `reading`."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd


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


def make_table(rows: list[list[str]], columns: list[str], lines: list[int]) -> pd.DataFrame:
    """Return the rows of one exchange file as a DataFrame of text, remembering each row's source line."""
    frame = pd.DataFrame(rows, columns=columns, dtype=object) if rows else pd.DataFrame(columns=columns, dtype=object)
    frame.attrs["lines"] = lines
    return frame


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
