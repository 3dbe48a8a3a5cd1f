"""The data layer, the only place with SQL: the schema, the engine, the exchange files and the queries.

- `engine`, `schema`, `codes`, `money_cells`: opening a database, its tables, the code lists of domain.md and the
  cells of the chain về tiền that the schema and the queries share.
- `exchange/`: reading, checking and replaying the files an agency exports, and writing them in (all or nothing).
- `queries/`: what the layers above read: the caseload behind the chains, the stored month-end figures, case lists,
  one case, the display's pinned figures.

It imports neither Streamlit nor Plotly nor anything of `dashboard` or `pages`, so the command line, notebooks
and tests use it as it is.
"""
