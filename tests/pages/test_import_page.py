"""The import page: only the statistician may import; the page states the upload limit, lists the history of
imports, and shows a refused import's findings as a table and a workbook, names from the user held as text."""

import pytest
from streamlit.testing.v1 import AppTest

from data_access.engine import PROJECT_ROOT
from data_access.exchange.files import ImportIssue, ImportRejected
from data_access.exchange.runs import import_history, run_tables_import
from dashboard.metrics import clock
from dashboard.ui.import_view import RESULT_KEY
from tests.pages.support import notices, run_page, signed_in_as
from tests.support.builders import case, frame

HOSTILE_NAME = "**thang 11** <b>x</b> [trang](javascript:alert(1)).zip"


def _unit_and_officer(engine):
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT unit_code, officer_code FROM cases ORDER BY id LIMIT 1").one()


def _import_page_with(said) -> AppTest:
    app = AppTest.from_file(str(PROJECT_ROOT / "pages" / "nhap_du_lieu.py"), default_timeout=90)
    app.session_state[RESULT_KEY] = said
    return signed_in_as(app, "thongke").run()


@pytest.mark.parametrize("login", ["lanhdao", "donvi", "chv", "quantri"])
def test_only_the_statistician_may_import(app_engine, login):
    app = run_page("nhap_du_lieu", login=login)
    assert notices(app) == ["Không có quyền nhập dữ liệu: trang này dành cho người làm thống kê."]
    assert not app.get("file_uploader") and [button.key for button in app.button] == ["sign_in.sign_out"]


def test_the_page_states_the_limit_and_lists_the_imports_newest_first(app_engine):
    unit, officer = _unit_and_officer(app_engine)
    run_tables_import(app_engine, {"viec": frame("viec", [case("MOI-NHAP-1", "2025-11-03", 5_000_000, unit=unit,
                                                                officer=officer)])},
                      "thongke", clock.now, HOSTILE_NAME)
    app = run_page("nhap_du_lieu", login="thongke")
    assert not app.exception
    assert app.title[0].value == "Nhập dữ liệu"
    assert "Dung lượng tối đa của một tệp tải lên: 200 MB." in [item.value for item in app.caption]
    assert app.button(key="import.run").disabled
    history = app.dataframe[0].value
    newest = import_history(app_engine, 1)[0]
    assert history.columns.tolist() == ["Bắt đầu", "Người nhập", "Tệp", "Số dòng", "Thời gian", "Kết quả"]
    assert history.iloc[0].tolist()[:4] == [f"{newest.started_at:%d/%m/%Y %H:%M}", "thongke", HOSTILE_NAME,
                                            "viec.csv: 1"]
    assert history.iloc[0]["Kết quả"] == "Đã nhập"
    assert len(history) == len(import_history(app_engine, 50))


def test_a_refused_import_shows_its_findings_in_order_and_as_a_workbook(app_engine):
    issues = [ImportIssue("viec.csv", 3, "ngay", "Ngày không hợp lệ"), ImportIssue("viec.csv", 7, "ma", "Trùng mã")]
    app = _import_page_with(("rejected", HOSTILE_NAME, ImportRejected(issues)))
    assert not app.exception
    assert notices(app, "error") == [f"Không nhập được {HOSTILE_NAME}: có 2 lỗi, chưa ghi gì vào cơ sở dữ liệu."]
    table = app.dataframe[0].value
    assert table.values.tolist() == [["viec.csv", 3, "ngay", "Ngày không hợp lệ"], ["viec.csv", 7, "ma", "Trùng mã"]]
    workbook = app.get("download_button")[0]
    assert workbook.proto.label == "Tải danh sách lỗi (Excel)"


def test_a_second_import_while_one_runs_is_said_plainly(app_engine):
    app = _import_page_with(("busy", "Đang có một lần nhập khác (thongke <b>) chạy."))
    assert notices(app) == ["Đang có một lần nhập khác (thongke <b>) chạy."]
