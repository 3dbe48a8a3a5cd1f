"""The closing page: the statistician closes a month end, sees it closed with who and when, sees what a later
import changed, and reopens it after confirming; nobody else may."""

import pytest

from data_access.exchange.runs import run_tables_import
from data_access.queries.closed import closed_period
from dashboard.metrics import clock
from dashboard.metrics.chains import chain_report
from dashboard.ui.closing_view import closable_ends
from tests.pages.support import notices, run_page
from tests.support.builders import case, frame
from tests.support.readers import operator


def _unit_and_officer(engine):
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT unit_code, officer_code FROM cases ORDER BY id LIMIT 1").one()


@pytest.mark.parametrize("login", ["lanhdao", "donvi", "chv", "quantri"])
def test_only_the_statistician_may_close(app_engine, login):
    app = run_page("chot_so_lieu", login=login)
    assert notices(app) == ["Không có quyền chốt số liệu: trang này dành cho người làm thống kê."]
    assert [button.key for button in app.button] == ["sign_in.sign_out"]


def test_the_statistician_closes_sees_the_revisions_and_reopens(app_engine):
    end = closable_ends(clock.today())[0]
    app = run_page("chot_so_lieu", login="thongke")
    assert app.selectbox(key="closing.end").value == end
    assert app.info[0].value == f"Kỳ báo cáo đến {end:%d/%m/%Y} chưa chốt: các trang đọc số liệu hiện nay."
    app.button(key="closing.close").click().run()
    closed = closed_period(app_engine, end)
    assert closed.closed_by == "thongke"
    assert notices(app, "success") == [
        f"Đã chốt số liệu kỳ báo cáo đến {end:%d/%m/%Y}.",
        f"Số liệu đã chốt ngày {closed.closed_at:%d/%m/%Y} (thongke)"]
    assert app.dataframe[0].value.iloc[0].tolist()[::2] == [f"{end:%d/%m/%Y}", "thongke"]

    before = chain_report(operator(app_engine), end)["cases"]["caseload"]
    unit, officer = _unit_and_officer(app_engine)
    new_case = frame("viec", [case("MOI-1", f"{end:%Y-%m-01}", 7_000_000, unit=unit, officer=officer)])
    run_tables_import(app_engine, {"viec": new_case}, "thongke", clock.now, "thang_sau.zip")
    app = run_page("chot_so_lieu", login="thongke")
    revisions = app.dataframe[0].value
    whole = revisions[(revisions["Phạm vi"] == "Toàn bộ") & (revisions["Chỉ tiêu"] == "Tổng số thụ lý (về việc)")]
    assert whole[["Số đã chốt", "Số hiện nay"]].values.tolist() == [[f"{before:,}".replace(",", "."),
                                                                     f"{before + 1:,}".replace(",", ".")]]
    assert "thang_sau.zip" not in whole["Lần nhập"].iloc[0] and "(thongke)" in whole["Lần nhập"].iloc[0]

    assert app.button(key="closing.reopen").disabled
    app.checkbox(key="closing.confirm").check().run()
    app.button(key="closing.reopen").click().run()
    assert closed_period(app_engine, end) is None
    assert notices(app, "success") == [f"Đã mở lại kỳ báo cáo đến {end:%d/%m/%Y}."]
