"""The classification pattern the watch is for (domain.md section 10), written into two units of the demo: cases
moved to "not enforceable" in the last days of a month and classified enforceable again soon after it."""

import random
from datetime import date, timedelta

from data_access.codes import EVENT_DAY_ORDER, TERMINAL_EVENTS
from dashboard.demo.story import Case

# Two regional offices whose downgrades bunch before month ends; the others keep the spread of ordinary work.
BUNCHING_UNITS = ("QN02", "QN04")
# From the work-year after the report the demo reproduces, so its figures stay exact.
BUNCHING_FROM = date(2024, 10, 1)
PER_MONTH = 10
_ENFORCEABLE_AFTER = {"co_dieu_kien": True, "tiep_tuc": True, "chua_co_dieu_kien": False, "tam_dinh_chi": False,
                      "vao_so_rieng": False}


def _month_ends(first: date, last: date) -> list[date]:
    ends, day = [], first.replace(day=1)
    while day <= last:
        following = (day + timedelta(days=32)).replace(day=1)
        if following - timedelta(days=1) <= last:
            ends.append(following - timedelta(days=1))
        day = following
    return ends


def _enforceable_through(case: Case, first: date, last: date) -> bool:
    """Return whether the case is enforceable at the end of the day before `first` and has no event up to `last`."""
    if case.decided_on >= first:
        return False
    enforceable = True
    for on, kind, _, detail in case.events:
        if on > last:
            break
        if on >= first or kind in TERMINAL_EVENTS:
            return False
        if kind == "hoan":
            enforceable = detail == "c"
        elif kind in _ENFORCEABLE_AFTER:
            enforceable = _ENFORCEABLE_AFTER[kind]
        elif kind == "ra_so_rieng":
            enforceable = False
    return enforceable


def bunch_downgrades(cases: dict[str, Case], seed: int, today: date) -> int:
    """Write, for each month end from BUNCHING_FROM to today, PER_MONTH late downgrades in each bunching unit that
    turn back within three weeks of the month's end; return how many were written."""
    rng = random.Random(f"{seed}:bunching")
    written = 0
    for unit in BUNCHING_UNITS:
        pool = sorted(code for code, case in cases.items() if case.unit == unit)
        for month_end in _month_ends(BUNCHING_FROM, today - timedelta(days=21)):
            chosen = 0
            for code in rng.sample(pool, len(pool)):
                down = month_end - timedelta(days=rng.randint(0, 5))
                up = month_end + timedelta(days=rng.randint(5, 21))
                case = cases[code]
                if not _enforceable_through(case, down, up):
                    continue
                case.events += [(down, "chua_co_dieu_kien", None, ""), (up, "co_dieu_kien", None, "")]
                case.events.sort(key=lambda event: (event[0], EVENT_DAY_ORDER[event[1]]))
                chosen += 1
                if chosen == PER_MONTH:
                    break
            written += chosen
    return written
