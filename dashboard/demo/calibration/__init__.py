"""The demo's calibration: nudging a generated province, with events a real unit could record, until chosen windows
show exactly the figures of a real report. `workbench` holds the cases and the primitives, `enforceable` and
`completed` the steps by the figure they move, `reach` the targets and the order of the steps.

Like the rest of `demo`, it may import `metrics` and `data_access` only.
"""
