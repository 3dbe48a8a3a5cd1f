"""Data coming in: the exchange files read (CSV folder or workbook), every row checked, every case's events replayed
in day order against the case timeline, and the whole written in one transaction or not at all.

It may import the top of `data_access` and `data_access.queries` (to recompute the stored figures an import
touches); the queries never import it.
"""
