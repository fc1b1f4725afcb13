"""Raw rows from a course-catalog file: CSV/TSV (streamed) or a workbook (.xlsx/.xlsm/.xls/.ods).

The only I/O of the catalog readers. Rows come out as lists of strings with their 1-based row
number; headers are the caller's business (``ksa.catalog_columns``).
"""

from __future__ import annotations

import codecs
import csv
import logging
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ksa.errors import InputError, Problem
from ksa.xlsx_guard import check_xlsx

log = logging.getLogger("ksa.catalog")

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
MAX_SPREADSHEET_ROWS = 1_000_000
MAX_COLUMNS = 200
MAX_FIELD = 1_000_000  # characters in one CSV field
MAX_LINE = 4_000_000  # characters in one physical line of a CSV/TSV file
_SNIFF_BYTES = 64 * 1024
FALLBACK_ENCODING = "cp1252"

csv.field_size_limit(MAX_FIELD)


def read_head(path: Path) -> bytes:
    """The first bytes of ``path`` (for sniffing); a clear ``InputError`` if it cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read(_SNIFF_BYTES)
    except FileNotFoundError:
        raise InputError(
            f"Course catalog not found: {path}",
            [Problem("no such file", file=str(path), hint="check the path in [courses] catalogs")],
        ) from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; list the catalog files inside it.") from None
    except OSError as exc:
        raise InputError(f"Cannot read course catalog {path}: {exc.strerror}") from exc


def _is_spreadsheet(path: Path, head: bytes) -> bool:
    return (
        path.suffix.lower() in SPREADSHEET_SUFFIXES
        or head.startswith(b"PK\x03\x04")
        or head.startswith(b"\xd0\xcf\x11\xe0")
    )


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return bool(head) and controls / len(head) > 0.05


def detect_encoding(head: bytes, declared: str | None = None) -> str:
    """``declared`` if given; utf-8-sig with a BOM; utf-8 if the head decodes; else cp1252."""
    if declared:
        try:
            codecs.lookup(declared)
        except LookupError:
            raise InputError(
                f"Unknown text encoding {declared!r} in the panel's catalog entry.",
                [Problem("unknown encoding", value=declared, hint="use utf-8, utf-8-sig or cp1252")],
            ) from None
        return declared
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return FALLBACK_ENCODING
    return "utf-8"


def _delimiter(path: Path, first_line: str) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    counts = {d: first_line.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass(frozen=True)
class Table:
    """One table of a catalog file: a CSV/TSV file, or one worksheet of a workbook."""

    sheet: str | None  # None for a text file
    rows: Iterator[tuple[int, list[str]]]
    many: bool = False  # one of several sheets: places name the sheet


def iter_tables(path: Path, encoding: str | None = None) -> Iterator[Table]:
    """The tables of ``path``: one for CSV/TSV, one per worksheet of a workbook, in order.

    Each table's rows are streamed; read one table's rows before asking for the next table.
    A clear ``InputError`` on binary junk, zip bombs and sheets far too large to be a catalog.
    """
    head = read_head(path)
    if _is_spreadsheet(path, head):
        yield from _workbook_tables(path, head)
        return
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        chosen = "utf-16"  # Excel's "Unicode Text" export: UTF-16 with a BOM, tab-separated
    elif _looks_binary(head):
        raise InputError(
            f"{path} is not a text table (binary content).",
            [Problem("binary file where a CSV/TSV/XLSX catalog was expected", file=str(path),
                     hint="export the catalog as CSV (UTF-8) or XLSX")],
        )
    else:
        chosen = detect_encoding(head, encoding)
    yield Table(None, _decoded_rows(path, chosen, encoding))


def _decoded_rows(path: Path, chosen: str, declared: str | None) -> Iterator[tuple[int, list[str]]]:
    try:
        yield from _text_rows(path, chosen)
    except UnicodeDecodeError as exc:
        if declared or chosen in (FALLBACK_ENCODING, "utf-16"):
            raise InputError(
                f"{path}: cannot decode as {chosen} ({exc.reason} at byte {exc.start}).",
                [Problem("text encoding", file=str(path),
                         hint="save the file as UTF-8 or set encoding in the panel's catalog entry")],
            ) from exc
        raise RestartNeeded(FALLBACK_ENCODING) from exc


class RestartNeeded(Exception):
    """UTF-8 decoding failed past the sniffed head: read the file again in ``encoding``."""

    def __init__(self, encoding: str) -> None:
        super().__init__(encoding)
        self.encoding = encoding


def _text_rows(path: Path, encoding: str) -> Iterator[tuple[int, list[str]]]:
    with path.open("r", encoding=encoding, newline="") as handle:
        first = handle.readline(MAX_LINE)
        handle.seek(0)
        reader = csv.reader(_bounded_lines(handle, path), delimiter=_delimiter(path, first))
        try:
            for row in reader:
                yield reader.line_num, row[:MAX_COLUMNS]
        except csv.Error as exc:
            raise InputError(
                f"{path}: not a readable CSV near line {reader.line_num}: {exc}",
                [Problem(str(exc), file=str(path), cell=f"line {reader.line_num}",
                         hint="check quoting on that line")],
            ) from exc


def _bounded_lines(handle: TextIO, path: Path) -> Iterator[str]:
    """The file's lines, refusing one longer than ``MAX_LINE`` before it is read whole (a file
    that is one endless line must not fill memory)."""
    number = 0
    while line := handle.readline(MAX_LINE + 1):
        number += 1
        if len(line) > MAX_LINE:
            raise InputError(
                f"{path}: line {number} is longer than {MAX_LINE:,} characters; that is not a "
                "course catalog row.",
                [Problem("line too long", file=str(path), cell=f"line {number}",
                         hint="check that the file is a CSV/TSV export of the catalog")],
            )
        yield line


def _workbook_tables(path: Path, head: bytes) -> Iterator[Table]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm") or (head.startswith(b"PK\x03\x04") and suffix != ".ods"):
        yield from _xlsx_tables(path)
    else:
        if head.startswith(b"PK\x03\x04"):
            check_xlsx(path)  # an .ods is a zip archive too: refuse bombs before unpacking
        yield from _calamine_tables(path)


def _xlsx_tables(path: Path) -> Iterator[Table]:
    """.xlsx/.xlsm streamed with openpyxl (read-only): memory stays bounded by one row, even
    for a few-kilobyte file whose one stray cell sits at XFD1048576."""
    import openpyxl

    check_xlsx(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise InputError(
            f"{path} cannot be opened as an Excel workbook: {exc}",
            [Problem("unreadable workbook", file=str(path), hint="re-save it as .xlsx or CSV")],
        ) from exc
    try:
        sheets = list(book.worksheets)
        if not sheets:
            raise InputError(f"{path} has no worksheets.")
        for sheet in sheets:
            sheet.reset_dimensions()  # the declared size may lie; read what is there
            values = (row for row in sheet.iter_rows(values_only=True))
            yield Table(sheet.title, _bounded_rows(path, sheet.title, values), len(sheets) > 1)
    finally:
        book.close()


def _calamine_tables(path: Path) -> Iterator[Table]:
    """.xls and .ods through calamine (whose .ods reader refuses sheets over 100M cells)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names: list[str] = list(book.sheet_names)
    except Exception as exc:  # calamine raises its own error types for corrupt files
        raise InputError(
            f"{path} cannot be opened as a spreadsheet: {exc}",
            [Problem("unreadable spreadsheet", file=str(path), hint="re-save it as .xlsx or CSV")],
        ) from exc
    if not names:
        raise InputError(f"{path} has no sheets.")
    for name in names:
        try:
            values = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:
            raise InputError(
                f"{path}: sheet '{name}' cannot be read: {exc}",
                [Problem("unreadable sheet", file=str(path), sheet=name,
                         hint="delete stray cells far outside the table, or export the sheet as CSV")],
            ) from exc
        yield Table(name, _bounded_rows(path, name, iter(values)), len(names) > 1)


def _bounded_rows(path: Path, sheet: str, values: Iterator[Sequence[object]]) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(values, start=1):
        if number > MAX_SPREADSHEET_ROWS:
            raise InputError(
                f"{path}: sheet '{sheet}' goes on past row {MAX_SPREADSHEET_ROWS:,}; that is not a "
                "course catalog.",
                [Problem("too many rows", file=str(path), sheet=sheet,
                         cell=f"row {MAX_SPREADSHEET_ROWS + 1:,}",
                         hint="delete stray cells far below the table, split the file or export CSV")],
            )
        yield number, [_cell_text(v) for v in row[:MAX_COLUMNS]]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
