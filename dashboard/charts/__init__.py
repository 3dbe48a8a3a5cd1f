"""Charts: each builder takes a frame of figures and returns a Plotly figure, never loading data; the restyling for
the big screen; the names written on the axes; the chart settings every page passes to Streamlit.

It may import `metrics` (for number formats) and `data_access.codes`; never Streamlit.
"""
