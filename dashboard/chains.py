"""The official chains (về việc, về tiền) for a window, a scope and a breakdown (domain.md section 4)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from sqlalchemy.engine import Engine

from data_access import codes
from data_access.chain_queries import DIMENSIONS, Scope, caseload_parts, dimension_names, known_codes, target_rates
from dashboard.periods import Window, same_period_last_year, window_ending, work_year

__all__ = ["Scope", "DIMENSIONS", "UnknownCode", "chain_report", "rate", "case_chain", "money_chain"]

CASE_KEYS = ("brought_forward", "new", "caseload", "delegated", "cancelled", "to_enforce", "done", "terminated",
             "in_progress", "deferred_c", "not_enforceable", "enforceable", "completed", "rate", "carried")
MONEY_KEYS = CASE_KEYS[:8] + ("reduced",) + CASE_KEYS[8:]

_STATIC_NAMES = {"group": codes.GROUPS, "judgment_type": codes.JUDGMENT_TYPES, "mode": codes.MODES}


class UnknownCode(ValueError):
    """A scope names a unit, officer, group, judgment type or mode that does not exist."""


def rate(part: int, whole: int) -> float | None:
    """Return part / whole x 100 rounded half up to 2 decimals, or None when whole is 0."""
    if whole == 0:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _sum(parts: pd.DataFrame, column: str, mask=None) -> int:
    selected = parts if mask is None else parts[mask]
    return int(selected[column].sum())


def _masks(parts: pd.DataFrame) -> dict[str, pd.Series]:
    status = parts["status"]
    delegated_done = (status == codes.STATE_DELEGATED) & parts["collected_any"]
    return {
        "done": (status == codes.STATE_DONE) | delegated_done,
        "settled": status == codes.STATE_DONE,
        "terminated": status == codes.STATE_TERMINATED,
        "delegated_cases": (status == codes.STATE_DELEGATED) & ~parts["collected_any"],
        "delegated_money": status == codes.STATE_DELEGATED,
        "cancelled": status == codes.STATE_CANCELLED,
        "in_progress": status == codes.STATE_IN_PROGRESS,
        "deferred_c": status == codes.STATE_DEFERRED_C,
        "not_enforceable": status.isin(codes.NOT_ENFORCEABLE_STATES),
        "brought_forward": parts["brought_forward"] == 1,
    }


def case_chain(parts: pd.DataFrame) -> dict:
    """Return the chain về việc from the caseload parts of one scope."""
    masks = _masks(parts)
    count = {name: _sum(parts, "cases", mask) for name, mask in masks.items()}
    chain = {
        "brought_forward": count["brought_forward"],
        "new": _sum(parts, "cases") - count["brought_forward"],
        "caseload": _sum(parts, "cases"),
        "delegated": count["delegated_cases"],
        "cancelled": count["cancelled"],
        "done": count["done"],
        "terminated": count["terminated"],
        "in_progress": count["in_progress"],
        "deferred_c": count["deferred_c"],
        "not_enforceable": count["not_enforceable"],
    }
    return _close(chain, CASE_KEYS, completed=chain["done"] + chain["terminated"])


def money_chain(parts: pd.DataFrame) -> dict:
    """Return the chain về tiền from the caseload parts of one scope."""
    masks = _masks(parts)
    remaining = {name: _sum(parts, "remaining", mask) for name, mask in masks.items()}
    chain = {
        "brought_forward": _sum(parts, "opening", masks["brought_forward"]),
        "new": _sum(parts, "opening", ~masks["brought_forward"]),
        "caseload": _sum(parts, "opening"),
        "delegated": remaining["delegated_money"],
        "cancelled": remaining["cancelled"],
        "done": _sum(parts, "collected") + remaining["settled"],
        "terminated": remaining["terminated"],
        "reduced": _sum(parts, "reduced"),
        "in_progress": remaining["in_progress"],
        "deferred_c": remaining["deferred_c"],
        "not_enforceable": remaining["not_enforceable"],
    }
    return _close(chain, MONEY_KEYS, completed=chain["done"] + chain["terminated"] + chain.get("reduced", 0))


def _close(chain: dict, keys: tuple[str, ...], *, completed: int) -> dict:
    chain["to_enforce"] = chain["caseload"] - chain["delegated"] - chain["cancelled"]
    chain["enforceable"] = completed + chain["in_progress"] + chain["deferred_c"]
    chain["completed"] = completed
    chain["rate"] = rate(completed, chain["enforceable"])
    chain["carried"] = chain["to_enforce"] - completed
    return {key: chain[key] for key in keys}


def _chains(parts: pd.DataFrame) -> dict:
    return {"cases": case_chain(parts), "money": money_chain(parts)}


def _check_scope(engine: Engine, scope: Scope) -> None:
    checks = (
        (scope.unit, lambda: known_codes(engine, "unit"), "đơn vị"),
        (scope.officer, lambda: known_codes(engine, "officer"), "chấp hành viên"),
        (scope.group, lambda: codes.GROUPS, "nhóm việc"),
        (scope.judgment_type, lambda: codes.JUDGMENT_TYPES, "loại bản án"),
        (scope.mode, lambda: codes.MODES, "hình thức thụ lý"),
    )
    for value, allowed, what in checks:
        if value is not None and value not in allowed():
            raise UnknownCode(f"Không có {what} mã '{value}'.")


def applicable_target(engine: Engine, end: date, scope: Scope) -> dict | None:
    """Return the yearly target {cases, money} for the scope's unit, officer or province, or None."""
    if scope.group or scope.judgment_type or scope.mode:
        return None
    if scope.officer:
        found = target_rates(engine, work_year(end), "chv", scope.officer)
    elif scope.unit:
        found = target_rates(engine, work_year(end), "don_vi", scope.unit)
    else:
        found = target_rates(engine, work_year(end), "tinh", "")
    return None if found is None else {"cases": float(found[0]), "money": float(found[1])}


def chain_report(engine: Engine, end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return both chains for the window ending `end` and the same period last year, overall or per `by` key."""
    _check_scope(engine, scope)
    window = window_ending(end)
    last_year = same_period_last_year(window)
    current = caseload_parts(engine, window.start, window.end, scope, by)
    previous = caseload_parts(engine, last_year.start, last_year.end, scope, by)
    if by is None:
        return {
            "window": window.as_dict(),
            **_chains(current),
            "same_period_last_year": {"window": last_year.as_dict(), **_chains(previous)},
            "target": applicable_target(engine, end, scope),
        }
    return {"window": window.as_dict(), "rows": _rows(engine, by, current, previous, last_year)}


def _rows(engine: Engine, by: str, current: pd.DataFrame, previous: pd.DataFrame, last_year: Window) -> list[dict]:
    names = _STATIC_NAMES.get(by) or dimension_names(engine, by)
    previous_by_key = dict(tuple(previous.groupby("key")))
    rows = []
    for key, parts in sorted(current.groupby("key"), key=lambda item: item[0]):
        before = previous_by_key.get(key, previous.iloc[0:0])
        rows.append({
            "key": key,
            "name": names.get(key, key),
            **_chains(parts),
            "same_period_last_year": {"window": last_year.as_dict(), **_chains(before)},
        })
    return rows
