"""Tests of the month's documents: the forms workbook, the findings workbook and the monthly PDF."""
