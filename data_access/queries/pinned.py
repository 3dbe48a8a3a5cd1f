"""Figures pinned for a frozen meeting view: written once, then read back unchanged."""

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from data_access.schema import pinned_figures


def pinned(engine: Engine, view: str) -> dict | None:
    """Return the figures pinned for a view, or None when none are."""
    with engine.connect() as connection:
        payload = connection.execute(
            select(pinned_figures.c.payload).where(pinned_figures.c.view == view)).scalar_one_or_none()
    return None if payload is None else json.loads(payload)


def pin(engine: Engine, view: str, figures: dict, taken_at: datetime) -> dict:
    """Pin the figures for a view unless some already are; return the figures pinned (the first ones win)."""
    try:
        with engine.begin() as connection:
            connection.execute(pinned_figures.insert().values(
                view=view, taken_at=taken_at, payload=json.dumps(figures, ensure_ascii=False)))
    except IntegrityError:
        # Another screen pinned the same view a moment earlier: its figures are the meeting's.
        pass
    return pinned(engine, view)
