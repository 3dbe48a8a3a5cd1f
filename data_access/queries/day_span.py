"""The number of days between two dates as SQL, written for each database: SQLite keeps dates as text."""

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class day_span(FunctionElement):
    """later - earlier in whole days, as an integer column."""

    type = Integer()
    name = "day_span"
    inherit_cache = True


@compiles(day_span)
def _subtract_dates(element, compiler, **kw):
    later, earlier = element.clauses
    return f"({compiler.process(later, **kw)} - {compiler.process(earlier, **kw)})"


@compiles(day_span, "sqlite")
def _subtract_julian_days(element, compiler, **kw):
    later, earlier = element.clauses
    return f"CAST(julianday({compiler.process(later, **kw)}) - julianday({compiler.process(earlier, **kw)}) AS INTEGER)"
