"""What an account may read (domain.md section 13), denied by default: the scope it opens on, and whether a scope
and breakdown it asks for lie within what its role sees."""

from dataclasses import replace

from sqlalchemy.engine import Engine

from data_access.accounts import Account
from data_access.queries.chain_queries import Scope, officer_units, unit_provinces

# Breakdowns that name officers: a unit head sees its own unit's, an officer none but itself.
OFFICER_BREAKDOWNS = ("officer",)


def home_scope(account: Account | None) -> Scope | None:
    """Return the scope an account opens on, None when it may read nothing (no account, disabled, administrator)."""
    if account is None or not account.active:
        return None
    if account.role in ("lanh_dao", "thong_ke"):
        return Scope(province=account.province)
    if account.role == "don_vi" and account.unit:
        return Scope(unit=account.unit)
    if account.role == "chv" and account.officer:
        return Scope(officer=account.officer)
    return None


def _place(engine: Engine, scope: Scope) -> tuple[str | None, str | None, str | None]:
    """Return (province, unit, officer) a scope names, each filled in from the ones below it."""
    unit = scope.unit or (officer_units(engine).get(scope.officer) if scope.officer else None)
    province = scope.province or (unit_provinces(engine).get(unit) if unit else None)
    return province, unit, scope.officer


def may_read(engine: Engine, account: Account | None, scope: Scope, by: str | None = None) -> bool:
    """Return whether the account may read the scope broken down by `by`: within its province for leaders and
    statisticians (everything for the Ministry's); its unit, and its province's totals and units' ranking, for a
    unit head; its own cases, and its unit's totals, for an officer; nothing otherwise."""
    home = home_scope(account)
    if home is None:
        return False
    place = replace(scope, group=None, judgment_type=None, mode=None)
    province, unit, officer = _place(engine, place)
    if account.role in ("lanh_dao", "thong_ke"):
        return account.province is None or province == account.province
    if account.role == "don_vi":
        own_unit = unit == account.unit
        province_ranking = (not unit and not officer and province is not None
                            and province == unit_provinces(engine).get(account.unit) and by not in OFFICER_BREAKDOWNS)
        return own_unit or province_ranking
    officer_unit = officer_units(engine).get(account.officer)
    if officer:
        return officer == account.officer
    return unit == officer_unit and by not in (*OFFICER_BREAKDOWNS, "unit_group", "province_group", "province")
