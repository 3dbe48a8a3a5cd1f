"""Exchange files as spreadsheets write them: CSV folders and workbooks round-trip, a workbook edited by hand reads as
exchange text, and a malformed file is reported on its line with nothing written."""

from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from data_access.codes import EXCHANGE_COLUMNS
from data_access.exchange.files import write_folder, write_workbook
from data_access.exchange.reading import read_folder, read_workbook
from data_access.exchange.importer import ImportRejected, import_path
from dashboard.metrics.chains import chain_report
from tests.data_access.samples import GOOD, M, row_counts
from tests.support.builders import case, ev, frame, tables
from tests.support.readers import operator

END = date(2023, 12, 31)


def _content(tables_):
    return {stem: (list(table.columns), table.values.tolist()) for stem, table in tables_.items()}


def test_a_folder_of_csv_files_round_trips(db, tmp_path):
    folder = tmp_path / "csv"
    write_folder(GOOD, folder)
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{stem}.csv" for stem in EXCHANGE_COLUMNS)
    header = (folder / "viec.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(EXCHANGE_COLUMNS["viec"])
    assert "Chi cục THADS huyện Đông" in (folder / "don_vi.csv").read_text(encoding="utf-8")
    read, issues = read_folder(folder)
    assert (_content(read), issues) == (_content(GOOD), [])
    import_path(db, folder)
    assert chain_report(operator(db), END)["cases"]["caseload"] == 2


def test_a_workbook_round_trips(db, tmp_path):
    path = tmp_path / "du_lieu.xlsx"
    write_workbook(GOOD, path)
    assert load_workbook(path).sheetnames == list(EXCHANGE_COLUMNS)
    read, issues = read_workbook(path)
    assert (_content(read), issues) == (_content(GOOD), [])
    import_path(db, path)
    assert chain_report(operator(db), END)["money"]["caseload"] == 30 * M


def test_a_workbook_edited_by_hand_gives_numbers_and_dates_as_exchange_text(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "viec"
    sheet.append(list(EXCHANGE_COLUMNS["viec"]))
    sheet.append(["V1", "12/QĐ-CCTHADS", datetime(2023, 11, 5), "H01", "C02", "dan_su", "chu_dong", 100_000_000, None])
    path = tmp_path / "tay.xlsx"
    workbook.save(path)
    read, issues = read_workbook(path)
    assert issues == []
    assert read["viec"].values.tolist() == [
        ["V1", "12/QĐ-CCTHADS", "2023-11-05", "H01", "C02", "dan_su", "chu_dong", "100000000", ""],
    ]


def _write_good_folder(folder):
    write_folder(tables(cases=[case("V1", "2023-06-01", M), case("V2", "2023-06-02", M)],
                        events=[ev("V1", "2023-07-01", "thu_tien", 1), ev("V2", "2023-07-01", "giam", 1)]), folder)


def _replace_line(path, number, new_bytes):
    lines = path.read_bytes().splitlines(keepends=True)
    lines[number - 1] = new_bytes
    path.write_bytes(b"".join(lines))


@pytest.mark.parametrize(("damage", "expected"), [
    (lambda folder: _replace_line(folder / "viec.csv", 1, b"ma_vu," + b",".join(
        name.encode() for name in EXCHANGE_COLUMNS["viec"][1:]) + b"\n"), ("viec.csv", 1)),
    (lambda folder: _replace_line(folder / "don_vi.csv", 3, b"H01,Chi c\xf4c \xd0\xf4ng,huyen,T01\n"),
     ("don_vi.csv", 3)),
    (lambda folder: _replace_line(folder / "su_kien.csv", 3, b"V2,2023-07-01,giam,1,,x\n"), ("su_kien.csv", 3)),
    (lambda folder: _replace_line(folder / "su_kien.csv", 2, b"V1,2023-07-01\n"), ("su_kien.csv", 2)),
])
def test_a_malformed_csv_file_is_reported_with_its_file_and_line(db, tmp_path, damage, expected):
    _write_good_folder(tmp_path)
    damage(tmp_path)
    with pytest.raises(ImportRejected) as caught:
        import_path(db, tmp_path)
    assert expected in [(issue.file, issue.line) for issue in caught.value.errors]
    assert row_counts(db)["cases"] == 0


def test_a_non_utf8_byte_deep_in_a_large_file_is_reported_on_its_line(db, tmp_path):
    rows = [case(f"V{n}", "2023-06-01", M) for n in range(3000)]
    write_folder({"viec": frame("viec", rows), "su_kien": frame("su_kien", [])}, tmp_path)
    _replace_line(tmp_path / "viec.csv", 2500, b"V2498,S\xf4 1,2023-06-01,H01,C02,dan_su,chu_dong,1,\n")
    with pytest.raises(ImportRejected) as caught:
        import_path(db, tmp_path)
    assert [(issue.file, issue.line) for issue in caught.value.errors] == [("viec.csv", 2500)]
