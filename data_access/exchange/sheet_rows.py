"""The rows of each sheet of an .xlsx workbook, counted on its compressed parts without parsing them, so a sheet
of millions of rows is refused before a reader spends minutes and gigabytes on it."""

import re
import zipfile

_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")
_SHEET_DATA = re.compile(rb"<([A-Za-z_][\w.-]*:)?sheetData[\s/>]")
_CHUNK_BYTES = 1024 * 1024
# What may follow a row element's name: an attribute, the end of the tag, or an empty element.
_AFTER_NAME = (b" ", b"\t", b"\r", b"\n", b">", b"/")


def _row_elements(part) -> int:
    count, tail, tags = 0, b"", None
    for chunk in iter(lambda: part.read(_CHUNK_BYTES), b""):
        data = tail + chunk
        if tags is None:
            found = _SHEET_DATA.search(data)
            if found is None:
                tail = data[-256:]
                continue
            tags = [b"<" + (found.group(1) or b"") + b"row" + after for after in _AFTER_NAME]
            data, tail = data[found.end():], b""
        # A tag cut at a chunk's end is whole in the carried tail and the next chunk; one wholly in the tail was
        # counted with the chunk before.
        count += sum(data.count(tag) - tail.count(tag) for tag in tags)
        tail = data[-(len(tags[0]) - 1):]
    return count


def sheet_rows(archive: zipfile.ZipFile) -> dict[str, int]:
    """Return the number of row elements of each worksheet part of an open workbook archive, by part name."""
    return {info.filename: _row_elements_of(archive, info) for info in archive.infolist()
            if _SHEET_PART.fullmatch(info.filename)}


def _row_elements_of(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    with archive.open(info) as part:
        return _row_elements(part)
