"""Untrusted response files as bounded grids of cell values (the readers' common input).

A workbook is read once in openpyxl's read-only mode (cached values, never formulas) with caps on
rows and columns; a CSV is decoded (utf-8, utf-8-sig, cp1252) and split the same way. For kits,
merged cells and hidden rows of the answer sheet are scanned from its XML part.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from ksa.errors import InputError, Problem
from ksa.xlsx_guard import check_xlsx

log = logging.getLogger("ksa.survey.grid")

MAX_ROWS = 100_000
MAX_COLUMNS = 500
CSV_ENCODINGS = ("utf-8-sig", "cp1252")


class GridError(Exception):
    """A file that cannot be read as a grid at all (corrupt, too large, wrong encoding)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class SheetGrid:
    """Cell values of one sheet (or CSV): ``rows[r-1][c-1]`` is the cell at row r, column c."""

    file: Path
    name: str | None  # None for a CSV
    rows: list[tuple[object, ...]]
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    merged: list[str] = field(default_factory=list)
    formula_cells: set[str] = field(default_factory=set)  # cells holding a formula (e.g. "E10")
    part: str = ""  # the sheet's XML part inside the .xlsx (for merged cells / hidden rows)

    @property
    def display(self) -> str:
        return self.file.name

    def value(self, row: int, col: int) -> object:
        if row < 1 or row > len(self.rows):
            return None
        cells = self.rows[row - 1]
        return cells[col - 1] if 0 < col <= len(cells) else None

    def text(self, row: int, col: int) -> str:
        value = self.value(row, col)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    def ref(self, row: int, col: int) -> str:
        """A1-style reference (for a CSV: ``row R, column C``)."""
        if self.name is None:
            return f"row {row}, column {col}"
        return f"{get_column_letter(col)}{row}"

    def problem(
        self,
        message: str,
        row: int | None = None,
        col: int | None = None,
        value: object = None,
        hint: str = "",
    ) -> Problem:
        cell = (
            self.ref(row, col)
            if row is not None and col is not None
            else (f"row {row}" if row is not None else None)
        )
        return Problem(
            message, file=self.display, sheet=self.name, cell=cell, value=value, hint=hint
        )


def norm_header(value: object) -> str:
    """Header text for matching: case-folded, whitespace collapsed, trailing ':' removed."""
    if value is None:
        return ""
    return " ".join(str(value).split()).casefold().rstrip(":").strip()


def _too_big(path: Path, sheet: str | None, what: str) -> GridError:
    return GridError(
        Problem(
            f"refusing to read: more than {what}",
            file=path.name,
            sheet=sheet,
            hint=f"a survey has at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns; "
            "remove the extra content or split the file",
        )
    )


def _trim(row: tuple[object, ...]) -> tuple[object, ...]:
    end = len(row)
    while end and (
        row[end - 1] is None or (isinstance(row[end - 1], str) and not str(row[end - 1]).strip())
    ):
        end -= 1
    return row[:end]


def read_workbook_grids(path: Path) -> list[SheetGrid]:
    """Every worksheet of an .xlsx/.xlsm file as a grid of cached values (bounded)."""
    try:
        check_xlsx(path)
    except InputError as exc:
        raise GridError(
            exc.problems[0] if exc.problems else Problem(exc.message, file=path.name)
        ) from exc
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise GridError(
            Problem(
                f"cannot open as an Excel workbook ({type(exc).__name__}: {exc})",
                file=path.name,
                hint="save it from Excel as .xlsx and try again",
            )
        ) from exc
    grids: list[SheetGrid] = []
    try:
        for ws in wb.worksheets:
            claimed_rows = ws.max_row or 0
            claimed_cols = ws.max_column or 0
            if claimed_rows > MAX_ROWS:
                raise _too_big(path, ws.title, f"{MAX_ROWS:,} rows ({claimed_rows:,})")
            if claimed_cols > MAX_COLUMNS:
                raise _too_big(path, ws.title, f"{MAX_COLUMNS} columns ({claimed_cols:,})")
            rows: list[tuple[object, ...]] = []
            for count, raw in enumerate(ws.iter_rows(values_only=True), start=1):
                if count > MAX_ROWS:
                    raise _too_big(path, ws.title, f"{MAX_ROWS:,} rows")
                row = _trim(tuple(raw))
                if len(row) > MAX_COLUMNS:
                    raise _too_big(path, ws.title, f"{MAX_COLUMNS} columns")
                rows.append(row)
            while rows and not rows[-1]:
                rows.pop()
            part = str(getattr(ws, "_worksheet_path", "") or "")
            grids.append(
                SheetGrid(path, ws.title, rows, hidden=ws.sheet_state != "visible", part=part)
            )
    finally:
        wb.close()
    return grids


_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|mergeCell)\b([^>]*)>")
_ATTR = re.compile(rb"""\b(r|hidden|ref)\s*=\s*["']([^"']*)["']""")
# a cell start tag directly followed by a formula: <c r="E10" ...><f>...
_FORMULA = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br\s*=\s*["']([A-Z]{1,3}[0-9]{1,7})["'][^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?f\b"""
)
_CHUNK = 1 << 20


def add_layout_details(grid: SheetGrid) -> None:
    """Merged ranges, hidden rows and formula cells of one sheet, scanned from its XML part.

    Only ``<row>`` and ``<mergeCell>`` start tags are looked at (no entity expansion, bounded
    memory): far cheaper than loading the sheet in openpyxl's normal mode.
    """
    if not grid.part:
        return
    grid.merged = []
    grid.hidden_rows = set()
    grid.formula_cells = set()
    try:
        with zipfile.ZipFile(grid.file) as archive, archive.open(grid.part) as handle:
            carry = b""
            while True:
                chunk = handle.read(_CHUNK)
                data = carry + chunk
                cut = data.rfind(b">") + 1 if chunk else len(data)
                if chunk:  # the last cell may be unfinished: scan it with the next chunk
                    start = max(data.rfind(b"<c ", 0, cut), data.rfind(b"<c>", 0, cut))
                    if start >= 0:
                        cut = start
                grid.formula_cells.update(
                    m.group(1).decode() for m in _FORMULA.finditer(data, 0, cut)
                )
                for match in _TAG.finditer(data, 0, cut):
                    attrs = {
                        k.decode(): v.decode("utf-8", "replace")
                        for k, v in _ATTR.findall(match.group(2))
                    }
                    if match.group(1) == b"row":
                        if attrs.get("hidden") in ("1", "true") and attrs.get("r", "").isdigit():
                            index = int(attrs["r"])
                            if 0 < index <= len(grid.rows):
                                grid.hidden_rows.add(index)
                    elif attrs.get("ref"):
                        grid.merged.append(attrs["ref"])
                if not chunk:
                    break
                carry = data[cut:]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise GridError(
            Problem(
                f"cannot read the layout of sheet {grid.name!r} ({type(exc).__name__}: {exc})",
                file=grid.file.name,
                sheet=grid.name,
            )
        ) from exc


def read_csv_grid(path: Path, encoding: str | None = None) -> SheetGrid:
    """A CSV as a grid; tries utf-8 (with or without BOM) then cp1252."""
    data = path.read_bytes()
    text: str | None = None
    for enc in (encoding,) if encoding else CSV_ENCODINGS:
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise GridError(
            Problem("cannot decode the CSV", file=path.name, hint="save it as UTF-8 CSV")
        )
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:4096], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    rows: list[tuple[object, ...]] = []
    for count, record in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        if count > MAX_ROWS:
            raise _too_big(path, None, f"{MAX_ROWS:,} rows")
        if len(record) > MAX_COLUMNS:
            raise _too_big(path, None, f"{MAX_COLUMNS} columns")
        rows.append(_trim(tuple(cell if cell.strip() else None for cell in record)))
    while rows and not rows[-1]:
        rows.pop()
    return SheetGrid(path, None, rows)


def read_grids(path: Path) -> list[SheetGrid]:
    if path.suffix.lower() == ".csv":
        return [read_csv_grid(path)]
    return read_workbook_grids(path)
