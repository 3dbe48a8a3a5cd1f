"""Values no real record holds are refused with the same verdict on SQLite and PostgreSQL; the optional columns
of viec.csv are stored."""

import pytest
from sqlalchemy import select

from data_access.exchange.importer import ImportRejected, import_tables
from data_access.schema import cases as cases_table
from tests.data_access.samples import row_counts
from tests.support.builders import OFFICERS, UNITS, case, ev, officer, tables, target, unit

M = 1_000_000


def _case(**changes):
    return {**case("V1", "2023-06-01", 10 * M), **changes}


def _events(*rows):
    return tables(cases=[case("V1", "2023-06-01", 10 * M)], events=rows)


REFUSED = [
    pytest.param(tables(cases=[_case(so_tien_phai_thi_hanh="1" * 25)]), ("viec.csv", 2, "amount"),
                 id="amount-25-digits"),
    pytest.param(tables(cases=[_case(so_tien_phai_thi_hanh=str(2 ** 63))]), ("viec.csv", 2, "amount"),
                 id="amount-2-to-the-63"),
    pytest.param(_events(ev("V1", "2023-07-01", "thu_tien", 2 ** 63)), ("su_kien.csv", 2, "amount"),
                 id="event-amount-2-to-the-63"),
    pytest.param(tables(cases=[_case(so_tien_phai_thi_hanh="٣٠٠")]), ("viec.csv", 2, "amount"),
                 id="amount-arabic-indic-digits"),
    pytest.param(tables(cases=[_case(ngay_quyet_dinh="9999-12-31")]), ("viec.csv", 2, "date"), id="date-9999"),
    pytest.param(tables(cases=[_case(ngay_quyet_dinh="0001-01-01")]), ("viec.csv", 2, "date"), id="date-0001"),
    pytest.param(_events(ev("V1", "9999-12-31", "xac_minh")), ("su_kien.csv", 2, "date"), id="event-date-9999"),
    pytest.param(tables(cases=[_case(ngay_quyet_dinh="２０２３-06-01")]), ("viec.csv", 2, "date"),
                 id="date-fullwidth-digits"),
    pytest.param(tables(units=UNITS + (unit("H05", "Chi cục\x00 huyện Tây"),)), ("don_vi.csv", 5, "text"),
                 id="name-nul"),
    pytest.param(tables(officers=OFFICERS[:3] + (officer("C04", "Phạm \u202eThị Dung", "H02"),)),
                 ("chap_hanh_vien.csv", 5, "text"), id="name-right-to-left-override"),
    pytest.param(tables(units=UNITS + (unit("H05", "Chi cục\nhuyện Tây"),)), ("don_vi.csv", 5, "text"),
                 id="name-line-break"),
    pytest.param(tables(units=UNITS + (unit("H05", "x" * 201),)), ("don_vi.csv", 5, "length"),
                 id="name-over-200"),
    pytest.param(tables(cases=[_case(so_quyet_dinh="1" * 101)]), ("viec.csv", 2, "length"),
                 id="decision-number-over-100"),
    pytest.param(tables(cases=[_case(ma_viec="V" * 65)]), ("viec.csv", 2, "length"), id="case-code-over-64"),
    pytest.param(tables(cases=[{**_case(), "toa_an": "T" * 201}]), ("viec.csv", 2, "length"),
                 id="court-over-200"),
    pytest.param(tables(cases=[{**_case(), "ghi_chu": "x"}]), ("viec.csv", 1, "columns"),
                 id="optional-column-unknown"),
    pytest.param(tables(targets=[target("٢٠٢٤", "tinh", "", "80", "40")]), ("chi_tieu.csv", 2, "date"),
                 id="target-year-arabic-indic"),
    pytest.param(tables(targets=[target("0001", "tinh", "", "80", "40")]), ("chi_tieu.csv", 2, "date"),
                 id="target-year-0001"),
    pytest.param(tables(targets=[target(2024, "tinh", "", "٨٠", "40")]), ("chi_tieu.csv", 2, "rate"),
                 id="target-rate-arabic-indic"),
    pytest.param(tables(targets=[target(2024, "tinh", "", "1e2", "40")]), ("chi_tieu.csv", 2, "rate"),
                 id="target-rate-exponent"),
]


@pytest.mark.parametrize(("broken", "expected"), REFUSED)
def test_a_value_no_record_holds_is_refused_with_its_file_line_and_rule(db, broken, expected):
    with pytest.raises(ImportRejected) as caught:
        import_tables(db, broken)
    assert [(issue.file, issue.line, issue.rule) for issue in caught.value.errors] == [expected]
    assert all(issue.message.strip() for issue in caught.value.errors)
    assert row_counts(db)["cases"] == 0


def test_the_optional_case_columns_are_stored_when_present(db):
    given = [{**case("V1", "2023-06-01", 10 * M), "nguoi_phai_thi_hanh": "Công ty TNHH Hải Long",
              "nguoi_duoc_thi_hanh": "Ngân hàng TMCP Ngoại thương", "ban_an_so": "12/2023/KDTM-ST",
              "toa_an": "Tòa án nhân dân tỉnh Quảng Ninh"},
             {**case("V2", "2023-06-01", M), "nguoi_phai_thi_hanh": "", "nguoi_duoc_thi_hanh": "", "ban_an_so": "",
              "toa_an": ""}]
    import_tables(db, tables(cases=given))
    with db.connect() as connection:
        rows = connection.execute(select(cases_table.c.code, cases_table.c.debtor, cases_table.c.creditor,
                                         cases_table.c.judgment_no, cases_table.c.court)
                                  .order_by(cases_table.c.code)).all()
    assert [tuple(row) for row in rows] == [
        ("V1", "Công ty TNHH Hải Long", "Ngân hàng TMCP Ngoại thương", "12/2023/KDTM-ST",
         "Tòa án nhân dân tỉnh Quảng Ninh"),
        ("V2", None, None, None, None),
    ]


def test_a_subset_of_the_optional_columns_in_any_order_is_accepted(db):
    given = [{**case("V1", "2023-06-01", 10 * M), "toa_an": "TAND huyện Đông", "nguoi_phai_thi_hanh": "Lê Văn Tám"}]
    import_tables(db, tables(cases=given))
    with db.connect() as connection:
        row = connection.execute(select(cases_table.c.debtor, cases_table.c.court, cases_table.c.creditor)).one()
    assert tuple(row) == ("Lê Văn Tám", "TAND huyện Đông", None)
