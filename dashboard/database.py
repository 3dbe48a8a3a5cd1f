"""Opening the database the dashboard reads, creating the demo province on first use when none is configured."""

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from data_access.engine import configured_url, open_engine
from data_access.schema import cases
from dashboard.demo.accounts import DEMO_PASSWORD
from dashboard.demo.build import build_demo


def case_count(engine: Engine) -> int:
    """Return how many cases the database holds."""
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(cases)).scalar_one()


def open_dashboard_engine(url: str | None = None, on_first_use: Callable[[], None] | None = None) -> Engine:
    """Return the Engine to read; the embedded default database is filled with the demo province when empty."""
    engine = open_engine(url)
    if url is None and configured_url() is None and case_count(engine) == 0:
        if on_first_use is not None:
            on_first_use()
        build_demo(engine)
    return engine


def demo_password() -> str | None:
    """Return the demo accounts' password when the dashboard runs on the embedded default, which is always the
    generated demo; None for a configured database, whose accounts are never named."""
    return DEMO_PASSWORD if configured_url() is None else None
