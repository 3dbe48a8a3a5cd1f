"""What a page says of how recent its data is and of a closed period."""

from datetime import date, datetime

from data_access.data_version import DataState
from data_access.queries.closed import ClosedPeriod
from dashboard.metrics.data_notes import closed_line, data_line
from dashboard.ui.data_notes import closed_help, closed_list_note

CLOSED = ClosedPeriod(date(2025, 11, 30), datetime(2025, 12, 5, 16, 20), "thongke")


def test_the_data_line_names_the_last_day_and_the_import_time():
    assert data_line(DataState("v", date(2025, 12, 4), datetime(2025, 12, 5, 7, 5))) == \
        "Dữ liệu đến ngày 04/12/2025 (nhập lúc 07:05 05/12/2025)"
    assert data_line(DataState("v", date(2025, 12, 4), None)) == "Dữ liệu đến ngày 04/12/2025"
    assert data_line(DataState("", None, None)) == "Chưa có dữ liệu"


def test_a_closed_period_says_when_and_by_whom_and_that_its_figures_hold():
    assert closed_line(CLOSED) == "Số liệu đã chốt ngày 05/12/2025 (thongke)"
    help_text = closed_help(CLOSED)
    assert "kỳ báo cáo đến 30/11/2025" in help_text and "đã chốt ngày 05/12/2025" in help_text
    assert "lần nhập dữ liệu sau đó" in help_text and "giữ nguyên" in help_text


def test_the_case_list_of_a_closed_period_says_its_rows_are_todays():
    assert closed_list_note(CLOSED) == (
        "Kỳ này đã chốt: số việc là số đã chốt ngày 05/12/2025; danh sách liệt kê các việc theo dữ liệu hiện tại nên "
        "có thể khác sau các lần nhập sau.")
