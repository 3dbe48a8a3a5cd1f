"""The calibration's workbench: a province's cases in memory and in a scratch database, the per-case facts of one
window, and the primitives every step uses (candidates, a free day, an edit tried against the import rules).

Each nudge is an ordinary event a real unit could record (a reclassification, a completion, a collection) or a
changed amount on a case decided in the window, and every edited case is checked again by the import rules.
"""

import random
from datetime import date, timedelta

import pandas as pd
from sqlalchemy.engine import Engine

from data_access import codes
from data_access.exchange.importer import import_tables
from data_access.exchange.timeline import Event, replay
from data_access.queries.chain_queries import CASE_DIMENSION, direct_parts
from data_access.queries.viewing import OPERATOR, Reader
from dashboard.demo.province import Province
from dashboard.demo.story import Case
from dashboard.metrics.chains import case_chain, money_chain
from dashboard.metrics.periods import Window

BUDGET = "ngan_sach"


class Workbench:
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
        facts = direct_parts(Reader(self.engine, OPERATOR), self.window.start, self.window.end, by=CASE_DIMENSION)
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
            import_tables(self.engine, self.province.tables(only=sorted(set(edited)), whole_story=True),
                          stored_figures=False)
        self.refresh()

    def candidates(self, budget: bool, status: str) -> list[tuple[str, int]]:
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

    def free_day(self, case: Case) -> date | None:
        """Return a random day of the window after the case's last event in it, or None if none is left."""
        last = max((on for on, *_ in case.events if on <= self.window.end), default=case.decided_on)
        first = max(last + timedelta(days=1), self.window.start)
        if first > self.window.end:
            return None
        return first + timedelta(days=self.rng.randint(0, (self.window.end - first).days))

    def attempt(self, case: Case, change) -> bool:
        """Return whether the case still obeys the import rules after `change()`; if not, the change is undone."""
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

    def in_window(self, day: date) -> bool:
        """Return whether the day falls in the window the edits aim at."""
        return self.window.start <= day <= self.window.end


def require(condition: bool, what: str) -> None:
    """Raise RuntimeError naming `what` unless the condition holds: the demo must show exactly its figures."""
    if not condition:
        raise RuntimeError(f"demo calibration could not reach its figures ({what})")
