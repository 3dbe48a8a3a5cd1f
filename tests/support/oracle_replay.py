"""The oracle's first half: periods, and each case replayed day by day in plain Python (domain.md sections 2-4).

It works on the exchange tables themselves (dict of file stem -> DataFrame of str) and shares no logic with the
product, so an agreement between the two is evidence for both.
"""

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext


ONE_DAY = timedelta(days=1)
BY_VALUES = ("unit", "province", "officer", "group", "judgment_type", "mode")
SCOPE_FIELDS = ("unit", "officer", "group", "judgment_type", "mode")

# domain.md section 3: events of one day apply in this order; equal ranks keep file order.
_DAY_RANK = {
    "phan_cong": 0,
    "co_dieu_kien": 1, "chua_co_dieu_kien": 1, "hoan": 1, "tam_dinh_chi": 1, "tiep_tuc": 1, "xac_minh": 1,
    "vao_so_rieng": 2, "ra_so_rieng": 2,
    "giam": 3,
    "thu_tien": 4,
    "xong": 5, "dinh_chi": 5, "uy_thac": 5, "huy_quyet_dinh": 5,
}
_TERMINALS = ("xong", "dinh_chi", "uy_thac", "huy_quyet_dinh")

# What one case can add to a window before any derivation; money also has "reduced".
BUCKETS = ("brought_forward", "new", "delegated", "cancelled", "done", "terminated", "in_progress", "deferred_c",
            "pending_not_enforceable")
CASE_KEYS = ("brought_forward", "new", "caseload", "delegated", "cancelled", "to_enforce", "done", "terminated",
             "in_progress", "deferred_c", "not_enforceable", "enforceable", "completed", "rate", "carried")
MONEY_KEYS = CASE_KEYS + ("reduced",)


# ---------------------------------------------------------------- periods (domain.md section 2)

def work_year(day: date) -> int:
    """Return the work-year containing day: 1/10/(N-1)..30/9/N is work-year N."""
    return day.year + 1 if day.month >= 10 else day.year


def work_year_start(day: date) -> date:
    """Return 1 October opening the work-year that contains day."""
    return date(work_year(day) - 1, 10, 1)


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - ONE_DAY


def same_day_last_year(day: date) -> date:
    """Return the end of the same period last year: a month end maps to the month end, other days keep their day."""
    if day == _month_end(day.year, day.month):
        return _month_end(day.year - 1, day.month)
    # Only 29/2 lacks a twin a year earlier, and 29/2 is a month end, handled above.
    return date(day.year - 1, day.month, day.day)


def rate_percent(numerator: int, denominator: int) -> float | None:
    """Return numerator / denominator x 100 rounded half up to 2 decimals, or None when the denominator is 0."""
    if denominator == 0:
        return None
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(numerator) * 100 / Decimal(denominator)
        return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- one case replayed day by day

@dataclass(frozen=True)
class DayState:
    """What is true of a case after every event dated on or before one day."""
    officer: str
    standing: str  # the last classification: in_progress | deferred_c | deferred | suspended | not_yet
    in_ledger: bool
    collected: int
    reduced: int
    terminal: str | None


@dataclass
class Case:
    """One enforcement decision with its day-by-day states."""
    code: str
    decided: date
    unit: str
    judgment_type: str
    mode: str
    amount: int
    groups: tuple[str, ...]
    days: list[date]            # every day with an event, ascending
    states: list[DayState]      # the state after each of those days
    opening: DayState           # the state on the decision day before any event
    restores: list[date]        # days with a ra_so_rieng event

    def state_at(self, day: date) -> DayState | None:
        """Return the state after every event dated day or earlier; None before the decision day."""
        if day < self.decided:
            return None
        position = bisect_right(self.days, day)
        return self.states[position - 1] if position else self.opening

    def remaining_at(self, day: date) -> int:
        """Return amount - collected - reduced up to and including day."""
        state = self.state_at(day)
        return self.amount - state.collected - state.reduced


class InvalidData(ValueError):
    """The exchange tables break an import rule of domain.md section 3."""


def _apply(case_code: str, amount: int, state: DayState, event: dict) -> DayState:
    kind = event["kind"]
    if state.terminal is not None:
        raise InvalidData(f"{case_code} {event['day']}: {kind} after the terminal event")
    if state.in_ledger and (kind in _TERMINALS or kind in ("thu_tien", "giam")):
        raise InvalidData(f"{case_code} {event['day']}: {kind} while in the separate ledger")
    if kind == "xac_minh":
        return state
    if kind == "phan_cong":
        return replace(state, officer=event["detail"])
    if kind in ("co_dieu_kien", "tiep_tuc"):
        return replace(state, standing="in_progress")
    if kind == "hoan":
        return replace(state, standing="deferred_c" if event["detail"] == "c" else "deferred")
    if kind == "tam_dinh_chi":
        return replace(state, standing="suspended")
    if kind == "chua_co_dieu_kien":
        return replace(state, standing="not_yet")
    if kind == "vao_so_rieng":
        if state.in_ledger or state.standing in ("in_progress", "deferred_c"):
            raise InvalidData(f"{case_code} {event['day']}: vao_so_rieng from {state.standing}")
        return replace(state, in_ledger=True)
    if kind == "ra_so_rieng":
        if not state.in_ledger:
            raise InvalidData(f"{case_code} {event['day']}: ra_so_rieng outside the ledger")
        return replace(state, in_ledger=False)
    if kind in ("giam", "thu_tien"):
        collected = state.collected + (event["amount"] if kind == "thu_tien" else 0)
        reduced = state.reduced + (event["amount"] if kind == "giam" else 0)
        if collected + reduced > amount:
            raise InvalidData(f"{case_code} {event['day']}: collected + reduced above the amount")
        return replace(state, collected=collected, reduced=reduced)
    if kind in _TERMINALS:
        return replace(state, terminal=kind)
    raise InvalidData(f"{case_code}: unknown event {kind}")


def replay_case(row: dict, events: list[dict]) -> Case:
    """Return the case of a viec row with its day-by-day states from its events; InvalidData if a rule breaks."""
    decided = date.fromisoformat(row["ngay_quyet_dinh"])
    amount = int(row["so_tien_phai_thi_hanh"])
    opening = DayState(officer=row["ma_chv"], standing="in_progress", in_ledger=False, collected=0, reduced=0,
                       terminal=None)
    ordered = sorted(events, key=lambda event: (event["day"], _DAY_RANK[event["kind"]]))  # stable: file order
    days, states, state = [], [], opening
    for event in ordered:
        if event["day"] < decided:
            raise InvalidData(f"{row['ma_viec']} {event['day']}: event before the decision")
        state = _apply(row["ma_viec"], amount, state, event)
        if days and days[-1] == event["day"]:
            states[-1] = state
        else:
            days.append(event["day"])
            states.append(state)
    return Case(code=row["ma_viec"], decided=decided, unit=row["ma_don_vi"], judgment_type=row["loai_ban_an"],
                mode=row["hinh_thuc"], amount=amount, groups=tuple(g for g in row["nhom"].split("|") if g),
                days=days, states=states, opening=opening,
                restores=[event["day"] for event in ordered if event["kind"] == "ra_so_rieng"])


# ---------------------------------------------------------------- what one case adds to one window

@dataclass(frozen=True)
class Figures:
    """One case's contribution to the chains of one window: the counted buckets before any derivation."""
    officer: str
    cases: dict
    money: dict


def case_window_figures(case: Case, start: date, end: date) -> Figures | None:
    """Return the case's buckets for the window [start, end], or None when it is not in the caseload."""
    if case.decided > end:
        return None
    eve = start - ONE_DAY
    before = case.state_at(eve)
    cases = dict.fromkeys(BUCKETS, 0)
    money = dict.fromkeys(BUCKETS + ("reduced",), 0)
    if case.decided >= start:
        cases["new"], money["new"] = 1, case.amount
    elif before.terminal is None and not before.in_ledger:
        cases["brought_forward"], money["brought_forward"] = 1, case.remaining_at(eve)
    else:
        restores_in_window = [day for day in case.restores if start <= day <= end]
        if not (before.in_ledger and restores_in_window):
            return None
        cases["new"], money["new"] = 1, case.remaining_at(restores_in_window[0] - ONE_DAY)

    at_end = case.state_at(end)
    money["done"] = at_end.collected - (before.collected if before else 0)
    money["reduced"] = at_end.reduced - (before.reduced if before else 0)
    remaining = case.amount - at_end.collected - at_end.reduced
    terminal = at_end.terminal  # a terminal before start was excluded above, so this one falls in the window
    if terminal == "uy_thac":
        # Collected on or before the delegation day: completed, not deducted; its remaining money is deducted.
        cases["done" if at_end.collected > 0 else "delegated"] = 1
        money["delegated"] = remaining
    elif terminal == "huy_quyet_dinh":
        cases["cancelled"], money["cancelled"] = 1, remaining
    elif terminal == "xong":
        cases["done"] = 1
        money["done"] += remaining
    elif terminal == "dinh_chi":
        cases["terminated"], money["terminated"] = 1, remaining
    else:
        bucket = _bucket(at_end)
        cases[bucket], money[bucket] = 1, remaining
    officer = at_end.officer  # the officer at the terminal event in the window, else at end: both are this state
    return Figures(officer=officer, cases=cases, money=money)


def _bucket(state: DayState) -> str:
    if state.in_ledger:
        return "pending_not_enforceable"
    if state.standing in ("in_progress", "deferred_c"):
        return state.standing
    return "pending_not_enforceable"


def derive(counted: dict, with_reduced: bool) -> dict:
    """Return the published chain from summed buckets, each key written as domain.md section 4 defines it."""
    chain = {key: counted[key] for key in ("brought_forward", "new", "delegated", "cancelled", "done",
                                            "terminated", "in_progress", "deferred_c")}
    chain["caseload"] = chain["brought_forward"] + chain["new"]
    chain["to_enforce"] = chain["caseload"] - chain["delegated"] - chain["cancelled"]
    completed = chain["done"] + chain["terminated"] + (counted["reduced"] if with_reduced else 0)
    chain["enforceable"] = completed + chain["in_progress"] + chain["deferred_c"]
    chain["not_enforceable"] = chain["to_enforce"] - chain["enforceable"]
    chain["completed"] = completed
    chain["rate"] = rate_percent(completed, chain["enforceable"])
    chain["carried"] = chain["to_enforce"] - completed
    if with_reduced:
        chain["reduced"] = counted["reduced"]
    if chain["not_enforceable"] != counted["pending_not_enforceable"]:
        raise AssertionError("not enforceable differs from the pending not-enforceable bucket")
    return chain
