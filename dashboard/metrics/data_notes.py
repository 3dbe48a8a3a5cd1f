"""The sentences that say how recent the data is and whether a period is closed, on every page, slide and
document alike."""

from data_access.data_version import DataState
from data_access.queries.closed import ClosedPeriod


def data_line(state: DataState) -> str:
    """Return "Dữ liệu đến ngày dd/mm/yyyy (nhập lúc hh:mm dd/mm/yyyy)", or say there is no data yet."""
    if state.last_day is None:
        return "Chưa có dữ liệu"
    line = f"Dữ liệu đến ngày {state.last_day:%d/%m/%Y}"
    return line if state.imported_at is None else f"{line} (nhập lúc {state.imported_at:%H:%M %d/%m/%Y})"


def closed_line(closed: ClosedPeriod) -> str:
    """Return "Số liệu đã chốt ngày dd/mm/yyyy (người chốt)"."""
    return f"Số liệu đã chốt ngày {closed.closed_at:%d/%m/%Y} ({closed.closed_by})"
