"""One table's rows read cell by cell: text that no real record holds refused, codes, dates and amounts checked
against the limits the database and the calendar can hold (domain.md section 7)."""

import re
from datetime import date

import pandas as pd

from data_access.exchange.files import ImportIssue, file_name, table_lines
from data_access.record_text import holds_forbidden_characters
from data_access.schema import cases, events, officers, units

# ASCII digits only: Python's \d and int() also read Arabic-Indic and other digits ("٣٠٠" as 300).
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INTEGER = re.compile(r"[0-9]+")
_CODE = re.compile(r"[A-Za-z0-9_.\-/]+")

# No decision or event of a real case falls outside these days; a date beyond them is a typing or export error.
PLAUSIBLE_DAYS = (date(1975, 1, 1), date(2100, 12, 31))
# The largest amount of one case or event, in đồng: under a million billion, far above any real judgment, and far
# enough below 2^63 that the chains' sums stay exact in either database.
MAX_AMOUNT = 999_999_999_999_999

# Each text column's longest value is its column's length in the schema, so both databases hold what is accepted.
MAX_LENGTHS = {
    "ma_don_vi": units.c.code.type.length,
    "ten_don_vi": units.c.name.type.length,
    "ma_don_vi_cha": units.c.code.type.length,
    "ma_chv": officers.c.code.type.length,
    "ho_ten": officers.c.name.type.length,
    "ma_viec": cases.c.code.type.length,
    "so_quyet_dinh": cases.c.decision_no.type.length,
    "chi_tiet": events.c.detail.type.length,
    "nguoi_phai_thi_hanh": cases.c.debtor.type.length,
    "nguoi_duoc_thi_hanh": cases.c.creditor.type.length,
    "ban_an_so": cases.c.judgment_no.type.length,
    "toa_an": cases.c.court.type.length,
    # Group codes joined by "|", each checked on its own.
    "nhom": 200,
}
# Columns of codes, numbers and dates: short in every real file.
OTHER_MAX_LENGTH = 32


def _vietnamese_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class Rows:
    """Iterates a table's rows as dicts with their line, and collects issues against that file."""

    def __init__(self, stem: str, frame: pd.DataFrame, issues: list[ImportIssue]):
        self.file = file_name(stem)
        self.frame = frame
        self.issues = issues
        self.line = 1
        # The current line's columns emptied for a refused text: reported once, not again as missing.
        self.refused: set[str] = set()

    def __iter__(self):
        columns = list(self.frame.columns)
        for line, values in zip(table_lines(self.frame), self.frame.itertuples(index=False, name=None)):
            self.line = line
            self.refused = set()
            row = dict(zip(columns, ("" if value is None else str(value).strip() for value in values)))
            yield {column: self._checked_text(column, value) for column, value in row.items()}

    def _checked_text(self, column: str, value: str) -> str:
        """Return the value, or "" after recording a control character or an over-long value."""
        if holds_forbidden_characters(value):
            self.refused.add(column)
            self.issue("text", f"cột {column} chứa ký tự điều khiển hoặc xuống dòng (NUL, đảo chiều chữ, ...), "
                               "không có trong dữ liệu thật")
            return ""
        limit = MAX_LENGTHS.get(column, OTHER_MAX_LENGTH)
        if len(value) > limit:
            self.refused.add(column)
            self.issue("length", f"cột {column} dài {_vietnamese_number(len(value))} ký tự, tối đa "
                                 f"{_vietnamese_number(limit)}")
            return ""
        return value

    def issue(self, rule: str, message: str) -> None:
        """Record an issue against the current line."""
        self.issues.append(ImportIssue(self.file, self.line, rule, message))

    def required(self, row: dict, column: str) -> str | None:
        """Return a non-empty value, or None after recording it missing."""
        value = row[column]
        if value == "":
            if column not in self.refused:
                self.issue("required", f"thiếu giá trị cột {column}")
            return None
        return value

    def code(self, row: dict, column: str, allowed, what: str) -> str | None:
        """Return a value from the allowed codes, or None after recording it unknown."""
        value = self.required(row, column)
        if value is not None and value not in allowed:
            self.issue("code", f"{what} không hợp lệ: '{value}' (cột {column})")
            return None
        return value

    def identifier(self, row: dict, column: str) -> str | None:
        """Return an ASCII code, or None after recording it malformed."""
        value = self.required(row, column)
        if value is not None and not _CODE.fullmatch(value):
            self.issue("code", f"mã '{value}' (cột {column}) chỉ được gồm chữ, số và các dấu _ . - / không dấu")
            return None
        return value

    def day(self, row: dict, column: str) -> date | None:
        """Return an ISO date within PLAUSIBLE_DAYS, or None after recording it malformed or out of range."""
        value = self.required(row, column)
        if value is None:
            return None
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError
            day = date.fromisoformat(value)
        except ValueError:
            self.issue("date", f"ngày '{value}' (cột {column}) không đúng dạng YYYY-MM-DD")
            return None
        first, last = PLAUSIBLE_DAYS
        if not first <= day <= last:
            self.issue("date", f"ngày '{value}' (cột {column}) nằm ngoài khoảng {first:%d/%m/%Y} - {last:%d/%m/%Y}")
            return None
        return day

    def whole_amount(self, row: dict, column: str, *, positive: bool = False) -> int | None:
        """Return a whole number of đồng up to MAX_AMOUNT, or None after recording it malformed."""
        value = self.required(row, column)
        if value is None:
            return None
        if not _INTEGER.fullmatch(value) or (positive and int(value) == 0):
            kind = "số nguyên dương" if positive else "số nguyên không âm"
            self.issue("amount", f"số tiền '{value}' (cột {column}) phải là {kind} (đồng), chữ số 0-9")
            return None
        if len(value) > len(str(MAX_AMOUNT)) or int(value) > MAX_AMOUNT:
            self.issue("amount", f"số tiền {value} (cột {column}) vượt mức tối đa "
                                 f"{_vietnamese_number(MAX_AMOUNT)} đồng")
            return None
        return int(value)

    def unique(self, seen: set, key, what: str) -> bool:
        """Return whether a key is new in the file, recording a duplicate otherwise."""
        if key in seen:
            self.issue("duplicate", f"{what} '{key}' xuất hiện hơn một lần trong tệp")
            return False
        seen.add(key)
        return True
