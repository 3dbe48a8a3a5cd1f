"""A closed period's revisions as the command line prints them: a table for people, JSON for other tools."""

from data_access.exchange.runs import ImportRun
from data_access.queries.closed import ClosedPeriod
from dashboard.metrics.formatting import format_count, format_percent
from dashboard.metrics.revisions import Revision


def import_words(run: ImportRun) -> str:
    """Return an import as a list of revisions names it: number, time and who."""
    return f"lần nhập {run.id} lúc {run.finished_at:%H:%M %d/%m/%Y} ({run.actor})"


def value_text(revision: Revision, value: int | float | None) -> str:
    """Return a figure of a revision the Vietnamese way: a rate in percent, a count or đồng with full stops."""
    if revision.indicator == "rate":
        return format_percent(value)
    return format_count(value)


def revisions_json(closed: ClosedPeriod, changes: list[Revision]) -> dict:
    """Return the revisions as JSON: the close, then one object per changed figure with the imports after it."""
    return {
        "period_end": closed.end.isoformat(), "closed_at": closed.closed_at.isoformat(timespec="seconds"),
        "closed_by": closed.closed_by,
        "revisions": [{"scope": change.scope_key or None, "name": change.scope_name, "chain": change.chain,
                       "indicator": change.indicator, "closed": change.closed, "current": change.current,
                       "imports": [{"id": run.id, "finished_at": run.finished_at.isoformat(timespec="seconds"),
                                    "actor": run.actor, "source": run.source} for run in change.imports]}
                      for change in changes],
    }


def revisions_table(closed: ClosedPeriod, changes: list[Revision]) -> str:
    """Return the revisions as a text table under a line naming the close."""
    head = (f"Kỳ báo cáo đến {closed.end:%d/%m/%Y}, chốt lúc {closed.closed_at:%H:%M %d/%m/%Y} "
            f"({closed.closed_by}).")
    if not changes:
        return f"{head}\nCác lần nhập sau khi chốt không làm thay đổi số liệu nào của kỳ này."
    lines = [head, f"{'Phạm vi':<36} │ {'Chỉ tiêu':<36} │ {'Số đã chốt':>18} │ {'Số hiện nay':>18} │ Lần nhập"]
    for change in changes:
        imports = "; ".join(import_words(run) for run in change.imports) or "không rõ"
        lines.append(f"{change.scope_name[:36]:<36} │ {change.label[:36]:<36} │ "
                     f"{value_text(change, change.closed):>18} │ {value_text(change, change.current):>18} │ {imports}")
    return "\n".join(lines)
