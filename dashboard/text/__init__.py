"""Text from the data written for each place that interprets it: HTML fragments built from escaped values (also
where Streamlit would read Markdown), Plotly's labels and hover text, and spreadsheet cells that must not run as
formulas. Nothing the data holds is ever read as markup.

It imports the standard library only, so every layer that draws may use it.
"""
