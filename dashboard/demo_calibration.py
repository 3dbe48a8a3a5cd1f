"""Nudges a generated province so that chosen windows show exactly the figures of a real report.

Each nudge is an ordinary event a real unit could record (a reclassification, a completion, a collection) or a
changed amount on a case decided in the window, and every edited case is checked again by the import rules.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from sqlalchemy.engine import Engine

from data_access import codes
from data_access.chain_queries import CASE_DIMENSION, direct_parts
from data_access.importer import import_tables
from data_access.timeline import Event, replay
from dashboard.chains import case_chain, money_chain, rate
from dashboard.demo_province import Case, Province
from dashboard.periods import Window

BUDGET = "ngan_sach"
# A case raised to this amount or more is a key case (trọng điểm, số tiền lớn), as the generator marks them.
LARGE_CASE = 8_000_000_000


@dataclass(frozen=True)
class PartTarget:
    """Exact figures wanted for one part of the caseload (None leaves a figure as it comes)."""

    enforceable: int | None = None
    completed: int | None = None
    enforceable_money: int | None = None
    completed_money: int | None = None


_PENDING = (codes.STATE_IN_PROGRESS, codes.STATE_DEFERRED_C, *codes.NOT_ENFORCEABLE_STATES)
_TO_ENFORCEABLE = {
    codes.STATE_NOT_ENFORCEABLE: "co_dieu_kien",
    codes.STATE_DEFERRED: "tiep_tuc",
    codes.STATE_SUSPENDED: "tiep_tuc",
}


class Calibrator:
    """Edits a province's cases in the database and in memory, one window at a time."""

    def __init__(self, engine: Engine, province: Province, seed: int):
        self.engine = engine
        self.province = province
        self.rng = random.Random(seed)
        self.window: Window | None = None
        self.facts = pd.DataFrame()

    def focus(self, window: Window) -> None:
        """Make `window` the one the next edits aim at, and load its per-case facts."""
        self.window = window
        self.refresh()

    def refresh(self) -> None:
        """Reload the per-case facts of the window from the database."""
        facts = direct_parts(self.engine, self.window.start, self.window.end, by=CASE_DIMENSION)
        facts = facts.sort_values("key", ignore_index=True)
        facts["budget"] = [self.province.cases[code].has_group(BUDGET) for code in facts["key"]]
        self.facts = facts

    def part(self, budget: bool) -> pd.DataFrame:
        """Return the facts of the budget part or of the rest."""
        return self.facts[self.facts["budget"] == budget]

    def figures(self, budget: bool | None = None) -> dict:
        """Return enforceable, completed and the money pair for a part (None = whole caseload)."""
        facts = self.facts if budget is None else self.part(budget)
        cases, money = case_chain(facts), money_chain(facts)
        return {"enforceable": cases["enforceable"], "completed": cases["completed"],
                "enforceable_money": money["enforceable"], "completed_money": money["completed"]}

    def commit(self, edited: list[str]) -> None:
        """Write the edited cases to the database and reload the facts."""
        if edited:
            import_tables(self.engine, self.province.tables(only=sorted(set(edited)), whole_story=True))
        self.refresh()

    def _candidates(self, budget: bool, status: str) -> list[tuple[str, int]]:
        """Return (code, remaining) of a part's cases in `status` at the window's end.

        Cases with no event after the window come first, in random order, so edits disturb later years least.
        """
        facts = self.part(budget)
        facts = facts[facts["status"] == status]
        quiet, busy = [], []
        for code, remaining in zip(facts["key"], facts["remaining"]):
            later = any(on > self.window.end for on, *_ in self.province.cases[code].events)
            (busy if later else quiet).append((code, int(remaining)))
        self.rng.shuffle(quiet)
        self.rng.shuffle(busy)
        return quiet + busy

    def _free_day(self, case: Case) -> date | None:
        last = max((on for on, *_ in case.events if on <= self.window.end), default=case.decided_on)
        first = max(last + timedelta(days=1), self.window.start)
        if first > self.window.end:
            return None
        return first + timedelta(days=self.rng.randint(0, (self.window.end - first).days))

    def _try(self, case: Case, change) -> bool:
        before = (list(case.events), case.amount)
        change()
        case.events.sort(key=lambda event: (event[0], codes.EVENT_DAY_ORDER[event[1]]))
        events = [Event(line, on, kind, amount, detail) for line, (on, kind, amount, detail)
                  in enumerate(case.events, start=2)]
        _, breaches = replay(case.decided_on, case.amount, case.officer, events)
        if breaches:
            case.events, case.amount = before
            return False
        return True

    def set_enforceable(self, budget: bool, wanted: int, money_goal: int | None = None) -> None:
        """Reclassify pending cases of a part until its enforceable count is `wanted`."""
        gap = wanted - self.figures(budget)["enforceable"]
        # Not-enforceable cases become enforceable by a verification, deferred or suspended ones by resuming.
        moves = _TO_ENFORCEABLE if gap > 0 else {codes.STATE_IN_PROGRESS: "chua_co_dieu_kien"}
        pool = [(code, remaining, kind) for status, kind in moves.items()
                for code, remaining in self._candidates(budget, status)]
        if money_goal is not None:
            shift = money_goal - self.figures(budget)["enforceable_money"]
            pool = _towards(pool, abs(gap), shift if gap > 0 else -shift)
        edited = []
        for code, _, kind in pool:
            if len(edited) == abs(gap):
                break
            case = self.province.cases[code]
            day = self._free_day(case)
            if day is not None and self._try(case, lambda: case.events.append((day, kind, None, ""))):
                edited.append(code)
        self._require(len(edited) == abs(gap), f"enforceable of part budget={budget}: {len(edited)}/{abs(gap)}")
        self.commit(edited)

    def postpone_completions(self, budget: bool, money_goal: int) -> None:
        """Move the largest completions of the window past its end until completed money could reach `money_goal`.

        Each moved case takes its closing collection and its xong along; set_completed then completes smaller
        cases in their place, so the count can still be met.
        """
        excess = self.figures(budget)["completed_money"] - money_goal
        facts = self.part(budget)
        done = facts[facts["status"] == codes.STATE_DONE]
        closing = {code: self._closing(self.province.cases[code]) + int(settled)
                   for code, settled in zip(done["key"], done["remaining"])}
        edited = []
        for code in sorted(closing, key=lambda code: -closing[code]):
            if excess <= 0:
                break
            case = self.province.cases[code]
            exit_day = max(on for on, kind, *_ in case.events if kind == "xong")
            later = self.window.end + timedelta(days=self.rng.randint(20, 150))

            def postpone(case=case, exit_day=exit_day, later=later):
                case.events[:] = [(later, kind, value, detail) if on == exit_day and kind in ("thu_tien", "xong")
                                  else (on, kind, value, detail) for on, kind, value, detail in case.events]

            if self._try(case, postpone):
                excess -= closing[code]
                edited.append(code)
        self.commit(edited)

    @staticmethod
    def _closing(case: Case) -> int:
        """Return what a completed case collected on the day of its xong."""
        exit_day = max(on for on, kind, *_ in case.events if kind == "xong")
        return sum(value for on, kind, value, _ in case.events if on == exit_day and kind == "thu_tien")

    def set_completed(self, budget: bool, wanted: int) -> None:
        """Complete pending enforceable cases of a part (collect the rest, then xong) up to `wanted`."""
        gap = wanted - self.figures(budget)["completed"]
        self._require(gap >= 0, f"completed of part budget={budget} is already above {wanted}")
        # Small sums first: a completion settles the rest of the case, which counts as money completed.
        pool = sorted(self._candidates(budget, codes.STATE_IN_PROGRESS), key=lambda item: item[1])
        edited = []
        for code, remaining in pool:
            if len(edited) == gap:
                break
            case = self.province.cases[code]
            day = self._free_day(case)

            def finish(case=case, day=day, remaining=remaining):
                # The case now ends in the window, so whatever it did afterwards never happened.
                case.events[:] = [event for event in case.events if event[0] <= self.window.end]
                if remaining:
                    case.events.append((day, "thu_tien", remaining, ""))
                case.events.append((day, "xong", None, ""))

            if day is not None and self._try(case, finish):
                edited.append(code)
        self._require(len(edited) == gap, f"completed of part budget={budget}: {len(edited)}/{gap}")
        self.commit(edited)

    def set_completed_money(self, budget: bool, wanted: int) -> None:
        """Take collections off pending cases, or add some on cases in progress, until completed money is `wanted`."""
        excess = self.figures(budget)["completed_money"] - wanted
        edited = []
        if excess > 0:
            pending = [code for status in _PENDING for code, _ in self._candidates(budget, status)]
            for code in pending:
                case = self.province.cases[code]
                for event in [e for e in case.events if e[1] == "thu_tien" and self._in_window(e[0])]:
                    if excess <= 0:
                        break
                    if self._try(case, lambda event=event: case.events.remove(event)):
                        excess -= event[2]
                        edited.append(code)
            self.commit(edited)
            edited = []
        self._require(self.figures(budget)["completed_money"] <= wanted,
                      f"completed money of part budget={budget} stays above {wanted}")
        shortfall = wanted - self.figures(budget)["completed_money"]
        for code, remaining in self._candidates(budget, codes.STATE_IN_PROGRESS):
            if shortfall <= 0:
                break
            case = self.province.cases[code]
            day, part = self._free_day(case), min(shortfall, remaining - 1)
            if day is not None and part > 0 and self._try(case, lambda: self._collect_earlier(case, day, part)):
                shortfall -= part
                edited.append(code)
        self._require(shortfall == 0, f"completed money of part budget={budget}: {shortfall} short")
        self.commit(edited)

    def _collect_earlier(self, case: Case, day: date, part: int) -> None:
        """Collect `part` on `day`, taking it off later collections where the case would otherwise exceed its amount."""
        spent = sum(amount for _, kind, amount, _ in case.events if kind in codes.MONEY_EVENTS)
        excess = spent + part - case.amount
        for index, (on, kind, amount, detail) in enumerate(case.events):
            if excess <= 0:
                break
            if kind == "thu_tien" and on > self.window.end:
                taken = min(amount, excess)
                case.events[index] = (on, kind, amount - taken, detail)
                excess -= taken
        case.events[:] = [event for event in case.events if event[1] != "thu_tien" or event[2] > 0]
        case.events.append((day, "thu_tien", part, ""))

    def set_enforceable_money(self, budget: bool, wanted: int) -> None:
        """Swap classifications, then change amounts of new cases in progress, until enforceable money is `wanted`."""
        if self.figures(budget)["enforceable_money"] > wanted:
            self._swap_large_for_small(budget, wanted)
        gap = wanted - self.figures(budget)["enforceable_money"]
        facts = self.part(budget)
        fresh = facts[(facts["brought_forward"] == 0) & (facts["status"] == codes.STATE_IN_PROGRESS)
                      & (facts["remaining"] > 1_000_000)]
        edited = []
        for code, remaining in zip(fresh["key"], fresh["remaining"]):
            if gap == 0:
                break
            case = self.province.cases[code]
            step = min(gap, max(3 * int(remaining), LARGE_CASE)) if gap > 0 else -min(-gap, int(remaining) - 1000)

            def change(case=case, step=step):
                case.amount += step
                if case.amount >= LARGE_CASE and "trong_diem" not in case.groups:
                    case.groups = sorted([*case.groups, "trong_diem"])

            if step and self._try(case, change):
                gap -= step
                edited.append(code)
        self._require(gap == 0, f"enforceable money of part budget={budget}: {gap} left")
        self.commit(edited)

    def _swap_large_for_small(self, budget: bool, wanted: int) -> None:
        """Reclassify large cases in progress as not enforceable and small ones the other way, pair by pair."""
        gap = wanted - self.figures(budget)["enforceable_money"]
        large = sorted(self._candidates(budget, codes.STATE_IN_PROGRESS), key=lambda item: -item[1])
        small = sorted(self._candidates(budget, codes.STATE_NOT_ENFORCEABLE), key=lambda item: item[1])
        edited = []
        for (out_code, out_remaining), (in_code, in_remaining) in zip(large, small):
            if gap >= 0 or out_remaining <= in_remaining:
                break
            leaving, joining = self.province.cases[out_code], self.province.cases[in_code]
            out_day, in_day = self._free_day(leaving), self._free_day(joining)
            if out_day is None or in_day is None:
                continue
            if not self._try(leaving, lambda: leaving.events.append((out_day, "chua_co_dieu_kien", None, ""))):
                continue
            if not self._try(joining, lambda: joining.events.append((in_day, "co_dieu_kien", None, ""))):
                leaving.events.remove((out_day, "chua_co_dieu_kien", None, ""))
                continue
            gap += out_remaining - in_remaining
            edited += [out_code, in_code]
        self.commit(edited)

    def _in_window(self, day: date) -> bool:
        return self.window.start <= day <= self.window.end

    @staticmethod
    def _require(condition: bool, what: str) -> None:
        if not condition:
            raise RuntimeError(f"demo calibration could not reach its figures ({what})")

    def reach(self, budget: bool, target: PartTarget) -> None:
        """Apply every figure of a part's target, in an order where later edits keep earlier figures.

        Reclassifying moves both counts and money; completing keeps the enforceable figures; collections move
        completed money (and enforceable money when taken off a case that is not enforceable); changing amounts
        of cases in progress, or swapping their classification pairwise, moves only enforceable money.
        """
        if target.enforceable is not None:
            self.set_enforceable(budget, target.enforceable, target.enforceable_money)
        if target.completed_money is not None and self.figures(budget)["completed_money"] > target.completed_money:
            self.postpone_completions(budget, target.completed_money)
        if target.completed is not None:
            self.set_completed(budget, target.completed)
        if target.completed_money is not None:
            self.set_completed_money(budget, target.completed_money)
        if target.enforceable_money is not None:
            self.set_enforceable_money(budget, target.enforceable_money)


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
