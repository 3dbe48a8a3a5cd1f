"""The tables of who may sign in, kept apart from the data's: rebuilding the demo or loading a national export
empties every data table, never the accounts."""

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, MetaData, String, Table, Text

access_metadata = MetaData()

accounts = Table(
    "accounts", access_metadata,
    Column("login", String(64), primary_key=True),
    Column("display_name", String(200), nullable=False),
    # The e-mail a single sign-on provider vouches for, lower case; none for password-only accounts.
    Column("email", String(254), unique=True),
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

# Signed-in browsers: a reload or a second tab finds its sign-in through a cookie holding a random token, kept
# here only as its SHA-256, with when it was last used so an idle one expires.
browser_sessions = Table(
    "browser_sessions", access_metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("login", String(64), nullable=False, index=True),
    Column("via", String(16), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
)

# Links for a meeting-room screen, each opening one scope (none: the whole database) until it expires or is
# revoked; the token is kept only as its SHA-256, so the table cannot open a screen.
display_links = Table(
    "display_links", access_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("province_code", String(32)),
    Column("unit_code", String(32)),
    Column("expires_on", Date, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("revoked_at", DateTime),
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
