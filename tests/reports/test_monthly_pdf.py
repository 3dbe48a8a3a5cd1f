"""The monthly PDF read back with poppler: its text holds the paragraph, the chains' figures, the target's pace and
forecast and the notes; it is A4 with only its own Noto Sans fonts embedded; names print literally."""

import re
import subprocess
from dataclasses import replace
from datetime import date

import pytest

from dashboard.metrics.formatting import format_billion_number, format_count, format_percent, format_points, rate_change
from dashboard.reports.bundle import month_bundle
from dashboard.reports.monthly_pdf import monthly_pdf
from tests.support.readers import operator

END = date(2025, 5, 31)
MADE_ON = date(2025, 6, 2)
DATA_NOTE = "Dữ liệu đến ngày 31/05/2025 (nhập lúc 08:15 01/06/2025)"
CLOSED_NOTE = "Số liệu đã chốt ngày 02/06/2025 (thongke)"
HOSTILE = "<b>#set text(red)</b> *x* _y_ $z$ \\` #pagebreak() @ref // c"


def _text(pdf: bytes, path, *, layout: bool = True) -> str:
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _info(tool: str, path) -> str:
    return subprocess.run([tool, str(path)], check=True, capture_output=True, text=True).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def bundle(province_db):
    """Return the bundle of 31/05/2025 for the whole province, read as the operator reads it."""
    return month_bundle(operator(province_db), END)


@pytest.fixture(scope="module")
def printed(bundle, tmp_path_factory):
    """Return the path of the report printed with both notes, and its text laid out as on the page."""
    path = tmp_path_factory.mktemp("monthly_pdf") / "report.pdf"
    text = _text(monthly_pdf(bundle, made_on=MADE_ON, data_note=DATA_NOTE, closed_note=CLOSED_NOTE), path)
    return path, text


def _table_rows(text: str, label: str) -> list[str]:
    """Return the laid-out lines of table rows labelled `label`: the label, then a gap before the next column."""
    return [line for line in text.splitlines() if re.match(rf"\s*{re.escape(label)}\s{{2,}}\S", line)]


def test_the_heading_names_the_report_its_scope_and_its_period(bundle, printed):
    _, text = printed
    flat = _flat(text)
    assert "BÁO CÁO KẾT QUẢ THI HÀNH ÁN DÂN SỰ" in flat
    assert bundle.scope_name in flat
    assert "Từ 01/10/2024 đến 31/05/2025" in flat
    assert "Ngày lập báo cáo: 02/06/2025" in flat
    assert DATA_NOTE in flat and CLOSED_NOTE in flat


def test_the_paragraph_prints_whole(bundle, printed):
    assert _flat(bundle.paragraph) in _flat(printed[1])


def test_each_chain_row_holds_this_period_last_year_and_the_change(bundle, printed):
    _, text = printed
    report, before = bundle.report, bundle.report["same_period_last_year"]
    cases_row, money_row = _table_rows(text, "Có điều kiện thi hành")
    assert format_count(report["cases"]["enforceable"]) in cases_row
    assert format_count(before["cases"]["enforceable"]) in cases_row
    assert format_billion_number(report["money"]["enforceable"]) in money_row
    cases_rate, money_rate = _table_rows(text, "Tỷ lệ xong")
    assert format_percent(report["cases"]["rate"]) in cases_rate
    assert format_points(rate_change(report["cases"]["rate"], before["cases"]["rate"])) in cases_rate
    assert format_percent(report["money"]["rate"]) in money_rate
    carried = _table_rows(text, "Chuyển kỳ sau")[0]
    assert format_count(report["cases"]["carried"]) in carried


def test_vietnamese_letters_survive(printed):
    flat = _flat(printed[1])
    for words in ("Thi hành xong", "Đình chỉ", "Chưa có điều kiện", "Năm trước chuyển sang", "Ủy thác",
                  "Hủy, thu hồi quyết định", "Giảm thi hành án", "Hoãn (điểm c)"):
        assert words in flat


def test_the_pace_and_the_forecast_print_with_the_target(bundle, printed):
    report, flat = bundle.report, _flat(printed[1])
    assert report["target"] is not None and report["forecast"] is not None
    assert "Tiến độ thực hiện chỉ tiêu năm" in flat
    assert "Mức cần đạt đến nay" in flat and format_percent(report["pace"]["cases"]) in flat
    forecast = report["forecast"]["cases"]
    assert f"{format_percent(forecast['low'])}–{format_percent(forecast['high'])}" in flat
    assert f"Còn phải thi hành xong (ít nhất) {format_count(report['needed']['cases'])} việc" in flat


def test_a_scope_without_target_prints_neither_pace_nor_notes(bundle, tmp_path):
    untargeted = replace(bundle, report={**bundle.report, "target": None, "pace": None, "forecast": None,
                                         "needed": None}, rows=[{**row, "pace": None} for row in bundle.rows])
    flat = _flat(_text(monthly_pdf(untargeted, made_on=MADE_ON), tmp_path / "plain.pdf"))
    assert "Tiến độ thực hiện chỉ tiêu năm" not in flat and "Mức cần đạt" not in flat
    assert "Dữ liệu đến ngày" not in flat and "đã chốt" not in flat
    assert _flat(bundle.paragraph) in flat


def test_the_pages_are_a4_numbered_with_only_noto_sans_embedded(printed):
    path, text = printed
    info = _info("pdfinfo", path)
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts", info, re.MULTILINE)
    assert all(f"Trang {page}/{pages}" in text for page in range(1, pages + 1))
    fonts = [line.split() for line in _info("pdffonts", path).splitlines()[2:]]
    assert fonts and all("+NotoSans-" in font[0] for font in fonts)
    assert all(font[-5] == "yes" for font in fonts)


def test_names_holding_markup_print_as_written(bundle, tmp_path):
    hostile = replace(bundle, scope_name=HOSTILE, rows=[{**row, "name": f"{HOSTILE} {index}"}
                                                         for index, row in enumerate(bundle.rows)])
    flat = _flat(_text(monthly_pdf(hostile, made_on=MADE_ON), tmp_path / "hostile.pdf", layout=False))
    assert HOSTILE in flat
    assert all(f"{HOSTILE} {index}" in flat for index in range(len(bundle.rows)))


def test_each_unit_prints_its_short_name_counts_and_rates(bundle, printed):
    _, text = printed
    offices = [row for row in bundle.rows if row["name"] == bundle.scope_name]
    assert len(offices) == 1 and len(bundle.rows) > 2
    for row in bundle.rows:
        if row in offices:
            continue
        short = row["name"].replace("Thi hành án dân sự", "THADS").rsplit(" - ", 1)[0]
        # The table comes first; the rankings' pictures below it hold the name again.
        line = _table_rows(text, short)[0]
        assert line.split()[len(short.split()):len(short.split()) + 2] == [
            f"{format_count(row['cases']['completed'])}/{format_count(row['cases']['enforceable'])}",
            format_percent(row["cases"]["rate"])]
        assert format_percent(row["money"]["rate"]) in line.split()
    # The province office's own row says it holds only the cases it enforces itself.
    assert "THADS tỉnh" in text and "(việc tỉnh trực tiếp thi hành)" in _flat(text).replace("( việc", "(việc")
