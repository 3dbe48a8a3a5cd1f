"""The documents tier's shared data: a small generated province with several completed work-years."""

import pytest

from tests.support.databases import province_with_history


@pytest.fixture(scope="module")
def province_db(scratch_url):
    """Return an engine on a small generated province with data from October 2021 to June 2025."""
    yield from province_with_history(scratch_url)
