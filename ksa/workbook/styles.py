"""Colors, fonts and fills of the crosswalk workbook (one table, so tests can check against it)."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

FLAGGED_RGB = "FFFF00"  # yellow: not applicable by the panel's threshold
NEED_RGB = "92D050"  # green: additional need named by employers
HEADER_RGB = "D9E1F2"  # section header rows
SECTION_RGB = "1F3864"  # dark band of the CORE line

FLAGGED_FILL = PatternFill(fill_type="solid", start_color=FLAGGED_RGB, end_color=FLAGGED_RGB)
NEED_FILL = PatternFill(fill_type="solid", start_color=NEED_RGB, end_color=NEED_RGB)
HEADER_FILL = PatternFill(fill_type="solid", start_color=HEADER_RGB, end_color=HEADER_RGB)
SECTION_FILL = PatternFill(fill_type="solid", start_color=SECTION_RGB, end_color=SECTION_RGB)

TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
ITALIC = Font(italic=True)
SECTION_FONT = Font(bold=True, color="FFFFFF", size=12)
SUGGESTED_COLOR = "595959"  # dark grey italics: a matcher suggestion, not yet confirmed

WRAP_TOP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

# Crosswalk sheet columns: letter -> width (characters)
CROSSWALK_WIDTHS = {"A": 30, "B": 62, "C": 16, "D": 58, "E": 22}
