"""Calibration steps that move the completed figures: completing cases in progress, postponing large completions
past the window, and adding or removing collections until the completed money is exact."""

from datetime import date, timedelta

from data_access import codes
from dashboard.demo.calibration.workbench import Workbench, require
from dashboard.demo.story import Case

_PENDING = (codes.STATE_IN_PROGRESS, codes.STATE_DEFERRED_C, *codes.NOT_ENFORCEABLE_STATES)


def postpone_completions(bench: Workbench, budget: bool, money_goal: int) -> None:
    """Move the largest completions of the window past its end until completed money could reach `money_goal`.

    Each moved case takes its closing collection and its xong along; set_completed then completes smaller
    cases in their place, so the count can still be met.
    """
    excess = bench.figures(budget)["completed_money"] - money_goal
    facts = bench.part(budget)
    done = facts[facts["status"] == codes.STATE_DONE]
    closing = {code: _closing(bench.province.cases[code]) + int(settled)
               for code, settled in zip(done["key"], done["remaining"])}
    edited = []
    for code in sorted(closing, key=lambda code: -closing[code]):
        if excess <= 0:
            break
        case = bench.province.cases[code]
        exit_day = max(on for on, kind, *_ in case.events if kind == "xong")
        later = bench.window.end + timedelta(days=bench.rng.randint(20, 150))

        def postpone(case=case, exit_day=exit_day, later=later):
            case.events[:] = [(later, kind, value, detail) if on == exit_day and kind in ("thu_tien", "xong")
                              else (on, kind, value, detail) for on, kind, value, detail in case.events]

        if bench.attempt(case, postpone):
            excess -= closing[code]
            edited.append(code)
    bench.commit(edited)


def _closing(case: Case) -> int:
    """Return what a completed case collected on the day of its xong."""
    exit_day = max(on for on, kind, *_ in case.events if kind == "xong")
    return sum(value for on, kind, value, _ in case.events if on == exit_day and kind == "thu_tien")


def set_completed(bench: Workbench, budget: bool, wanted: int) -> None:
    """Complete pending enforceable cases of a part (collect the rest, then xong) up to `wanted`."""
    gap = wanted - bench.figures(budget)["completed"]
    require(gap >= 0, f"completed of part budget={budget} is already above {wanted}")
    # Small sums first: a completion settles the rest of the case, which counts as money completed.
    pool = sorted(bench.candidates(budget, codes.STATE_IN_PROGRESS), key=lambda item: item[1])
    edited = []
    for code, remaining in pool:
        if len(edited) == gap:
            break
        case = bench.province.cases[code]
        day = bench.free_day(case)

        def finish(case=case, day=day, remaining=remaining):
            # The case now ends in the window, so whatever it did afterwards never happened.
            case.events[:] = [event for event in case.events if event[0] <= bench.window.end]
            if remaining:
                case.events.append((day, "thu_tien", remaining, ""))
            case.events.append((day, "xong", None, ""))

        if day is not None and bench.attempt(case, finish):
            edited.append(code)
    require(len(edited) == gap, f"completed of part budget={budget}: {len(edited)}/{gap}")
    bench.commit(edited)


def set_completed_money(bench: Workbench, budget: bool, wanted: int) -> None:
    """Take collections off pending cases, or add some on cases in progress, until completed money is `wanted`."""
    excess = bench.figures(budget)["completed_money"] - wanted
    edited = []
    if excess > 0:
        pending = [code for status in _PENDING for code, _ in bench.candidates(budget, status)]
        for code in pending:
            case = bench.province.cases[code]
            for event in [e for e in case.events if e[1] == "thu_tien" and bench.in_window(e[0])]:
                if excess <= 0:
                    break
                if bench.attempt(case, lambda event=event: case.events.remove(event)):
                    excess -= event[2]
                    edited.append(code)
        bench.commit(edited)
        edited = []
    require(bench.figures(budget)["completed_money"] <= wanted,
            f"completed money of part budget={budget} stays above {wanted}")
    shortfall = wanted - bench.figures(budget)["completed_money"]
    for code, remaining in bench.candidates(budget, codes.STATE_IN_PROGRESS):
        if shortfall <= 0:
            break
        case = bench.province.cases[code]
        day, part = bench.free_day(case), min(shortfall, remaining - 1)
        if day is not None and part > 0 and bench.attempt(case, lambda: _collect_earlier(bench, case, day, part)):
            shortfall -= part
            edited.append(code)
    require(shortfall == 0, f"completed money of part budget={budget}: {shortfall} short")
    bench.commit(edited)


def _collect_earlier(bench: Workbench, case: Case, day: date, part: int) -> None:
    """Collect `part` on `day`, taking it off later collections where the case would otherwise exceed its amount."""
    spent = sum(amount for _, kind, amount, _ in case.events if kind in codes.MONEY_EVENTS)
    excess = spent + part - case.amount
    for index, (on, kind, amount, detail) in enumerate(case.events):
        if excess <= 0:
            break
        if kind == "thu_tien" and on > bench.window.end:
            taken = min(amount, excess)
            case.events[index] = (on, kind, amount - taken, detail)
            excess -= taken
    case.events[:] = [event for event in case.events if event[1] != "thu_tien" or event[2] > 0]
    case.events.append((day, "thu_tien", part, ""))
