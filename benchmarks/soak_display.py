"""Soak test of the meeting-room display: the server's memory while one screen turns and refreshes for a long time.

Run from the project root: PYTHONPATH=. python -m benchmarks.soak_display [--minutes 30] [--seconds 5] [--refresh 0.5]
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from data_access.engine import PROJECT_ROOT, open_engine
from dashboard.demo.build import build_demo
from dashboard.metrics.formatting import format_count
from benchmarks.province import verdict

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The display's memory may grow this much over a meeting-length run before it counts as a leak.
GROWTH_LIMIT_MB = 50.0
SAMPLE_EVERY_S = 60
START_LIMIT_S = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def resident_mb(pid: int) -> float:
    """Return the resident memory of a process in megabytes (VmRSS from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"process {pid} has no VmRSS")


def peak_resident_mb(pid: int) -> float:
    """Return the peak resident memory of a process in megabytes (VmHWM from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"process {pid} has no VmHWM")


def _megabytes(value: float) -> str:
    return f"{value:.1f} MB".replace(".", ",")


def start_server(database_url: str) -> tuple[subprocess.Popen, str]:
    """Return a Streamlit server of the app on database_url, once it answers, and its address."""
    port = _free_port()
    env = {**os.environ, "THADS_DATABASE_URL": database_url, "PYTHONPATH": str(PROJECT_ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_LIMIT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return server, url
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError(f"streamlit did not answer within {START_LIMIT_S} s")


def soak(database_url: str, minutes: float, seconds: int, refresh: float) -> None:
    """Run one display for `minutes`, then print the server's memory sampled each minute and its growth."""
    from playwright.sync_api import sync_playwright

    server, url = start_server(database_url)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.goto(f"{url}/trinh_chieu?chuyen={seconds}&lam_moi={refresh}")
            page.locator(".screen-dots").wait_for(timeout=START_LIMIT_S * 1000)
            page.evaluate("window.loadedOnce = 'yes'")
            started = time.monotonic()
            samples = [(0.0, resident_mb(server.pid), page.locator(".screen-dots").text_content())]
            print(f"Màn hình trình chiếu: {url}/trinh_chieu?chuyen={seconds}&lam_moi={refresh}", file=sys.stderr)
            while time.monotonic() - started < minutes * 60:
                time.sleep(min(SAMPLE_EVERY_S, max(0.0, minutes * 60 - (time.monotonic() - started))))
                elapsed = (time.monotonic() - started) / 60
                samples.append((elapsed, resident_mb(server.pid), page.locator(".screen-dots").text_content()))
                print(f"... {elapsed:.1f} phút: {_megabytes(samples[-1][1])}", file=sys.stderr, flush=True)
            reloaded = page.evaluate("window.loadedOnce") != "yes"
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    print("| Phút | Bộ nhớ máy chủ (RSS) | Trang chiếu đang hiện |")
    print("|---|---|---|")
    for elapsed, rss, dots in samples:
        print(f"| {elapsed:.1f} | {_megabytes(rss)} | {dots.strip()} |".replace(".", ",", 1))
    growth = samples[-1][1] - samples[0][1]
    print()
    print(f"Đầu: {_megabytes(samples[0][1])}; cuối: {_megabytes(samples[-1][1])}; tăng {_megabytes(growth)} "
          f"(giới hạn {_megabytes(GROWTH_LIMIT_MB)}): {verdict(growth, GROWTH_LIMIT_MB)}.")
    print(f"Lần đổi trang chiếu: khoảng {format_count(int(minutes * 60 / seconds))}; lần làm mới số liệu: khoảng "
          f"{format_count(int(minutes / refresh))}; trang có bị tải lại: {'có' if reloaded else 'không'}.")


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, build the demo province when no database is given, and run the soak."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="thời gian chạy (phút)")
    parser.add_argument("--seconds", type=int, default=5, help="số giây mỗi trang chiếu")
    parser.add_argument("--refresh", type=float, default=0.5, help="số phút giữa hai lần làm mới số liệu")
    parser.add_argument("--db", help="URL cơ sở dữ liệu; mặc định tạo dữ liệu mẫu một tỉnh trong SQLite tạm")
    args = parser.parse_args(argv)
    if args.db:
        soak(args.db, args.minutes, args.seconds, args.refresh)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        database_url = f"sqlite:///{Path(folder) / 'province.sqlite3'}"
        print("... tạo dữ liệu mẫu một tỉnh (khoảng nửa phút)", file=sys.stderr, flush=True)
        engine = open_engine(database_url)
        build_demo(engine, "province")
        engine.dispose()
        soak(database_url, args.minutes, args.seconds, args.refresh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
