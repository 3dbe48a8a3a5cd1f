"""Databases for the tests: a scratch PostgreSQL database of their own, the app pointed at a database, and a
leader to sign in as."""

import os
import uuid
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from sqlalchemy import create_engine, text

from data_access.accounts import add_account
from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from dashboard.demo.accounts import DEMO_PASSWORD
from dashboard.demo.province import generate_province

# A small generated province with data from October 2021 to June 2025: work-years 2022 to 2024 complete, enough
# history for a pace and a forecast.
HISTORY_BUILT = date(2025, 6, 30)

POSTGRES_ADMIN_URL = os.environ.get("THADS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
# Only a developer may opt out of PostgreSQL; CI never sets this, so there a missing server fails the run.
SKIP_POSTGRES = os.environ.get("THADS_SKIP_POSTGRES") == "1" and not os.environ.get("CI")


def postgres_admin():
    """Return an AUTOCOMMIT engine on the PostgreSQL admin database; fail (or skip, when allowed) if it is down."""
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
def scratch_postgres_database():
    """Yield the URL of a new PostgreSQL database, dropped on exit."""
    admin = postgres_admin()
    name = f"thads_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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


def province_with_history(url: str):
    """Yield an engine on the small generated province of seed 3 built on HISTORY_BUILT, disposed afterwards."""
    engine = open_engine(url)
    import_tables(engine, generate_province("small", seed=3, today=HISTORY_BUILT).tables())
    yield engine
    engine.dispose()


def add_leader(engine, login: str = "lanhdao") -> None:
    """Add a Ministry leader, who reads the whole database, with the demo's password."""
    add_account(engine, login, DEMO_PASSWORD, "lanh_dao", name="Lãnh đạo (kiểm thử)", now=datetime(2026, 1, 1),
                by="kiểm thử")
