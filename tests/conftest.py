"""Shared fixtures of every tier: an empty database on every engine the product supports, the tiers' markers, and
the rule that CI runs every test.

Tiers, each a marker a developer may select or leave out (`-m "not browser and not slow"` for the quick loop):
unit tests (no marker), data tests on SQLite and PostgreSQL (`postgresql` marks the PostgreSQL half), page tests
run by AppTest (`page`), browser tests (`browser`) and province-scale builds (`slow`).
"""

import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from data_access.engine import open_engine
from data_access.access_schema import access_metadata
from data_access.schema import metadata
from tests.support.databases import scratch_postgres_database

TESTS = Path(__file__).resolve().parent
# The folder a test lives in gives its tier's marker.
FOLDER_MARKERS = {"pages": "page", "browser": "browser"}


def pytest_collection_modifyitems(config, items):
    """Mark each test with its folder's tier, and the PostgreSQL half of every two-engine test."""
    for item in items:
        folder = Path(item.fspath).resolve().relative_to(TESTS).parts[0]
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "postgresql" in callspec.params.values():
            item.add_marker("postgresql")


@pytest.fixture(autouse=True)
def _own_main_module():
    """Put back this process's __main__ after each test.

    AppTest leaves the last page script it ran as __main__, and a spawned worker process re-runs __main__: a later
    test in the same process would start workers that run a page, or a deleted file.
    """
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture(scope="session")
def postgres_url():
    """Yield the URL of a fresh PostgreSQL database for this test process, dropped afterwards."""
    with scratch_postgres_database() as url:
        yield url


def _empty_postgres(url):
    engine = open_engine(url)
    names = ", ".join(table.name for table in (*metadata.sorted_tables, *access_metadata.sorted_tables))
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
        with scratch_postgres_database() as url:
            yield url


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: every PostgreSQL and browser test must really run there."""
    if hasattr(session.config, "workerinput"):
        return  # a parallel worker: the controller counts every worker's skips
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") and skipped and exitstatus == 0:
        reporter.write_line(f"CI: {skipped} test(s) skipped; every test must run in CI.", red=True)
        session.exitstatus = 1
