"""What a viewer may read (domain.md section 13), denied by default: who reads, the scope it opens on, whether a
scope and breakdown it asks for lie within what its role sees, and the units and officers it may see named."""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.queries.scope import Scope
from data_access.schema import officers, units

# The command line on the server runs as its operator and reads everything; a display link reads as a screen of
# its one scope. No account can take either role.
OPERATOR_ROLE = "operator"
DISPLAY_ROLE = "trinh_chieu"
# Who may pin a meeting's figures: each pin is a permanent row.
PINNING_ROLES = (OPERATOR_ROLE, DISPLAY_ROLE, "lanh_dao", "thong_ke")
# Breakdowns that name officers or cases: a unit head sees its own unit's, an officer none but its own.
CASE_BREAKDOWN = "case"
NAMING_BREAKDOWNS = ("officer", CASE_BREAKDOWN)
# An officer reads its unit's totals, never a ranking of units or provinces beside it.
PLACE_BREAKDOWNS = ("unit", "unit_group", "province", "province_group")


@dataclass(frozen=True)
class Viewer:
    """Who reads, as the rules see them: a role and the one place it is bound to (None where the role has none)."""

    role: str
    province: str | None = None
    unit: str | None = None
    officer: str | None = None


OPERATOR = Viewer(OPERATOR_ROLE)


class NotPermitted(PermissionError):
    """A reading outside the viewer's scope; its message is the Vietnamese notice "Không có quyền xem ..."."""


@dataclass(frozen=True)
class Reader:
    """The database as one viewer may read it: every data-access entry point takes one and keeps to its scope."""

    engine: Engine
    viewer: Viewer | None
    # The rules' lookups (an officer's unit, a unit's province), kept for this reader's life: one report asks the
    # same ones of every query it makes.
    lookups: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def remembered(self, key: tuple, compute):
        """Return compute(), worked out once per key for this reader."""
        if key not in self.lookups:
            self.lookups[key] = compute()
        return self.lookups[key]


def whole_database(reader: Reader) -> Reader:
    """Return a reader of the whole database on the same engine, for the shapes the pace and the forecast learn from
    every scope's earlier years (never shown as figures of those scopes)."""
    return Reader(reader.engine, OPERATOR)


def link_viewer(link) -> Viewer:
    """Return the viewer a display link reads as: a screen of its province, unit or the whole database."""
    return Viewer(DISPLAY_ROLE, link.province, link.unit)


def viewer_of(account) -> Viewer | None:
    """Return the viewer an account reads as, None for no account or a disabled one."""
    if account is None or not account.active:
        return None
    return Viewer(account.role, account.province, account.unit, account.officer)


def home_scope(viewer: Viewer | None) -> Scope | None:
    """Return the scope a viewer opens on, None when it may read nothing (no account, disabled, administrator)."""
    if viewer is None:
        return None
    if viewer.role == OPERATOR_ROLE:
        return Scope()
    if viewer.role in ("lanh_dao", "thong_ke") or (viewer.role == DISPLAY_ROLE and not viewer.unit):
        return Scope(province=viewer.province)
    if viewer.role in ("don_vi", DISPLAY_ROLE) and viewer.unit:
        return Scope(unit=viewer.unit)
    if viewer.role == "chv" and viewer.officer:
        return Scope(officer=viewer.officer)
    return None


def officer_unit(engine: Engine, officer: str) -> str | None:
    """Return the unit an officer belongs to, None for an unknown officer."""
    with engine.connect() as connection:
        return connection.execute(select(officers.c.unit_code).where(officers.c.code == officer)).scalar()


def unit_province(engine: Engine, unit: str) -> str | None:
    """Return the province a unit rolls up to, None for an unknown unit."""
    with engine.connect() as connection:
        return connection.execute(select(units.c.province_code).where(units.c.code == unit)).scalar()


def sole_province(engine: Engine) -> str | None:
    """Return the province of a database that holds one (its whole is that province), None when it holds several."""
    with engine.connect() as connection:
        found = connection.execute(select(units.c.code).where(units.c.level == "tinh").limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None


def _officer_unit(reader: Reader, officer: str) -> str | None:
    return reader.remembered(("officer", officer), lambda: officer_unit(reader.engine, officer))


def _unit_province(reader: Reader, unit: str) -> str | None:
    return reader.remembered(("unit", unit), lambda: unit_province(reader.engine, unit))


def _sole_province(reader: Reader) -> str | None:
    return reader.remembered(("sole",), lambda: sole_province(reader.engine))


def _place(reader: Reader, scope: Scope) -> tuple[str | None, str | None, str | None]:
    unit = scope.unit or (_officer_unit(reader, scope.officer) if scope.officer else None)
    province = scope.province or (_unit_province(reader, unit) if unit else _sole_province(reader))
    return province, unit, scope.officer


def may_read(reader: Reader, scope: Scope, by: str | None = None) -> bool:
    """Return whether the reader's viewer may read the scope broken down by `by` ("case" for its cases): within its
    province for leaders and statisticians (everything for the Ministry's); its unit, and its province's totals and
    units' ranking, for a unit head; its own cases, and its unit's totals, for an officer; nothing otherwise."""
    viewer = reader.viewer
    if home_scope(viewer) is None:
        return False
    if viewer.role == OPERATOR_ROLE:
        return True
    if viewer.role == DISPLAY_ROLE and by == CASE_BREAKDOWN:
        return False
    province, unit, officer = _place(reader, scope)
    if viewer.role in ("lanh_dao", "thong_ke") or (viewer.role == DISPLAY_ROLE and not viewer.unit):
        return viewer.province is None or province == viewer.province
    if viewer.role in ("don_vi", DISPLAY_ROLE):
        province_ranking = (viewer.role == "don_vi" and not unit and not officer and province is not None
                            and by not in NAMING_BREAKDOWNS
                            and province == _unit_province(reader, viewer.unit))
        return unit == viewer.unit or province_ranking
    if officer:
        return officer == viewer.officer
    return (unit is not None and unit == _officer_unit(reader, viewer.officer)
            and by not in (*NAMING_BREAKDOWNS, *PLACE_BREAKDOWNS))


def may_pin(viewer: Viewer | None) -> bool:
    """Return whether the viewer may pin a meeting's figures: a display link, a leader or a statistician."""
    return viewer is not None and viewer.role in PINNING_ROLES


def refusal(scope: Scope, by: str | None = None) -> str:
    """Return the Vietnamese notice for a reading that is not permitted, naming what was asked."""
    if scope.officer:
        named = f"chấp hành viên {scope.officer}"
    elif scope.unit:
        named = f"đơn vị {scope.unit}"
    elif scope.province:
        named = f"tỉnh {scope.province}"
    else:
        named = "toàn bộ số liệu"
    detail = {"officer": " theo chấp hành viên", "case": " (danh sách việc)"}.get(by, "")
    return f"Không có quyền xem {named}{detail}."


def require(reader: Reader, scope: Scope, by: str | None = None) -> Engine:
    """Return the reader's engine when its viewer may read the scope and breakdown; raise NotPermitted otherwise."""
    if not isinstance(reader, Reader) or not may_read(reader, scope, by):
        raise NotPermitted(refusal(scope, by))
    return reader.engine


def sees_everything(reader: Reader) -> bool:
    """Return whether the viewer reads the whole database: the operator, the Ministry's accounts and screens, and a
    province's leaders, statisticians and screens in a database that holds that province alone."""
    home = home_scope(reader.viewer)
    if home is None or home.unit or home.officer:
        return False
    return home.province is None or home.province == _sole_province(reader)


def visible_units(reader: Reader) -> frozenset[str] | None:
    """Return the units the viewer may see named (a unit head sees its province's, for the ranking), None for all."""
    return reader.remembered(("visible", "units"), lambda: _visible_units(reader))


def visible_officers(reader: Reader) -> frozenset[str] | None:
    """Return the officers the viewer may see named: its province's, its unit's or itself; None for all."""
    return reader.remembered(("visible", "officers"), lambda: _visible_officers(reader))


def _visible_units(reader: Reader) -> frozenset[str] | None:
    viewer = reader.viewer
    if home_scope(viewer) is None:
        return frozenset()
    if sees_everything(reader):
        return None
    if viewer.role == "chv":
        own = _officer_unit(reader, viewer.officer)
        return frozenset({own} if own else ())
    if viewer.role == DISPLAY_ROLE and viewer.unit:
        return frozenset({viewer.unit})
    province = viewer.province or _unit_province(reader, viewer.unit)
    with reader.engine.connect() as connection:
        return frozenset(connection.execute(select(units.c.code).where(units.c.province_code == province)).scalars())


def _visible_officers(reader: Reader) -> frozenset[str] | None:
    viewer = reader.viewer
    if home_scope(viewer) is None:
        return frozenset()
    if viewer.role == "chv":
        return frozenset({viewer.officer})
    if viewer.unit:
        place = units.c.code == viewer.unit
    else:
        allowed = visible_units(reader)
        if allowed is None:
            return None
        place = units.c.code.in_(sorted(allowed))
    query = select(officers.c.code).join(units, units.c.code == officers.c.unit_code).where(place)
    with reader.engine.connect() as connection:
        return frozenset(connection.execute(query).scalars())
