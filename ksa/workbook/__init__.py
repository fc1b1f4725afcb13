"""Crosswalk workbook: a pure builder (model -> openpyxl Workbook) and one atomic saver."""
