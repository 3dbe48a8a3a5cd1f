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
from dashboard.demo.accounts import DEMO_PASSWORD
from dashboard.demo.build import build_demo

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
# The demo's province leader, who reads the whole one-province database.
LEADER = "lanhdao"
# Upper bound on the server's start-up; the wait ends as soon as the health check answers.
SERVER_START_LIMIT_SECONDS = 60


def free_port() -> int:
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
def serving(database_url: str, port: int | None = None, options: tuple[str, ...] = ()) -> Iterator[str]:
    """Yield the base URL of a dashboard server on a database (on a free port unless given, with more command-line
    options), stopped on exit."""
    port = port or free_port()
    env = {**os.environ, "THADS_DATABASE_URL": database_url, "PYTHONPATH": str(PROJECT_ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false", *options],
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


def sign_in(page, login: str = LEADER, password: str = DEMO_PASSWORD) -> None:
    """Fill the sign-in page with the login and password, send it and wait for the form to go."""
    page.get_by_label("Tên đăng nhập").fill(login)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_label("Tên đăng nhập").wait_for(state="detached", timeout=30_000)


def signing_in(page, login: str = LEADER):
    """Return the page with `goto` signing in as `login` whenever a visit lands on the sign-in page (the browser's
    session cookie keeps later visits signed in)."""
    visit = page.goto

    def goto(url, **options):
        response = visit(url, **options)
        form = page.get_by_label("Tên đăng nhập")
        form.or_(page.get_by_role("button", name="Đăng xuất")).first.wait_for(state="attached", timeout=60_000)
        if form.count():
            sign_in(page, login)
        return response

    page.goto = goto
    return page


@pytest.fixture
def anonymous_page(browser):
    """Yield a fresh 1920x1080 page of someone who has not signed in."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="vi-VN")
    yield context.new_page()
    context.close()


@pytest.fixture
def page(anonymous_page):
    """Yield a fresh 1920x1080 page signed in as the demo's province leader on every visit."""
    return signing_in(anonymous_page)
