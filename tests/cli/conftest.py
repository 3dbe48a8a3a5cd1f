"""The command line tier: a database holding the hand-counted sample, imported through the command line."""

import pytest

from data_access.exchange.files import write_folder
from tests.cli.support import IMPORTED, SAMPLE, run_cli, url_of


@pytest.fixture
def sample_db(db, tmp_path, capsys):
    """Return the db fixture holding SAMPLE, imported through the command line."""
    write_folder(SAMPLE, tmp_path / "sample")
    assert run_cli(capsys, "import", tmp_path / "sample", "--db", url_of(db)) == (0, IMPORTED, "")
    return db
