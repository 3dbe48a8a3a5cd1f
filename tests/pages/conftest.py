"""The page tier: a generated province per test module on each engine, the app pointed at it, and the files the
pages write."""

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from data_access.engine import open_engine
from dashboard.demo.build import build_demo
import dashboard.ui.downloads
from dashboard.ui.exports import to_csv, to_excel
from tests.support.databases import app_on


@pytest.fixture(scope="module")
def page_database_url(scratch_url):
    """Return the URL of a small generated province, on each engine, for the page tests of one module."""
    engine = open_engine(scratch_url)
    build_demo(engine, "small", seed=7)
    engine.dispose()
    return scratch_url


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

    monkeypatch.setattr(dashboard.ui.downloads, "to_csv", record("csv", to_csv))
    monkeypatch.setattr(dashboard.ui.downloads, "to_excel", record("xlsx", to_excel))
    register = MediaFileManager.add_deferred

    def deferred(manager, callable_, *args, **kwargs):
        made["clicks"].append(callable_)
        return register(manager, callable_, *args, **kwargs)
    monkeypatch.setattr(MediaFileManager, "add_deferred", deferred)
    return made
