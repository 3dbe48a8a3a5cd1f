"""Calibration steps that move the enforceable figures: reclassifying pending cases (counts and money), swapping
large cases in progress for small not-enforceable ones, and changing the amounts of new cases in progress."""

from data_access import codes
from dashboard.demo.calibration.workbench import Workbench, require

# A case raised to this amount or more is a key case (trọng điểm, số tiền lớn), as the generator marks them.
LARGE_CASE = 8_000_000_000
_TO_ENFORCEABLE = {
    codes.STATE_NOT_ENFORCEABLE: "co_dieu_kien",
    codes.STATE_DEFERRED: "tiep_tuc",
    codes.STATE_SUSPENDED: "tiep_tuc",
}


def set_enforceable(bench: Workbench, budget: bool, wanted: int, money_goal: int | None = None) -> None:
    """Reclassify pending cases of a part until its enforceable count is `wanted`."""
    gap = wanted - bench.figures(budget)["enforceable"]
    # Not-enforceable cases become enforceable by a verification, deferred or suspended ones by resuming.
    moves = _TO_ENFORCEABLE if gap > 0 else {codes.STATE_IN_PROGRESS: "chua_co_dieu_kien"}
    pool = [(code, remaining, kind) for status, kind in moves.items()
            for code, remaining in bench.candidates(budget, status)]
    if money_goal is not None:
        shift = money_goal - bench.figures(budget)["enforceable_money"]
        pool = _towards(pool, abs(gap), shift if gap > 0 else -shift)
    edited = []
    for code, _, kind in pool:
        if len(edited) == abs(gap):
            break
        case = bench.province.cases[code]
        day = bench.free_day(case)
        if day is not None and bench.attempt(case, lambda: case.events.append((day, kind, None, ""))):
            edited.append(code)
    require(len(edited) == abs(gap), f"enforceable of part budget={budget}: {len(edited)}/{abs(gap)}")
    bench.commit(edited)


def set_enforceable_money(bench: Workbench, budget: bool, wanted: int) -> None:
    """Swap classifications, then change amounts of new cases in progress, until enforceable money is `wanted`."""
    if bench.figures(budget)["enforceable_money"] > wanted:
        _swap_large_for_small(bench, budget, wanted)
    gap = wanted - bench.figures(budget)["enforceable_money"]
    facts = bench.part(budget)
    fresh = facts[(facts["brought_forward"] == 0) & (facts["status"] == codes.STATE_IN_PROGRESS)
                  & (facts["remaining"] > 1_000_000)]
    edited = []
    for code, remaining in zip(fresh["key"], fresh["remaining"]):
        if gap == 0:
            break
        case = bench.province.cases[code]
        step = min(gap, max(3 * int(remaining), LARGE_CASE)) if gap > 0 else -min(-gap, int(remaining) - 1000)

        def change(case=case, step=step):
            case.amount += step
            if case.amount >= LARGE_CASE and "trong_diem" not in case.groups:
                case.groups = sorted([*case.groups, "trong_diem"])

        if step and bench.attempt(case, change):
            gap -= step
            edited.append(code)
    require(gap == 0, f"enforceable money of part budget={budget}: {gap} left")
    bench.commit(edited)


def _swap_large_for_small(bench: Workbench, budget: bool, wanted: int) -> None:
    """Reclassify large cases in progress as not enforceable and small ones the other way, pair by pair."""
    gap = wanted - bench.figures(budget)["enforceable_money"]
    large = sorted(bench.candidates(budget, codes.STATE_IN_PROGRESS), key=lambda item: -item[1])
    small = sorted(bench.candidates(budget, codes.STATE_NOT_ENFORCEABLE), key=lambda item: item[1])
    edited = []
    for (out_code, out_remaining), (in_code, in_remaining) in zip(large, small):
        if gap >= 0 or out_remaining <= in_remaining:
            break
        leaving, joining = bench.province.cases[out_code], bench.province.cases[in_code]
        out_day, in_day = bench.free_day(leaving), bench.free_day(joining)
        if out_day is None or in_day is None:
            continue
        if not bench.attempt(leaving, lambda: leaving.events.append((out_day, "chua_co_dieu_kien", None, ""))):
            continue
        if not bench.attempt(joining, lambda: joining.events.append((in_day, "co_dieu_kien", None, ""))):
            leaving.events.remove((out_day, "chua_co_dieu_kien", None, ""))
            continue
        gap += out_remaining - in_remaining
        edited += [out_code, in_code]
    bench.commit(edited)


def _towards(pool: list[tuple], count: int, money: int) -> list[tuple]:
    """Return the pool reordered so that its first `count` entries carry about `money` in all (their item[1]).

    Large entries are taken while the rest can still be filled with the smallest ones; the smallest fill up.
    """
    ordered = sorted(pool, key=lambda item: item[1])
    smallest = ordered[0][1] if ordered else 0
    chosen, total = [], 0
    for item in reversed(ordered):
        if len(chosen) == count:
            break
        if total + item[1] + (count - len(chosen) - 1) * smallest <= money:
            chosen.append(item)
            total += item[1]
    picked = {id(item) for item in chosen}
    return chosen + [item for item in ordered if id(item) not in picked]
