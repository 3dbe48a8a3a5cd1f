"""The app server on the national database: its peak memory after a browser opened every page a leader opens."""

from benchmarks.national_data import Measured, progress
from benchmarks.province import verdict
from benchmarks.soak_display import CHROMIUM, CHROMIUM_FLAGS, peak_resident_mb, start_server

MEMORY_TARGET_MB = 1024.0
# Pages a leader opens on the national database, with what shows that each has drawn.
PAGES = (("/", "[data-testid='stPlotlyChart'] .main-svg"),
         ("/don_vi", "[data-testid='stPlotlyChart'] .main-svg"),
         ("/don_vi?tinh={province}", "[data-testid='stPlotlyChart'] .main-svg"),
         ("/chap_hanh_vien?tinh={province}&don_vi={unit}", "[data-testid='stPlotlyChart'] .main-svg"),
         ("/nhom_viec", "[data-testid='stPlotlyChart'] .main-svg"),
         ("/xu_huong", "[data-testid='stPlotlyChart'] .main-svg"),
         ("/danh_sach_viec?tinh={province}", "[data-testid='stDataFrame']"),
         ("/trinh_chieu?chuyen=5", ".screen-dots"))
PAGE_LIMIT_S = 600


def server_memory(url: str, places: dict[str, str], measured: Measured) -> None:
    """Record the app server's peak memory after a browser opened every page on the national database."""
    from playwright.sync_api import sync_playwright

    progress(f"{measured.name}: máy chủ ứng dụng, mở các trang")
    server, address = start_server(url)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            for path, drawn in PAGES:
                page.goto(address + path.format(**places))
                page.locator(drawn).first.wait_for(timeout=PAGE_LIMIT_S * 1000)
            browser.close()
        peak = peak_resident_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)
    measured.add(f"Bộ nhớ đỉnh của máy chủ ứng dụng sau {len(PAGES)} trang", f"{peak:.0f} MB".replace(".", ","),
                 "< 1024 MB", verdict(peak, MEMORY_TARGET_MB))
