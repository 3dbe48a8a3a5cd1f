"""The documents a month is sent upward in: the statistical forms as a workbook, the monthly report as a PDF with
its charts as pictures, and the findings of a rejected import as a workbook. It may import dashboard.charts,
dashboard.metrics, dashboard.text and the data access layer; never Streamlit."""
