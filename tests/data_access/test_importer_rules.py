"""The importer refuses broken exchange data with file, line and rule, all or nothing; re-imports replace."""

from datetime import date

import pytest
from sqlalchemy import func, select

from data_access.codes import EXCHANGE_COLUMNS
from data_access.exchange.importer import ImportRejected, import_tables
from data_access.schema import cases as cases_table
from data_access.schema import events as events_table
from data_access.schema import officers, targets, units
from dashboard.metrics.chains import Scope, chain_report
from tests.data_access.samples import GOOD, row_counts
from tests.support.builders import OFFICERS, UNITS, case, ev, frame, officer, tables, target, unit
from tests.support.readers import operator

M = 1_000_000
END = date(2023, 12, 31)


def _case(**changes):
    return {**case("V1", "2023-06-01", 10 * M), **changes}


def _events(*rows):
    return tables(cases=[case("V1", "2023-06-01", 10 * M)], events=rows)


def _renamed(stem, old, new):
    broken = tables(cases=[case("V1", "2023-06-01", 10 * M)])
    broken[stem] = broken[stem].rename(columns={old: new})
    return broken


def _reordered(stem):
    broken = tables(cases=[case("V1", "2023-06-01", 10 * M)])
    broken[stem] = broken[stem][list(reversed(EXCHANGE_COLUMNS[stem]))]
    return broken


BROKEN = [
    pytest.param(_renamed("viec", "nhom", "nhom_viec"), ("viec.csv", 1, "columns"), id="columns-renamed"),
    pytest.param(_reordered("su_kien"), ("su_kien.csv", 1, "columns"), id="columns-order"),
    pytest.param(tables(cases=[_case(so_quyet_dinh="")]), ("viec.csv", 2, "required"), id="required-case"),
    pytest.param(tables(units=UNITS + (unit("H05", ""),)), ("don_vi.csv", 5, "required"), id="required-unit"),
    pytest.param(tables(officers=OFFICERS[:1] + (officer("C02", "", "H01"),) + OFFICERS[2:]),
                 ("chap_hanh_vien.csv", 3, "required"), id="required-officer"),
    pytest.param(tables(cases=[_case(ngay_quyet_dinh="01/06/2023")]), ("viec.csv", 2, "date"), id="date-format"),
    pytest.param(_events(ev("V1", "2023-02-30", "thu_tien", M)), ("su_kien.csv", 2, "date"), id="date-invalid"),
    pytest.param(tables(cases=[_case(so_tien_phai_thi_hanh="-5")]), ("viec.csv", 2, "amount"), id="amount-neg"),
    pytest.param(tables(cases=[_case(so_tien_phai_thi_hanh="1.5")]), ("viec.csv", 2, "amount"), id="amount-frac"),
    pytest.param(tables(cases=[_case(so_tien_phai_thi_hanh="1.000.000")]), ("viec.csv", 2, "amount"),
                 id="amount-dots"),
    pytest.param(_events(ev("V1", "2023-07-01", "thu_tien", 0)), ("su_kien.csv", 2, "amount"), id="amount-zero"),
    pytest.param(_events(ev("V1", "2023-07-01", "giam", -1)), ("su_kien.csv", 2, "amount"), id="amount-giam"),
    pytest.param(_events(ev("V1", "2023-07-01", "xong", M)), ("su_kien.csv", 2, "amount"), id="amount-on-xong"),
    pytest.param(tables(cases=[_case(ma_don_vi="H99")]), ("viec.csv", 2, "code"), id="code-unit"),
    pytest.param(tables(cases=[_case(ma_chv="C99")]), ("viec.csv", 2, "code"), id="code-officer"),
    pytest.param(tables(cases=[_case(loai_ban_an="dan_su_x")]), ("viec.csv", 2, "code"), id="code-judgment"),
    pytest.param(tables(cases=[_case(hinh_thuc="truc_tiep")]), ("viec.csv", 2, "code"), id="code-mode"),
    pytest.param(tables(cases=[_case(nhom="ngan_sach|abc")]), ("viec.csv", 2, "code"), id="code-group"),
    pytest.param(_events(ev("V1", "2023-07-01", "thu")), ("su_kien.csv", 2, "code"), id="code-event"),
    pytest.param(tables(units=UNITS + (unit("X01", "Xã", "xa"),)), ("don_vi.csv", 5, "code"), id="code-level"),
    pytest.param(tables(officers=OFFICERS + (officer("C09", "Đỗ Văn Hải", "H01", "chuyen_vien"),)),
                 ("chap_hanh_vien.csv", 6, "code"), id="code-grade"),
    pytest.param(tables(officers=OFFICERS + (officer("C09", "Đỗ Văn Hải", "H99"),)),
                 ("chap_hanh_vien.csv", 6, "code"), id="code-officer-unit"),
    pytest.param(tables(targets=[target(2024, "huyen", "H01", "80", "40")]), ("chi_tieu.csv", 2, "code"),
                 id="code-scope"),
    pytest.param(tables(targets=[target(2024, "don_vi", "H99", "80", "40")]), ("chi_tieu.csv", 2, "code"),
                 id="code-target-unit"),
    pytest.param(tables(targets=[target(2024, "chv", "C99", "80", "40")]), ("chi_tieu.csv", 2, "code"),
                 id="code-target-officer"),
    pytest.param(tables(cases=[_case(), _case()]), ("viec.csv", 3, "duplicate"), id="duplicate-case"),
    pytest.param(tables(units=UNITS + (unit("H01", "Chi cục khác"),)), ("don_vi.csv", 5, "duplicate"),
                 id="duplicate-unit"),
    pytest.param(tables(officers=OFFICERS + (officer("C02", "Trần Thị Bình", "H02"),)),
                 ("chap_hanh_vien.csv", 6, "duplicate"), id="duplicate-officer"),
    pytest.param(tables(targets=[target(2024, "tinh", "", "80", "40"), target(2024, "tinh", "", "81", "41")]),
                 ("chi_tieu.csv", 3, "duplicate"), id="duplicate-target"),
    pytest.param(tables(targets=[target(2024, "tinh", "", "100.5", "40")]), ("chi_tieu.csv", 2, "rate"),
                 id="rate-above-100"),
    pytest.param(tables(targets=[target(2024, "tinh", "", "80", "-1")]), ("chi_tieu.csv", 2, "rate"),
                 id="rate-negative"),
    pytest.param(tables(targets=[target(2024, "tinh", "", "80", "bốn mươi")]), ("chi_tieu.csv", 2, "rate"),
                 id="rate-text"),
    pytest.param(_events(ev("V1", "2023-07-01", "hoan")), ("su_kien.csv", 2, "detail"), id="detail-no-point"),
    pytest.param(_events(ev("V1", "2023-07-01", "hoan", detail="k")), ("su_kien.csv", 2, "detail"),
                 id="detail-bad-point"),
    pytest.param(_events(ev("V1", "2023-07-01", "phan_cong", detail="C99")), ("su_kien.csv", 2, "detail"),
                 id="detail-officer"),
    pytest.param(_events(ev("V1", "2023-07-01", "phan_cong")), ("su_kien.csv", 2, "detail"),
                 id="detail-no-officer"),
    pytest.param(_events(ev("V1", "2023-07-01", "thu_tien", M, detail="a")), ("su_kien.csv", 2, "detail"),
                 id="detail-on-money"),
    pytest.param(_events(ev("V9", "2023-07-01", "thu_tien", M)), ("su_kien.csv", 2, "unknown_case"),
                 id="unknown-case"),
    pytest.param(_events(ev("V1", "2023-05-31", "thu_tien", M)), ("su_kien.csv", 2, "event_before_decision"),
                 id="before-decision"),
    # file order differs from day order: the line named is the offending row's own
    pytest.param(_events(ev("V1", "2023-11-02", "thu_tien", M), ev("V1", "2023-11-01", "xong")),
                 ("su_kien.csv", 2, "event_after_terminal"), id="after-terminal"),
    pytest.param(_events(ev("V1", "2023-11-01", "xong"), ev("V1", "2023-11-02", "hoan", detail="a")),
                 ("su_kien.csv", 3, "event_after_terminal"), id="classified-after-terminal"),
    pytest.param(_events(ev("V1", "2023-11-01", "xong"), ev("V1", "2023-11-01", "dinh_chi")),
                 ("su_kien.csv", 3, "second_terminal"), id="second-terminal"),
    pytest.param(_events(ev("V1", "2023-12-01", "thu_tien", 6 * M), ev("V1", "2023-11-01", "giam", 5 * M)),
                 ("su_kien.csv", 2, "over_amount"), id="over-amount"),
    pytest.param(_events(ev("V1", "2023-12-01", "thu_tien", 10 * M + 1)), ("su_kien.csv", 2, "over_amount"),
                 id="over-amount-one-dong"),
    pytest.param(_events(ev("V1", "2023-07-01", "vao_so_rieng")), ("su_kien.csv", 2, "ledger_entry"),
                 id="ledger-entry-enforceable"),
    pytest.param(_events(ev("V1", "2023-07-01", "hoan", detail="c"), ev("V1", "2023-08-01", "vao_so_rieng")),
                 ("su_kien.csv", 3, "ledger_entry"), id="ledger-entry-deferred-c"),
    pytest.param(_events(ev("V1", "2023-07-01", "chua_co_dieu_kien"), ev("V1", "2023-08-01", "vao_so_rieng"),
                         ev("V1", "2023-09-01", "vao_so_rieng")),
                 ("su_kien.csv", 4, "ledger_entry"), id="ledger-entry-twice"),
    pytest.param(_events(ev("V1", "2023-07-01", "tam_dinh_chi"), ev("V1", "2023-08-01", "ra_so_rieng")),
                 ("su_kien.csv", 3, "ledger_exit"), id="ledger-exit"),
    pytest.param(_events(ev("V1", "2023-07-01", "chua_co_dieu_kien"), ev("V1", "2023-08-01", "vao_so_rieng"),
                         ev("V1", "2023-09-01", "thu_tien", M)),
                 ("su_kien.csv", 4, "in_ledger"), id="in-ledger-money"),
    pytest.param(_events(ev("V1", "2023-07-01", "chua_co_dieu_kien"), ev("V1", "2023-08-01", "vao_so_rieng"),
                         ev("V1", "2023-09-01", "dinh_chi")),
                 ("su_kien.csv", 4, "in_ledger"), id="in-ledger-terminal"),
    pytest.param(_events(ev("V1", "2023-07-01", "chua_co_dieu_kien"), ev("V1", "2023-08-01", "vao_so_rieng"),
                         ev("V1", "2023-09-01", "co_dieu_kien"), ev("V1", "2023-09-02", "giam", M)),
                 ("su_kien.csv", 5, "in_ledger"), id="in-ledger-reduction-after-classification"),
    pytest.param(_events(ev("V1", "2023-07-01", "xac_minh", detail="x")), ("su_kien.csv", 2, "detail"),
                 id="verification-detail"),
    pytest.param(tables(units=UNITS[:2] + (unit("H02", "Chi cục THADS huyện Tây", "huyen", "X99"),)),
                 ("don_vi.csv", 4, "parent"), id="parent-unknown"),
]


def _issues(caught):
    return [(issue.file, issue.line, issue.rule) for issue in caught.value.errors]


@pytest.mark.parametrize(("broken", "expected"), BROKEN)
def test_each_rule_names_the_file_the_line_and_the_rule(db, broken, expected):
    with pytest.raises(ImportRejected) as caught:
        import_tables(db, broken)
    assert _issues(caught) == [expected]
    assert all(issue.message.strip() for issue in caught.value.errors)


def test_a_cycle_of_parent_units_is_refused(db):
    looped = UNITS + (unit("A1", "Đơn vị A", "huyen", "A2"), unit("A2", "Đơn vị B", "huyen", "A1"))
    with pytest.raises(ImportRejected) as caught:
        import_tables(db, tables(units=looped))
    issues = _issues(caught)
    assert issues and set(issues) <= {("don_vi.csv", 5, "parent"), ("don_vi.csv", 6, "parent")}


def test_a_day_order_that_settles_every_rule_is_accepted(db):
    # each pair is valid only once the day order is applied: ledger after classification, xong last
    import_tables(db, _events(
        ev("V1", "2023-07-01", "vao_so_rieng"), ev("V1", "2023-07-01", "chua_co_dieu_kien"),
        ev("V1", "2023-08-01", "phan_cong", detail="C03"),
        ev("V1", "2023-09-01", "ra_so_rieng"), ev("V1", "2023-09-02", "co_dieu_kien"),
        ev("V1", "2023-11-01", "xong"), ev("V1", "2023-11-01", "thu_tien", 10 * M),
    ))
    assert chain_report(operator(db), END)["cases"]["done"] == 1


@pytest.mark.parametrize(("classified", "detail", "expected_state"), [
    pytest.param("co_dieu_kien", "", "in_progress", id="restored-and-enforceable"),
    pytest.param("hoan", "c", "deferred_c", id="restored-and-deferred-c"),
    pytest.param("chua_co_dieu_kien", "", "not_enforceable", id="restored-and-not-enforceable"),
])
def test_a_classification_in_the_separate_ledger_is_accepted_and_applies_at_the_restore(db, classified, detail,
                                                                                       expected_state):
    # the rows of a real export: the restore is written before the classification of the same day
    import_tables(db, _events(
        ev("V1", "2023-06-10", "hoan", detail="a"), ev("V1", "2023-06-24", "vao_so_rieng"),
        ev("V1", "2023-11-18", "ra_so_rieng"), ev("V1", "2023-11-18", classified, detail=detail),
    ))
    cases = chain_report(operator(db), END)["cases"]
    # in the ledger on 30/9: not brought forward; restored in the window: new, in the bucket of its classification
    assert (cases["brought_forward"], cases["new"]) == (0, 1)
    buckets = {"in_progress": cases["in_progress"], "deferred_c": cases["deferred_c"]}
    assert buckets == {key: int(key == expected_state) for key in buckets}
    assert cases["not_enforceable"] == int(expected_state == "not_enforceable")


def test_every_issue_is_listed_not_only_the_first(db):
    broken = tables(
        cases=[_case(ngay_quyet_dinh="2023/06/01"), case("V2", "2023-06-01", M, groups="xyz")],
        events=[ev("V2", "2023-07-01", "thu_tien", 2 * M), ev("V2", "2023-07-02", "hoan")],
        targets=[target(2024, "tinh", "", "180", "40")],
    )
    with pytest.raises(ImportRejected) as caught:
        import_tables(db, broken)
    issues = _issues(caught)
    assert set(issues) >= {
        ("viec.csv", 2, "date"), ("viec.csv", 3, "code"), ("su_kien.csv", 3, "detail"), ("chi_tieu.csv", 2, "rate"),
    }
    # V2 is in viec.csv, only one of its fields is wrong
    assert "unknown_case" not in {rule for _file, _line, rule in issues}


def test_issues_are_listed_in_file_order_then_line_order(db):
    broken = tables(
        cases=[case("V1", "2023-06-01", M), case("V2", "2023-06-01", M, unit="H99")],
        events=[ev("V1", "2023-07-01", "xong"), ev("V1", "2023-08-01", "thu_tien", M),
                ev("V1", "2023-05-01", "giam", M)],
        targets=[target(2024, "tinh", "", "180", "40")],
    )
    with pytest.raises(ImportRejected) as caught:
        import_tables(db, broken)
    assert _issues(caught) == [("viec.csv", 3, "code"), ("su_kien.csv", 3, "event_after_terminal"),
                               ("su_kien.csv", 4, "event_before_decision"), ("chi_tieu.csv", 2, "rate")]


def _names(db):
    with db.connect() as connection:
        return (connection.execute(select(units.c.code, units.c.name).order_by(units.c.code)).all(),
                connection.execute(select(officers.c.code, officers.c.name).order_by(officers.c.code)).all())


def test_a_rejected_import_leaves_the_database_as_it_was(db):
    import_tables(db, GOOD)
    before = (row_counts(db), _names(db), chain_report(operator(db), END), chain_report(operator(db), END, by="group"))
    bad = tables(
        units=UNITS + (unit("H09", "Chi cục mới"),),
        officers=(officer("C02", "Tên đã đổi", "H01"),),
        cases=[case("V1", "2023-06-01", 30 * M), case("V9", "2023-10-01", 5 * M)],
        events=[ev("V9", "2023-11-01", "thu_tien", M), ev("V8", "2023-11-01", "xong")],
        targets=[target(2024, "tinh", "", "99", "99")],
    )
    with pytest.raises(ImportRejected) as caught:
        import_tables(db, bad)
    assert _issues(caught) == [("su_kien.csv", 3, "unknown_case")]
    assert (row_counts(db), _names(db), chain_report(operator(db), END), chain_report(operator(db), END,
                                                                                      by="group")) == before


def test_importing_the_same_tables_twice_changes_nothing(db):
    import_tables(db, GOOD)
    first = (row_counts(db), chain_report(operator(db), END), chain_report(operator(db), END, by="officer"))
    import_tables(db, GOOD)
    assert (row_counts(db), chain_report(operator(db), END), chain_report(operator(db), END, by="officer")) == first
    assert first[0]["cases"] == 2 and first[0]["events"] == 4 and first[0]["case_groups"] == 3


def test_a_reimported_case_is_replaced_with_its_events_and_the_others_stay(db):
    import_tables(db, GOOD)
    import_tables(db, {
        "viec": frame("viec", [case("V1", "2023-06-01", 16 * M, groups="tin_dung")]),
        "su_kien": frame("su_kien", [ev("V1", "2023-11-20", "thu_tien", 4 * M)]),
    })
    got = chain_report(operator(db), END)
    # V1 is now 16 owed, 4 collected, in progress; V2 keeps its 3 collected and its hoãn c
    assert (got["cases"]["done"], got["cases"]["in_progress"], got["cases"]["deferred_c"]) == (0, 1, 1)
    assert (got["money"]["caseload"], got["money"]["done"], got["money"]["in_progress"]) == (36 * M, 7 * M, 12 * M)
    with db.connect() as connection:
        amounts = dict(connection.execute(select(cases_table.c.code, cases_table.c.amount)).all())
        events = connection.execute(select(func.count()).select_from(events_table)).scalar_one()
    assert (amounts, events) == ({"V1": 16 * M, "V2": 20 * M}, 3)
    groups = chain_report(operator(db), END, by="group")["rows"]
    assert [(row["key"], row["cases"]["caseload"]) for row in groups] == [("tin_dung", 2)]


def test_events_must_come_with_their_case(db):
    import_tables(db, GOOD)
    with pytest.raises(ImportRejected) as caught:
        import_tables(db, {
            "viec": frame("viec", [case("V3", "2023-06-01", M)]),
            "su_kien": frame("su_kien", [ev("V2", "2023-12-20", "thu_tien", M)]),
        })
    assert _issues(caught) == [("su_kien.csv", 2, "unknown_case")]


def test_units_officers_and_targets_are_upserted(db):
    import_tables(db, GOOD)
    import_tables(db, {
        "don_vi": frame("don_vi", [unit("H01", "Phòng THADS khu vực 1", "khu_vuc")]),
        "chap_hanh_vien": frame("chap_hanh_vien", [officer("C04", "Phạm Thị Dung Anh", "H02", "cao_cap")]),
        "chi_tieu": frame("chi_tieu", [target(2024, "tinh", "", "86.25", "48.5")]),
    })
    by_unit = chain_report(operator(db), END, by="unit")["rows"]
    assert [(row["key"], row["name"]) for row in by_unit] == [
        ("H01", "Phòng THADS khu vực 1"), ("H02", "Chi cục THADS huyện Tây"),
    ]
    by_officer = chain_report(operator(db), END, by="officer")["rows"]
    assert [(row["key"], row["name"]) for row in by_officer] == [
        ("C02", "Trần Thị Bình"), ("C04", "Phạm Thị Dung Anh"),
    ]
    assert chain_report(operator(db), END)["target"] == {"cases": 86.25, "money": 48.5}
    assert chain_report(operator(db), END, Scope(unit="H01"))["target"] == {"cases": 85.0, "money": 50.0}
    with db.connect() as connection:
        assert connection.execute(select(func.count()).select_from(targets)).scalar_one() == 2
        assert connection.execute(select(func.count()).select_from(units)).scalar_one() == 3
