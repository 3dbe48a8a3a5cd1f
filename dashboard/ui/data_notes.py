"""What a page says of a closed period beyond the shared data and close lines (dashboard.metrics.data_notes): why
its figures hold still, and why a case list may not match its count."""

from data_access.queries.closed import ClosedPeriod


def closed_help(closed: ClosedPeriod) -> str:
    """Return the help under a closed period's line: its figures are the close's, whatever was imported since."""
    return (f"Số liệu của kỳ báo cáo đến {closed.end:%d/%m/%Y} là số đã chốt ngày {closed.closed_at:%d/%m/%Y}: các "
            "lần nhập dữ liệu sau đó có thay đổi các việc của kỳ này thì số liệu vẫn giữ nguyên như lúc chốt, cho "
            "đến khi kỳ được mở lại.")


def closed_list_note(closed: ClosedPeriod) -> str:
    """Return the case list's note for a closed period: its count is the close's, its rows today's data."""
    return (f"Kỳ này đã chốt: số việc là số đã chốt ngày {closed.closed_at:%d/%m/%Y}; danh sách liệt kê các việc "
            "theo dữ liệu hiện tại nên có thể khác sau các lần nhập sau.")
