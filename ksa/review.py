"""Read the crosswalk workbook's ``Match review`` sheet back into review-ledger decisions.

Layout (written by ``ksa.workbook``): row 1 is exactly
``Key | Domain | Item | School | Grade level | Course code | Course title | Score | Status |
Decision | Reviewer | Note``; one row per candidate course, then blank rows where a person adds a
course (Key or Item, School, Grade level, Course title, Decision "add"). A blank Decision means
no decision. Every problem is reported with its cell, all at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ksa.errors import InputError, Problem, SchemaError
from ksa.ledger import Action, Decision, Ledger, RecordResult
from ksa.xlsx_guard import check_xlsx

SHEET = "Match review"
HEADER = ("Key", "Domain", "Item", "School", "Grade level", "Course code", "Course title", "Score",
          "Status", "Decision", "Reviewer", "Note")
MAX_ROWS = 200_000
_COL = {name: index for index, name in enumerate(HEADER)}
_LETTER = {name: chr(ord("A") + index) for index, name in enumerate(HEADER)}
_SPELLINGS: dict[str, Action] = {
    "accept": "accept", "accepted": "accept", "yes": "accept", "y": "accept",
    "reject": "reject", "rejected": "reject", "no": "reject", "n": "reject",
    "add": "add", "added": "add",
}


@dataclass(frozen=True)
class SheetDecision:
    decision: Decision
    row: int


META_SHEET = "_ksa_meta"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _open_rows(path: Path) -> list[tuple[object, ...]]:
    if not path.is_file():
        raise InputError(f"Review workbook not found: {path}",
                         [Problem("no such file", file=str(path), hint="give the crosswalk .xlsx")])
    check_xlsx(path)  # a returned workbook is untrusted: refuse zip bombs before unpacking
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError) as exc:
        raise InputError(f"{path} is not an .xlsx workbook: {exc}",
                         [Problem("not a workbook", file=str(path), hint="give the crosswalk .xlsx")]) from exc
    try:
        if SHEET not in book.sheetnames:
            raise SchemaError(
                f"{path} has no '{SHEET}' sheet.",
                [Problem(f"sheets found: {', '.join(book.sheetnames)}", file=str(path),
                         hint="give the crosswalk workbook written by `ksa crosswalk`")],
            )
        sheet = book[SHEET]
        rows: list[tuple[object, ...]] = []
        for row in sheet.iter_rows(values_only=True, max_col=len(HEADER)):
            rows.append(tuple(row))
            if len(rows) > MAX_ROWS:
                raise InputError(f"{path}: sheet '{SHEET}' has more than {MAX_ROWS} rows.",
                                 [Problem("too many rows", file=str(path), sheet=SHEET)])
        return rows
    finally:
        book.close()


def _read(path: Path) -> list[SheetDecision]:
    path = Path(path)
    rows = _open_rows(path)
    header = tuple(_text(v) for v in (rows[0] if rows else ()))
    header = header + ("",) * (len(HEADER) - len(header))
    if header[: len(HEADER)] != HEADER:
        wrong = [
            Problem(f"header should be {want!r}", file=str(path), sheet=SHEET, cell=f"{_LETTER[want]}1",
                    value=got or None, hint="do not rename, move or delete review columns")
            for want, got in zip(HEADER, header, strict=False) if got != want
        ]
        raise SchemaError(f"{path}: the '{SHEET}' header is not the expected layout.", wrong)

    cells = [tuple(_text(v) for v in row) + ("",) * (len(HEADER) - len(row)) for row in rows[1:]]
    item_keys: dict[str, str] = {}
    for row in cells:
        if row[_COL["Key"]] and row[_COL["Item"]]:
            item_keys.setdefault(row[_COL["Item"]].casefold(), row[_COL["Key"]])

    problems: list[Problem] = []
    out: list[SheetDecision] = []
    for number, row in enumerate(cells, start=2):
        raw = row[_COL["Decision"]]
        if not raw:
            continue

        def problem(column: str, message: str, value: str | None, hint: str = "", n: int = number) -> None:
            problems.append(Problem(message, file=str(path), sheet=SHEET, cell=f"{_LETTER[column]}{n}",
                                    value=value, hint=hint))

        action = _SPELLINGS.get(raw.casefold())
        if action is None:
            problem("Decision", "not a decision", raw, "use accept, reject or add (or leave blank)")
            continue
        key = row[_COL["Key"]]
        if not key:
            item = row[_COL["Item"]]
            key = item_keys.get(item.casefold(), "") if item else ""
            if not key:
                problem("Key" if not item else "Item",
                        "no Key, and the Item matches no item of this sheet" if item else "no Key or Item",
                        item or None, "copy the Key (or the exact Item text) from a row above")
                continue
        title = row[_COL["Course title"]]
        if not title:
            problem("Course title", f"'{action}' without a course title", None,
                    "type the course title as the catalog writes it")
            continue
        school = row[_COL["School"]]
        if not school:
            problem("School", f"'{action}' without a school", None, "type the school's name")
            continue
        out.append(SheetDecision(
            Decision(key=key, school=school, grade_level=row[_COL["Grade level"]], course_title=title,
                     action=action, course_code=row[_COL["Course code"]],
                     who=row[_COL["Reviewer"]], note=row[_COL["Note"]]),
            number,
        ))
    if problems:
        raise InputError(f"{path}: the '{SHEET}' sheet has {len(problems)} problem(s); nothing was recorded.",
                         problems)
    return out


def read_review_sheet(path: Path) -> list[Decision]:
    """The decisions in a crosswalk workbook's ``Match review`` sheet (rows without one skipped)."""
    return [d.decision for d in _read(Path(path))]


def workbook_keys(path: Path) -> set[str] | None:
    """The item ids and need keys a crosswalk workbook was written for (its hidden
    ``_ksa_meta`` sheet); None for a workbook without one (written by hand or by an old version)."""
    check_xlsx(path)
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        if META_SHEET not in book.sheetnames:
            return None
        keys: set[str] = set()
        for count, row in enumerate(book[META_SHEET].iter_rows(values_only=True, max_col=2)):
            if count > MAX_ROWS:
                break
            if row and row[0] == "key" and len(row) > 1 and row[1]:
                keys.add(_text(row[1]))
        return keys
    finally:
        book.close()


def apply_review(path: Path, ledger: Ledger, known_keys: set[str] | None = None) -> RecordResult:
    """Record a reviewed sheet's decisions in ``ledger``; unknown keys refuse the whole sheet.

    Without ``known_keys`` the keys the workbook itself was written for are used, when it says.
    """
    path = Path(path)
    decisions = _read(path)
    if known_keys is None:
        known_keys = workbook_keys(path)
    if known_keys is not None:
        unknown = [
            Problem("unknown key: not an item or additional need of this panel", file=str(path), sheet=SHEET,
                    cell=f"A{d.row}", value=d.decision.key, hint="copy the Key from a candidate row")
            for d in decisions if d.decision.key not in known_keys
        ]
        if unknown:
            raise InputError(f"{path}: {len(unknown)} decision(s) name unknown keys; nothing was recorded.",
                             unknown)
    return ledger.record([d.decision for d in decisions])
