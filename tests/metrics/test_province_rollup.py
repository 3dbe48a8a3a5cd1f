"""The province rollup of domain.md section 4: a province holds its own office and every unit below it."""

from datetime import date

import pytest
from sqlalchemy import select

from data_access.exchange.files import ImportRejected
from data_access.exchange.importer import import_tables
from data_access.schema import snapshot_days
from dashboard.metrics.chains import Scope, UnknownCode, chain_report
from tests.support.builders import case, ev, officer, tables, target, unit
from tests.support.readers import operator

COUNTRY = (
    unit("TW", "Cục Quản lý thi hành án dân sự", "trung_uong", ""),
    unit("P1", "Thi hành án dân sự tỉnh Một", "tinh", "TW"),
    unit("K11", "Phòng THADS khu vực 1 - Một", "khu_vuc", "P1"),
    unit("K12", "Phòng THADS khu vực 2 - Một", "khu_vuc", "P1"),
    unit("P2", "Thi hành án dân sự tỉnh Hai", "tinh", "TW"),
    unit("K21", "Phòng THADS khu vực 1 - Hai", "khu_vuc", "P2"),
)
STAFF = (officer("O1", "Nguyễn Văn An", "P1"), officer("O2", "Trần Thị Bình", "K11"),
         officer("O3", "Lê Văn Cường", "K12"), officer("O4", "Phạm Thị Dung", "P2"),
         officer("O5", "Hoàng Văn Em", "K21"))
CASES = (
    case("A1", "2023-10-02", 10_000_000, unit="P1", officer="O1", groups="ngan_sach"),
    case("A2", "2023-10-03", 20_000_000, unit="K11", officer="O2"),
    case("A3", "2023-10-04", 30_000_000, unit="K12", officer="O3"),
    case("A4", "2023-10-05", 40_000_000, unit="K12", officer="O3"),
    case("B1", "2023-10-06", 50_000_000, unit="P2", officer="O4", groups="ngan_sach|trong_diem"),
    case("B2", "2023-10-09", 60_000_000, unit="K21", officer="O5"),
)
EVENTS = (
    ev("A2", "2023-11-10", "thu_tien", 20_000_000), ev("A2", "2023-11-10", "xong"),
    ev("A3", "2023-11-20", "chua_co_dieu_kien"),
    ev("A4", "2023-12-01", "thu_tien", 5_000_000),
    ev("B1", "2023-11-15", "dinh_chi"),
    ev("B2", "2023-12-05", "thu_tien", 15_000_000),
    # After the period: it makes the data reach past 31/12, so that month end has a snapshot.
    ev("A1", "2024-01-15", "thu_tien", 1_000_000),
)
TARGETS = (target(2024, "tinh", "", "83.25", "46.45"), target(2024, "tinh", "P1", "84", "47"),
           target(2024, "tinh", "P2", "82", "45"), target(2024, "don_vi", "K11", "85", "50"))
# A month end, read from the snapshots, and a day that is not, computed from the states.
DAYS = (date(2023, 12, 31), date(2023, 12, 20))


@pytest.fixture
def country(db):
    import_tables(db, tables(units=COUNTRY, officers=STAFF, cases=CASES, events=EVENTS, targets=TARGETS))
    with db.connect() as connection:
        assert set(connection.execute(select(snapshot_days.c.day)).scalars()) >= {DAYS[0]}
        assert DAYS[1] not in set(connection.execute(select(snapshot_days.c.day)).scalars())
    return db


@pytest.mark.parametrize("end", DAYS)
def test_each_province_holds_its_office_and_its_regional_offices(country, end):
    provinces = {row["key"]: row for row in chain_report(operator(country), end, by="province")["rows"]}
    assert set(provinces) == {"P1", "P2"}
    one, two = provinces["P1"], provinces["P2"]
    # Worked by hand: P1 has A1 (in progress), A2 (done), A3 (not enforceable), A4 (in progress, 5 of 40 collected).
    assert (one["cases"]["caseload"], one["cases"]["done"], one["cases"]["in_progress"]) == (4, 1, 2)
    assert (one["cases"]["not_enforceable"], one["cases"]["enforceable"], one["cases"]["rate"]) == (1, 3, 33.33)
    assert one["money"]["done"] == 25_000_000 and one["money"]["in_progress"] == 45_000_000
    assert one["money"]["enforceable"] == 70_000_000 and one["money"]["rate"] == 35.71
    # P2: B1 terminated (50 of 50 remaining), B2 in progress with 15 of 60 collected.
    assert (two["cases"]["caseload"], two["cases"]["terminated"], two["cases"]["completed"]) == (2, 1, 1)
    assert two["money"]["terminated"] == 50_000_000 and two["money"]["done"] == 15_000_000
    assert two["money"]["enforceable"] == 110_000_000 and two["money"]["rate"] == 59.09
    assert one["name"] == "Thi hành án dân sự tỉnh Một"


@pytest.mark.parametrize("end", DAYS)
def test_a_province_scope_equals_its_row_and_the_sum_of_its_units(country, end):
    units = {row["key"]: row for row in chain_report(operator(country), end, by="unit")["rows"]}
    provinces = {row["key"]: row for row in chain_report(operator(country), end, by="province")["rows"]}
    whole = chain_report(operator(country), end)
    for province, members in (("P1", ("P1", "K11", "K12")), ("P2", ("P2", "K21"))):
        scoped = chain_report(operator(country), end, _scope(province))
        for chain in ("cases", "money"):
            assert scoped[chain] == provinces[province][chain]
            for key in ("caseload", "to_enforce", "enforceable", "completed", "carried"):
                assert scoped[chain][key] == sum(units[code][chain][key] for code in members if code in units)
    for chain in ("cases", "money"):
        for key in ("caseload", "enforceable", "completed"):
            assert whole[chain][key] == provinces["P1"][chain][key] + provinces["P2"][chain][key]


@pytest.mark.parametrize("end", DAYS)
def test_a_province_by_unit_lists_only_its_own_units_and_groups_roll_up_by_province(country, end):
    rows = chain_report(operator(country), end, _scope("P1"), by="unit")["rows"]
    assert [row["key"] for row in rows] == ["K11", "K12", "P1"]
    pairs = {row["key"]: row["cases"] for row in chain_report(operator(country), end, by="province_group")["rows"]}
    assert set(pairs) == {"P1|ngan_sach", "P2|ngan_sach", "P2|trong_diem"}
    assert (pairs["P1|ngan_sach"]["caseload"], pairs["P1|ngan_sach"]["in_progress"]) == (1, 1)
    assert (pairs["P2|trong_diem"]["caseload"], pairs["P2|trong_diem"]["terminated"]) == (1, 1)


def test_the_province_target_is_its_own_and_the_whole_database_has_the_national_one(country):
    end = DAYS[0]
    assert chain_report(operator(country), end)["target"] == {"cases": 83.25, "money": 46.45}
    assert chain_report(operator(country), end, _scope("P1"))["target"] == {"cases": 84.0, "money": 47.0}
    assert chain_report(operator(country), end, _scope("P2"))["target"] == {"cases": 82.0, "money": 45.0}


def test_an_unknown_province_is_refused_by_name(country):
    with pytest.raises(UnknownCode, match="tỉnh mã 'K11'"):
        chain_report(operator(country), DAYS[0], _scope("K11"))


def test_a_province_target_must_name_a_unit_of_level_tinh(db):
    with pytest.raises(ImportRejected) as rejected:
        import_tables(db, tables(units=COUNTRY, officers=STAFF, targets=(target(2024, "tinh", "K11", "80", "40"),)))
    assert "đơn vị cấp tỉnh (nhận được 'K11')" in rejected.value.describe()


def _scope(province):
    return Scope(province=province)
