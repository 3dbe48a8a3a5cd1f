"""Replays one case's events in day order: checks the rules of domain.md section 3 and derives its states."""

from dataclasses import dataclass
from datetime import date

from data_access import codes

OPEN_END = date(9999, 12, 31)

_CLASSIFIED_STATE = {
    "co_dieu_kien": codes.STATE_IN_PROGRESS,
    "chua_co_dieu_kien": codes.STATE_NOT_ENFORCEABLE,
    "tam_dinh_chi": codes.STATE_SUSPENDED,
    "tiep_tuc": codes.STATE_IN_PROGRESS,
}
_LEDGER_ENTRY_FROM = (codes.STATE_DEFERRED, codes.STATE_SUSPENDED, codes.STATE_NOT_ENFORCEABLE)
# While in the separate ledger a case may be reassigned, classified, verified or restored; a second entry breaks
# the ledger-entry rule; money and terminal events must wait for the restore.
_ALLOWED_IN_LEDGER = ("phan_cong", *codes.CLASSIFICATION_EVENTS, codes.VERIFICATION_EVENT, *codes.LEDGER_EVENTS)


@dataclass(frozen=True)
class Event:
    """One dated event of a case, with the line it came from."""

    line: int
    on: date
    kind: str
    amount: int | None = None
    detail: str = ""


@dataclass(frozen=True)
class StateSpan:
    """The state of a case over the days [valid_from, valid_to)."""

    valid_from: date
    valid_to: date
    status: str
    officer: str
    collected: int
    reduced: int


@dataclass(frozen=True)
class RuleBreach:
    """An event that breaks a rule of domain.md section 3."""

    line: int
    rule: str
    message: str


@dataclass(frozen=True)
class Timeline:
    """A case's events in applied order, its state spans and its exit facts."""

    events: tuple[Event, ...]
    spans: tuple[StateSpan, ...]
    exit_on: date | None
    exit_kind: str | None
    exit_collected_any: bool


def day_ordered(events: list[Event]) -> list[Event]:
    """Return the events in the order they apply: by day, then domain.md's day order, then file order."""
    return sorted(events, key=lambda event: (event.on, codes.EVENT_DAY_ORDER[event.kind], event.line))


class _Replay:
    def __init__(self, decided_on: date, amount: int, officer: str):
        self.decided_on = decided_on
        self.amount = amount
        self.officer = officer
        # The classification and the ledger are kept apart: a classification made while the case is in the ledger
        # waits there and applies once the case is restored (domain.md section 3).
        self.classification = codes.STATE_IN_PROGRESS
        self.in_ledger = False
        self.collected = 0
        self.reduced = 0
        self.exit_event: Event | None = None
        self.breaches: list[RuleBreach] = []

    @property
    def status(self) -> str:
        """Return the state the chains count: the ledger while in it, else the classification or the exit."""
        return codes.STATE_LEDGER if self.in_ledger else self.classification

    def snapshot(self) -> tuple:
        """Return the state that spans record: status, officer, collected, reduced."""
        return self.status, self.officer, self.collected, self.reduced

    def breach(self, event: Event, rule: str, message: str) -> None:
        """Record that an event breaks a rule."""
        self.breaches.append(RuleBreach(event.line, rule, message))

    def apply(self, event: Event) -> None:
        """Apply one event to the state, or record the rule it breaks and leave the state as it was."""
        if event.on < self.decided_on:
            self.breach(event, "event_before_decision",
                        f"sự kiện ngày {event.on:%d/%m/%Y} trước ngày ra quyết định {self.decided_on:%d/%m/%Y}")
            return
        if self.exit_event is not None:
            if event.kind in codes.TERMINAL_EVENTS:
                self.breach(event, "second_terminal",
                            f"việc đã kết thúc ({self.exit_event.kind}, dòng {self.exit_event.line}); "
                            "mỗi việc chỉ có một sự kiện kết thúc")
            else:
                self.breach(event, "event_after_terminal",
                            f"sự kiện sau khi việc đã kết thúc ({self.exit_event.kind} ngày "
                            f"{self.exit_event.on:%d/%m/%Y}, dòng {self.exit_event.line})")
            return
        if self.in_ledger and event.kind not in _ALLOWED_IN_LEDGER:
            self.breach(event, "in_ledger",
                        f"việc đang ở sổ theo dõi riêng; phải khôi phục (ra_so_rieng) trước sự kiện {event.kind}")
            return
        if event.kind == "phan_cong":
            self.officer = event.detail
        elif event.kind == "hoan":
            point = event.detail.lower()
            deferred_c = point == codes.HOAN_ENFORCEABLE_POINT
            self.classification = codes.STATE_DEFERRED_C if deferred_c else codes.STATE_DEFERRED
        elif event.kind in _CLASSIFIED_STATE:
            self.classification = _CLASSIFIED_STATE[event.kind]
        elif event.kind == "vao_so_rieng":
            self._enter_ledger(event)
        elif event.kind == "ra_so_rieng":
            if self.in_ledger:
                self.in_ledger = False
            else:
                self.breach(event, "ledger_exit", "khôi phục từ sổ theo dõi riêng khi việc không ở sổ đó")
        elif event.kind in codes.MONEY_EVENTS:
            self._apply_money(event)
        elif event.kind in codes.TERMINAL_EVENTS:
            self.classification = codes.TERMINAL_STATES[event.kind]
            self.exit_event = event

    def _enter_ledger(self, event: Event) -> None:
        if self.in_ledger:
            self.breach(event, "ledger_entry", "việc đã ở sổ theo dõi riêng; không chuyển sổ lần nữa")
        elif self.classification in _LEDGER_ENTRY_FROM:
            self.in_ledger = True
        else:
            self.breach(event, "ledger_entry",
                        "chỉ chuyển sổ theo dõi riêng khi việc đang chưa có điều kiện thi hành "
                        f"(trạng thái hiện tại: {codes.STATE_LABELS[self.classification]})")

    def _apply_money(self, event: Event) -> None:
        amount = event.amount or 0
        if self.collected + self.reduced + amount > self.amount:
            self.breach(event, "over_amount",
                        f"số đã thu và đã giảm ({self.collected + self.reduced + amount:,} đồng) vượt số tiền "
                        f"phải thi hành ({self.amount:,} đồng)".replace(",", "."))
            return
        if event.kind == "thu_tien":
            self.collected += amount
        else:
            self.reduced += amount


def replay(decided_on: date, amount: int, officer: str, events: list[Event]) -> tuple[Timeline, list[RuleBreach]]:
    """Return the case's timeline and every rule its events break (the timeline is only valid without breaches)."""
    state = _Replay(decided_on, amount, officer)
    ordered = day_ordered(events)
    starts: list[tuple[date, tuple]] = [(decided_on, state.snapshot())]
    index = 0
    while index < len(ordered):
        day = ordered[index].on
        while index < len(ordered) and ordered[index].on == day:
            state.apply(ordered[index])
            index += 1
        if state.snapshot() == starts[-1][1]:
            continue
        if starts[-1][0] >= day:
            starts[-1] = (starts[-1][0], state.snapshot())
        else:
            starts.append((day, state.snapshot()))
    ends = [start for start, _ in starts[1:]] + [OPEN_END]
    spans = tuple(StateSpan(start, end, *snapshot) for (start, snapshot), end in zip(starts, ends))
    exit_event = state.exit_event
    return (
        Timeline(
            events=tuple(ordered),
            spans=spans,
            exit_on=exit_event.on if exit_event else None,
            exit_kind=exit_event.kind if exit_event else None,
            exit_collected_any=bool(exit_event and state.collected > 0),
        ),
        state.breaches,
    )
