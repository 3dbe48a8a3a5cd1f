"""The audit trail as the Nhật ký page shows it: one row an event, newest first, with Vietnamese action names."""

from datetime import datetime

import pandas as pd
import streamlit as st

from data_access.audit import ACTIONS, add_event, audit_trail
from dashboard.metrics import clock
from dashboard.view import cache
from dashboard.view.session import LOGIN_KEY

# Who may read the trail (domain.md section 13: administrators manage accounts, statisticians load the data).
AUDIT_ROLES = ("quan_tri", "thong_ke")
COLUMNS = ("Lúc", "Người thực hiện", "Hoạt động", "Đối tượng", "Chi tiết")


def trail_table(since: datetime) -> pd.DataFrame:
    """Return the events from `since` on as a table with COLUMNS, newest first."""
    events = reversed(audit_trail(cache.engine(), since))
    return pd.DataFrame([(event.at, event.actor, ACTIONS.get(event.action, event.action), event.subject,
                          event.detail) for event in events], columns=list(COLUMNS))


def record_download(file_stem: str, detail: str) -> None:
    """Add the download of a case list by the signed-in person to the audit trail."""
    login = st.session_state.get(LOGIN_KEY) or ""
    add_event(cache.engine(), clock.now(), login, "downloaded", file_stem, detail)
