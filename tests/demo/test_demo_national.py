"""The national demo: its organisation, its determinism, and a bulk load equal to what the importer writes."""

import io
import json
import sys
import types
from collections import Counter
from concurrent.futures.process import BrokenProcessPool
from datetime import date

import pytest
from sqlalchemy import select

from data_access.engine import open_engine
from data_access.exchange.bulk_load import BrokenCase, NewCase, prepare_cases
from data_access.exchange.importer import import_tables
from data_access.schema import case_groups, case_states, cases, events, officers, targets, units
from dashboard.cli import main
from dashboard.demo import national as demo_national
from dashboard.demo.build import clear_database
from dashboard.demo.national import (
    CASE_ID_BLOCK, PROVINCES, apportion, national_tables, plan_country, province_cases,
)
from dashboard.demo.national_build import build_national
from dashboard.demo.progress import BuildProgress, clock
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_count
from tests.support.readers import operator

BUILD_DAY = date(2026, 11, 28)
SEED = 11
TINY = demo_national.SIZES["tiny"]
UNREACHABLE = "postgresql://postgres@127.0.0.1:1/x"


def _contents(engine) -> dict[str, list[tuple]]:
    """Return every row by table, sorted, with case ids replaced by case codes (and the ids by code apart)."""
    with engine.connect() as connection:
        code_of = dict(connection.execute(select(cases.c.id, cases.c.code)).all())
        found = {"case_ids": sorted((code, case_id) for case_id, code in code_of.items())}
        for table in (units, officers, targets):
            found[table.name] = sorted(map(tuple, connection.execute(select(table))), key=repr)
        found["cases"] = sorted((code_of[row[0]], *row[1:]) for row in connection.execute(select(cases)))
        for table in (case_groups, events, case_states):
            found[table.name] = sorted(((code_of[row[0]], *row[1:]) for row in connection.execute(select(table))),
                                       key=repr)
    return found


def _build(engine, seed: int = SEED, workers: int = 1):
    return build_national(engine, seed=seed, today=BUILD_DAY, size="tiny", workers=workers)


@pytest.fixture(scope="module")
def country():
    """Return the tiny country's plan."""
    return plan_country("tiny", seed=SEED, today=BUILD_DAY)


@pytest.fixture(scope="module")
def loaded(scratch_url):
    """Yield (engine, contents) of the tiny country loaded through the worker pool, on each engine."""
    engine = open_engine(scratch_url)
    summary = _build(engine, workers=2)
    yield engine, _contents(engine), summary
    engine.dispose()


def test_the_bulk_load_holds_exactly_what_the_importer_writes(db, country):
    _build(db)
    bulk = _contents(db)
    exchange = national_tables(country)
    clear_database(db)
    import_tables(db, exchange)
    imported = _contents(db)
    assert len(bulk["cases"]) == len(exchange["viec"]) > 1000
    assert len(bulk["events"]) == len(exchange["su_kien"])
    for name in ("units", "officers", "cases", "case_groups", "events", "case_states", "targets"):
        assert bulk[name] == imported[name], name
    own = [row for row in bulk["targets"] if row[1] == "tinh" and row[2]]
    assert {row[2] for row in own} == {"T01", "T02", "T03"}
    # Ids come in a block per province, in the order the province lists its cases.
    for code, case_id in bulk["case_ids"]:
        assert case_id // CASE_ID_BLOCK == int(code[1:3])


def test_the_organisation_has_one_centre_its_provinces_and_their_offices(loaded):
    _, contents, summary = loaded
    levels = Counter(level for _, _, level, _, _ in contents["units"])
    assert levels == {"trung_uong": 1, "tinh": 3, "khu_vuc": 6}
    by_code = {code: (name, level, parent, province) for code, name, level, parent, province in contents["units"]}
    assert by_code["TW"] == ("Cục Quản lý thi hành án dân sự", "trung_uong", None, "TW")
    assert by_code["T01"] == ("Thi hành án dân sự thành phố Hà Nội", "tinh", "TW", "T01")
    assert by_code["T03"] == ("Thi hành án dân sự tỉnh Lai Châu", "tinh", "TW", "T03")
    assert by_code["T02K02"] == ("Phòng Thi hành án dân sự khu vực 2 - Huế", "khu_vuc", "T02", "T02")
    for code, (_, level, parent, province) in by_code.items():
        if level == "khu_vuc":
            assert by_code[parent][1] == "tinh" and province == parent and code.startswith(parent + "K")
    assert len(contents["officers"]) == TINY.officers
    assert {unit for _, _, unit, _ in contents["officers"]} == set(by_code) - {"TW"}
    assert all(code.startswith(unit[:3] + "C") for code, _, unit, _ in contents["officers"])
    assert {unit for _, _, _, _, unit, *_ in contents["cases"]} == set(by_code) - {"TW"}
    assert summary.counts["cases"] == len(contents["cases"]) and summary.counts["units"] == 10


def test_the_same_seed_gives_the_same_rows_in_process_through_workers_and_on_either_engine(loaded, db):
    _, contents, _ = loaded
    _build(db)
    assert _contents(db) == contents


def test_provinces_and_seeds_give_different_cases(country):
    def facts(plan):
        return [(case.decided_on, case.amount, case.judgment_type) for case in province_cases(plan, BUILD_DAY)[:50]]

    first, second, third = map(facts, country.plans)
    assert first != second != third != first
    other = plan_country("tiny", seed=SEED + 1, today=BUILD_DAY)
    assert facts(other.plans[1]) != second


def test_every_province_has_old_stock_and_each_work_year(country):
    for plan in country.plans:
        codes = [case.code for case in province_cases(plan, BUILD_DAY)]
        assert {code.split("-")[1] for code in codes} == {"VC", "V2022", "V2023", "V2024", "V2025", "V2026", "V2027"}
        assert all(code.startswith(plan.code + "-") for code in codes)


def test_the_national_size_has_the_whole_country():
    country = plan_country("national", seed=SEED, today=BUILD_DAY)
    levels = Counter(level for _, _, level, _ in country.units)
    assert levels == {"trung_uong": 1, "tinh": 34, "khu_vuc": 355}
    assert len(country.officers) == 9000
    offices = {plan.name: len(plan.unit_codes) - 1 for plan in country.plans}
    assert 25 <= offices["Hà Nội"] <= 30 and 25 <= offices["Hồ Chí Minh"] <= 30
    assert min(offices.values()) == 6 and sorted(offices.values())[5] <= 8
    new_cases = sum(plan.cases_per_year for plan in country.plans) * 5 + sum(plan.old_stock for plan in country.plans)
    assert 4_500_000 <= new_cases <= 5_500_000
    national = {(year, code): rates for year, scope, code, *rates in country.targets if scope == "tinh"}
    assert national["2024", ""] == ["83.25", "46.45"]
    assert all(abs(float(national["2024", code][0]) - 83.25) <= 1 for code in (f"T{n:02d}" for n in range(1, 35)))
    assert [name for name, *_ in PROVINCES][26] == "Hồ Chí Minh"


@pytest.mark.parametrize(("total", "weights", "minimum", "expected"), [
    (10, [1, 1, 1], 0, [4, 3, 3]),
    (355, [27, 5, 30], 6, [154, 29, 172]),
    (20, [100, 1, 1], 5, [10, 5, 5]),
    (7, [0.5, 0.5], 0, [4, 3]),
])
def test_apportion_keeps_the_total_and_the_minimum(total, weights, minimum, expected):
    assert apportion(total, weights, minimum) == expected


def test_a_case_breaking_an_import_rule_is_refused():
    broken = NewCase(1, "V1", "1/QĐ", date(2024, 1, 10), "U", "C", "dan_su", "theo_don", 1000, [],
                     [(date(2024, 2, 1), "thu_tien", 2000, "")])
    with pytest.raises(BrokenCase, match="V1.*over_amount"):
        prepare_cases([broken], "postgresql")


def test_copy_text_escapes_the_free_text_decision_number_and_parties():
    case = NewCase(7, "V7", "7\\QĐ\tx", date(2024, 1, 10), "U", "C", "dan_su", "theo_don", 1000, ["tin_dung"],
                   [(date(2024, 2, 1), "xong", None, "")], "Lê\\A", None, "1/2023/DS-ST", "TAND\tX")
    rows = prepare_cases([case], "postgresql").rows
    assert rows["cases"].decode() == ("7\tV7\t7\\\\QĐ\\tx\t2024-01-10\tU\tC\tdan_su\ttheo_don\t1000\t"
                                      "Lê\\\\A\t\\N\t1/2023/DS-ST\tTAND\\tX\t2024-02-01\txong\tf\n")
    assert rows["events"] == b"7\t1\t2024-02-01\txong\t\\N\t\\N\n"
    assert rows["case_groups"] == b"7\ttin_dung\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_updates_in_place_on_a_terminal_and_prints_lines_elsewhere():
    ticks = iter([0, 60, 90, 200])
    terminal = _Terminal()
    bar = BuildProgress(terminal, 34, 100, now=lambda: next(ticks))
    bar.province_done("Hà Nội", 1_734_000, 25)
    bar.province_done("Huế", 5, 25)
    bar.phase("Tạo lại chỉ mục")
    assert terminal.getvalue() == (
        "\r1/34 tỉnh, 1.734.000 việc, đã chạy 1:00, còn khoảng 3:00"
        "\r2/34 tỉnh, 1.734.005 việc, đã chạy 1:30, còn khoảng 1:30\n"
        "[3:20] Tạo lại chỉ mục\n")
    ticks = iter([0, 60])
    log = io.StringIO()
    BuildProgress(log, 34, 100, now=lambda: next(ticks)).province_done("Hà Nội", 1_734_000, 25)
    assert log.getvalue() == "Xong Hà Nội: 1/34 tỉnh, 1.734.000 việc, đã chạy 1:00, còn khoảng 3:00\n"
    assert (clock(59.6), clock(3723)) == ("1:00", "1:02:03")


def test_the_command_line_builds_the_national_demo(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(demo_national.SIZES, "national", TINY)
    url = f"sqlite:///{tmp_path / 'quoc_gia.sqlite3'}"
    assert main(["demo", "--size", "national", "--db", url]) == 0
    out, err = capsys.readouterr()
    engine = open_engine(url)
    contents = _contents(engine)
    engine.dispose()
    assert out == (f"Đã tạo cơ sở dữ liệu mẫu: {format_count(len(contents['cases']))} việc, 30 chấp hành viên, "
                   "10 đơn vị.\n")
    lines = err.splitlines()
    # Workers finish provinces in any order; the count in each line goes up one by one.
    assert {line.split(":")[0] for line in lines[:3]} == {"Xong Hà Nội", "Xong Huế", "Xong Lai Châu"}
    assert [line.split(": ")[1].split(",")[0] for line in lines[:3]] == ["1/3 tỉnh", "2/3 tỉnh", "3/3 tỉnh"]
    assert lines[-1].startswith(f"Đã ghi {format_count(len(contents['cases']))} việc, ")


def test_the_command_line_reports_a_province_of_a_national_database(loaded, capsys):
    engine = loaded[0]
    url = engine.url.render_as_string(hide_password=False)
    assert main(["report", "--db", url, "--end", "2024-12-31", "--province", "T02", "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = chain_report(operator(engine), date(2024, 12, 31), Scope(province="T02"))
    assert printed["cases"] == expected["cases"] and printed["cases"]["caseload"] > 0
    assert printed["target"] == expected["target"] is not None
    assert main(["report", "--db", url, "--end", "2024-12-31", "--province", "T02K01"]) == 2
    assert capsys.readouterr().err == "Không có tỉnh mã 'T02K01'.\n"


def _workers_die_at_start(monkeypatch, tmp_path) -> None:
    """Make every spawned worker die as it starts, as one does that re-runs a __main__ whose file is gone."""
    gone = types.ModuleType("__main__")
    gone.__file__ = str(tmp_path / "xoa_roi.py")
    monkeypatch.setitem(sys.modules, "__main__", gone)


def test_a_worker_that_dies_stops_the_build_and_leaves_the_database_as_it_was(db, tmp_path, monkeypatch):
    _build(db, seed=SEED + 1)
    before = _contents(db)
    _workers_die_at_start(monkeypatch, tmp_path)
    with pytest.raises(BrokenProcessPool):
        _build(db, workers=2)
    assert _contents(db) == before


def test_the_command_line_says_so_when_a_worker_dies(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(demo_national.SIZES, "national", TINY)
    _workers_die_at_start(monkeypatch, tmp_path)
    assert main(["demo", "--size", "national", "--db", f"sqlite:///{tmp_path / 'quoc_gia.sqlite3'}"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Một tiến trình sinh dữ liệu đã dừng giữa chừng (thường do máy thiếu bộ nhớ); cơ sở dữ liệu vẫn giữ "
        "nguyên như trước khi chạy.")


def test_the_national_demo_on_an_unreachable_database_gives_a_plain_message(capsys):
    assert main(["demo", "--size", "national", "--db", UNREACHABLE]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("Không kết nối được cơ sở dữ liệu postgresql+psycopg://postgres@127.0.0.1:1/x: ")
    assert len(err.splitlines()) == 1


def test_every_national_case_carries_its_parties_and_verifications(country):
    tables = national_tables(country)
    viec = tables["viec"]
    assert viec[["nguoi_phai_thi_hanh", "nguoi_duoc_thi_hanh", "ban_an_so", "toa_an"]].notna().all().all()
    assert (tables["su_kien"]["loai"] == "xac_minh").sum() >= len(viec) // 2
