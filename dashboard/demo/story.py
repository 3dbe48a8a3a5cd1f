"""One generated case and the simulation of its life, event by event, within the import rules (domain.md section 3)."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from data_access.codes import EVENT_DAY_ORDER

# Stories are simulated to this day and cut at the day the demo is built.
STORY_HORIZON = date(2040, 1, 1)


@dataclass
class Case:
    """One generated case and its events as exchange rows (date, kind, amount, detail)."""

    code: str
    decided_on: date
    unit: str
    officer: str
    judgment_type: str
    mode: str
    amount: int
    groups: list[str]
    events: list[tuple] = field(default_factory=list)

    def has_group(self, group: str) -> bool:
        """Return whether the case belongs to a group."""
        return group in self.groups


class CaseStory:
    """Simulates one case day by day in coarse steps, writing only events that obey the import rules."""

    def __init__(self, rng: random.Random, case: Case, colleagues: list[str], horizon: date):
        self.rng, self.case, self.colleagues, self.today = rng, case, colleagues, horizon
        self.remaining = case.amount
        self.day = case.decided_on

    def emit(self, on: date, kind: str, amount: int | None = None, detail: str = "") -> bool:
        """Record an event unless it falls after the horizon; return whether it was recorded."""
        if on > self.today:
            return False
        self.case.events.append((on, kind, amount, detail))
        self.day = on
        return True

    def later(self, low: int, high: int) -> date:
        """Return a day between `low` and `high` days after the last event."""
        return self.day + timedelta(days=self.rng.randint(low, high))

    def run(self) -> None:
        """Write the whole story of the case: its path through enforcement, then maybe a reassignment."""
        rng, budget = self.rng, self.case.has_group("ngan_sach")
        self.follow(budget)
        if rng.random() < 0.2 and len(self.colleagues) > 1:
            self.reassign()

    def reassign(self) -> None:
        """Hand the case to a colleague on some day of its life (at the latest on its terminal day)."""
        last = self.case.events[-1][0] if self.case.events else self.today
        span = (min(last, self.today) - self.case.decided_on).days
        on = self.case.decided_on + timedelta(days=self.rng.randint(0, max(0, span)))
        others = [code for code in self.colleagues if code != self.case.officer]
        self.case.events.append((on, "phan_cong", None, self.rng.choice(others)))
        self.case.events.sort(key=lambda event: (event[0], EVENT_DAY_ORDER[event[1]]))

    def follow(self, budget: bool) -> None:
        """Verify the case, then alternate between enforcing it and waiting while it is not enforceable."""
        rng = self.rng
        verified = self.later(7, 45)
        enforceable = rng.random() < (0.93 if budget else 0.4)
        if not self.emit(verified, "co_dieu_kien" if enforceable else "chua_co_dieu_kien"):
            return
        while True:
            if enforceable:
                outcome = self.enforce(budget)
                if outcome != "stalled":
                    return
            if not self.not_enforceable(budget):
                return
            enforceable = True

    def enforce(self, budget: bool) -> str:
        """Enforce the case; return "closed" when it ended, "stalled" when it became not enforceable, else "open"."""
        rng = self.rng
        big = self.remaining >= 1_000_000_000
        mean_days = 30 if budget and not big else (260 if big else 150)
        finish = self.day + timedelta(days=max(3, int(rng.expovariate(1 / mean_days))))
        if (not budget or self.remaining >= 200_000_000) and finish.month in (10, 11, 12, 1, 2, 3) \
                and rng.random() < 0.75:
            finish = _late_in_work_year(rng, finish)
        if rng.random() < 0.05:
            point = rng.choice("abcdefgh") if rng.random() < 0.7 else "c"
            if not self.emit(self.later(10, 90), "hoan", None, point):
                return "open"
            if not self.emit(self.later(30, 200), "tiep_tuc"):
                return "open"
        if rng.random() < (0.3 if self.case.judgment_type == "pha_san" else 0.012):
            if not self.emit(self.later(10, 120), "tam_dinh_chi"):
                return "open"
            if rng.random() < 0.4:
                return "stalled"
            if not self.emit(self.later(60, 400), "tiep_tuc"):
                return "open"
        installments = rng.choice((0, 1, 1, 2, 2, 3, 4, 5)) if self.remaining else 0
        for _ in range(installments):
            on = self.day + timedelta(days=max(1, (finish - self.day).days // (installments + 1)))
            share = rng.uniform(0.02, 0.1) if self.remaining >= 200_000_000 else rng.uniform(0.1, 0.5)
            part = int(self.remaining * share // 1000 * 1000)
            if part > 0 and not self.emit(on, "thu_tien", part):
                return "open"
            self.remaining -= part
        if self.remaining and rng.random() < 0.03:
            cut = int(self.remaining * rng.uniform(0.1, 0.6) // 1000 * 1000)
            if cut and not self.emit(self.later(5, 60), "giam", cut):
                return "open"
            self.remaining -= cut
        if rng.random() < (0.05 if budget else 0.3):
            return "stalled" if self.emit(max(finish, self.later(1, 30)), "chua_co_dieu_kien") else "open"
        ending = rng.choices(("xong", "dinh_chi", "uy_thac", "huy_quyet_dinh"), (88, 5, 4, 3))[0]
        finish = max(finish, self.later(1, 20))
        if ending == "xong" and self.remaining and rng.random() < 0.8:
            if not self.emit(finish, "thu_tien", self.remaining):
                return "open"
            self.remaining = 0
        return "closed" if self.emit(finish, ending) else "open"

    def not_enforceable(self, budget: bool) -> bool:
        """Wait in a not-enforceable state; return True when the case becomes enforceable again.

        The officer verifies the case again every six months to a year; only after a second verification may it
        move to the separate ledger.
        """
        rng = self.rng
        verifications = 0
        while True:
            step = self.later(120, 300)
            roll = rng.random()
            if roll < 0.22:
                return self.emit(step, "co_dieu_kien")
            if roll < 0.32 and budget and self.remaining < 20_000_000:
                self.emit(step, "dinh_chi")
                return False
            if roll < 0.88 and verifications >= 1:
                if not self.emit(step, "vao_so_rieng"):
                    return False
                if rng.random() >= 0.25:
                    return False
                restored = self.restore(self.later(200, 900))
                if restored is not None:
                    return restored
                verifications = 0
                continue
            if not self.emit(step, "chua_co_dieu_kien"):
                return False
            verifications += 1

    def restore(self, on: date) -> bool | None:
        """Bring the case back from the separate ledger; return True when it comes back enforceable, None when it
        comes back still not enforceable, False when the story reached its horizon.

        Mostly the debtor's conditions appear and the case is classified enforceable the day it leaves the ledger,
        the classification written first as the day order puts it (domain.md section 3); sometimes it is classified
        a few days later, or found still without conditions.
        """
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return self.emit(on, "co_dieu_kien") and self.emit(on, "ra_so_rieng")
        if not self.emit(on, "ra_so_rieng"):
            return False
        if roll < 0.6:
            return self.emit(self.later(3, 40), "co_dieu_kien")
        return None if self.emit(self.later(3, 40), "chua_co_dieu_kien") else False


def _late_in_work_year(rng: random.Random, day: date) -> date:
    # Large sums are mostly recovered through auctions late in the work-year, so money rates climb after March.
    year = day.year + 1 if day.month >= 10 else day.year
    return date(year, rng.randint(6, 9), rng.randint(1, 28))
