"""A second, deliberately plain reading of domain.md sections 2-5: each case is replayed day by day in Python.

It works on the exchange tables themselves (dict of file stem -> DataFrame of str) and shares no logic with the
product, so an agreement between the two is evidence for both. This half keeps the book of one set of tables and
sums its cases into reports; `oracle_replay` replays each case.
"""

from dataclasses import dataclass
from datetime import date

from data_access.codes import GROUPS, JUDGMENT_TYPES, MODES
from tests.support.oracle_replay import (
    BUCKETS, SCOPE_FIELDS, Case, Figures, case_window_figures, derive, replay_case, same_day_last_year, work_year,
    work_year_start,
)

# ---------------------------------------------------------------- the book of one set of exchange tables

@dataclass
class Book:
    """The parsed exchange tables and the per-window figures already worked out."""
    cases: list[Case]
    unit_names: dict
    unit_parents: dict
    unit_levels: dict
    officer_names: dict
    targets: dict
    figures: dict


_BOOKS: dict[int, tuple[dict, Book]] = {}


def _records(tables: dict, stem: str) -> list[dict]:
    frame = tables.get(stem)
    return [] if frame is None else frame.to_dict("records")


def book_of(tables: dict) -> Book:
    """Return the parsed book of a set of exchange tables, replayed once per tables object."""
    cached = _BOOKS.get(id(tables))
    if cached is not None and cached[0] is tables:
        return cached[1]
    events_by_case: dict[str, list[dict]] = {}
    for row in _records(tables, "su_kien"):
        events_by_case.setdefault(row["ma_viec"], []).append({
            "day": date.fromisoformat(row["ngay"]), "kind": row["loai"],
            "amount": int(row["so_tien"]) if row["so_tien"] else 0, "detail": row["chi_tiet"]})
    units = _records(tables, "don_vi")
    book = Book(
        cases=[replay_case(row, events_by_case.get(row["ma_viec"], [])) for row in _records(tables, "viec")],
        unit_names={u["ma_don_vi"]: u["ten_don_vi"] for u in units},
        unit_parents={u["ma_don_vi"]: u["ma_don_vi_cha"] for u in units},
        unit_levels={u["ma_don_vi"]: u["cap"] for u in units},
        officer_names={o["ma_chv"]: o["ho_ten"] for o in _records(tables, "chap_hanh_vien")},
        targets={(int(t["nam"]), t["pham_vi"], t["ma"]): {"cases": float(t["ty_le_viec"]),
                                                           "money": float(t["ty_le_tien"])}
                 for t in _records(tables, "chi_tieu")},
        figures={})
    _BOOKS[id(tables)] = (tables, book)
    return book


def _case_figures(book: Book, case: Case, start: date, end: date) -> Figures | None:
    key = (case.code, end)
    if key not in book.figures:
        book.figures[key] = case_window_figures(case, start, end)
    return book.figures[key]


def province_of(book: Book, unit: str) -> str:
    """Return the nearest ancestor-or-self unit with level tinh, or the unit itself when there is none."""
    current = unit
    while current:
        if book.unit_levels.get(current) == "tinh":
            return current
        current = book.unit_parents.get(current, "")
    return unit


def _keys(book: Book, case: Case, figures: Figures, by: str) -> list[str]:
    if by == "unit":
        return [case.unit]
    if by == "province":
        return [province_of(book, case.unit)]
    if by == "officer":
        return [figures.officer]
    if by == "group":
        return list(case.groups)
    if by == "judgment_type":
        return [case.judgment_type]
    if by == "mode":
        return [case.mode]
    raise ValueError(f"unknown by: {by}")


def _name(book: Book, by: str, key: str) -> str:
    if by in ("unit", "province"):
        return book.unit_names[key]
    if by == "officer":
        return book.officer_names[key]
    return {"group": GROUPS, "judgment_type": JUDGMENT_TYPES, "mode": MODES}[by][key]


def _in_scope(case: Case, figures: Figures, scope: dict) -> bool:
    return ((scope.get("unit") is None or case.unit == scope["unit"])
            and (scope.get("officer") is None or figures.officer == scope["officer"])
            and (scope.get("group") is None or scope["group"] in case.groups)
            and (scope.get("judgment_type") is None or case.judgment_type == scope["judgment_type"])
            and (scope.get("mode") is None or case.mode == scope["mode"]))


def _chains(book: Book, end: date, scope: dict, by: str | None = None, key: str | None = None) -> dict:
    """Return {"window", "cases", "money"} over the cases in scope (and with that `by` key) for the window of end."""
    start = work_year_start(end)
    cases = dict.fromkeys(BUCKETS, 0)
    money = dict.fromkeys(BUCKETS + ("reduced",), 0)
    for case in book.cases:
        figures = _case_figures(book, case, start, end)
        if figures is None or not _in_scope(case, figures, scope):
            continue
        if by is not None and key not in _keys(book, case, figures, by):
            continue
        for name, value in figures.cases.items():
            cases[name] += value
        for name, value in figures.money.items():
            money[name] += value
    return {"window": {"start": start.isoformat(), "end": end.isoformat()},
            "cases": derive(cases, with_reduced=False), "money": derive(money, with_reduced=True)}


def _target(book: Book, end: date, scope: dict) -> dict | None:
    if any(scope.get(name) is not None for name in ("group", "judgment_type", "mode")):
        return None
    if scope.get("officer") is not None:
        wanted = ("chv", scope["officer"])
    elif scope.get("unit") is not None:
        wanted = ("don_vi", scope["unit"])
    else:
        wanted = ("tinh", "")
    return book.targets.get((work_year(end),) + wanted)


def oracle_report(tables: dict, end: date, scope: dict | None = None, by: str | None = None) -> dict:
    """Return the chain_report dict for end, scope and by, recomputed from the exchange tables day by day."""
    book = book_of(tables)
    scope = {name: value for name, value in (scope or {}).items() if value is not None}
    unknown = set(scope) - set(SCOPE_FIELDS)
    if unknown:
        raise ValueError(f"unknown scope fields: {sorted(unknown)}")
    last_end = same_day_last_year(end)
    if by is None:
        current = _chains(book, end, scope)
        return {**current, "same_period_last_year": _chains(book, last_end, scope),
                "target": _target(book, end, scope)}
    start = work_year_start(end)
    keys = set()
    for case in book.cases:
        figures = _case_figures(book, case, start, end)
        if figures is not None and _in_scope(case, figures, scope):
            keys.update(_keys(book, case, figures, by))
    rows = []
    for key in sorted(keys):
        current = _chains(book, end, scope, by, key)
        last = _chains(book, last_end, scope, by, key)
        rows.append({"key": key, "name": _name(book, by, key), "cases": current["cases"],
                     "money": current["money"], "same_period_last_year": last})
    return {"window": {"start": start.isoformat(), "end": end.isoformat()}, "rows": rows}
