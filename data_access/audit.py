"""The audit trail: every event that changes who may see what, or that reads the data out, with who, when and
what; rows are only added."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine

from data_access.access_schema import audit_events

ACTIONS = {"sign_in": "đăng nhập", "sign_in_failed": "đăng nhập sai", "locked": "khóa do sai nhiều lần",
           "account_added": "thêm tài khoản", "account_disabled": "khóa tài khoản",
           "password_set": "đặt mật khẩu", "sign_out": "đăng xuất", "session_expired": "hết phiên do không dùng",
           "display_link_created": "tạo link trình chiếu", "display_link_revoked": "thu hồi link trình chiếu",
           "display_link_refused": "link trình chiếu bị từ chối", "imported": "nhập dữ liệu",
           "import_rejected": "nhập dữ liệu bị từ chối", "downloaded": "tải danh sách việc",
           "period_closed": "chốt số liệu", "period_reopened": "mở lại kỳ đã chốt"}


@dataclass(frozen=True)
class AuditEvent:
    """One line of the trail."""

    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


def record(connection: Connection, at: datetime, actor: str, action: str, subject: str, detail: str = "") -> None:
    """Add one event to the trail, inside the caller's transaction so it lands with the change it records."""
    connection.execute(insert(audit_events).values(at=at, actor=actor, action=action, subject=subject,
                                                   detail=detail))


def add_event(engine: Engine, at: datetime, actor: str, action: str, subject: str, detail: str = "") -> None:
    """Add one event to the trail in a transaction of its own: for what happened elsewhere (an import, a
    download)."""
    with engine.begin() as connection:
        record(connection, at, actor[:100], action, subject[:200], detail)


def audit_trail(engine: Engine, since: datetime | None = None) -> list[AuditEvent]:
    """Return the events from `since` on (all without it), oldest first."""
    query = select(audit_events).order_by(audit_events.c.at, audit_events.c.id)
    if since is not None:
        query = query.where(audit_events.c.at >= since)
    with engine.connect() as connection:
        return [AuditEvent(row.at, row.actor, row.action, row.subject, row.detail)
                for row in connection.execute(query)]
