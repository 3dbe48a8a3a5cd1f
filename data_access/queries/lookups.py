"""What the pages and reports look up beside the caseload: the names of units and officers a viewer may see, the
officers' units, the targets; and the agency's structure (provinces, the province of each unit, the first decision),
which names no officer and no case."""

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from data_access.queries.scope import Scope
from data_access.queries.viewing import Reader, require, visible_officers, visible_units
from data_access.schema import cases, officers, targets, units

# The scope each kind of target is set for, as the rules read it: an officer, a unit, a province or the country.
_TARGET_SCOPES = {"chv": lambda code: Scope(officer=code), "don_vi": lambda code: Scope(unit=code),
                  "tinh": lambda code: Scope(province=code or None)}


def _kept(codes: dict, allowed: frozenset[str] | None) -> dict:
    return codes if allowed is None else {code: value for code, value in codes.items() if code in allowed}


def _seen(reader: Reader, kind: str) -> frozenset[str] | None:
    return visible_officers(reader) if kind == "officer" else visible_units(reader)


def target_rates(reader: Reader, year: int, scope_kind: str, code: str) -> tuple | None:
    """Return (cases_rate, money_rate) as Decimals for a work-year and scope, or None when none is set."""
    engine = require(reader, _TARGET_SCOPES[scope_kind](code))
    query = select(targets.c.cases_rate, targets.c.money_rate).where(
        targets.c.year == year, targets.c.scope == scope_kind, targets.c.code == code)
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return tuple(row) if row else None


def target_table(reader: Reader, year: int, scope_kind: str) -> dict[str, tuple]:
    """Return (cases_rate, money_rate) as Decimals by unit or officer code the viewer may see, for a work-year and
    scope kind."""
    query = select(targets.c.code, targets.c.cases_rate, targets.c.money_rate).where(
        targets.c.year == year, targets.c.scope == scope_kind)
    with reader.engine.connect() as connection:
        table = {code: (cases_rate, money_rate) for code, cases_rate, money_rate in connection.execute(query)}
    return _kept(table, _seen(reader, "officer" if scope_kind == "chv" else "unit"))


def dimension_names(reader: Reader, by: str) -> dict[str, str]:
    """Return the display name of every key of a breakdown that lives in the database (units, officers), of those
    the viewer may see."""
    kind = "officer" if by == "officer" else "unit"
    table = {"unit": units, "province": units, "officer": officers, "unit_group": units,
             "province_group": units}.get(by)
    if table is None:
        return {}
    with reader.engine.connect() as connection:
        names = dict(connection.execute(select(table.c.code, table.c.name)).all())
    if by in ("province", "province_group"):
        return _kept(names, _provinces_of(reader.engine, _seen(reader, "unit")))
    return _kept(names, _seen(reader, kind))


def _provinces_of(engine: Engine, allowed: frozenset[str] | None) -> frozenset[str] | None:
    if allowed is None:
        return None
    provinces = unit_provinces(engine)
    return frozenset(provinces[code] for code in allowed if code in provinces)


def officer_units(reader: Reader) -> dict[str, str]:
    """Return the unit code of every officer the viewer may see, by officer code."""
    with reader.engine.connect() as connection:
        found = dict(connection.execute(select(officers.c.code, officers.c.unit_code)).all())
    return _kept(found, visible_officers(reader))


def known_codes(reader: Reader, kind: str) -> set[str]:
    """Return the codes of the units or officers in the database that the viewer may see."""
    table = {"unit": units, "officer": officers}[kind]
    with reader.engine.connect() as connection:
        found = set(connection.execute(select(table.c.code)).scalars())
    allowed = _seen(reader, kind)
    return found if allowed is None else found & allowed


def unit_provinces(engine: Engine) -> dict[str, str]:
    """Return the province code every unit rolls up to, by unit code (a province office's is its own)."""
    with engine.connect() as connection:
        return dict(connection.execute(select(units.c.code, units.c.province_code)).all())


def province_names(engine: Engine) -> dict[str, str]:
    """Return the names of the units of level tinh, by code: the provinces the database holds."""
    with engine.connect() as connection:
        return dict(connection.execute(select(units.c.code, units.c.name).where(units.c.level == "tinh")).all())


def first_decision_date(engine: Engine) -> date | None:
    """Return the earliest decision date in the database, or None when it holds no case."""
    with engine.connect() as connection:
        return connection.execute(select(func.min(cases.c.decided_on))).scalar()
