"""The meeting-room screen opened by a display link, without signing in: only with a valid token, only its scope,
a plain notice for a revoked, expired or unknown link; signed in, only leaders and statisticians."""

from datetime import timedelta

from sqlalchemy import func, select, update

from data_access.access_schema import display_links
from data_access.display_links import TOKEN_PARAMETER, create_link, revoke_link
from data_access.queries.lookups import dimension_names
from data_access.schema import pinned_figures
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_count
from dashboard.metrics import clock
from tests.pages.support import figures, notices, run_page
from tests.support.readers import operator

LATER = clock.today() + timedelta(days=7)


def _html(app) -> str:
    return " ".join(item.value for item in app.markdown)


def _link(engine, **place) -> tuple[int, str]:
    link, token = create_link(engine, expires_on=LATER, now=clock.now(), by="kiểm thử", **place)
    return link.id, token


def _completed(engine, scope: Scope) -> str:
    cases = chain_report(operator(engine), clock.today(), scope)["cases"]
    return f"{format_count(cases['completed'])} / {format_count(cases['enforceable'])} việc"


def test_a_valid_link_opens_the_screen_of_its_unit_without_sign_in(app_engine):
    _, token = _link(app_engine, unit="QN01")
    app = run_page("trinh_chieu", {TOKEN_PARAMETER: token}, login=None)
    assert not app.exception and not app.text_input
    shown = _html(app)
    assert _completed(app_engine, Scope(unit="QN01")) in shown
    names = dimension_names(operator(app_engine), "unit")
    assert not any(names[code] in shown for code in ("QN02", "QN03"))


def test_a_link_for_the_whole_database_shows_its_totals(app_engine):
    _, token = _link(app_engine)
    app = run_page("trinh_chieu", {TOKEN_PARAMETER: token}, login=None)
    assert _completed(app_engine, Scope()) in _html(app)


def test_a_display_parameter_that_widens_the_links_scope_is_refused(app_engine):
    _, token = _link(app_engine, unit="QN01")
    for widening in ({"don_vi": "QN02"}, {"tinh": "QN00"}):
        app = run_page("trinh_chieu", {TOKEN_PARAMETER: token, **widening}, login=None)
        assert not app.exception
        shown = _html(app)
        assert "Không có quyền xem" in shown and "việc" not in shown.replace("Không có quyền xem", "")


def test_a_revoked_an_expired_and_an_unknown_link_show_a_notice_and_no_figures(app_engine):
    revoked_id, revoked = _link(app_engine)
    revoke_link(app_engine, revoked_id, now=clock.now(), by="kiểm thử")
    expired_id, expired = _link(app_engine)
    with app_engine.begin() as connection:
        connection.execute(update(display_links).where(display_links.c.id == expired_id)
                           .values(expires_on=clock.today() - timedelta(days=1)))
    for token, said in ((revoked, "đã bị thu hồi"), (expired, "đã hết hạn"), ("khong-co-ma-nay", "không hợp lệ")):
        app = run_page("trinh_chieu", {TOKEN_PARAMETER: token}, login=None)
        assert not app.exception
        assert notices(app) == [f"Đường link trình chiếu này {said}. Hãy xin người quản trị một đường link mới, "
                                "hoặc đăng nhập để xem."]
        assert not figures(app) and "việc" not in _html(app).split("</style>")[-1]


def test_without_a_token_the_screen_asks_to_sign_in_and_opens_for_leaders_only(app_engine):
    assert run_page("trinh_chieu", login=None).title[0].value == "Đăng nhập"
    for login in ("donvi", "chv"):
        app = run_page("trinh_chieu", login=login)
        assert notices(app, "info")[0].startswith("Trang trình chiếu dành cho lãnh đạo và thống kê")
        assert not figures(app)
    assert _completed(app_engine, Scope()) in _html(run_page("trinh_chieu", login="thongke"))


def test_a_frozen_screen_of_a_link_pins_its_figures(app_engine):
    _, token = _link(app_engine, unit="QN01")
    cut_off = f"{clock.today():%Y-%m-%d}T00:00"
    with app_engine.connect() as connection:
        before = connection.execute(select(func.count()).select_from(pinned_figures)).scalar_one()
    app = run_page("trinh_chieu", {TOKEN_PARAMETER: token, "chot": cut_off}, login=None)
    assert f"Số liệu chốt đến 00:00 ngày {clock.today():%d/%m/%Y}" in _html(app)
    with app_engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(pinned_figures)).scalar_one() == before + 1
