"""File names from Vietnamese words: no accent, no space, nothing a file system would refuse."""

import pytest

from dashboard.text.slug import ascii_slug


@pytest.mark.parametrize(("words", "slug"), [
    ("Thi hành xong", "thi_hanh_xong"), ("Đang thi hành", "dang_thi_hanh"), ("Hoãn (điểm c)", "hoan_diem_c"),
    ("Hủy, thu hồi quyết định", "huy_thu_hoi_quyet_dinh"), ("Ủy thác", "uy_thac"), ("  Có điều kiện  ", "co_dieu_kien"),
    ("<b>Tổng</b>/../x", "b_tong_b_x"),
])
def test_words_become_a_plain_file_name(words, slug):
    assert ascii_slug(words) == slug
