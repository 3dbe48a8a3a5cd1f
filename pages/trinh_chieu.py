"""Trình chiếu: the meeting-room display, full screen and dark, turning its slides and refreshing by itself."""

from dashboard.display.screen import run_display

run_display()
