"""What each role may read (domain.md section 13), on the builders' province T01 with units H01 and H02 and
officers C01 (T01), C02 and C03 (H01), C04 (H02); denied by default."""

from dataclasses import replace
from datetime import datetime

import pytest

from data_access.accounts import Account
from data_access.exchange.importer import import_tables
from data_access.queries.chain_queries import Scope
from data_access.queries.viewing import (
    DISPLAY_ROLE, OPERATOR, Reader, Viewer, home_scope, may_pin, may_read, viewer_of,
)
from tests.support.builders import UNITS, tables, unit

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
    assert home_scope(viewer_of(account)) == home


ASKED = {
    "whole": (Scope(), None), "province": (Scope(province="T01"), None),
    "province by unit": (Scope(province="T01"), "unit"), "province by officer": (Scope(province="T01"), "officer"),
    "province cases": (Scope(province="T01"), "case"),
    "H01": (Scope(unit="H01"), None), "H01 by officer": (Scope(unit="H01"), "officer"),
    "H01 cases": (Scope(unit="H01"), "case"),
    "H02": (Scope(unit="H02"), None), "C02": (Scope(officer="C02"), None), "C03": (Scope(officer="C03"), None),
    "C02 cases": (Scope(officer="C02"), "case"),
    "C04": (Scope(officer="C04"), None), "H01 budget": (Scope(unit="H01", group="ngan_sach"), None),
}
CASES = {"province cases", "H01 cases", "C02 cases"}
MAY = {
    # The builders' database holds one province, T01: its whole is that province.
    "bo": set(ASKED),
    "gd": set(ASKED),
    "tk": set(ASKED),
    # A unit head: its unit with its officers and cases, the province's totals and the ranking of its units.
    "tp": {"whole", "province", "province by unit", "H01", "H01 by officer", "H01 cases", "C02", "C03", "C02 cases",
           "H01 budget"},
    # An officer: its own cases, and its unit's totals.
    "chv": {"H01", "C02", "C02 cases", "H01 budget"},
    "qt": set(), "gd2": set(),
}


@pytest.mark.parametrize("account", [MINISTRY, DIRECTOR, STATISTICIAN, HEAD, OFFICER, ADMIN, OTHER_PROVINCE_LEADER],
                         ids=lambda account: account.login)
def test_each_role_reads_exactly_what_domain_md_gives_it(agency, account):
    reader = Reader(agency, viewer_of(account))
    allowed = {name for name, (scope, by) in ASKED.items() if may_read(reader, scope, by)}
    assert allowed == MAY[account.login]


@pytest.mark.parametrize(("link", "may"), [
    (Viewer(DISPLAY_ROLE), set(ASKED) - CASES),
    (Viewer(DISPLAY_ROLE, province="T01"), set(ASKED) - CASES),
    # A unit's screen: the unit and its officers, no ranking of the province's units, no case.
    (Viewer(DISPLAY_ROLE, unit="H01"), {"H01", "H01 by officer", "C02", "C03", "H01 budget"}),
], ids=("whole", "province", "unit"))
def test_a_display_link_reads_its_scope_without_cases(agency, link, may):
    reader = Reader(agency, link)
    assert {name for name, (scope, by) in ASKED.items() if may_read(reader, scope, by)} == may


def test_no_account_reads_nothing(agency):
    assert not any(may_read(Reader(agency, None), scope, by) for scope, by in ASKED.values())


def test_the_operator_reads_everything(agency):
    assert all(may_read(Reader(agency, OPERATOR), scope, by) for scope, by in ASKED.values())


def test_only_leaders_statisticians_and_display_links_may_pin():
    pinning = {viewer.role for viewer in (*map(viewer_of, (MINISTRY, DIRECTOR, STATISTICIAN, HEAD, OFFICER, ADMIN)),
                                          Viewer(DISPLAY_ROLE, unit="H01")) if may_pin(viewer)}
    assert pinning == {"lanh_dao", "thong_ke", DISPLAY_ROLE}
    assert not may_pin(None)


def test_in_a_database_of_several_provinces_a_province_leader_does_not_read_the_whole(db):
    import_tables(db, tables(units=(*UNITS, unit("T09", "Tỉnh khác", "tinh", ""))))
    assert not may_read(Reader(db, viewer_of(DIRECTOR)), Scope())
    assert may_read(Reader(db, viewer_of(DIRECTOR)), Scope(province="T01"))
    assert may_read(Reader(db, viewer_of(MINISTRY)), Scope())
