"""The display's own URL parameters: seconds per slide, minutes between refreshes, the frozen cut-off."""

from datetime import datetime

import pytest

from dashboard.display.settings import DisplaySettings, settings_from_query

NOW = datetime(2026, 11, 28, 9, 30)


def test_defaults_and_chosen_values():
    assert settings_from_query({}, NOW) == (DisplaySettings(20, 5.0, None), [])
    assert settings_from_query({"chuyen": "8", "lam_moi": "0,5", "chot": "2026-11-28T08:00"}, NOW) == (
        DisplaySettings(8, 0.5, datetime(2026, 11, 28, 8, 0)), [])
    assert settings_from_query({"chot": "2026-11-27"}, NOW)[0].frozen_at == datetime(2026, 11, 27)


@pytest.mark.parametrize(("query", "named"), [
    ({"chuyen": "2"}, "chuyen='2'"), ({"chuyen": "abc"}, "chuyen='abc'"), ({"lam_moi": "0"}, "lam_moi='0'"),
    ({"lam_moi": "1e9"}, "lam_moi='1e9'"), ({"chot": "28/11/2026"}, "chot='28/11/2026'"),
])
def test_a_wrong_value_falls_back_to_the_default_with_a_notice(query, named):
    settings, notices = settings_from_query(query, NOW)
    assert settings == DisplaySettings()
    assert len(notices) == 1 and notices[0].startswith(f"Đường link có {named} không hợp lệ")


def test_a_cut_off_still_ahead_keeps_the_figures_live():
    settings, notices = settings_from_query({"chot": "2026-11-28T10:00"}, NOW)
    assert settings.frozen_at is None
    assert notices == ["Giờ chốt 10:00 ngày 28/11/2026 chưa đến; số liệu được cập nhật liên tục cho đến khi mở lại "
                       "đường link sau giờ chốt."]
