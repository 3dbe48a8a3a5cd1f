"""A page near either end of a long case list, found by walking an index of the cases instead of sorting the list.

Sorting a whole-country list to show 50 rows means computing the state of every case in it. Walking the cases in
the order of an indexed column, a batch at a time, reaches the first rows after a few thousand cases:

- sorts by the case's code, decision date, age or amount walk that column: every case of a batch comes before every
  case of the next;
- sorts by the amount remaining or the money share, from the largest, walk the amount from the largest. The importer
  refuses collections and reductions beyond the amount (data_access/timeline.py), so both lie between 0 and the
  amount: once enough cases are found with at least the amount reached so far, no case not yet walked can come
  before them.

The page itself is then read by the same sorted query as any other, narrowed to the walked range, so it is exactly
the page of the whole list.
"""

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.schema import cases

# Pages whose rows lie this close to either end of the list are walked; deeper ones are sorted in the database.
WALK_ROWS = 2_000
# Candidates in the first batch; each later batch doubles, so a rare cell costs at most twice a full pass.
FIRST_BATCH = 1_000


@dataclass(frozen=True)
class Listing:
    """A case list's query parts: FROM, WHERE, the cases-only part of the WHERE, and the columns by name."""

    source: object
    conditions: tuple
    case_conditions: tuple
    columns: dict


@dataclass(frozen=True)
class _Walk:
    key: object
    ascending: bool
    # The sort value is not the key but lies between 0 and it (amount remaining, money share).
    bounded: bool


def _walk_for(sort: str, descending: bool) -> _Walk | None:
    exact = {"code": cases.c.code, "decided_on": cases.c.decided_on, "amount": cases.c.amount}
    if sort in exact:
        return _Walk(exact[sort], not descending, False)
    if sort == "age_days":
        return _Walk(cases.c.decided_on, descending, False)
    if sort in ("remaining", "value") and descending:
        return _Walk(cases.c.amount, False, True)
    return None


def _beyond(walk: _Walk, key) -> list:
    return [] if key is None else [walk.key > key if walk.ascending else walk.key < key]


def _up_to(walk: _Walk, key) -> list:
    return [] if key is None else [walk.key <= key if walk.ascending else walk.key >= key]


def _edge(connection: Connection, listing: Listing, walk: _Walk, after, batch: int):
    """Return the key of the batch-th candidate past `after`, or None when fewer are left."""
    order = walk.key.asc() if walk.ascending else walk.key.desc()
    query = (select(walk.key).where(*listing.case_conditions, *_beyond(walk, after))
             .order_by(order).offset(batch - 1).limit(1))
    return connection.execute(query).scalar()


def _reach(connection: Connection, listing: Listing, walk: _Walk, sort: str, need: int) -> list:
    """Return the condition on the walked key that holds the first `need` rows of the list."""
    after, batch, found, values = None, max(FIRST_BATCH, 2 * need), 0, []
    while True:
        edge = _edge(connection, listing, walk, after, batch)
        in_batch = [*listing.conditions, *_beyond(walk, after), *_up_to(walk, edge)]
        if walk.bounded:
            query = select(listing.columns[sort]).select_from(listing.source).where(*in_batch)
            values += connection.execute(query).scalars()
            found = sum(value >= edge for value in values) if edge is not None else len(values)
        else:
            query = select(func.count()).select_from(listing.source).where(*in_batch)
            found += connection.execute(query).scalar_one()
        if edge is None or found >= need:
            return _up_to(walk, edge)
        after, batch = edge, batch * 2


def _sorted_rows(connection: Connection, listing: Listing, reach: list, sort: str, descending: bool,
                 ties_ascending: bool, offset: int, limit: int) -> pd.DataFrame:
    sort_column, code = listing.columns[sort], listing.columns["code"]
    query = (select(*(expression.label(name) for name, expression in listing.columns.items()))
             .select_from(listing.source).where(*listing.conditions, *reach)
             .order_by(sort_column.desc() if descending else sort_column.asc(),
                       code.asc() if ties_ascending else code.desc())
             .offset(offset).limit(limit))
    return pd.DataFrame(connection.execute(query).mappings().all(), columns=list(listing.columns))


def sorted_page(connection: Connection, listing: Listing, sort: str, descending: bool, offset: int, limit: int,
                total: int | None, walk: bool) -> pd.DataFrame:
    """Return the rows offset..offset+limit of the list sorted by `sort` then code, walking when it pays off.

    `total` (the list's size, when known) lets a page near the end be walked from the end; `walk` False always
    sorts the whole list in the database (a list narrowed to a unit or an officer is short).
    """
    if total is not None and offset >= total:
        return pd.DataFrame(columns=list(listing.columns))
    forward = _walk_for(sort, descending) if walk else None
    if forward is not None and offset + limit <= WALK_ROWS:
        reach = _reach(connection, listing, forward, sort, offset + limit)
        return _sorted_rows(connection, listing, reach, sort, descending, True, offset, limit)
    backward = _walk_for(sort, not descending) if walk else None
    from_end = None if total is None else total - offset
    if backward is not None and from_end is not None and from_end <= WALK_ROWS:
        # The same rows read from the other end: the reverse order, ties included, then turned round.
        reach = _reach(connection, listing, backward, sort, from_end)
        start = max(0, from_end - limit)
        rows = _sorted_rows(connection, listing, reach, sort, not descending, False, start, from_end - start)
        return rows.iloc[::-1].reset_index(drop=True)
    return _sorted_rows(connection, listing, [], sort, descending, True, offset, limit)
