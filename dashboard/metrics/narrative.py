"""The results paragraph of a periodic report, worded as the agency's own reports word it."""

import datetime
from dataclasses import replace

from dashboard.metrics.chains import Scope
from dashboard.metrics.formatting import (
    format_count,
    format_date,
    format_money_short,
    format_percent,
    rate_change,
)
from dashboard.metrics.targets import target_progress

FIRST_MONTH_OF_WORK_YEAR = 10


BUDGET_GROUP = "ngan_sach"


def budget_scope(scope: Scope) -> Scope | None:
    """Return the scope of the paragraph's budget sentence, or None when the scope is already narrowed to a group."""
    return None if scope.group is not None else replace(scope, group=BUDGET_GROUP)


def actor_of(scope: Scope) -> str:
    """Return who the paragraph says did the work: one officer, one unit, or the units of a wider scope."""
    if scope.officer:
        return "chấp hành viên"
    return "đơn vị" if scope.unit else "các đơn vị"


def report_paragraph(total: dict, budget: dict | None, *, months: int | None = None,
                     actor: str = "các đơn vị") -> str:
    """Return the report paragraph for chain reports of a scope (`total`) and of its 'ngan_sach' group, the work
    said done by `actor` (actor_of the scope).

    Without a budget report (a scope narrowed to another group) the paragraph has no budget sentence.
    """
    # An explicit `months` names the period (a report drafted before the month closes); the dates stay the window's.
    if months is not None and not 1 <= months <= 12:
        raise ValueError(f"months must be between 1 and 12, got {months}")
    start = datetime.date.fromisoformat(total["window"]["start"])
    end = datetime.date.fromisoformat(total["window"]["end"])
    previous_year = _work_year(end) - 1
    sentences = [f"{_period(start, end, months)}, {_totals_clause(total, previous_year, actor)}."]
    if budget is not None and budget["cases"]["enforceable"]:
        sentences.append(_budget_sentence(budget, previous_year, actor))
    if total["target"] is not None:
        sentences.append(_target_sentence(total))
    return " ".join(sentences)


def _work_year(end: datetime.date) -> int:
    return end.year + 1 if end.month >= FIRST_MONTH_OF_WORK_YEAR else end.year


def _period(start: datetime.date, end: datetime.date, months: int | None) -> str:
    year = _work_year(end)
    if months is None and (end + datetime.timedelta(days=1)).day == 1:
        months = (end.month - FIRST_MONTH_OF_WORK_YEAR) % 12 + 1
    if months is None:
        return f"Từ đầu năm công tác {year} đến ngày {format_date(end)}"
    span = f"(tính từ {format_date(start)} đến hết {format_date(end)})"
    if months == 12:
        return f"Năm công tác {year} {span}"
    return f"{months} tháng đầu năm công tác {year} {span}"


def _totals_clause(total: dict, previous_year: int, actor: str) -> str:
    cases, money = total["cases"], total["money"]
    reference = f"cùng kỳ năm {previous_year}"
    if cases["rate"] is None:
        clause = "chưa có việc có điều kiện thi hành"
        if money["rate"] is not None:
            clause += (f"; {actor} đã giải quyết xong {format_money_short(money['completed'])}"
                       f"/{format_money_short(money['enforceable'])} số tiền có điều kiện thi hành,"
                       f" đạt tỷ lệ {_rate_phrase(total, 'money', reference)}")
        return clause
    clause = (f"{actor} đã thi hành xong {format_count(cases['completed'])}"
              f"/{format_count(cases['enforceable'])} việc có điều kiện thi hành")
    if money["rate"] is None:
        return (f"{clause}; đạt tỷ lệ {_rate_phrase(total, 'cases', reference)};"
                " chưa có số tiền có điều kiện thi hành")
    return (f"{clause}, tương ứng với {format_money_short(money['completed'])};"
            f" đạt tỷ lệ {_rate_phrase(total, 'cases', reference)}, {_rate_phrase(total, 'money', reference)}")


def _rate_phrase(report: dict, kind: str, reference: str) -> str:
    label = "về việc" if kind == "cases" else "về tiền"
    note = _change_note([(_change(report, kind), "")], reference)
    return f"{format_percent(report[kind]['rate'])} {label}{note}"


def _budget_sentence(budget: dict, previous_year: int, actor: str) -> str:
    cases, money = budget["cases"], budget["money"]
    solved = (f"{format_count(cases['completed'])} việc/{format_count(cases['enforceable'])} việc"
              " có điều kiện thi hành")
    rates = [f"{format_percent(cases['rate'])} về việc"]
    if money["rate"] is None:
        solved += ", chưa có số tiền có điều kiện giải quyết"
    else:
        solved += (f", giải quyết xong {format_money_short(money['completed'])}"
                   f"/{format_money_short(money['enforceable'])} số tiền có điều kiện giải quyết")
        rates.append(f"{format_percent(money['rate'])} về tiền")
    note = _change_note([(_change(budget, "cases"), "về việc"), (_change(budget, "money"), "về tiền")],
                        f"tỷ lệ cùng kỳ năm {previous_year}")
    return (f"Trong đó, đối với các khoản thu cho ngân sách nhà nước, {actor} đã giải quyết xong"
            f" {solved}; đạt tỷ lệ {' và '.join(rates)}{note}.")


def _target_sentence(total: dict) -> str:
    target = total["target"]
    given = f"{format_percent(target['cases'])} về việc, {format_percent(target['money'])} về tiền"
    progress = [(target_progress(total[kind]["rate"], target[kind]), label)
                for kind, label in (("cases", "về việc"), ("money", "về tiền"))]
    known = [(value, label) for value, label in progress if value is not None]
    if not known:
        return f"Chỉ tiêu được giao: {given}."
    if len(known) == 1:
        value, label = known[0]
        return f"So với chỉ tiêu được giao ({given}), đạt {format_percent(value)} kế hoạch {label}."
    return (f"So với chỉ tiêu được giao ({given}), đạt {format_percent(known[0][0])}"
            f" và {format_percent(known[1][0])} kế hoạch.")


def _change(report: dict, kind: str) -> float | None:
    last_year = report.get("same_period_last_year") or {}
    return rate_change(report[kind]["rate"], (last_year.get(kind) or {}).get("rate"))


def _change_note(changes: list[tuple[float | None, str]], reference: str) -> str:
    """Return " (cao hơn 1,80% về việc và 26,70% về tiền so với …)" for the known changes, "" when none is."""
    known = [(*_comparison(change), label) for change, label in changes if change is not None]
    if not known:
        return ""
    if len({word for word, _, _ in known}) == 1:
        # One direction: say it once, as the reports do ("cao hơn 1,8% về việc và 26,7% về tiền").
        items = " và ".join(_words(amount, label) for _, amount, label in known)
        body = _words(known[0][0], items)
    else:
        body = ", ".join(_words(word, amount, label) for word, amount, label in known)
    return f" ({body} so với {reference})"


def _comparison(change: float) -> tuple[str, str]:
    if change > 0:
        return "cao hơn", format_percent(change)
    if change < 0:
        return "thấp hơn", format_percent(-change)
    return "ngang bằng", ""


def _words(*parts: str) -> str:
    return " ".join(part for part in parts if part)
