"""Figures pinned for a frozen meeting view: written once, then read back unchanged."""

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from data_access.queries.scope import Scope
from data_access.queries.viewing import NotPermitted, Reader, may_pin, require
from data_access.schema import pinned_figures


def pinned(reader: Reader, view: str, scope: Scope) -> dict | None:
    """Return the figures pinned for a view of the scope, or None when none are."""
    engine = require(reader, scope)
    with engine.connect() as connection:
        payload = connection.execute(
            select(pinned_figures.c.payload).where(pinned_figures.c.view == view)).scalar_one_or_none()
    return None if payload is None else json.loads(payload)


def pin(reader: Reader, view: str, scope: Scope, figures: dict, taken_at: datetime) -> dict:
    """Pin the figures for a view of the scope unless some already are; return the figures pinned (the first ones
    win). Only a display link, a leader or a statistician may pin: anyone else raises NotPermitted."""
    engine = require(reader, scope)
    if not may_pin(reader.viewer):
        raise NotPermitted("Không có quyền chốt số liệu trình chiếu.")
    try:
        with engine.begin() as connection:
            connection.execute(pinned_figures.insert().values(
                view=view, taken_at=taken_at, payload=json.dumps(figures, ensure_ascii=False)))
    except IntegrityError:
        # Another screen pinned the same view a moment earlier: its figures are the meeting's.
        pass
    return pinned(reader, view, scope)
