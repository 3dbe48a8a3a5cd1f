"""Who sees what on the pages (domain.md section 13), on the generated province with its demo accounts: nothing
before sign-in, each role its own scope, a hostile URL refused with nothing of what it names, the idle timeout,
the lock after five wrong passwords, sign-out, the audit page."""

from datetime import date, timedelta

import pytest

from data_access.audit import audit_trail
from data_access.queries.case_list import case_list
from data_access.queries.lookups import dimension_names, officer_units
from data_access.queries.scope import Scope
from dashboard.demo.accounts import DEMO_PASSWORD, DEMO_UNIT
from dashboard.metrics import clock
from dashboard.view.session import LAST_SEEN_KEY
from tests.pages.support import figures, notices, run_page, signed_in_as
from tests.support.readers import operator

DATA_PAGES = ("overview", "don_vi", "chap_hanh_vien", "nhom_viec", "xu_huong", "danh_sach_viec", "viec")
OTHER_UNIT = "QN02"


def page_text(app) -> str:
    """Return every text the page drew: headings, Markdown, captions, tables, charts and widget labels."""
    parts = [item.value for item in (*app.title, *app.markdown, *app.caption, *app.info, *app.error)]
    parts += [table.value.to_csv() for table in app.dataframe]
    parts += [str(chart.proto.spec) for chart in app.get("plotly_chart")]
    parts += [str(box.options) for box in app.sidebar.selectbox]
    return "\n".join(parts)


def _officer_of(engine, unit: str) -> str:
    return sorted(code for code, home in officer_units(operator(engine)).items() if home == unit)[0]


def _case_of(engine, scope: Scope) -> str:
    listed = case_list(operator(engine), date(2000, 1, 1), clock.today(), scope, limit=1)
    return listed.rows["code"].iloc[0]


@pytest.mark.parametrize("name", DATA_PAGES + ("nhat_ky", "trinh_chieu"))
def test_nothing_of_the_data_is_drawn_before_sign_in(app_engine, name):
    app = run_page(name, login=None)
    assert not app.exception
    assert app.title[0].value == "Đăng nhập"
    assert [box.label for box in app.text_input] == ["Tên đăng nhập", "Mật khẩu"]
    text = page_text(app)
    units = dimension_names(operator(app_engine), "unit")
    assert not figures(app) and not app.dataframe and not app.sidebar.selectbox
    assert not any(name in text for name in units.values())


def test_the_form_signs_in_and_the_sidebar_names_who_and_the_role(app_engine):
    app = run_page("overview", login=None)
    app.text_input(key="sign_in.login").input("donvi")
    app.text_input(key="sign_in.password").input(DEMO_PASSWORD)
    app = app.button[0].click().run()
    assert not app.exception and app.title[0].value != "Đăng nhập"
    assert any("Trưởng phòng khu vực 1 (mẫu) · Lãnh đạo đơn vị" in item.value for item in app.sidebar.caption)
    assert [button.label for button in app.sidebar.button] == ["Đăng xuất"]
    assert audit_trail(app_engine)[-1].action == "sign_in"


def test_a_wrong_password_is_refused_and_the_fifth_locks_the_login(app_engine):
    app = run_page("overview", login=None)
    for attempt in range(5):
        app.text_input(key="sign_in.login").input("thongke")
        app.text_input(key="sign_in.password").input("sai-mat-khau")
        app = app.button[0].click().run()
        if attempt < 4:
            assert [error.value for error in app.error] == ["Tên đăng nhập hoặc mật khẩu không đúng."]
    assert "Tên đăng nhập này đang bị khóa đến" in app.error[0].value
    app.text_input(key="sign_in.password").input(DEMO_PASSWORD)
    app = app.button[0].click().run()
    assert app.title[0].value == "Đăng nhập" and "đang bị khóa" in app.error[0].value
    assert [event.action for event in audit_trail(app_engine)][-2:] == ["locked", "sign_in_failed"]


@pytest.mark.parametrize(("minutes", "idle"), [(None, 31), ("5", 6)])
def test_an_idle_session_ends_and_says_so(app_engine, monkeypatch, minutes, idle):
    if minutes:
        monkeypatch.setenv("THADS_IDLE_MINUTES", minutes)
    app = run_page("overview")
    app.session_state[LAST_SEEN_KEY] = clock.now() - timedelta(minutes=idle)
    app = app.run()
    assert app.title[0].value == "Đăng nhập" and not figures(app)
    assert notices(app, "info") == [f"Phiên làm việc đã hết sau {minutes or 30} phút không dùng. Hãy đăng nhập lại."]


def test_a_session_used_within_the_idle_time_stays(app_engine, monkeypatch):
    monkeypatch.setenv("THADS_IDLE_MINUTES", "5")
    app = run_page("overview")
    app.session_state[LAST_SEEN_KEY] = clock.now() - timedelta(minutes=4)
    assert app.run().title[0].value != "Đăng nhập"


def test_signing_out_returns_to_the_sign_in_page(app_engine):
    app = run_page("overview")
    app = app.sidebar.button[0].click().run()
    assert app.title[0].value == "Đăng nhập" and not figures(app)
    assert audit_trail(app_engine)[-1].action == "sign_out"


def _beyond(engine, login: str) -> tuple[dict[str, dict], str]:
    """Return the URL queries naming another unit, officer, province and case than the login may see, and the name
    of an officer none of its pages may show."""
    homes = officer_units(operator(engine))
    own_officers = sorted(code for code, home in homes.items() if home == DEMO_UNIT)
    other = _officer_of(engine, OTHER_UNIT) if login == "donvi" else own_officers[1]
    other_case = _case_of(engine, Scope(officer=other))
    queries = {"unit": {"don_vi": OTHER_UNIT}, "officer": {"chv": other}, "province": {"tinh": "T99"},
               "case": {"ma_viec": other_case}}
    return queries, dimension_names(operator(engine), "officer")[other]


REFUSALS = {"unit": f"Không có quyền xem đơn vị {OTHER_UNIT}.", "officer": "Không có quyền xem chấp hành viên",
            "province": "Không có quyền xem tỉnh T99.", "case": "Không có quyền xem việc"}


@pytest.mark.parametrize("login", ["donvi", "chv"])
@pytest.mark.parametrize("kind", list(REFUSALS))
def test_every_page_refuses_a_url_beyond_the_scope_and_shows_nothing_of_it(app_engine, login, kind):
    queries, unseen = _beyond(app_engine, login)
    pages = ("viec",) if kind == "case" else DATA_PAGES
    for name in pages:
        app = run_page(name, queries[kind], login=login)
        assert not app.exception, (name, kind)
        assert any(text.startswith(REFUSALS[kind]) for text in notices(app)), (name, kind, notices(app))
        assert not figures(app) and not app.dataframe, (name, kind)
        assert unseen not in page_text(app), (name, kind)


def test_an_officer_reaches_no_ranking_of_units_or_officers(app_engine):
    for name in ("don_vi", "chap_hanh_vien"):
        app = run_page(name, login="chv")
        assert notices(app)[0].startswith("Không có quyền xem") and not figures(app), name


def test_a_unit_head_sees_the_ranking_of_units_but_only_its_own_officers(app_engine):
    units = dimension_names(operator(app_engine), "unit")
    ranking = run_page("don_vi", login="donvi")
    assert not ranking.exception and all(units[code] in page_text(ranking) for code in units)
    officers = run_page("chap_hanh_vien", login="donvi")
    names = dimension_names(operator(app_engine), "officer")
    homes = officer_units(operator(app_engine))
    shown = page_text(officers)
    assert all(names[code] in shown for code, home in homes.items() if home == DEMO_UNIT)
    assert not any(names[code] in shown for code, home in homes.items() if home == OTHER_UNIT)


def test_an_officer_reads_its_own_cases_only(app_engine):
    app = run_page("danh_sach_viec", login="chv")
    assert not app.exception
    officer = sorted(code for code, home in officer_units(operator(app_engine)).items() if home == DEMO_UNIT)[0]
    listed = app.dataframe[0].value
    assert len(listed) > 0
    assert set(listed["Chấp hành viên"]) == {dimension_names(operator(app_engine), "officer")[officer]}


@pytest.mark.parametrize("name", DATA_PAGES)
def test_an_administrator_reads_no_figures(app_engine, name):
    app = run_page(name, login="quantri")
    assert not app.exception
    assert notices(app, "info")[0].startswith("Tài khoản quản trị không xem số liệu")
    assert not figures(app) and not app.dataframe


@pytest.mark.parametrize(("login", "sees"), [("quantri", True), ("thongke", True), ("lanhdao", False),
                                             ("donvi", False), ("chv", False)])
def test_the_audit_page_is_for_administrators_and_statisticians(app_engine, login, sees):
    app = run_page("nhat_ky", login=login)
    assert not app.exception
    if sees:
        assert app.title[0].value == "Nhật ký hoạt động"
        table = app.dataframe[0].value
        since = (clock.now() - timedelta(days=30)).date()
        # The demo database records its five accounts as it is built.
        assert list(table["Hoạt động"]).count("thêm tài khoản") == 5
        assert app.caption[0].value == f"{len(table)} hoạt động từ ngày {since:%d/%m/%Y}, mới nhất trước."
    else:
        assert notices(app) == ["Không có quyền xem nhật ký: trang này dành cho quản trị và thống kê."]
        assert not app.dataframe


def test_a_disabled_account_stops_reading_at_its_next_click(app_engine):
    from data_access.accounts import disable_account

    app = run_page("overview", login="lanhdao")
    assert figures(app)
    disable_account(app_engine, "lanhdao", now=clock.now(), by="kiểm thử")
    app = signed_in_as(app.run(), None)
    assert app.title[0].value == "Đăng nhập" and not figures(app)
    assert notices(app, "info") == ["Tài khoản này đã bị khóa. Hãy liên hệ người quản trị."]
