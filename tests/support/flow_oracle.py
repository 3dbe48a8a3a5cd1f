"""A second, plain reading of domain.md sections 9 to 11: each case's replayed days walked in Python for the flow,
the age and the classification watch. It shares no SQL and no logic with the product."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from tests.support.oracle import book_of, province_of
from tests.support.oracle_replay import (
    ONE_DAY, Case, DayState, case_window_figures, rate_percent, work_year_start,
)

AGES = (("lt_6m", 0, 183), ("6_12m", 183, 366), ("1_2y", 366, 731), ("2_5y", 731, 1827), ("ge_5y", 1827, 10 ** 6))
LOOKS = ("xac_minh", "co_dieu_kien", "chua_co_dieu_kien", "hoan", "tam_dinh_chi", "tiep_tuc", "vao_so_rieng")


def _events(tables: dict) -> dict[str, list[tuple[date, str]]]:
    found: dict[str, list[tuple[date, str]]] = {}
    for row in tables["su_kien"].to_dict("records"):
        found.setdefault(row["ma_viec"], []).append((date.fromisoformat(row["ngay"]), row["loai"]))
    return found


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _enforceable(state: DayState | None) -> bool:
    return (state is not None and state.terminal is None and not state.in_ledger
            and state.standing in ("in_progress", "deferred_c"))


def _not_enforceable(state: DayState | None) -> bool:
    return state is not None and state.terminal is None and not _enforceable(state)


def _quiet(case: Case, days: list[tuple[date, str]], end: date, limit: int, kinds=None) -> bool:
    seen = [day for day, kind in days if day <= end and (kinds is None or kind in kinds)]
    return (end - max(seen, default=case.decided)).days > limit


def _key(book, case: Case, officer: str, by: str | None) -> str:
    return {None: "", "unit": case.unit, "province": province_of(book, case.unit), "officer": officer}[by]


def _scoped(book, case: Case, officer: str, scope: dict) -> bool:
    return ((scope.get("province") is None or province_of(book, case.unit) == scope["province"])
            and (scope.get("unit") is None or case.unit == scope["unit"])
            and (scope.get("officer") is None or officer == scope["officer"])
            and (scope.get("group") is None or scope["group"] in case.groups)
            and (scope.get("judgment_type") is None or case.judgment_type == scope["judgment_type"])
            and (scope.get("mode") is None or case.mode == scope["mode"]))


def _flow_of(cases: list[tuple], start: date, end: date) -> dict:
    ageing = {kind: {name: {"cases": 0, "money": 0} for name, _, _ in AGES}
              for kind in ("enforceable", "not_enforceable")}
    pending = completed = new = idle = large = due = 0
    durations = []
    for case, days, figures, at_end in cases:
        if at_end.in_ledger and at_end.terminal is None and _quiet(case, days, end, 366, LOOKS):
            due += 1
        if figures is None:
            continue
        counted = figures.cases
        new += counted["new"]
        remaining = case.remaining_at(end)
        kind = ("enforceable" if counted["in_progress"] or counted["deferred_c"] else
                "not_enforceable" if counted["pending_not_enforceable"] else None)
        if counted["done"] or counted["terminated"]:
            completed += 1
            exit_day = next(day for day, state in zip(case.days, case.states) if state.terminal is not None)
            durations.append((exit_day - case.decided).days)
        if kind is None:
            continue
        age = (end - case.decided).days
        bucket = next(name for name, low, high in AGES if low <= age < high)
        ageing[kind][bucket]["cases"] += 1
        ageing[kind][bucket]["money"] += remaining
        if remaining >= 1_000_000_000 or "trong_diem" in case.groups:
            large += 1
        if kind == "enforceable":
            pending += 1
            idle += _quiet(case, days, end, 180)
        elif not at_end.in_ledger and _quiet(case, days, end, 183, LOOKS):
            due += 1
    window_days = (end - start).days + 1
    return {
        "pending_enforceable": pending, "ageing": ageing, "clearance_rate": rate_percent(completed, new),
        "disposition_days": _half_up(Decimal(window_days * pending) / completed) if completed else None,
        "median_days_to_completion": _half_up(Decimal(str(median(durations)))) if durations else None,
        "without_action": idle, "large": large, "verification_due": due,
    }


def oracle_flow(tables: dict, end: date, scope: dict | None = None, by: str | None = None) -> dict:
    """Return what `flow` should print for end, scope and by, worked out case by case."""
    book, events, scope = book_of(tables), _events(tables), scope or {}
    start = work_year_start(end)
    grouped: dict[str, list[tuple]] = {}
    for case in book.cases:
        if case.decided > end:
            continue
        figures = case_window_figures(case, start, end)
        at_end = case.state_at(end)
        officer = figures.officer if figures is not None else at_end.officer
        in_ledger = at_end.in_ledger and at_end.terminal is None
        if (figures is None and not in_ledger) or not _scoped(book, case, officer, scope):
            continue
        grouped.setdefault(_key(book, case, officer, by), []).append((case, events.get(case.code, []), figures,
                                                                      at_end))
    window = {"start": start.isoformat(), "end": end.isoformat()}
    if by is None:
        return {"window": window, **_flow_of(grouped.get("", []), start, end)}
    names = book.officer_names if by == "officer" else book.unit_names
    return {"window": window, "rows": [{"key": key, "name": names[key], **_flow_of(grouped[key], start, end)}
                                       for key in sorted(grouped)]}


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - ONE_DAY


def _changes(case: Case):
    """Yield (day, downgraded?) for each day the case turned not enforceable or enforceable."""
    for day, state in zip(case.days, case.states):
        before = case.state_at(day - ONE_DAY)
        if _enforceable(before) and _not_enforceable(state):
            yield day, True, state
        elif _not_enforceable(before) and _enforceable(state):
            yield day, False, state


def oracle_watch(tables: dict, end: date, scope: dict | None = None, by: str | None = None) -> dict:
    """Return what `watch` should print for end, scope and by, worked out case by case."""
    book, scope = book_of(tables), scope or {}
    start = work_year_start(end)
    counts: dict[str, list[int]] = {}
    for case in book.cases:
        changes = list(_changes(case))
        ups = [day for day, down, _ in changes if not down]
        for day, down, state in changes:
            if not down or not start <= day <= end or not _scoped(book, case, state.officer, scope):
                continue
            tally = counts.setdefault(_key(book, case, state.officer, by), [0, 0, 0])
            tally[0] += 1
            month_end = _month_end(day)
            if (month_end - day).days < 7:
                tally[1] += 1
                tally[2] += any(month_end < up <= month_end + timedelta(days=30) for up in ups)
    window = {"start": start.isoformat(), "end": end.isoformat()}

    def figures(tally):
        return {"downgrades": tally[0], "late": tally[1], "late_share": rate_percent(tally[1], tally[0]),
                "bounce_backs": tally[2]}

    if by is None:
        return {"window": window, **figures(counts.get("", [0, 0, 0]))}
    names = book.officer_names if by == "officer" else book.unit_names
    return {"window": window, "rows": [{"key": key, "name": names[key], **figures(counts[key])}
                                       for key in sorted(counts)]}
