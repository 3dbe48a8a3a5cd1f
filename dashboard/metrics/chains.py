"""The official chains (về việc, về tiền) for a window, a scope and a breakdown (domain.md section 4)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from data_access import codes
from data_access.queries.chain_queries import DIMENSIONS, PAIR_SEPARATOR, Scope
from data_access.queries.lookups import dimension_names, known_codes, province_names
from data_access.queries.snapshots import caseload_parts
from data_access.queries.viewing import Reader, require
from dashboard.metrics.periods import Window, same_period_last_year, window_ending
from dashboard.metrics.targets import applicable_target

__all__ = ["Scope", "DIMENSIONS", "PAIR_SEPARATOR", "UnknownCode", "chain_report", "rate",
           "case_chain", "money_chain"]

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


def _contributions(parts: pd.DataFrame) -> pd.DataFrame:
    """Return, per parts row, what it adds to every additive column of both chains."""
    status, count = parts["status"], parts["cases"]
    remaining, opening = parts["remaining"], parts["opening"]
    brought = parts["brought_forward"] == 1
    delegated = status == codes.STATE_DELEGATED
    rescued = delegated & parts["collected_any"]
    flags = {
        "in_progress": status == codes.STATE_IN_PROGRESS,
        "deferred_c": status == codes.STATE_DEFERRED_C,
        "not_enforceable": status.isin(codes.NOT_ENFORCEABLE_STATES),
        "terminated": status == codes.STATE_TERMINATED,
        "cancelled": status == codes.STATE_CANCELLED,
    }
    columns = {
        "key": parts["key"],
        "cases.brought_forward": count.where(brought, 0),
        "cases.new": count.where(~brought, 0),
        "cases.delegated": count.where(delegated & ~rescued, 0),
        "cases.done": count.where((status == codes.STATE_DONE) | rescued, 0),
        "money.brought_forward": opening.where(brought, 0),
        "money.new": opening.where(~brought, 0),
        "money.delegated": remaining.where(delegated, 0),
        # Collections in the window on every case of the caseload, plus the rest settled in kind at xong.
        "money.done": parts["collected"] + remaining.where(status == codes.STATE_DONE, 0),
        "money.reduced": parts["reduced"],
    }
    for name, flag in flags.items():
        columns[f"cases.{name}"] = count.where(flag, 0)
        columns[f"money.{name}"] = remaining.where(flag, 0)
    return pd.DataFrame(columns)


def chain_totals(parts: pd.DataFrame) -> pd.DataFrame:
    """Return the additive columns of both chains summed per key of the caseload parts."""
    summed = _contributions(parts).groupby("key", sort=True).sum()
    return summed.astype("int64")


def _close(values: dict, keys: tuple[str, ...], *, with_reduced: bool) -> dict:
    chain = dict(values)
    chain["caseload"] = chain["brought_forward"] + chain["new"]
    completed = chain["done"] + chain["terminated"] + (chain["reduced"] if with_reduced else 0)
    chain["to_enforce"] = chain["caseload"] - chain["delegated"] - chain["cancelled"]
    chain["enforceable"] = completed + chain["in_progress"] + chain["deferred_c"]
    chain["completed"] = completed
    chain["rate"] = rate(completed, chain["enforceable"])
    chain["carried"] = chain["to_enforce"] - completed
    return {key: chain[key] for key in keys}


_ADDITIVE = ("brought_forward", "new", "delegated", "cancelled", "done", "terminated", "reduced", "in_progress",
             "deferred_c", "not_enforceable")


def _chains_of(totals: pd.Series | None) -> dict:
    values = {} if totals is None else {name: int(value) for name, value in totals.items()}

    def pick(chain: str) -> dict:
        return {key: values.get(f"{chain}.{key}", 0) for key in _ADDITIVE}

    return {"cases": _close(pick("cases"), CASE_KEYS, with_reduced=False),
            "money": _close(pick("money"), MONEY_KEYS, with_reduced=True)}


def _chains(parts: pd.DataFrame) -> dict:
    totals = _contributions(parts).drop(columns="key").sum()
    return _chains_of(totals if len(parts) else None)


def case_chain(parts: pd.DataFrame) -> dict:
    """Return the chain về việc of all the caseload parts given."""
    return _chains(parts)["cases"]


def money_chain(parts: pd.DataFrame) -> dict:
    """Return the chain về tiền of all the caseload parts given."""
    return _chains(parts)["money"]


def check_scope(reader: Reader, scope: Scope) -> None:
    """Raise UnknownCode when the scope names a province, unit, officer, group, type or mode that does not exist."""
    checks = (
        (scope.province, lambda: province_names(reader.engine), "tỉnh"),
        (scope.unit, lambda: known_codes(reader, "unit"), "đơn vị"),
        (scope.officer, lambda: known_codes(reader, "officer"), "chấp hành viên"),
        (scope.group, lambda: codes.GROUPS, "nhóm việc"),
        (scope.judgment_type, lambda: codes.JUDGMENT_TYPES, "loại bản án"),
        (scope.mode, lambda: codes.MODES, "hình thức thụ lý"),
    )
    for value, allowed, what in checks:
        if value is not None and value not in allowed():
            raise UnknownCode(f"Không có {what} mã '{value}'.")


def chain_report(reader: Reader, end: date, scope: Scope = Scope(), by: str | None = None, *,
                 as_closed: bool = True) -> dict:
    """Return both chains for the window ending `end` and the same period last year, overall or per `by` key; a
    closed period end gives the figures it was closed with, unless `as_closed` is False."""
    # A code beyond the viewer's scope is refused as such, before it could be told apart from an unknown one.
    require(reader, scope, by)
    check_scope(reader, scope)
    window = window_ending(end)
    last_year = same_period_last_year(window)
    current = caseload_parts(reader, window.start, window.end, scope, by, as_closed=as_closed)
    previous = caseload_parts(reader, last_year.start, last_year.end, scope, by, as_closed=as_closed)
    if by is None:
        return {
            "window": window.as_dict(),
            **_chains(current),
            "same_period_last_year": {"window": last_year.as_dict(), **_chains(previous)},
            "target": applicable_target(reader, end, scope),
        }
    return {"window": window.as_dict(), "rows": _rows(reader, by, current, previous, last_year)}


def _row_names(reader: Reader, by: str, keys) -> dict[str, str]:
    if by not in ("unit_group", "province_group"):
        return _STATIC_NAMES.get(by) or dimension_names(reader, by)
    units = dimension_names(reader, "unit")
    pairs = (key.split(PAIR_SEPARATOR, 1) for key in keys)
    return {f"{unit}{PAIR_SEPARATOR}{group}": f"{units.get(unit, unit)} · {codes.GROUPS.get(group, group)}"
            for unit, group in pairs}


def _rows(reader: Reader, by: str, current: pd.DataFrame, previous: pd.DataFrame, last_year: Window) -> list[dict]:
    names = _row_names(reader, by, current["key"].unique())
    now, before = chain_totals(current), chain_totals(previous)
    return [
        {
            "key": key,
            "name": names.get(key, key),
            **_chains_of(totals),
            "same_period_last_year": {"window": last_year.as_dict(),
                                      **_chains_of(before.loc[key] if key in before.index else None)},
        }
        for key, totals in now.iterrows()
    ]
