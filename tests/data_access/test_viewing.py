"""What each role may read (domain.md section 13), on the builders' province T01 with units H01 and H02 and
officers C01 (T01), C02 and C03 (H01), C04 (H02); denied by default."""

from dataclasses import replace
from datetime import datetime

import pytest

from data_access.accounts import Account
from data_access.exchange.importer import import_tables
from data_access.queries.chain_queries import Scope
from data_access.queries.viewing import home_scope, may_read
from tests.support.builders import tables

NOW = datetime(2026, 12, 3)
MINISTRY = Account("bo", "Bộ", "lanh_dao", None, None, None, True, NOW, None)
DIRECTOR = replace(MINISTRY, login="gd", province="T01")
STATISTICIAN = replace(DIRECTOR, login="tk", role="thong_ke")
HEAD = Account("tp", "Trưởng phòng", "don_vi", None, "H01", None, True, NOW, None)
OFFICER = Account("chv", "Trần Thị Bình", "chv", None, None, "C02", True, NOW, None)
ADMIN = Account("qt", "Quản trị", "quan_tri", None, None, None, True, NOW, None)
OTHER_PROVINCE_LEADER = replace(DIRECTOR, login="gd2", province="T09")


@pytest.fixture
def agency(db):
    import_tables(db, tables())
    return db


@pytest.mark.parametrize(("account", "home"), [
    (MINISTRY, Scope()), (DIRECTOR, Scope(province="T01")), (STATISTICIAN, Scope(province="T01")),
    (HEAD, Scope(unit="H01")), (OFFICER, Scope(officer="C02")), (ADMIN, None), (None, None),
    (replace(DIRECTOR, active=False), None), (replace(HEAD, unit=None), None),
])
def test_each_account_opens_on_its_own_scope_or_on_nothing(account, home):
    assert home_scope(account) == home


ASKED = {
    "whole": (Scope(), None), "province": (Scope(province="T01"), None),
    "province by unit": (Scope(province="T01"), "unit"), "province by officer": (Scope(province="T01"), "officer"),
    "H01": (Scope(unit="H01"), None), "H01 by officer": (Scope(unit="H01"), "officer"),
    "H02": (Scope(unit="H02"), None), "C02": (Scope(officer="C02"), None), "C03": (Scope(officer="C03"), None),
    "C04": (Scope(officer="C04"), None), "H01 budget": (Scope(unit="H01", group="ngan_sach"), None),
}
MAY = {
    "bo": set(ASKED),
    "gd": set(ASKED) - {"whole"},
    "tk": set(ASKED) - {"whole"},
    # A unit head: its unit with its officers and cases, the province's totals and the ranking of its units.
    "tp": {"province", "province by unit", "H01", "H01 by officer", "C02", "C03", "H01 budget"},
    # An officer: its own cases, and its unit's totals.
    "chv": {"H01", "C02", "H01 budget"},
    "qt": set(), "gd2": set(),
}


@pytest.mark.parametrize("account", [MINISTRY, DIRECTOR, STATISTICIAN, HEAD, OFFICER, ADMIN, OTHER_PROVINCE_LEADER],
                         ids=lambda account: account.login)
def test_each_role_reads_exactly_what_domain_md_gives_it(agency, account):
    allowed = {name for name, (scope, by) in ASKED.items() if may_read(agency, account, scope, by)}
    assert allowed == MAY[account.login]


def test_no_account_reads_nothing(agency):
    assert not any(may_read(agency, None, scope, by) for scope, by in ASKED.values())
