"""What the desk pages in `pages/` are built from: the shared sidebar filters, headings and breadcrumbs, drill links,
the chain and breakdown tables, the case list and one case's story, the download buttons and the page guards.

It may import `view`, `charts`, `metrics` and `data_access`; never `display` or `pages`.
"""
