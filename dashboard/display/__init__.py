"""The meeting-room screen (`/trinh_chieu`): its settings from the URL, the figures of its five slides, and the
full-screen dark page that turns them and refreshes itself.

It sits beside `ui` and may import what `ui` may (`view`, `charts`, `metrics`, `data_access`), never `ui`.
"""
