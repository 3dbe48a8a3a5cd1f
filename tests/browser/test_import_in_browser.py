"""The statistician's import in Chromium: a broken .zip shows its findings with the right file and line and writes
nothing; a valid one is written and the overview shows the new figures at once."""

import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from data_access.engine import open_engine
from data_access.exchange.files import write_folder
from data_access.schema import cases
from dashboard.demo.build import build_demo
from dashboard.metrics import clock
from dashboard.metrics.formatting import format_count
from dashboard.metrics.periods import work_year
from dashboard.view.filters import default_end
from tests.browser.conftest import serving, sign_in
from tests.support.builders import case, frame

pytestmark = pytest.mark.browser
FINDINGS = '[data-testid="stDataFrame"]'


@pytest.fixture(scope="module")
def own_app(tmp_path_factory):
    """Yield (url, engine) of a dashboard server on a database of its own, which this module's imports change."""
    url = f"sqlite:///{tmp_path_factory.mktemp('import') / 'import.sqlite3'}"
    engine = open_engine(url)
    build_demo(engine, "small", seed=17)
    with serving(url) as address:
        yield address, engine
    engine.dispose()


def _zip(tmp_path, name: str, rows: list[dict]):
    folder = tmp_path / name
    write_folder({"viec": frame("viec", rows)}, folder)
    path = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(folder / "viec.csv", "thang/viec.csv")
    return path


def _count(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(cases)).scalar_one()


def _upload(page, path) -> None:
    page.locator('input[type="file"]').set_input_files(str(path))
    page.get_by_text(path.name).first.wait_for(timeout=30_000)
    page.get_by_role("button", name="Nhập", exact=True).click()


def test_a_broken_zip_shows_its_findings_and_a_valid_one_shows_on_the_overview_at_once(own_app, anonymous_page,
                                                                                        tmp_path):
    url, engine = own_app
    with engine.connect() as connection:
        unit, officer = connection.exec_driver_sql("SELECT unit_code, officer_code FROM cases LIMIT 1").one()
    today = clock.today()
    end = default_end(work_year(today), today)
    day = f"{end[:8]}01"
    good = [case(f"MOI-{number}", day, 5_000_000, unit=unit, officer=officer) for number in range(3)]
    page = anonymous_page
    page.goto(url)
    sign_in(page, "thongke")
    page.get_by_role("button", name="Đăng xuất").wait_for(timeout=60_000)
    figure = page.locator('[data-testid="stMetric"]').filter(has_text="Có điều kiện thi hành (việc)")
    figure.wait_for(timeout=90_000)
    before = int(figure.locator('[data-testid="stMetricValue"]').inner_text().replace(".", ""))
    written = _count(engine)

    page.goto(f"{url}/nhap_du_lieu")
    page.get_by_role("heading", name="Nhập dữ liệu", exact=True).wait_for(timeout=60_000)
    _upload(page, _zip(tmp_path, "loi", [*good[:2], case("MOI-X", day, 1_000, unit="KHONG_CO", officer=officer)]))
    page.get_by_text("Không nhập được loi.zip: có 1 lỗi, chưa ghi gì vào cơ sở dữ liệu.").wait_for(timeout=90_000)
    page.locator(FINDINGS).first.wait_for(timeout=30_000)
    # The table is drawn on a canvas: its rows are read from the workbook its button downloads.
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Tải danh sách lỗi (Excel)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    sheet = load_workbook(saved).active
    assert [cell.value for cell in sheet[2]][:3] == ["viec.csv", 4, "code"]
    assert "KHONG_CO" in sheet["D2"].value
    assert _count(engine) == written

    _upload(page, _zip(tmp_path, "dung", good))
    page.get_by_text("Đã nhập dung.zip: viec.csv: 3 dòng.", exact=False).wait_for(timeout=120_000)
    assert _count(engine) == written + 3
    page.goto(url)
    value = page.locator('[data-testid="stMetric"]').filter(has_text="Có điều kiện thi hành (việc)").locator(
        '[data-testid="stMetricValue"]')
    value.wait_for(timeout=90_000)
    assert value.inner_text() == format_count(before + 3)
