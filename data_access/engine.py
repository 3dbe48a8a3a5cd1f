"""Where the database is and how to connect to it."""

import logging
import os
import tomllib
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from data_access.queries.snapshots import ensure_snapshots
from data_access.access_schema import access_metadata
from data_access import month_schema  # noqa: F401  (its tables join the metadata created below)
from data_access.schema import metadata, search_text

PROJECT_ROOT = Path(__file__).resolve().parent.parent
URL_VARIABLE = "THADS_DATABASE_URL"
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "thads.sqlite3"
log = logging.getLogger(__name__)


class DatabaseUnavailable(RuntimeError):
    """The database could not be reached or opened; the message says what to check."""


def configured_url() -> str | None:
    """Return the database URL from THADS_DATABASE_URL or .streamlit/secrets.toml, or None when neither sets one."""
    url = os.environ.get(URL_VARIABLE, "").strip()
    if url:
        return url
    if SECRETS_FILE.is_file():
        try:
            with SECRETS_FILE.open("rb") as handle:
                secrets = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise DatabaseUnavailable(f"Không đọc được tệp {SECRETS_FILE}: {error}.") from error
        url = str(secrets.get(URL_VARIABLE, "") or secrets.get("database", {}).get("url", "")).strip()
        if url:
            return url
    return None


def default_sqlite_url() -> str:
    """Return the URL of the embedded SQLite database file."""
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def resolve_url(url: str | None = None) -> str:
    """Return the URL to use: the one given, else the configured one, else the embedded SQLite file."""
    return url or configured_url() or default_sqlite_url()


def _normalise(url: str) -> str:
    # psycopg 3 is the driver we ship; a bare postgresql:// URL would make SQLAlchemy look for psycopg2.
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _lower(text: str | None) -> str | None:
    return None if text is None else text.lower()


def _tune_sqlite(dbapi_connection, _record) -> None:
    # SQLite's own lower() changes ASCII letters only; the case search lowers Vietnamese names (Đ, Ầ) as well.
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets the dashboard read while an import writes; NORMAL sync is safe under WAL.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def open_engine(url: str | None = None, *, create_schema: bool = True) -> Engine:
    """Return an Engine for the resolved URL, with the schema created when missing."""
    resolved = _normalise(resolve_url(url))
    if resolved.startswith("sqlite:///") and resolved != "sqlite:///:memory:":
        Path(resolved.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine_options = {}
    if resolved.startswith("postgresql"):
        # psycopg prepares a statement after its 5th run; the generic plan was slower for the chains query.
        # JIT compiling took 360 ms of a 410 ms window query (its cost estimate crosses jit_above_cost), and the
        # dashboard's queries never run long enough to repay it.
        engine_options["connect_args"] = {"prepare_threshold": None, "connect_timeout": 5, "options": "-c jit=off"}
    try:
        engine = create_engine(resolved, **engine_options)
    except (ArgumentError, ImportError) as error:
        raise DatabaseUnavailable(
            f"URL cơ sở dữ liệu không dùng được ({error}). Dùng dạng sqlite:///duong/dan/tep.sqlite3 hoặc "
            f"postgresql://nguoi_dung:mat_khau@may_chu:5432/ten_csdl trong {URL_VARIABLE}.") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    if create_schema:
        try:
            metadata.create_all(engine)
            access_metadata.create_all(engine)
            # create_all adds the indexes of new tables only; a database made by an earlier version gains its
            # later indexes here (once: a large table takes a moment to index).
            _add_missing_columns(engine)
            if engine.dialect.name == "postgresql":
                _index_search_text(engine)
            for table in metadata.sorted_tables:
                for index in table.indexes:
                    index.create(engine, checkfirst=True)
            # Month-end figures missing or in an earlier shape are computed from the states (a national database
            # takes minutes, once); they hold nothing an import did not bring.
            with engine.begin() as connection:
                ensure_snapshots(connection)
        except Exception as error:  # any driver error here means the database is unusable
            raise DatabaseUnavailable(describe_connection_error(engine, error)) from error
    return engine


def _add_missing_columns(engine: Engine) -> None:
    """Add to an earlier version's tables the optional columns it lacks (each later column is nullable)."""
    inspector = inspect(engine)
    quote = engine.dialect.identifier_preparer.quote
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present and column.nullable:
                    connection.execute(text(f"ALTER TABLE {quote(table.name)} ADD COLUMN {quote(column.name)} "
                                            f"{column.type.compile(engine.dialect)}"))


def _index_search_text(engine: Engine) -> None:
    """Give PostgreSQL a trigram index on the text case lists search, so a name is found among millions of cases.

    Without the right to add the pg_trgm extension the search still works, by reading the cases; the log says so.
    """
    expression = search_text().compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            connection.execute(text(f"CREATE INDEX IF NOT EXISTS ix_cases_search ON cases USING gin "
                                    f"(({expression}) gin_trgm_ops)"))
    except SQLAlchemyError:
        log.warning("no trigram index on the cases' text: the case search reads every case", exc_info=True)


def describe_connection_error(engine: Engine, error: Exception) -> str:
    """Return a plain-words message saying which database failed and what to check."""
    where = engine.url.render_as_string(hide_password=True)
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return (f"Không kết nối được cơ sở dữ liệu {where}: {first_line}. "
            f"Kiểm tra máy chủ cơ sở dữ liệu đang chạy và biến {URL_VARIABLE} hoặc .streamlit/secrets.toml.")
