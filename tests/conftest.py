"""Shared fixtures: an empty database on every engine the product supports."""

import os
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from streamlit.runtime.media_file_manager import MediaFileManager

from data_access.engine import open_engine
from data_access.schema import metadata
import dashboard.ui
from dashboard.demo import build_demo
from dashboard.exports import to_csv, to_excel

POSTGRES_ADMIN_URL = os.environ.get("THADS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
# Only a developer may opt out of PostgreSQL; CI never sets this, so there a missing server fails the run.
SKIP_POSTGRES = os.environ.get("THADS_SKIP_POSTGRES") == "1" and not os.environ.get("CI")


def _postgres_admin():
    engine = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with engine.connect():
            pass
    except Exception as error:
        engine.dispose()
        if SKIP_POSTGRES:
            pytest.skip("PostgreSQL is unreachable and THADS_SKIP_POSTGRES=1")
        pytest.fail(f"PostgreSQL at {POSTGRES_ADMIN_URL} is unreachable ({error}); the data tests need it. "
                    "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
                    pytrace=False)
    return engine


@contextmanager
def _scratch_postgres_database():
    """Yield the URL of a new PostgreSQL database, dropped on exit."""
    admin = _postgres_admin()
    name = f"thads_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_url():
    """Yield the URL of a fresh PostgreSQL database for this test process, dropped afterwards."""
    with _scratch_postgres_database() as url:
        yield url


def _empty_postgres(url):
    engine = open_engine(url)
    names = ", ".join(table.name for table in metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """Yield an empty Engine with the schema, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        engine = open_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    else:
        engine = _empty_postgres(request.getfixturevalue("postgres_url"))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def scratch_url(request, tmp_path_factory):
    """Yield the URL of an empty database of its own for one test module, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('scratch') / 'scratch.sqlite3'}"
    else:
        with _scratch_postgres_database() as url:
            yield url


@pytest.fixture(scope="module")
def page_database_url(scratch_url):
    """Return the URL of a small generated province, on each engine, for the page tests of one module."""
    engine = open_engine(scratch_url)
    build_demo(engine, "small", seed=7)
    engine.dispose()
    return scratch_url


def app_on(monkeypatch, url):
    """Point the app at the database at url with empty caches; yield an engine on it, caches emptied after."""
    import streamlit as st

    monkeypatch.setenv("THADS_DATABASE_URL", url)
    st.cache_resource.clear()
    st.cache_data.clear()
    engine = open_engine(url)
    yield engine
    engine.dispose()
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def app_engine(monkeypatch, page_database_url):
    """Point the app at the page database with empty caches and URL state; yield an engine on it."""
    yield from app_on(monkeypatch, page_database_url)


@pytest.fixture
def downloads(monkeypatch):
    """Record the bytes of every CSV and Excel file the page writes, by file kind, and under "clicks" the files
    written only when their button is clicked (call each to click)."""
    made = {"csv": [], "xlsx": [], "clicks": []}

    def record(kind, build):
        return lambda table, heading: made[kind].append(build(table, heading)) or made[kind][-1]

    monkeypatch.setattr(dashboard.ui, "to_csv", record("csv", to_csv))
    monkeypatch.setattr(dashboard.ui, "to_excel", record("xlsx", to_excel))
    register = MediaFileManager.add_deferred

    def deferred(manager, callable_, *args, **kwargs):
        made["clicks"].append(callable_)
        return register(manager, callable_, *args, **kwargs)
    monkeypatch.setattr(MediaFileManager, "add_deferred", deferred)
    return made


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: every PostgreSQL and browser test must really run there."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") and skipped and exitstatus == 0:
        reporter.write_line(f"CI: {skipped} test(s) skipped; every test must run in CI.", red=True)
        session.exitstatus = 1
