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
    """Raise ``InputError`` when a worksheet of the .xlsx ``data`` has a cell past column
    ``MAX_COLUMN`` or row ``MAX_ROW``, before a dense-grid reader sees it (streamed, bounded).

    Cells written without a reference (never by Excel) are not seen by this check."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # not a zip: the reader reports it as unreadable
    with archive:
        for member in archive.infolist():
            name = member.filename
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            carry = b""
            with archive.open(member) as handle:
                while chunk := handle.read(_CHUNK):
                    part = carry + chunk
                    ref = _far_reference(part)
                    if ref:
                        raise InputError(
                            f"{where}: a value sits far outside any table ({ref} of {name}).",
                            [Problem("cell far outside the table", file=where, cell=ref,
                                     hint="delete the stray cell (Ctrl+End shows it) and save again, "
                                          "or use the release's text files")],
                        )
                    carry = part[-32:]


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
