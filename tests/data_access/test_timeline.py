"""A case's events replayed in day order: its state spans, its exit facts and the rules it breaks."""

from datetime import date

import pytest

from data_access.exchange.timeline import OPEN_END, Event, StateSpan, replay

M = 1_000_000
DECIDED = date(2023, 6, 1)
AMOUNT = 10 * M


def _replay(*events, amount=AMOUNT):
    timeline, breaches = replay(DECIDED, amount, "C02", list(events))
    return timeline, [(breach.line, breach.rule) for breach in breaches]


def _span(start, end, status, officer="C02", collected=0, reduced=0):
    return StateSpan(date.fromisoformat(start), OPEN_END if end is None else date.fromisoformat(end), status,
                     officer, collected, reduced)


def _event(line, day, kind, amount=None, detail=""):
    return Event(line, date.fromisoformat(day), kind, amount, detail)


def test_a_case_without_events_is_in_progress_from_its_decision_day_on():
    timeline, breaches = _replay()
    assert timeline.spans == (_span("2023-06-01", None, "in_progress"),)
    assert (timeline.events, timeline.exit_on, timeline.exit_kind, timeline.exit_collected_any) == ((), None, None,
                                                                                                     False)
    assert breaches == []


def test_events_on_the_decision_day_shape_the_first_span():
    timeline, breaches = _replay(_event(2, "2023-06-01", "chua_co_dieu_kien"),
                                 _event(3, "2023-06-01", "phan_cong", detail="C03"))
    assert timeline.spans == (_span("2023-06-01", None, "not_enforceable", "C03"),)
    assert breaches == []


def test_events_of_one_day_apply_in_the_day_order_not_the_file_order():
    given = (_event(2, "2023-11-01", "xong"), _event(3, "2023-11-01", "thu_tien", AMOUNT),
             _event(4, "2023-11-01", "phan_cong", detail="C03"))
    timeline, breaches = _replay(*given)
    assert breaches == []
    assert [event.line for event in timeline.events] == [4, 3, 2]
    assert timeline.spans == (
        _span("2023-06-01", "2023-11-01", "in_progress"),
        _span("2023-11-01", None, "done", "C03", collected=AMOUNT),
    )
    assert (timeline.exit_on, timeline.exit_kind, timeline.exit_collected_any) == (date(2023, 11, 1), "xong", True)


def test_equal_ranks_of_one_day_keep_their_file_order():
    # both are classification events: the later line wins
    timeline, _ = _replay(_event(2, "2023-07-01", "tam_dinh_chi"), _event(3, "2023-07-01", "hoan", detail="c"))
    assert timeline.spans[-1] == _span("2023-07-01", None, "deferred_c")
    timeline, _ = _replay(_event(2, "2023-07-01", "hoan", detail="c"), _event(3, "2023-07-01", "tam_dinh_chi"))
    assert timeline.spans[-1] == _span("2023-07-01", None, "suspended")


def test_days_that_change_nothing_add_no_span():
    timeline, breaches = _replay(
        _event(2, "2023-07-01", "co_dieu_kien"),
        _event(3, "2023-08-01", "hoan", detail="c"), _event(4, "2023-08-01", "tiep_tuc"),
        _event(5, "2023-09-01", "phan_cong", detail="C02"),
        _event(6, "2023-10-01", "thu_tien", M),
        _event(7, "2023-10-05", "co_dieu_kien"),
    )
    assert breaches == []
    assert timeline.spans == (
        _span("2023-06-01", "2023-10-01", "in_progress"),
        _span("2023-10-01", None, "in_progress", collected=M),
    )
    assert len(timeline.events) == 6


def test_each_classification_gives_its_state():
    timeline, breaches = _replay(
        _event(2, "2023-07-01", "hoan", detail="a"),
        _event(3, "2023-07-10", "tiep_tuc"),
        _event(4, "2023-07-20", "hoan", detail="c"),
        _event(5, "2023-08-01", "tam_dinh_chi"),
        _event(6, "2023-08-10", "vao_so_rieng"),
        _event(7, "2023-08-15", "phan_cong", detail="C04"),
        _event(8, "2023-09-01", "ra_so_rieng"),
        _event(9, "2023-09-10", "co_dieu_kien"),
    )
    assert breaches == []
    assert timeline.spans == (
        _span("2023-06-01", "2023-07-01", "in_progress"),
        _span("2023-07-01", "2023-07-10", "deferred"),
        _span("2023-07-10", "2023-07-20", "in_progress"),
        _span("2023-07-20", "2023-08-01", "deferred_c"),
        _span("2023-08-01", "2023-08-10", "suspended"),
        _span("2023-08-10", "2023-08-15", "ledger"),
        # reassigning a case in the separate ledger is allowed
        _span("2023-08-15", "2023-09-01", "ledger", "C04"),
        # restored, it keeps its last classification until classified again
        _span("2023-09-01", "2023-09-10", "suspended", "C04"),
        _span("2023-09-10", None, "in_progress", "C04"),
    )


def test_restored_and_classified_enforceable_the_same_day_ends_the_day_in_progress():
    # file order puts the restore first; the day order applies the classification first, still in the ledger
    timeline, breaches = _replay(
        _event(2, "2023-07-01", "chua_co_dieu_kien"), _event(3, "2023-07-02", "vao_so_rieng"),
        _event(4, "2023-08-01", "ra_so_rieng"), _event(5, "2023-08-01", "co_dieu_kien"),
    )
    assert breaches == []
    assert [event.line for event in timeline.events] == [2, 3, 5, 4]
    assert timeline.spans == (
        _span("2023-06-01", "2023-07-01", "in_progress"),
        _span("2023-07-01", "2023-07-02", "not_enforceable"),
        _span("2023-07-02", "2023-08-01", "ledger"),
        _span("2023-08-01", None, "in_progress"),
    )


def test_a_classification_in_the_ledger_waits_there_and_applies_on_restore():
    timeline, breaches = _replay(
        _event(2, "2023-07-01", "hoan", detail="a"), _event(3, "2023-07-02", "vao_so_rieng"),
        _event(4, "2023-07-10", "co_dieu_kien"), _event(5, "2023-07-20", "chua_co_dieu_kien"),
        _event(6, "2023-07-25", "xac_minh"),
        _event(7, "2023-09-01", "ra_so_rieng"),
    )
    assert breaches == []
    # still in the ledger after each classification: no span changes until the restore
    assert timeline.spans == (
        _span("2023-06-01", "2023-07-01", "in_progress"),
        _span("2023-07-01", "2023-07-02", "deferred"),
        _span("2023-07-02", "2023-09-01", "ledger"),
        _span("2023-09-01", None, "not_enforceable"),
    )


def test_a_deferral_on_point_c_in_the_ledger_makes_the_restored_case_enforceable():
    timeline, breaches = _replay(
        _event(2, "2023-07-01", "tam_dinh_chi"), _event(3, "2023-07-02", "vao_so_rieng"),
        _event(4, "2023-07-10", "hoan", detail="c"),
        _event(5, "2023-09-01", "ra_so_rieng"), _event(6, "2023-09-20", "thu_tien", M),
    )
    assert breaches == []
    assert timeline.spans == (
        _span("2023-06-01", "2023-07-01", "in_progress"),
        _span("2023-07-01", "2023-07-02", "suspended"),
        _span("2023-07-02", "2023-09-01", "ledger"),
        _span("2023-09-01", "2023-09-20", "deferred_c"),
        _span("2023-09-20", None, "deferred_c", collected=M),
    )


def test_a_verification_changes_no_state_in_or_out_of_the_ledger():
    timeline, breaches = _replay(
        _event(2, "2023-06-01", "xac_minh"), _event(3, "2023-07-01", "chua_co_dieu_kien"),
        _event(4, "2023-07-01", "xac_minh"), _event(5, "2023-07-02", "vao_so_rieng"),
        _event(6, "2023-08-01", "xac_minh"), _event(7, "2023-09-01", "ra_so_rieng"),
        _event(8, "2023-09-01", "xac_minh"),
    )
    assert breaches == []
    assert len(timeline.events) == 7
    assert timeline.spans == (
        _span("2023-06-01", "2023-07-01", "in_progress"),
        _span("2023-07-01", "2023-07-02", "not_enforceable"),
        _span("2023-07-02", "2023-09-01", "ledger"),
        _span("2023-09-01", None, "not_enforceable"),
    )


def test_collected_and_reduced_are_cumulative_in_every_span():
    timeline, breaches = _replay(
        _event(2, "2023-07-01", "thu_tien", M),
        _event(3, "2023-08-01", "giam", 2 * M),
        _event(4, "2023-09-01", "thu_tien", 3 * M),
        # collected plus reduced may reach the amount exactly
        _event(5, "2023-10-01", "thu_tien", 4 * M), _event(6, "2023-10-01", "xong"),
    )
    assert breaches == []
    assert timeline.spans == (
        _span("2023-06-01", "2023-07-01", "in_progress"),
        _span("2023-07-01", "2023-08-01", "in_progress", collected=M),
        _span("2023-08-01", "2023-09-01", "in_progress", collected=M, reduced=2 * M),
        _span("2023-09-01", "2023-10-01", "in_progress", collected=4 * M, reduced=2 * M),
        _span("2023-10-01", None, "done", collected=8 * M, reduced=2 * M),
    )


def test_a_collection_on_the_delegation_day_counts_as_collected_before_it():
    timeline, breaches = _replay(_event(2, "2023-12-05", "uy_thac"), _event(3, "2023-12-05", "thu_tien", 2 * M))
    assert breaches == []
    assert (timeline.exit_on, timeline.exit_kind, timeline.exit_collected_any) == (date(2023, 12, 5), "uy_thac", True)
    assert timeline.spans == (
        _span("2023-06-01", "2023-12-05", "in_progress"),
        _span("2023-12-05", None, "delegated", collected=2 * M),
    )


@pytest.mark.parametrize(("events", "exit_kind", "collected_any"), [
    pytest.param([_event(2, "2023-12-05", "uy_thac")], "uy_thac", False, id="delegated-nothing-collected"),
    pytest.param([_event(2, "2023-07-01", "thu_tien", 1), _event(3, "2023-12-05", "uy_thac")], "uy_thac", True,
                 id="delegated-collected-earlier"),
    pytest.param([_event(2, "2023-07-01", "giam", M), _event(3, "2023-12-05", "uy_thac")], "uy_thac", False,
                 id="delegated-only-reduced"),
    pytest.param([_event(2, "2023-07-01", "thu_tien", M), _event(3, "2023-12-05", "huy_quyet_dinh")],
                 "huy_quyet_dinh", True, id="cancelled"),
    pytest.param([_event(2, "2023-12-05", "dinh_chi")], "dinh_chi", False, id="terminated"),
])
def test_exit_facts(events, exit_kind, collected_any):
    timeline, breaches = _replay(*events)
    assert breaches == []
    assert (timeline.exit_on, timeline.exit_kind, timeline.exit_collected_any) == (date(2023, 12, 5), exit_kind,
                                                                                   collected_any)


def test_collected_without_an_exit_is_not_an_exit_fact():
    timeline, _ = _replay(_event(2, "2023-07-01", "thu_tien", M))
    assert (timeline.exit_on, timeline.exit_kind, timeline.exit_collected_any) == (None, None, False)


BREACHES = [
    pytest.param([_event(2, "2023-05-31", "thu_tien", M)], [(2, "event_before_decision")], id="before-decision"),
    pytest.param([_event(2, "2023-11-02", "thu_tien", M), _event(3, "2023-11-01", "xong")],
                 [(2, "event_after_terminal")], id="after-terminal"),
    pytest.param([_event(2, "2023-11-01", "dinh_chi"), _event(3, "2023-11-01", "xong")],
                 [(3, "second_terminal")], id="second-terminal-same-day"),
    pytest.param([_event(2, "2023-12-01", "uy_thac"), _event(3, "2023-11-01", "xong")],
                 [(2, "second_terminal")], id="second-terminal-later-day"),
    pytest.param([_event(2, "2023-12-01", "thu_tien", 6 * M), _event(3, "2023-11-01", "giam", 5 * M)],
                 [(2, "over_amount")], id="over-amount"),
    pytest.param([_event(2, "2023-07-01", "vao_so_rieng")], [(2, "ledger_entry")], id="ledger-entry-enforceable"),
    pytest.param([_event(2, "2023-07-01", "hoan", detail="c"), _event(3, "2023-07-02", "vao_so_rieng")],
                 [(3, "ledger_entry")], id="ledger-entry-deferred-c"),
    pytest.param([_event(2, "2023-07-01", "hoan", detail="b"), _event(3, "2023-07-02", "vao_so_rieng"),
                  _event(4, "2023-07-03", "vao_so_rieng")], [(4, "ledger_entry")], id="ledger-entry-twice"),
    pytest.param([_event(2, "2023-07-01", "chua_co_dieu_kien"), _event(3, "2023-07-02", "ra_so_rieng")],
                 [(3, "ledger_exit")], id="ledger-exit"),
    pytest.param([_event(2, "2023-07-01", "chua_co_dieu_kien"), _event(3, "2023-07-02", "vao_so_rieng"),
                  _event(4, "2023-07-03", "giam", M)], [(4, "in_ledger")], id="in-ledger-money"),
    pytest.param([_event(2, "2023-07-01", "chua_co_dieu_kien"), _event(3, "2023-07-02", "vao_so_rieng"),
                  _event(4, "2023-07-03", "xong")], [(4, "in_ledger")], id="in-ledger-terminal"),
    pytest.param([_event(2, "2023-07-01", "chua_co_dieu_kien"), _event(3, "2023-07-02", "vao_so_rieng"),
                  _event(4, "2023-07-03", "thu_tien", M)], [(4, "in_ledger")], id="in-ledger-collection"),
    pytest.param([_event(2, "2023-07-01", "co_dieu_kien"), _event(3, "2023-07-01", "vao_so_rieng")],
                 [(3, "ledger_entry")], id="ledger-entry-after-same-day-upgrade"),
    pytest.param([_event(2, "2023-07-01", "xong"), _event(3, "2023-07-05", "xac_minh")],
                 [(3, "event_after_terminal")], id="verification-after-terminal"),
    pytest.param([_event(2, "2023-05-01", "thu_tien", M), _event(3, "2023-07-01", "xong"),
                  _event(4, "2023-07-02", "hoan", detail="a"), _event(5, "2023-07-03", "dinh_chi")],
                 [(2, "event_before_decision"), (4, "event_after_terminal"), (5, "second_terminal")],
                 id="every-breach-listed"),
]


@pytest.mark.parametrize(("events", "expected"), BREACHES)
def test_each_breach_names_its_rule_and_its_line(events, expected):
    _, breaches = _replay(*events)
    assert breaches == expected


def test_a_breaking_event_is_not_applied():
    timeline, breaches = _replay(_event(2, "2023-07-01", "thu_tien", 4 * M), _event(3, "2023-08-01", "giam", 7 * M))
    assert breaches == [(3, "over_amount")]
    assert timeline.spans[-1] == _span("2023-07-01", None, "in_progress", collected=4 * M)


def test_breach_messages_are_in_vietnamese_with_dates_and_amounts():
    _, before = replay(DECIDED, AMOUNT, "C02", [_event(2, "2023-05-31", "thu_tien", M)])
    _, over = replay(DECIDED, AMOUNT, "C02", [_event(2, "2023-07-01", "thu_tien", AMOUNT + 1)])
    assert before[0].message == "sự kiện ngày 31/05/2023 trước ngày ra quyết định 01/06/2023"
    assert over[0].message == "số đã thu và đã giảm (10.000.001 đồng) vượt số tiền phải thi hành (10.000.000 đồng)"
