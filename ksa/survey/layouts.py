"""Which layout a response file is in: kit, matrix, tally (legacy counts) or form-csv."""

from __future__ import annotations

from ksa.survey.common import find_header_row
from ksa.survey.grid import SheetGrid
from ksa.survey.kit import META_SHEET
from ksa.survey.read_form import form_header
from ksa.survey.read_kit import find_kit_sheet
from ksa.survey.read_matrix import MATRIX_HEADER_GROUPS
from ksa.survey.read_tally import is_tally_sheet

LAYOUTS = ("kit", "matrix", "tally", "form-csv")
LOOKED_FOR = (
    "a kit (header row with 'Item ID' and 'Needed (Y/N)'), a matrix ('Item'/'Item ID' plus one "
    "column per respondent), a tally ('Item' plus 'Y-4 N-1' texts or Y/N count columns, or "
    "Appendix-B section headers) or a form export (an 'Organization' column in row 1)"
)


def _visible_first(grids: list[SheetGrid]) -> list[SheetGrid]:
    return sorted((g for g in grids if g.name != META_SHEET), key=lambda g: g.hidden)


def detect_layout(grids: list[SheetGrid]) -> tuple[str, SheetGrid | None] | None:
    """(layout, the sheet to read) — the sheet is None for a kit (it uses several) — or None."""
    if any(g.name == META_SHEET for g in grids) or find_kit_sheet(grids) is not None:
        return "kit", None
    for grid in _visible_first(grids):
        if form_header(grid) is not None:
            return "form-csv", grid
        if is_tally_sheet(grid):
            return "tally", grid
        if find_header_row(grid, MATRIX_HEADER_GROUPS) is not None:
            return "matrix", grid
    return None


def sheet_for(layout: str, grids: list[SheetGrid]) -> SheetGrid | None:
    """The sheet a forced layout reads: the first one that looks like it, else the first sheet."""
    candidates = _visible_first(grids)
    for grid in candidates:
        if (
            (layout == "form-csv" and form_header(grid) is not None)
            or (layout == "tally" and is_tally_sheet(grid))
            or (layout == "matrix" and find_header_row(grid, MATRIX_HEADER_GROUPS) is not None)
        ):
            return grid
    return candidates[0] if candidates else None
