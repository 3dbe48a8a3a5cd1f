"""What the calibration aims at: the exact figures wanted of one part of the caseload, the counts that give a
rate, and the order of the steps that reach them without undoing each other."""

from dataclasses import dataclass

from dashboard.demo.calibration.completed import postpone_completions, set_completed, set_completed_money
from dashboard.demo.calibration.enforceable import set_enforceable, set_enforceable_money
from dashboard.demo.calibration.workbench import Workbench
from dashboard.metrics.chains import rate


@dataclass(frozen=True)
class PartTarget:
    """Exact figures wanted for one part of the caseload (None leaves a figure as it comes)."""

    enforceable: int | None = None
    completed: int | None = None
    enforceable_money: int | None = None
    completed_money: int | None = None


def reach(bench: Workbench, budget: bool, target: PartTarget) -> None:
    """Apply every figure of a part's target, in an order where later edits keep earlier figures.

    Reclassifying moves both counts and money; completing keeps the enforceable figures; collections move
    completed money (and enforceable money when taken off a case that is not enforceable); changing amounts
    of cases in progress, or swapping their classification pairwise, moves only enforceable money.
    """
    if target.enforceable is not None:
        set_enforceable(bench, budget, target.enforceable, target.enforceable_money)
    if target.completed_money is not None and bench.figures(budget)["completed_money"] > target.completed_money:
        postpone_completions(bench, budget, target.completed_money)
    if target.completed is not None:
        set_completed(bench, budget, target.completed)
    if target.completed_money is not None:
        set_completed_money(bench, budget, target.completed_money)
    if target.enforceable_money is not None:
        set_enforceable_money(bench, budget, target.enforceable_money)


def counts_for_rate(enforceable: int, completed: int, wanted_rate: float, *, fixed=(0, 0)) -> tuple[int, int]:
    """Return the (enforceable, completed) nearest to the given ones, completed not lower, that give the rate.

    `fixed` is a (enforceable, completed) pair added to both before the rate is taken.
    """
    best = None
    for extra_enforceable in range(-400, 401):
        total_enforceable = enforceable + extra_enforceable
        ideal = round(wanted_rate / 100 * (total_enforceable + fixed[0])) - fixed[1]
        for candidate in (ideal - 1, ideal, ideal + 1):
            if candidate < completed or candidate > total_enforceable:
                continue
            if rate(candidate + fixed[1], total_enforceable + fixed[0]) == wanted_rate:
                cost = abs(extra_enforceable) + candidate - completed
                if best is None or cost < best[0]:
                    best = (cost, total_enforceable, candidate)
    if best is None:
        raise RuntimeError(f"no counts near {completed}/{enforceable} give {wanted_rate}%")
    return best[1], best[2]
