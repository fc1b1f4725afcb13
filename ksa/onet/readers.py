"""Low-level readers: where a release's files are (folder or zip) and how one file becomes a
DataFrame of strings with canonical columns.

Text edition: tab-separated, no quoting (a literal ``"`` occurs), CRLF or LF, maybe no final
newline, utf-8 (cp1252 accepted with a notice), ``n/a`` = missing. Every value stays a string
(``51-9161.00``, the element name ``None``); the text edition's ``n/a`` becomes ``""``, which is
what the Excel edition holds in the same cells. Regular files are read by pandas' C parser
(about as fast as a plain ``read_csv``); a file with a row of the wrong width, a blank line or a
lone carriage return is read again line by line, which names every bad line. Excel edition: first sheet, read with
python-calamine; numbers come back as floats and are printed the way the text edition prints
them (:data:`ksa.onet.aliases.NUMBER_FORMATS`), so both editions give identical tables.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import cast

import numpy as np
import pandas as pd

from ksa.errors import InputError, Problem, ReleaseError
from ksa.onet import aliases
from ksa.xlsx_guard import check_far_cells

log = logging.getLogger("ksa.onet.readers")

#: Cap on the total uncompressed size of a release archive (zip bombs).
MAX_ARCHIVE_BYTES = 2 * 1024**3
#: Caps on one table (a real O*NET file has < 300k rows and < 20 columns).
MAX_ROWS = 2_000_000
MAX_COLUMNS = 200

TABLE_SUFFIXES = (".txt", ".xlsx")


@dataclass(frozen=True)
class FileRef:
    """One table file of a release: where it is and how to read its bytes."""

    stem: str  # file name without suffix, as found ("Software Skills")
    suffix: str  # ".txt" or ".xlsx"
    location: Path | str  # Path for folders, "archive.zip!member" for archives
    read: Callable[[], bytes] = field(compare=False, repr=False)

    @property
    def name(self) -> str:
        return f"{self.stem}{self.suffix}"


def folder_files(folder: Path) -> list[FileRef]:
    """Table files directly in ``folder`` (``*.txt``, ``*.xlsx``; Excel lock files skipped)."""
    refs: list[FileRef] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(("~$", ".")):
            continue
        if path.suffix.lower() in TABLE_SUFFIXES:
            refs.append(FileRef(path.stem, path.suffix.lower(), path, path.read_bytes))
    return refs


def _check_member_name(archive: Path, name: str) -> None:
    pure = PurePosixPath(name.replace("\\", "/"))
    if name.startswith(("/", "\\")) or pure.is_absolute() or ".." in pure.parts or (
        len(name) > 1 and name[1] == ":"
    ):
        raise ReleaseError(
            f"Refusing O*NET archive {archive}: member {name!r} has an absolute path or '..'.",
            [Problem("unsafe archive member path", file=str(archive), value=name,
                     hint="use the archive as downloaded from onetcenter.org")],
        )


def zip_files(archive: Path, ignored: list[str] | None = None) -> list[FileRef]:
    """Table files of a release archive, read directly from the zip (nothing is extracted).

    Members may sit in one top folder (``db_29_3_text/Knowledge.txt``): the folder holding
    ``Occupation Data`` is the release root, otherwise the shallowest folder with tables.
    Table files elsewhere are not read; their names are appended to ``ignored``.
    Refuses members with absolute paths or ``..`` and archives whose members add up to more
    than :data:`MAX_ARCHIVE_BYTES` uncompressed.
    """
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReleaseError(
            f"{archive} is not a readable zip archive: {exc}",
            [Problem("not a zip archive", file=str(archive))],
        ) from exc
    with zf:
        infos = zf.infolist()
    total = 0
    for info in infos:
        _check_member_name(archive, info.filename)
        total += info.file_size
    if total > MAX_ARCHIVE_BYTES:
        raise ReleaseError(
            f"Refusing O*NET archive {archive}: {total:,} bytes uncompressed exceeds the "
            f"{MAX_ARCHIVE_BYTES:,}-byte cap.",
            [Problem("archive too large when uncompressed", file=str(archive), value=total)],
        )
    tables = [
        i for i in infos
        if not i.is_dir() and PurePosixPath(i.filename).suffix.lower() in TABLE_SUFFIXES
        and not PurePosixPath(i.filename).name.startswith(("~$", "."))
        and "__MACOSX" not in PurePosixPath(i.filename).parts
    ]
    parents = {str(PurePosixPath(i.filename).parent) for i in tables}
    root: str | None = None
    for i in tables:
        p = PurePosixPath(i.filename)
        if aliases.canonical_domain(p.stem) == aliases.OCCUPATION_DATA:
            root = str(p.parent)
            break
    if root is None and parents:
        root = min(parents, key=lambda s: (len(PurePosixPath(s).parts), s))
    refs: list[FileRef] = []
    for i in sorted(tables, key=lambda i: i.filename):
        p = PurePosixPath(i.filename)
        if str(p.parent) != root:
            if ignored is not None:
                ignored.append(i.filename)
            continue

        def read(member: str = i.filename, size: int = i.file_size) -> bytes:
            try:
                with zipfile.ZipFile(archive) as z, z.open(member) as fh:
                    data = fh.read(size + 1)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                raise ReleaseError(
                    f"Archive member {member} of {archive} cannot be read ({exc}): the archive "
                    "is corrupt or truncated.",
                    [Problem(f"corrupt archive member: {exc}", file=f"{archive}!{member}",
                             hint="download the release again")]) from exc
            if len(data) > size:
                raise ReleaseError(
                    f"Archive member {member} of {archive} is larger than it declares.",
                    [Problem("member size mismatch", file=str(archive), value=member)],
                )
            return data

        refs.append(FileRef(p.stem, p.suffix.lower(), f"{archive}!{i.filename}", read))
    return refs


def read_readme(location: Path) -> str | None:
    """The text of ``Read Me.txt`` in a folder or archive root, if there is one."""
    if location.is_dir():
        for path in location.iterdir():
            if path.is_file() and aliases.canonical_domain(path.stem).lower() in aliases.NOT_TABLES:
                return _decode(path.read_bytes(), str(path))[0]
        return None
    try:
        with zipfile.ZipFile(location) as zf:
            for info in zf.infolist():
                p = PurePosixPath(info.filename)
                if p.stem.lower() in aliases.NOT_TABLES and info.file_size < 1_000_000:
                    _check_member_name(location, info.filename)
                    return _decode(zf.read(info), f"{location}!{info.filename}")[0]
    except zipfile.BadZipFile:
        return None
    return None


def _decode(data: bytes, where: str) -> tuple[str, str | None]:
    """utf-8 (BOM tolerated); cp1252 as a fallback, with a notice."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        notice = f"{where} is not valid UTF-8; read as Windows-1252 (cp1252)."
        try:
            text = data.decode("cp1252", errors="strict")
        except UnicodeDecodeError as exc:
            raise ReleaseError(
                f"{where} is neither UTF-8 nor Windows-1252 text (byte {exc.start:,}): not an "
                "O*NET text file, or a corrupt one.",
                [Problem("undecodable text file", file=where, cell=f"byte {exc.start}",
                         value=data[exc.start:exc.start + 8].hex(),
                         hint="re-download the release")]) from exc
        log.warning(notice)
        return text, notice


def _bad_file(ref: FileRef, message: str, line: int | None, value: object = None,
              hint: str = "") -> ReleaseError:
    cell = f"line {line}" if line is not None else None
    where = f"{ref.location}" + (f", line {line}" if line is not None else "")
    return ReleaseError(
        f"Broken O*NET file {where}: {message}",
        [Problem(message, file=str(ref.location), cell=cell, value=value,
                 hint=hint or "re-download the release; the file looks truncated or edited")],
    )


class _Irregular(Exception):
    """The fast reader met something it does not vouch for (a row of the wrong width, a lone
    carriage return, a blank line): the line-by-line reader decides and reports."""


def parse_text(ref: FileRef, domain: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Read one tab-separated text-edition file. Returns (table, notices).

    Regular files are read by pandas' C parser (tab, no quoting, every value a string, nothing
    turned into NaN). A file it cannot vouch for is read again line by line, which reports every
    row of the wrong width with its line number (or, for a blank last line, reads it as before).
    """
    data = ref.read()
    text, notice = _decode(data, str(ref.location))
    if notice is not None or data.startswith(b"\xef\xbb\xbf"):
        data = text.encode("utf-8")  # the C parser reads utf-8 bytes; BOM gone
    if not text.strip():
        raise _bad_file(ref, "the file is empty (no header line)", 1)
    first_line, _, _ = text.partition("\n")
    header = [c.strip() for c in first_line.rstrip("\r").split("\t")]
    if len(header) > MAX_COLUMNS:
        raise _bad_file(ref, f"too large ({len(header)} columns)", 1)
    try:
        columns = _fast_columns(data, len(header))
    except _Irregular as why:
        log.debug("%s: read line by line (%s)", ref.location, why)
        columns = _line_columns(ref, text, header)
    if len(columns[0]) > MAX_ROWS:
        raise _bad_file(ref, f"too large ({len(header)} columns, more than {MAX_ROWS:,} rows)", 1)
    frame = _string_frame(header, columns, missing_marker=aliases.TEXT_MISSING.encode() in data)
    return _canonicalize(frame, ref, domain), (notice,) if notice else ()


def _fast_columns(data: bytes, width: int) -> list[np.ndarray]:
    """The body of a regular file as one object array of str per column (raises _Irregular).

    A long row makes the C parser fail (or, as the first row, makes an implicit index); a short
    row is padded with "" at the end, so a file whose last column holds no "" has none, and one
    that does is checked by counting tabs (every line of a regular file has width - 1)."""
    if width < 2:
        raise _Irregular("one column: nothing to count")
    has_cr = b"\r" in data
    if has_cr and data.count(b"\r") != data.count(b"\r\n"):
        raise _Irregular("lone carriage return")
    try:
        frame = pd.read_csv(
            io.BytesIO(data), sep="\t", quoting=csv.QUOTE_NONE, dtype=object,
            keep_default_na=False, na_filter=False, engine="c", header=0,
            skip_blank_lines=False, lineterminator="\n" if has_cr else None,
            nrows=MAX_ROWS + 1, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise _Irregular(str(exc)) from exc
    if not isinstance(frame.index, pd.RangeIndex) or frame.shape[1] != width:
        raise _Irregular("implicit index or header width mismatch")
    columns = [frame.iloc[:, i].to_numpy(dtype=object) for i in range(width)]
    if has_cr and len(frame):
        columns[-1] = _strip_cr(columns[-1])
    if len(frame) and (columns[-1] == "").any() and (
            data.count(b"\t") != (len(frame) + 1) * (width - 1)):
        raise _Irregular("short row or blank line")
    return columns


def _strip_cr(values: np.ndarray) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = [v.rstrip("\r") for v in values]
    return out


def _line_columns(ref: FileRef, text: str, header: list[str]) -> list[np.ndarray]:
    """Read the body line by line: every row of the wrong width is reported (up to 20) with
    its line number; a blank last line is ignored."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # final newline (absent in 30.1 files)
    if len(lines) - 1 > MAX_ROWS:
        raise _bad_file(ref, f"too large ({len(header)} columns, {len(lines) - 1} rows)", 1)
    width = len(header)
    rows: list[list[str]] = []
    problems: list[Problem] = []
    for number, raw in enumerate(lines[1:], start=2):
        cells = raw.rstrip("\r").split("\t")
        if len(cells) != width:
            if raw.strip() == "" and number == len(lines):
                continue
            problems.append(Problem(
                f"expected {width} tab-separated columns, found {len(cells)}",
                file=str(ref.location), cell=f"line {number}", value=raw[:80]))
            if len(problems) >= 20:
                break
            continue
        rows.append(cells)
    if problems:
        first = problems[0].cell
        raise ReleaseError(
            f"Broken O*NET file {ref.location}, {first}: wrong column count "
            f"({len(problems)} bad line(s) shown). Re-download the release; the file looks "
            "truncated or edited.",
            problems,
        )
    columns: list[np.ndarray] = []
    for i in range(width):
        column = np.empty(len(rows), dtype=object)
        column[:] = [row[i] for row in rows]
        columns.append(column)
    return columns


def _string_frame(header: list[str], columns: list[np.ndarray], *,
                  missing_marker: bool = True) -> pd.DataFrame:
    """A DataFrame of str columns named ``header`` (duplicates kept for the caller to report);
    the text edition's ``n/a`` becomes ``""``, as the Excel edition's empty cell
    (``missing_marker=False``: the file has no ``n/a`` anywhere, nothing to look for)."""
    cleaned: dict[int, np.ndarray] = {}
    for i, values in enumerate(columns):
        if not missing_marker:
            cleaned[i] = values
            continue
        missing = values == aliases.TEXT_MISSING
        if missing.any():
            values = values.copy()
            values[missing] = ""
        cleaned[i] = values
    frame = pd.DataFrame(cleaned, dtype=str)
    frame.columns = pd.Index(header)
    return frame


def _format_number(column: str, value: float) -> str:
    fmt = aliases.NUMBER_FORMATS.get(column)
    if fmt:
        return fmt.format(value)
    if value.is_integer():
        return str(int(value))
    return f"{value:.15g}"


def _cell_text(column: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, int):
        return _format_number(column, float(value))
    if isinstance(value, float):
        return _format_number(column, value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def parse_excel(ref: FileRef, domain: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Read the first sheet of one Excel-edition workbook with python-calamine (values only,
    formulas never evaluated)."""
    from python_calamine import CalamineWorkbook

    data = ref.read()
    try:
        check_far_cells(data, str(ref.location))
    except InputError as exc:
        raise ReleaseError(exc.message, exc.problems) from exc
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = book.get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 2)
    except ReleaseError:
        raise
    except Exception as exc:  # calamine raises its own error types for corrupt workbooks
        raise _bad_file(ref, f"not a readable workbook ({exc})", None) from exc
    while rows and all(v in ("", None) for v in rows[-1]):
        rows.pop()
    if not rows:
        raise _bad_file(ref, "the sheet is empty (no header row)", 1)
    if len(rows) - 1 > MAX_ROWS:
        raise _bad_file(ref, f"more than {MAX_ROWS:,} rows", None)
    header = [str(c).strip() for c in rows[0]]
    while header and header[-1] == "":
        header.pop()
    if len(header) > MAX_COLUMNS:
        raise _bad_file(ref, f"{len(header)} columns (cap {MAX_COLUMNS})", 1)
    if len(set(header)) != len(header):
        dupes = sorted({c for c in header if header.count(c) > 1})
        raise _bad_file(ref, f"duplicate header columns {dupes}", 1)
    width = len(header)
    problems: list[Problem] = []
    if any(len(raw) > width for raw in rows):
        for number, raw in enumerate(rows[1:], start=2):
            extra = [v for v in raw[width:] if v not in ("", None)]
            if extra:
                problems.append(Problem(
                    f"values beyond the {width} header columns", file=str(ref.location),
                    cell=f"row {number}", value=extra[:3]))
    if problems:
        raise ReleaseError(
            f"Broken O*NET file {ref.location}, {problems[0].cell}: values outside the header "
            "columns. Re-download the release.", problems[:20])
    body = [list(raw[:width]) + [""] * (width - len(raw)) if len(raw) != width else raw
            for raw in rows[1:]]
    columns: dict[str, list[str]] = {}
    for i, name in enumerate(header):
        raw_values: list[object] = [row[i] for row in body]
        if all(type(v) is str for v in raw_values):
            columns[name] = cast("list[str]", raw_values)
        else:
            columns[name] = [_cell_text(name, v) for v in raw_values]
    frame = pd.DataFrame(columns, columns=header, dtype=str)
    return _canonicalize(frame, ref, domain), ()


def _canonicalize(frame: pd.DataFrame, ref: FileRef, domain: str) -> pd.DataFrame:
    columns = aliases.canonical_columns(domain, [str(c) for c in frame.columns])
    if len(set(columns)) != len(columns):
        dupes = sorted({c for c in columns if columns.count(c) > 1})
        raise _bad_file(ref, f"duplicate header columns {dupes}", 1)
    frame.columns = pd.Index(columns)
    drop = aliases.dropped_columns(domain, columns)
    if drop:
        frame = frame.drop(columns=sorted(drop))
    required = aliases.REQUIRED_COLUMNS.get(domain, ())
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise _bad_file(
            ref, f"header lacks column(s) {', '.join(missing)} (found: "
            f"{', '.join(str(c) for c in frame.columns)})", 1, value=missing)
    if aliases.CODE in frame.columns and len(frame):
        codes = frame[aliases.CODE]
        blank = [c for c in set(codes.tolist()) if not c.strip()]  # ~1,000 distinct codes
        if blank:
            empty = frame.index[codes.isin(blank).to_numpy()]
            line = int(empty[0]) + 2
            raise _bad_file(ref, f"{len(empty)} row(s) without an {aliases.CODE}", line)
    return frame.reset_index(drop=True)


def parse_table(ref: FileRef, domain: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Read ``ref`` by its suffix."""
    if ref.suffix == ".xlsx":
        return parse_excel(ref, domain)
    return parse_text(ref, domain)
