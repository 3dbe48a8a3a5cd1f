"""A real `streamlit run` of the dashboard on a generated database, and Debian's Chromium to look at it."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from data_access.engine import PROJECT_ROOT, open_engine
from dashboard.demo.build import build_demo

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
# Upper bound on the server's start-up; the wait ends as soon as the health check answers.
SERVER_START_LIMIT_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_START_LIMIT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer within {SERVER_START_LIMIT_SECONDS} s")


@pytest.fixture(scope="session")
def app_database(tmp_path_factory):
    """Return (url, engine) of a small generated province in SQLite."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'small.sqlite3'}"
    engine = open_engine(url)
    build_demo(engine, "small", seed=11)
    return url, engine


@contextmanager
def serving(database_url: str) -> Iterator[str]:
    """Yield the base URL of a dashboard server on a database, stopped on exit."""
    port = _free_port()
    env = {**os.environ, "THADS_DATABASE_URL": database_url, "PYTHONPATH": str(PROJECT_ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url(app_database):
    """Yield the base URL of a dashboard server on the generated database."""
    with serving(app_database[0]) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Yield Debian's Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: install it with `apt-get install -y chromium`.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """Yield a fresh 1920x1080 page."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="vi-VN")
    yield context.new_page()
    context.close()
