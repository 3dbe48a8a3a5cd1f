"""Who the meeting-room screen reads as (the display page passes this gate first): a display link's screen when
its URL carries a valid token, else the signed-in person; a refused link shows a plain notice and no figure."""

import streamlit as st

from data_access.audit import add_event
from data_access.display_links import TOKEN_PARAMETER, link_of_token
from data_access.queries.viewing import Viewer, link_viewer
from dashboard.ui.sign_in import signed_in_viewer
from dashboard.ui.text_blocks import notice
from dashboard.metrics import clock
from dashboard.view import cache
from dashboard.view.session import read_as

REFUSED = {
    "expired": "Đường link trình chiếu này đã hết hạn.",
    "revoked": "Đường link trình chiếu này đã bị thu hồi.",
    "unknown": "Đường link trình chiếu này không hợp lệ.",
}
# Signed-in roles that open the screen themselves; a unit's or an officer's screen needs a display link.
SCREEN_ROLES = ("lanh_dao", "thong_ke")
ASK_AGAIN = "Hãy xin người quản trị một đường link mới, hoặc đăng nhập để xem."


def display_viewer() -> Viewer:
    """Return the viewer the screen reads as; for a refused link, draw its notice and stop the run."""
    token = st.query_params.get(TOKEN_PARAMETER, "")
    if not token:
        viewer = signed_in_viewer()
        if viewer.role not in SCREEN_ROLES:
            notice("Trang trình chiếu dành cho lãnh đạo và thống kê; màn hình phòng họp của một đơn vị mở bằng "
                   "đường link trình chiếu do người quản trị tạo.", "info")
            st.stop()
        return viewer
    now = clock.now()
    link = link_of_token(cache.engine(), token)
    state = "unknown" if link is None else link.state(now.date())
    if state != "valid":
        # Only a known link's refusal is recorded: made-up tokens would otherwise fill the trail.
        if link is not None:
            add_event(cache.engine(), now, "trình chiếu", "display_link_refused", f"link {link.id}", REFUSED[state])
        read_as(None)
        notice(f"{REFUSED[state]} {ASK_AGAIN}")
        st.stop()
    viewer = link_viewer(link)
    read_as(viewer)
    return viewer
