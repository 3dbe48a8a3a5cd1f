"""The dashboard above the data layer, by concern:

- `metrics/`: the counting rules of domain.md (periods, chains, targets, trend, the report paragraph) and the
  Vietnamese number formats; no Streamlit, no Plotly.
- `view/`: what every screen stands on: the filters and their URL form, today in Vietnam, the cached figures,
  the entry through the app's navigation.
- `charts/`: Plotly figures built from frames, and the names on their axes.
- `ui/`: what the desk pages of `pages/` are built from: the sidebar, drill links, tables, case lists, downloads.
- `display/`: the meeting-room screen.
- `demo/`: the generated province and country.
- `cli.py` (with `__main__.py`): the command line; `database.py`: which database the dashboard opens.

Imports go down only: pages -> ui, display -> view, charts -> metrics -> data_access; demo -> metrics;
`tests/test_layers.py` checks every arrow.
"""
