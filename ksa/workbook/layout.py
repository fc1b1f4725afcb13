"""Layout helpers shared by every workbook the product writes (kit, crosswalk)."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

MAX_ROW_HEIGHT = 409.0  # Excel's limit, in points


def row_height(values: Sequence[object], widths: Sequence[float]) -> float:
    """Points needed to show every wrapped line of a row.

    Excel and LibreOffice do not grow the rows openpyxl writes, so the height is estimated from
    the text length and the column widths (characters per line at the default font).
    """
    lines = 1
    for value, width in zip(values, widths, strict=False):
        text = str(value) if value is not None else ""
        per_line = max(int(width * 1.15), 1)
        needed = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
        lines = max(lines, needed)
    return min(15.0 * lines + 3, MAX_ROW_HEIGHT)


def print_landscape(ws: Worksheet, title_rows: str | None = None) -> None:
    """Landscape, all columns on one page width, grid lines, repeated header rows."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = True
    if title_rows:
        ws.print_title_rows = title_rows
