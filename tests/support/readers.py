"""Readers for tests: the database as the server's operator reads it, or as one viewer."""

from sqlalchemy.engine import Engine

from data_access.queries.viewing import OPERATOR, Reader, Viewer


def operator(engine: Engine) -> Reader:
    """Return a reader of the whole database on the engine, as the command line reads it."""
    return Reader(engine, OPERATOR)


def viewer(engine: Engine, role: str, province: str | None = None, unit: str | None = None,
           officer: str | None = None) -> Reader:
    """Return a reader of the engine as a viewer of that role and place."""
    return Reader(engine, Viewer(role, province, unit, officer))
