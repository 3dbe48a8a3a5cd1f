"""Danh sách việc: the cases behind any cell of the chains, filtered, sorted and paged by the database."""

from dataclasses import replace

import streamlit as st

from dashboard.metrics.flow_labels import WARNING_LABELS
from dashboard.metrics.formatting import format_count, format_money_short
from dashboard.metrics.periods import window_ending
from dashboard.ui.case_views import (
    BUCKET_LABELS, BUCKETS, CELL_LABELS, CELLS, EXPORT_CAP, PAGE_SIZE, PARAMETERS, SEARCH_CHARACTERS, SORT_LABELS,
    TITLE, WARNINGS, ListState, from_query, heading_lines, last_page, list_table, searched, to_query,
)
from dashboard.ui.audit_view import record_download
from dashboard.ui.data_notes import closed_list_note
from dashboard.ui.downloads import download_buttons
from dashboard.ui.drill import CASE_PAGE, CASE_PARAMETER, clicked_row, drill_to, trail
from dashboard.ui.filter_bar import heading, shared_filters, write_url_part
from dashboard.ui.guards import database_guard
from dashboard.metrics.chain_labels import CHAIN_LABELS
from dashboard.ui.labels import CHAIN_IN_URL, CHAIN_NAMES
from dashboard.ui import text_blocks
from dashboard.ui.tables import TABLE_ROW_PIXELS, styled
from dashboard.text.slug import ascii_slug
from dashboard.view import cache
from dashboard.view.filters import describe
from dashboard.view.session import current_viewer

# The list's URL parameters as the last run wrote them.
WRITTEN_KEY = "cases.written"
# Widget keys by ListState field.
KEYS = {name: f"cases.{name}" for name in ("chain", "cell", "buckets", "min_age_days", "max_age_days", "min_remaining",
                                           "max_remaining", "sort", "descending", "page", "search", "warning")}


def _first_page() -> None:
    st.session_state[KEYS["page"]] = 1


def _turn(step: int) -> None:
    st.session_state[KEYS["page"]] += step


def _new_chain() -> None:
    # A cell or sort the other chain lacks (money's "giảm", its share of the sum) falls back to the default.
    state = ListState(chain=st.session_state[KEYS["chain"]])
    if st.session_state[KEYS["cell"]] not in CELLS[state.chain]:
        st.session_state[KEYS["cell"]] = state.cell
    if st.session_state[KEYS["sort"]] not in state.sorts():
        st.session_state[KEYS["sort"]] = state.sort
    _first_page()


with database_guard():
    filters, options = shared_filters()
    heading(TITLE, filters, options)
    closed = cache.closed(filters.period_end(options.today))
    if closed is not None:
        text_blocks.caption(closed_list_note(closed))
    trail(filters, options, TITLE)
    query = st.query_params.to_dict()
    seeded, notices = from_query(query)
    own = {key: value for key, value in query.items() if key in PARAMETERS.values()}
    # The URL wins when it changed from outside (a link, back or forward): its list part differs from the last
    # run's. Otherwise the widgets win, and one Streamlit forgot (not drawn last run) is taken from the URL.
    outside = WRITTEN_KEY not in st.session_state or (bool(own) and own != st.session_state[WRITTEN_KEY])
    for name, key in KEYS.items():
        if outside or key not in st.session_state:
            st.session_state[key] = getattr(seeded, name)
    for notice in notices if outside else ():
        text_blocks.notice(notice)

    chosen = ListState(chain=st.session_state[KEYS["chain"]])
    top = st.columns([2, 3, 4, 2, 2])
    top[0].selectbox("Tính theo", tuple(CELLS), key=KEYS["chain"], format_func=CHAIN_NAMES.get, on_change=_new_chain)
    top[1].selectbox("Dòng số liệu", CELLS[chosen.chain], key=KEYS["cell"],
                     format_func=CELL_LABELS[chosen.chain].get, on_change=_first_page)
    top[2].multiselect("Tình trạng cuối kỳ", BUCKETS, key=KEYS["buckets"], format_func=BUCKET_LABELS.get,
                       placeholder="Mọi tình trạng", on_change=_first_page, select_all=False)
    top[3].selectbox("Sắp xếp theo", chosen.sorts(), key=KEYS["sort"], format_func=SORT_LABELS.get,
                     on_change=_first_page)
    top[4].selectbox("Thứ tự", (True, False), key=KEYS["descending"], on_change=_first_page,
                     format_func=lambda descending: "Giảm dần" if descending else "Tăng dần")
    bounds = (("min_age_days", "Từ (số ngày từ quyết định)", 30), ("max_age_days", "Đến (số ngày từ quyết định)", 30),
              ("min_remaining", "Còn lại từ (đồng)", 1_000_000), ("max_remaining", "Còn lại đến (đồng)", 1_000_000))
    search_place, warning_place = st.columns([3, 2])
    search_place.text_input("Tìm việc", key=KEYS["search"], max_chars=SEARCH_CHARACTERS, on_change=_first_page,
                            placeholder="Mã việc, số quyết định, số bản án hoặc một phần tên đương sự")
    warning_place.selectbox("Cảnh báo", (None, *WARNINGS), key=KEYS["warning"], on_change=_first_page,
                            format_func=lambda warning: WARNING_LABELS.get(warning, "Mọi việc"))
    for place, (name, label, step) in zip(st.columns(4), bounds):
        place.number_input(label, min_value=0, step=step, value=None, key=KEYS[name], placeholder="Không giới hạn",
                           on_change=_first_page)
    state = ListState(**{name: st.session_state[key] for name, key in KEYS.items()}
                      | {"buckets": tuple(st.session_state[KEYS["buckets"]]),
                         "search": searched(st.session_state[KEYS["search"]] or "") or ""})

    end = filters.period_end(options.today)
    window = window_ending(end)
    arguments = (window.start, end, filters.scope(), state.chain, state.cell, state.narrow(), state.sort,
                 state.descending)
    rows, total, value = cache.cases(*arguments, state.offset, PAGE_SIZE)
    if rows.empty and total:
        state = replace(state, page=last_page(total))
        st.session_state[KEYS["page"]] = state.page
        rows, total, value = cache.cases(*arguments, state.offset, PAGE_SIZE)
    written = to_query(state)
    write_url_part(PARAMETERS.values(), written, WRITTEN_KEY)
    if not total:
        st.info("Không có việc nào khớp với chỉ tiêu và bộ lọc đã chọn. Hãy chọn chỉ tiêu, tình trạng hoặc "
                "giới hạn khác ở trên, hoặc phạm vi và kỳ báo cáo khác ở thanh bên trái.")
        st.stop()
    units, officers = options.units, options.officers

st.subheader(f"{format_count(total)} việc" + ("" if value is None else f", {format_money_short(value)}"))
if value is not None:
    st.caption(f"{format_count(value)} đồng: cột \"Tính vào chỉ tiêu\" là phần của mỗi việc trong con số "
               f"{CELL_LABELS['money'][state.cell].lower()} về tiền; cộng cả danh sách đúng bằng con số đó.")
st.caption(f"Đang xem việc thứ {format_count(state.offset + 1)}–{format_count(state.offset + len(rows))}, "
           f"trang {format_count(state.page)}/{format_count(last_page(total))}. Số tiền tính bằng đồng; "
           "tuổi tính từ ngày quyết định đến cuối kỳ báo cáo. Bấm vào ô vuông ở đầu một dòng để mở hồ sơ của việc.")
table = list_table(rows, units, officers, state.chain)
row = clicked_row(st, styled(table), "cases.table", hide_index=True, height=TABLE_ROW_PIXELS * (len(table) + 1) + 3)
if row is not None:
    drill_to(CASE_PAGE, filters, written | {CASE_PARAMETER: rows["code"].iloc[row]})

previous, number, following, _ = st.columns([1, 1, 1, 5], vertical_alignment="bottom")
previous.button("◀ Trang trước", key="cases.previous", on_click=_turn, args=(-1,), disabled=state.page == 1)
number.number_input("Trang", min_value=1, max_value=last_page(total), step=1, key=KEYS["page"])
following.button("Trang sau ▶", key="cases.next", on_click=_turn, args=(1,),
                 disabled=state.page == last_page(total))

st.subheader("Tải về")
if total > EXPORT_CAP:
    st.warning(f"Tệp tải về chỉ gồm {format_count(EXPORT_CAP)} việc đầu tiên (theo thứ tự đang sắp xếp) trong "
               f"tổng số {format_count(total)} việc; hãy thu hẹp bộ lọc để tải đủ.")
# The file is written when its button is clicked, outside this run: the viewer is taken now, with the rest.
viewer, data_version = current_viewer(), cache.version()
stem = f"danh_sach_viec_{CHAIN_IN_URL[state.chain]}_{ascii_slug(CHAIN_LABELS[state.cell])}_{end:%Y%m%d}"
download_buttons(lambda: list_table(cache.cases_as(viewer, data_version, *arguments, 0, EXPORT_CAP).rows, units,
                                    officers, state.chain),
                 heading_lines(state, filters, options), stem, "cases.download",
                 on_download=lambda: record_download(stem, f"{describe(filters, options)}; "
                                                           f"{format_count(total)} việc"))
