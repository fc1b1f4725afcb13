"""Checks an untrusted .xlsx before any XML in it is parsed.

An .xlsx is a zip archive: a few kilobytes can unpack to gigabytes (a zip bomb). openpyxl reads
the XML parts with defusedxml (entity expansion refused), but it would still inflate whatever the
archive holds, so the sizes the archive declares are checked first.
"""

from __future__ import annotations

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
