"""The one place workbooks (and other outputs) are written: atomically, never over a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from openpyxl import Workbook

from ksa.errors import OutputError


def write_atomic(
    path: Path, write: Callable[[IO[bytes]], None], *, overwrite: bool = False
) -> Path:
    """Write to a temporary file beside ``path`` and rename it into place.

    A crash leaves either no file or the complete file. Without ``overwrite`` an existing file
    is an ``OutputError`` (callers put a timestamp in names so runs never collide).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"Cannot create output folder {path.parent}: {exc.strerror}") from exc
    if path.exists() and not overwrite:
        raise OutputError(
            f"{path} exists already; outputs are never overwritten. Remove it or pick another name."
        )
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if path appeared meanwhile: no silent overwrite
            except FileExistsError as exc:
                raise OutputError(f"{path} appeared while writing; not overwritten.") from exc
            except OSError:
                if path.exists():
                    raise OutputError(f"{path} exists already; not overwritten.") from None
                os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path.resolve()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_workbook(workbook: Workbook, path: Path, *, overwrite: bool = False) -> Path:
    """Save an openpyxl workbook atomically; returns the absolute path."""
    return write_atomic(path, workbook.save, overwrite=overwrite)


def save_text(text: str, path: Path, *, overwrite: bool = False) -> Path:
    """Save UTF-8 text (JSON sidecars, CSV, markdown) atomically."""
    data = text.encode("utf-8")

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write_atomic(path, write, overwrite=overwrite)
