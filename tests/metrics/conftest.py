"""The metrics tier's shared data: a small generated province with several completed work-years."""

from datetime import date

import pytest

from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from dashboard.demo.province import generate_province

BUILT = date(2025, 6, 30)


@pytest.fixture(scope="module")
def province_db(scratch_url):
    """Return an engine on a small generated province with data from October 2021 to June 2025."""
    engine = open_engine(scratch_url)
    import_tables(engine, generate_province("small", seed=3, today=BUILT).tables())
    yield engine
    engine.dispose()
