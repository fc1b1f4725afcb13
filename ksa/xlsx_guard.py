"""Checks an untrusted .xlsx before any XML in it is parsed.

An .xlsx is a zip archive: a few kilobytes can unpack to gigabytes (a zip bomb). openpyxl reads
the XML parts with defusedxml (entity expansion refused), but it would still inflate whatever the
archive holds, so the sizes the archive declares are checked first.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ksa.errors import InputError, Problem

MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # far above any real survey or catalog workbook
MAX_RATIO = 200  # XML compresses well, but not 200:1 at these sizes
RATIO_FLOOR_BYTES = 16 * 1024 * 1024  # small parts may compress as they like


def check_xlsx(path: Path) -> None:
    """Raise ``InputError`` when ``path`` is not a zip archive or would unpack too large."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            f"{path.name}: not an Excel workbook",
            [
                Problem(
                    f"cannot open as .xlsx ({exc})",
                    file=str(path),
                    hint="save it from Excel or LibreOffice as .xlsx",
                )
            ],
        ) from exc
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            f"{path.name}: refusing to read a workbook that unpacks to {total:,} bytes",
            [
                Problem(
                    f"more than {MAX_UNPACKED_BYTES:,} bytes when unpacked",
                    file=str(path),
                    hint="remove unrelated sheets or split the file",
                )
            ],
        )
    for member in members:
        if member.file_size > RATIO_FLOOR_BYTES and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise InputError(
                f"{path.name}: refusing to read part {member.filename!r}: it would unpack "
                f"{member.file_size // max(member.compress_size, 1):,} times larger than stored",
                [
                    Problem(
                        "suspected zip bomb",
                        file=str(path),
                        cell=member.filename,
                        hint="if the file is genuine, open and save it again in Excel",
                    )
                ],
            )


# A cell reference past column AZ or on row 1,000,000 or below. Spreadsheet readers that build
# a dense grid (python-calamine) allocate rows x columns up to the farthest cell: one stray
# value at XFD1048576 in a few-kilobyte file asks for hundreds of gigabytes and aborts the process.
# Literal-first patterns (no look-behind), so the scan runs at memory speed; the attribute name
# is checked on each hit.
_FAR_CELL = (re.compile(rb'r="(?:(?:[B-Z][A-Z]|[A-Z]{3})[0-9]|[A-Z]{0,3}[0-9]{7})'),
             re.compile(rb"r='(?:(?:[B-Z][A-Z]|[A-Z]{3})[0-9]|[A-Z]{0,3}[0-9]{7})"))
_CHUNK = 1 << 22
MAX_COLUMN = "AZ"  # O*NET tables and catalogs are far narrower
MAX_ROW = 999_999


def check_far_cells(data: bytes, where: str) -> None:
    """Raise ``InputError`` when a worksheet of the .xlsx ``data`` reaches past column
    ``MAX_COLUMN`` or row ``MAX_ROW``, before a dense-grid reader sees it (streamed, bounded).

    Both ways of getting there are caught: a cell whose reference says so (``r="XFD1048576"``),
    and rows or cells written without a reference, which a reader places one after another
    (Excel never writes them, a hostile generator may: 10,000 bare rows under one row of 1,000
    bare cells is a 6-kilobyte file that a dense reader grows to 10 million cells)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # not a zip: the reader reports it as unreadable
    with archive:
        for member in archive.infolist():
            name = member.filename
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            extent = _GridExtent()
            carry = pending = b""
            with archive.open(member) as handle:
                while chunk := handle.read(_CHUNK):
                    part = carry + chunk
                    ref = _far_reference(part)
                    if ref:
                        raise _far_error(where, name, ref)
                    carry = part[-32:]
                    # follow up to the last "<" near the end; an element cut there is read next time
                    buffer = pending + chunk
                    cut = buffer.rfind(b"<", max(0, len(buffer) - 64))
                    cut = len(buffer) if cut < 0 else cut
                    _raise_if_far(extent.feed(buffer[:cut]), where, name)
                    pending = buffer[cut:]
                _raise_if_far(extent.feed(pending), where, name)


def _raise_if_far(ref: str, where: str, sheet_part: str) -> None:
    if ref:
        raise _far_error(where, sheet_part, ref)


def _far_error(where: str, sheet_part: str, ref: str) -> InputError:
    return InputError(
        f"{where}: a value sits far outside any table ({ref} of {sheet_part}).",
        [Problem("cell far outside the table", file=where, cell=ref,
                 hint="delete the stray cell (Ctrl+End shows it) and save again, "
                      "or use the release's text files")],
    )


_MAX_COLUMN_NUMBER = 52  # AZ
# Excel and every common writer put r first: then a row or cell element without " r=" right
# after its name, or one with a namespace prefix, is the rare case worth following element by
# element (a plain bytes scan settles the common case at memory speed).
_UNUSUAL = re.compile(rb"<(?:c|row)(?! r=)[\s/>]")
_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)")
_R_VALUE = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]*)([0-9]*)["']""")
_LAST_ROW_REF = re.compile(rb'<row r="([0-9]+)"')
_LAST_CELL_REF = re.compile(rb'<c r="([A-Z]+)[0-9]*"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


class _GridExtent:
    """Where a dense reader puts each row and cell of a worksheet part fed in pieces: a row or
    cell with a reference goes there, one without goes right after the previous one."""

    def __init__(self) -> None:
        self.row = 0
        self.column = 0

    def feed(self, part: bytes) -> str:
        """The first place past row ``MAX_ROW`` or column ``MAX_COLUMN`` reached, or ""."""
        if not _UNUSUAL.search(part) and b":c" not in part and b":row" not in part:
            self._follow_references(part)
            return ""
        for found in _ELEMENT.finditer(part):
            r = _R_VALUE.search(found.group(2))
            if found.group(1) == b"row":
                self.row = int(r.group(2)) if r and r.group(2) else self.row + 1
                self.column = 0
                if self.row > MAX_ROW:
                    return f"row {self.row:,}"
            else:
                self.column = _column_number(r.group(1)) if r and r.group(1) else self.column + 1
                if self.column > _MAX_COLUMN_NUMBER:
                    return f"column {self.column:,} of row {max(self.row, 1):,}"
        return ""

    def _follow_references(self, part: bytes) -> None:
        """Every element here carries its reference: only the last row and cell matter."""
        row_at = part.rfind(b"<row ")
        if row_at >= 0:
            found = _LAST_ROW_REF.match(part, row_at)
            self.row = int(found.group(1)) if found else self.row + 1
            self.column = 0
        cell_at = part.rfind(b"<c r=")
        if cell_at > row_at:
            found = _LAST_CELL_REF.match(part, cell_at)
            self.column = _column_number(found.group(1)) if found else self.column


def _far_reference(part: bytes) -> str:
    for pattern in _FAR_CELL:
        if pattern is _FAR_CELL[1] and b"r='" not in part:
            continue
        found = pattern.search(part)
        while found:
            start = found.start()
            if start == 0 or part[start - 1 : start].isspace():  # the r attribute, not "...r="
                end = part.find(part[start + 2 : start + 3], start + 3)
                ref = part[start + 3 : end if end > 0 else start + 20].decode("ascii", "replace")
                return f"row {int(ref):,}" if ref.isdigit() else f"cell {ref}"
            found = pattern.search(part, found.end())
    return ""
