"""The tables of who may sign in, kept apart from the data's: rebuilding the demo or loading a national export
empties every data table, never the accounts."""

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, Text

access_metadata = MetaData()

accounts = Table(
    "accounts", access_metadata,
    Column("login", String(64), primary_key=True),
    Column("display_name", String(200), nullable=False),
    # lanh_dao, don_vi, chv, thong_ke or quan_tri (domain.md section 13).
    Column("role", String(16), nullable=False),
    # At most one of the three: the scope the role sees; none for the Ministry and for administrators.
    Column("province_code", String(32)),
    Column("unit_code", String(32)),
    Column("officer_code", String(32)),
    # An argon2id hash written by argon2-cffi, never the password.
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_sign_in_at", DateTime),
    # Wrong passwords since the last good one, and until when the login is locked after too many.
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", DateTime),
)

# Who did what and when: sign-ins and their failures, locks, account changes, and later display links, imports,
# closes and downloads. Rows are only ever added.
audit_events = Table(
    "audit_events", access_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False, index=True),
    # A login, or "máy chủ:<user>" for the server's operator at the command line.
    Column("actor", String(100), nullable=False),
    Column("action", String(32), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("detail", Text, nullable=False),
)
