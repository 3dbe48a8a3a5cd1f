"""Sign-ins that outlive a page load: a random token in the browser's cookie, its hash here with the last time it
was used, so a reload or a second tab stays signed in until the session sits idle too long or signs out."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine

from data_access.access_schema import browser_sessions
from data_access.display_links import token_hash

# The last-used time is written at most this often: a click a second should not be a write a second.
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class Resumed:
    """What a session token gave: the login it signed in and how ("password" or "sso"), or that it sat idle too
    long (then login is None and expired is True), or nothing (unknown token)."""

    login: str | None
    via: str | None = None
    expired: bool = False


def open_browser_session(engine: Engine, login: str, via: str, now: datetime) -> str:
    """Return the token of a new session of the login, to keep in the browser's cookie."""
    token = secrets.token_urlsafe(32)
    with engine.begin() as connection:
        connection.execute(insert(browser_sessions).values(token_hash=token_hash(token), login=login, via=via,
                                                           created_at=now, last_seen_at=now))
    return token


def resume_browser_session(engine: Engine, token: str, now: datetime, idle: timedelta) -> Resumed:
    """Return the session a token opens, its last-used time moved to `now`; an idle one is ended."""
    hashed = token_hash(token)
    with engine.begin() as connection:
        row = connection.execute(select(browser_sessions).where(browser_sessions.c.token_hash == hashed)).first()
        if row is None:
            return Resumed(None)
        if now - row.last_seen_at > idle:
            connection.execute(delete(browser_sessions).where(browser_sessions.c.token_hash == hashed))
            return Resumed(None, expired=True)
        if now - row.last_seen_at >= TOUCH_EVERY:
            connection.execute(update(browser_sessions).where(browser_sessions.c.token_hash == hashed)
                               .values(last_seen_at=now))
    return Resumed(row.login, row.via)


def close_browser_session(engine: Engine, token: str) -> None:
    """End the session of a token (signing out); an unknown token changes nothing."""
    with engine.begin() as connection:
        connection.execute(delete(browser_sessions).where(browser_sessions.c.token_hash == token_hash(token)))


def close_sessions_of(engine: Engine, login: str) -> int:
    """Return how many sessions of a login were ended (its account disabled or its password changed)."""
    with engine.begin() as connection:
        return connection.execute(delete(browser_sessions).where(browser_sessions.c.login == login)).rowcount
