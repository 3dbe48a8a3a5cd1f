"""Where an import's tables come from: a folder of CSV files, one CSV file, an .xlsx workbook, or a .zip of CSV
files as a browser uploads them, each read within the limits of `reading`."""

import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import pandas as pd

from data_access.codes import EXCHANGE_COLUMNS
from data_access.exchange import reading
from data_access.exchange.files import ImportIssue, file_name
from data_access.exchange.reading import read_folder, read_workbook

_CHUNK_BYTES = 1024 * 1024
_DAMAGED_ZIP = ("tệp .zip bị hỏng hoặc không phải tệp nén .zip; hãy nén lại các tệp CSV "
                "(chuột phải > Gửi tới > Thư mục nén)")


def _csv_members(archive: zipfile.ZipFile, name: str, issues: list[ImportIssue]) -> dict[str, zipfile.ZipInfo]:
    """Return the archive's CSV files by their own name, wherever they sit in it; other files are left out."""
    members: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        path = PurePosixPath(info.filename.replace("\\", "/"))
        # Folders, and the shadow files macOS adds to every archive it makes, are not data.
        if info.is_dir() or path.name.startswith("._") or "__MACOSX" in path.parts:
            continue
        if path.suffix.lower() != ".csv":
            continue
        if path.name in members:
            issues.append(ImportIssue(name, 0, "archive", f"tệp nén có hai tệp cùng tên {path.name}"))
            continue
        members[path.name] = info
    return members


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, issues: list[ImportIssue],
            name: str) -> None:
    """Write one member under `target`, stopping past the size limit whatever the archive claims its size is."""
    limit = reading.MAX_FILE_BYTES
    written = 0
    with archive.open(info) as source, target.open("wb") as out:
        for chunk in iter(lambda: source.read(_CHUNK_BYTES), b""):
            written += len(chunk)
            if written > limit:
                issues.append(ImportIssue(target.name, 0, "size", f"tệp trong {name} vượt giới hạn "
                                                                  f"{reading.megabytes(limit)} của một lần nhập"))
                return
            out.write(chunk)


def read_archive(path: str | Path) -> tuple[dict[str, pd.DataFrame], list[ImportIssue]]:
    """Return the tables of a .zip of exchange CSV files, and the issues met while reading it."""
    path = Path(path)
    issues: list[ImportIssue] = []
    folder = Path(tempfile.mkdtemp(prefix="thads_zip_"))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                members = _csv_members(archive, path.name, issues)
                if not members and not issues:
                    expected = ", ".join(file_name(stem) for stem in EXCHANGE_COLUMNS)
                    return {}, [ImportIssue(path.name, 0, "source", f"tệp nén không có tệp CSV nào ({expected})")]
                for member, info in members.items():
                    _unpack(archive, info, folder / member, issues, path.name)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError):
            return {}, [ImportIssue(path.name, 0, "archive", _DAMAGED_ZIP)]
        if issues:
            return {}, issues
        return read_folder(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def read_source(path: str | Path) -> tuple[dict[str, pd.DataFrame], list[ImportIssue]]:
    """Return the tables of a CSV folder, a CSV file, a .zip of CSV files or an .xlsx workbook, and the issues met
    while reading it."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        tables, issues = read_folder(path)
    elif path.is_file() and suffix == ".xlsx":
        tables, issues = read_workbook(path)
    elif path.is_file() and suffix == ".zip":
        tables, issues = read_archive(path)
    elif path.is_file() and suffix == ".csv":
        tables, issues = read_folder(path.parent)
        tables = {stem: frame for stem, frame in tables.items() if file_name(stem) == path.name}
        issues = [issue for issue in issues if issue.file == path.name]
    else:
        return {}, [ImportIssue(str(path), 0, "source", "không tìm thấy thư mục CSV, tệp .zip hoặc tệp .xlsx này")]
    if not tables and not issues:
        expected = ", ".join(file_name(stem) for stem in EXCHANGE_COLUMNS)
        issues.append(ImportIssue(str(path), 0, "source", f"không có tệp dữ liệu nào ({expected})"))
    return tables, issues
