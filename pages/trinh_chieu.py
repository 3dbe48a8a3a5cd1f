"""Trình chiếu: the meeting-room display, full screen and dark, turning its slides and refreshing by itself; opened
by a display link's token or by a signed-in leader or statistician."""

from dashboard.display.running import run_display
from dashboard.ui.display_gate import display_viewer

run_display(display_viewer)
