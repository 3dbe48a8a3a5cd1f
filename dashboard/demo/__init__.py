"""The generated data: a province calibrated to the real first-quarter report (the embedded default's demo and
the tests' builder), and the whole country bulk-loaded for scale.

It may import `metrics` and `data_access`; never Streamlit, Plotly or the screens.
"""
