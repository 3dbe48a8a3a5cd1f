"""Data going out: the caseload of a window by state and dimension, the stored month-end figures (written after
every import, read by reports), the cases behind a chain cell a page at a time, one case's story, and the display's
pinned figures.

It may import the top of `data_access` only (engine, schema, codes, money_cells), never `data_access.exchange`.
"""
