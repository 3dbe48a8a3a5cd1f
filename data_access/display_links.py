"""Links that open the meeting-room screen without signing in: each for one scope until it expires or is revoked,
its random token kept only as a SHA-256 hash."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from data_access.access_schema import display_links
from data_access.audit import record
from data_access.schema import units

# 32 random bytes: a token nobody guesses, short enough to type from a printed sheet if need be.
TOKEN_BYTES = 32
# The display page's address and the URL parameter that carries a link's token.
DISPLAY_PATH = "/trinh_chieu"
TOKEN_PARAMETER = "ma_trinh_chieu"
LINK_STATES = {"valid": "còn hiệu lực", "expired": "đã hết hạn", "revoked": "đã thu hồi"}


class LinkRefused(ValueError):
    """A display-link change that breaks a rule: the message says which, in Vietnamese."""


@dataclass(frozen=True)
class DisplayLink:
    """One display link as stored, without its token."""

    id: int
    province: str | None
    unit: str | None
    expires_on: date
    created_at: datetime
    created_by: str
    revoked_at: datetime | None

    def state(self, today: date) -> str:
        """Return "valid", "expired" (after its last day) or "revoked"."""
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if today > self.expires_on else "valid"

    @property
    def scope_name(self) -> str:
        """Return the code the link opens, or "toàn bộ" for the whole database."""
        return self.unit or self.province or "toàn bộ"


def display_address(token: str) -> str:
    """Return the display page's address with a link's token, relative to the dashboard's root."""
    return f"{DISPLAY_PATH}?{urlencode({TOKEN_PARAMETER: token})}"


def token_hash(token: str) -> str:
    """Return the hex SHA-256 of a token, the only form in which it is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _link(row) -> DisplayLink:
    return DisplayLink(row.id, row.province_code, row.unit_code, row.expires_on, row.created_at, row.created_by,
                       row.revoked_at)


def _check_place(engine: Engine, province: str | None, unit: str | None) -> None:
    if province and unit:
        raise LinkRefused("Một đường link chỉ mở một phạm vi: chọn --province hoặc --unit.")
    code = province or unit
    if code is None:
        return
    query = select(units.c.code).where(units.c.code == code)
    if province:
        query = query.where(units.c.level == "tinh")
    with engine.connect() as connection:
        if connection.execute(query).first() is None:
            raise LinkRefused(f"Không có {'tỉnh' if province else 'đơn vị'} mã '{code}'.")


def create_link(engine: Engine, *, province: str | None = None, unit: str | None = None, expires_on: date,
                now: datetime, by: str) -> tuple[DisplayLink, str]:
    """Return the new link and its token, which is shown once and never stored; it opens its scope up to and
    including `expires_on`."""
    _check_place(engine, province, unit)
    if expires_on < now.date():
        raise LinkRefused(f"Ngày hết hạn {expires_on:%d/%m/%Y} đã qua.")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with engine.begin() as connection:
        link_id = connection.execute(insert(display_links).values(
            token_hash=token_hash(token), province_code=province, unit_code=unit, expires_on=expires_on,
            created_at=now, created_by=by)).inserted_primary_key[0]
        record(connection, now, by, "display_link_created", f"link {link_id}",
               f"phạm vi {unit or province or 'toàn bộ'}, hết hạn {expires_on:%d/%m/%Y}")
    return find_link(engine, link_id), token


def find_link(engine: Engine, link_id: int) -> DisplayLink | None:
    """Return the link of an id, or None."""
    with engine.connect() as connection:
        row = connection.execute(select(display_links).where(display_links.c.id == link_id)).first()
    return None if row is None else _link(row)


def all_links(engine: Engine) -> list[DisplayLink]:
    """Return every link, oldest first."""
    with engine.connect() as connection:
        return [_link(row) for row in connection.execute(select(display_links).order_by(display_links.c.id))]


def revoke_link(engine: Engine, link_id: int, *, now: datetime, by: str) -> DisplayLink:
    """Return the link after it stops opening the screen; revoking it again changes nothing."""
    with engine.begin() as connection:
        changed = connection.execute(update(display_links).where(
            display_links.c.id == link_id, display_links.c.revoked_at.is_(None)).values(revoked_at=now)).rowcount
        if changed:
            record(connection, now, by, "display_link_revoked", f"link {link_id}")
    link = find_link(engine, link_id)
    if link is None:
        raise LinkRefused(f"Không có đường link trình chiếu số {link_id}.")
    return link


def link_of_token(engine: Engine, token: str) -> DisplayLink | None:
    """Return the link a token opens, whatever its state, or None when no link has that token."""
    with engine.connect() as connection:
        row = connection.execute(
            select(display_links).where(display_links.c.token_hash == token_hash(token))).first()
    return None if row is None else _link(row)
