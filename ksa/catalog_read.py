"""Raw rows from a course-catalog file: CSV/TSV (streamed) or a spreadsheet (.xlsx/.xls/.ods).

The only I/O of the catalog readers. Rows come out as lists of strings with their 1-based row
number; headers are the caller's business (``ksa.catalog_columns``).
"""

from __future__ import annotations

import codecs
import csv
import logging
from collections.abc import Iterator
from pathlib import Path

from ksa.errors import InputError, Problem

log = logging.getLogger("ksa.catalog")

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
MAX_SPREADSHEET_ROWS = 1_000_000
MAX_COLUMNS = 200
MAX_FIELD = 1_000_000  # characters in one CSV field
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


def iter_rows(path: Path, encoding: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Every row of ``path`` as ``(row_number, cells)``; a clear ``InputError`` on binary junk."""
    head = read_head(path)
    if _is_spreadsheet(path, head):
        yield from _spreadsheet_rows(path)
        return
    if _looks_binary(head):
        raise InputError(
            f"{path} is not a text table (binary content).",
            [Problem("binary file where a CSV/TSV/XLSX catalog was expected", file=str(path),
                     hint="export the catalog as CSV (UTF-8) or XLSX")],
        )
    chosen = detect_encoding(head, encoding)
    try:
        yield from _text_rows(path, chosen)
    except UnicodeDecodeError as exc:
        if encoding or chosen == FALLBACK_ENCODING:
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
        first = handle.readline()
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_delimiter(path, first))
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as exc:
            raise InputError(
                f"{path}: not a readable CSV near line {reader.line_num}: {exc}",
                [Problem(str(exc), file=str(path), cell=f"line {reader.line_num}",
                         hint="check quoting on that line")],
            ) from exc


def _spreadsheet_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for corrupt files
        raise InputError(
            f"{path} cannot be opened as a spreadsheet: {exc}",
            [Problem("unreadable spreadsheet", file=str(path), hint="re-save it as .xlsx or CSV")],
        ) from exc
    names: list[str] = list(book.sheet_names)
    if not names:
        raise InputError(f"{path} has no sheets.")
    sheet = book.get_sheet_by_name(names[0])
    rows = sheet.to_python(skip_empty_area=False)
    if len(rows) > MAX_SPREADSHEET_ROWS:
        raise InputError(
            f"{path}: sheet '{names[0]}' has {len(rows)} rows; more than {MAX_SPREADSHEET_ROWS} "
            "is not a course catalog.",
            [Problem("too many rows", file=str(path), sheet=names[0], hint="split the file or export CSV")],
        )
    for number, row in enumerate(rows, start=1):
        if len(row) > MAX_COLUMNS:
            row = row[:MAX_COLUMNS]
        yield number, [_cell_text(v) for v in row]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
