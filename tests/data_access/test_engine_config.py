"""Which database the product opens, how a bad one is reported, and when the demo province is built."""

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from data_access import engine as engine_module
from data_access.engine import DatabaseUnavailable, open_engine, resolve_url
from data_access.exchange.importer import import_tables
from dashboard import database
from tests.support.builders import case, tables

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARGUMENT_URL = "sqlite:////srv/thads/argument.sqlite3"
ENVIRONMENT_URL = "postgresql://thads@db.env.local:5432/thads"
SECRETS_URL = "postgresql://thads:mat-khau@db.secrets.local:5432/thads"
CLOSED_PORT_URL = "postgresql://postgres:bi-mat@127.0.0.1:1/x"


@pytest.fixture
def no_configuration(monkeypatch, tmp_path):
    """Point the secrets file at a missing file and clear the URL variable; return tmp_path."""
    monkeypatch.setattr(engine_module, "SECRETS_FILE", tmp_path / "missing" / "secrets.toml")
    monkeypatch.delenv("THADS_DATABASE_URL", raising=False)
    return tmp_path


def _secrets(monkeypatch, folder, content):
    path = folder / "secrets.toml"
    path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(engine_module, "SECRETS_FILE", path)


def test_without_configuration_the_embedded_sqlite_file_is_used(no_configuration):
    assert resolve_url() == f"sqlite:///{PROJECT_ROOT / 'data' / 'thads.sqlite3'}"
    assert engine_module.configured_url() is None


def test_the_secrets_file_beats_the_default(monkeypatch, no_configuration):
    _secrets(monkeypatch, no_configuration, f'THADS_DATABASE_URL = "{SECRETS_URL}"\n')
    assert resolve_url() == SECRETS_URL


def test_the_secrets_file_may_hold_the_url_in_a_database_table(monkeypatch, no_configuration):
    _secrets(monkeypatch, no_configuration, f'[database]\nurl = "{SECRETS_URL}"\n')
    assert resolve_url() == SECRETS_URL


def test_a_secrets_file_without_a_url_falls_back_to_the_default(monkeypatch, no_configuration):
    _secrets(monkeypatch, no_configuration, '[theme]\nbase = "light"\n')
    assert resolve_url() == f"sqlite:///{PROJECT_ROOT / 'data' / 'thads.sqlite3'}"


def test_the_environment_beats_the_secrets_file(monkeypatch, no_configuration):
    _secrets(monkeypatch, no_configuration, f'THADS_DATABASE_URL = "{SECRETS_URL}"\n')
    monkeypatch.setenv("THADS_DATABASE_URL", f"  {ENVIRONMENT_URL}\n")
    assert resolve_url() == ENVIRONMENT_URL


def test_a_blank_environment_variable_is_ignored(monkeypatch, no_configuration):
    _secrets(monkeypatch, no_configuration, f'THADS_DATABASE_URL = "{SECRETS_URL}"\n')
    monkeypatch.setenv("THADS_DATABASE_URL", "   ")
    assert resolve_url() == SECRETS_URL


def test_the_argument_beats_everything(monkeypatch, no_configuration):
    _secrets(monkeypatch, no_configuration, f'THADS_DATABASE_URL = "{SECRETS_URL}"\n')
    monkeypatch.setenv("THADS_DATABASE_URL", ENVIRONMENT_URL)
    assert resolve_url(ARGUMENT_URL) == ARGUMENT_URL


@pytest.mark.parametrize(("url", "driver"), [
    ("postgresql://thads@db.local:5432/thads", "postgresql+psycopg"),
    ("postgres://thads@db.local:5432/thads", "postgresql+psycopg"),
    ("postgresql+psycopg://thads@db.local:5432/thads", "postgresql+psycopg"),
    ("sqlite:///:memory:", "sqlite"),
])
def test_postgresql_urls_use_the_psycopg_driver(url, driver):
    engine = open_engine(url, create_schema=False)
    assert engine.url.drivername == driver
    assert engine.url.database == (":memory:" if driver == "sqlite" else "thads")


def test_a_closed_port_raises_database_unavailable_in_vietnamese_without_the_password():
    with pytest.raises(DatabaseUnavailable) as caught:
        open_engine(CLOSED_PORT_URL)
    message = str(caught.value)
    assert message.startswith("Không kết nối được cơ sở dữ liệu postgresql+psycopg://postgres:***@127.0.0.1:1/x: ")
    assert message.endswith("Kiểm tra máy chủ cơ sở dữ liệu đang chạy và biến THADS_DATABASE_URL "
                            "hoặc .streamlit/secrets.toml.")
    assert "bi-mat" not in message


def test_open_engine_creates_the_folder_of_a_sqlite_file(tmp_path):
    path = tmp_path / "nested" / "folder" / "thads.sqlite3"
    open_engine(f"sqlite:///{path}").dispose()
    assert path.is_file()


def test_a_database_of_an_earlier_version_gains_the_optional_case_columns(tmp_path):
    url = f"sqlite:///{tmp_path / 'earlier.sqlite3'}"
    engine = open_engine(url)
    import_tables(engine, tables(cases=[case("V1", "2023-06-01", 1_000_000)]))
    with engine.begin() as connection:
        for column in ("debtor", "creditor", "judgment_no", "court"):
            connection.execute(text(f"ALTER TABLE cases DROP COLUMN {column}"))
    engine.dispose()
    reopened = open_engine(url)
    columns = {column["name"] for column in inspect(reopened).get_columns("cases")}
    assert {"debtor", "creditor", "judgment_no", "court"} <= columns
    with reopened.connect() as connection:
        assert connection.execute(text("SELECT code, debtor FROM cases")).all() == [("V1", None)]


@pytest.fixture
def demo_calls(monkeypatch):
    """Replace build_demo in dashboard.database by a recorder; return the list of URLs it was called with."""
    calls = []
    monkeypatch.setattr(database, "build_demo", lambda engine, *args, **kwargs: calls.append(str(engine.url)))
    return calls


def test_a_given_url_never_gets_the_demo_even_when_empty(no_configuration, demo_calls):
    url = f"sqlite:///{no_configuration / 'given.sqlite3'}"
    engine = database.open_dashboard_engine(url, lambda: demo_calls.append("first use"))
    assert (str(engine.url), database.case_count(engine), demo_calls) == (url, 0, [])


def test_a_configured_url_never_gets_the_demo_even_when_empty(monkeypatch, no_configuration, demo_calls):
    url = f"sqlite:///{no_configuration / 'configured.sqlite3'}"
    monkeypatch.setenv("THADS_DATABASE_URL", url)
    engine = database.open_dashboard_engine()
    assert (str(engine.url), demo_calls) == (url, [])


def test_a_url_in_the_secrets_file_never_gets_the_demo(monkeypatch, no_configuration, demo_calls):
    url = f"sqlite:///{no_configuration / 'secret.sqlite3'}"
    _secrets(monkeypatch, no_configuration, f'THADS_DATABASE_URL = "{url}"\n')
    engine = database.open_dashboard_engine()
    assert (str(engine.url), demo_calls) == (url, [])


def test_the_empty_default_database_gets_the_demo_once(monkeypatch, no_configuration, demo_calls):
    path = no_configuration / "data" / "thads.sqlite3"
    monkeypatch.setattr(engine_module, "DEFAULT_SQLITE_PATH", path)
    engine = database.open_dashboard_engine(on_first_use=lambda: demo_calls.append("first use"))
    assert demo_calls == ["first use", f"sqlite:///{path}"]
    assert str(engine.url) == f"sqlite:///{path}" and path.is_file()


def test_the_default_database_with_cases_is_left_alone(monkeypatch, no_configuration, demo_calls):
    path = no_configuration / "data" / "thads.sqlite3"
    monkeypatch.setattr(engine_module, "DEFAULT_SQLITE_PATH", path)
    import_tables(open_engine(f"sqlite:///{path}"), tables(cases=[case("V1", "2023-06-01", 1_000_000)]))
    engine = database.open_dashboard_engine(on_first_use=lambda: demo_calls.append("first use"))
    assert (database.case_count(engine), demo_calls) == (1, [])


@pytest.mark.parametrize("url", ["not-a-url", "foo://bar", "mysql://u@127.0.0.1/x"])
def test_an_unusable_url_is_explained_not_a_traceback(url):
    with pytest.raises(DatabaseUnavailable, match=r"^URL cơ sở dữ liệu không dùng được .*postgresql://"):
        open_engine(url)


def test_a_broken_secrets_file_is_explained(monkeypatch, no_configuration, tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text('THADS_DATABASE_URL = "x\n', encoding="utf-8")
    monkeypatch.setattr(engine_module, "SECRETS_FILE", path)
    with pytest.raises(DatabaseUnavailable, match="^Không đọc được tệp .*secrets.toml"):
        engine_module.configured_url()


def test_postgresql_connections_run_without_jit_and_without_prepared_statements(postgres_url):
    engine = open_engine(postgres_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SHOW jit").scalar() == "off"
        assert connection.connection.dbapi_connection.prepare_threshold is None
    engine.dispose()


def test_a_database_from_an_earlier_version_gains_the_later_indexes(db):
    expected = {"sqlite": set(), "postgresql": {"ix_cases_unit"}}[db.dialect.name]
    with db.begin() as connection:
        connection.execute(text("DROP INDEX IF EXISTS ix_cases_unit"))
    reopened = open_engine(db.url.render_as_string(hide_password=False))
    names = {index["name"] for index in inspect(reopened).get_indexes("cases")}
    reopened.dispose()
    assert names & {"ix_cases_unit"} == expected and "ix_cases_decided_on" in names
