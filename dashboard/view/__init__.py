"""What every screen stands on, desk pages and meeting-room display alike: one view's filters and their form in
the URL, today's date in Vietnam, the cached readings of the figures (the only module that caches), and the entry
through the app's navigation.

It may import `metrics`, `data_access` and `dashboard.database`; never `ui`, `display` or `charts`.
"""
