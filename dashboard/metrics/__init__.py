"""The counting rules over the data layer (domain.md): work-year periods and windows, the chains về việc and về
tiền for any scope and breakdown, targets and progress against them, the monthly trend, the report paragraph, and
the Vietnamese forms of numbers, money and dates with the rounding the rules use.

It imports `data_access` only, never Streamlit or Plotly: the command line and the tests call it directly.
"""
