"""Course catalogs: read the region's catalogs (CSV/TSV/XLSX) into ``Course`` rows.

``load_catalogs(panel.catalogs)`` maps header aliases (``ksa.catalog_columns``), fills school and
grade level from the panel when a file has no such column (or from an IPEDS id column), skips
rows that are not courses (each reason counted and reported, never silently), and merges exact
duplicates (counted). CSV files are streamed row by row.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ksa.catalog_columns import ColumnMap, accepted_title_headers, map_columns
from ksa.catalog_departments import infer_departments
from ksa.catalog_programs import apply_departments, read_departments
from ksa.catalog_read import (
    FALLBACK_ENCODING,
    SPREADSHEET_SUFFIXES,
    RestartNeeded,
    Table,
    detect_encoding,
    iter_tables,
    read_head,
)
from ksa.catalog_sced import sced_area
from ksa.errors import InputError, MissingColumnError, Problem
from ksa.model import Course, Issue
from ksa.panel import CatalogSpec

log = logging.getLogger("ksa.catalog")

HEADER_SEARCH_ROWS = 10
MAX_LISTED_PROBLEMS = 50

# IPEDS unit ids of the colleges in the bundled catalogs (used when a file names no school).
IPEDS_SCHOOLS: dict[str, str] = {
    "141565": "University of Hawaii at Hilo",
    "141574": "University of Hawaii at Manoa",
    "141680": "Honolulu Community College",
    "141796": "Kapiolani Community College",
    "141802": "Kauai Community College",
    "141811": "Leeward Community College",
    "141839": "University of Hawaii Maui College",
    "141981": "University of Hawaii-West Oahu",
    "141990": "Windward Community College",
    "383190": "Hawaii Community College",
}

SKIP_BLANK = "blank row"
SKIP_NO_TITLE = "no course title"
SKIP_EMPLOYABILITY = "employability-skills rating (codes ES01-ES14), not a course"
SKIP_HEADER = "repeated header row"
SKIP_DELETED = "course marked deleted in the catalog (title such as ***Delete***, or description \"Deleted.\")"
SKIP_DUPLICATE = "duplicate of an earlier row (merged)"
SKIP_PLACEHOLDER = "placeholder row, not a course (title such as \"For Testing Purposes Only\" or \"Test Course\")"


@dataclass(frozen=True)
class CatalogLoad:
    courses: tuple[Course, ...]
    issues: tuple[Issue, ...] = ()
    skipped: dict[str, int] = field(default_factory=dict)


@dataclass
class _FileResult:
    courses: list[Course] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    notes: list[Issue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def skip(self, reason: str, row: str) -> None:
        """Count a skipped row; ``row`` is its place (``12``, or ``Sheet2!12`` in a workbook)."""
        self.skipped[reason] += 1
        self.examples.setdefault(reason, [])
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(row)


def load_catalogs(specs: Sequence[CatalogSpec]) -> CatalogLoad:
    """Every course of every catalog; all bad-input problems of all files in one ``InputError``."""
    courses: list[Course] = []
    issues: list[Issue] = []
    skipped: Counter[str] = Counter()
    problems: list[Problem] = []
    seen: set[tuple[str, str, str, str]] = set()
    missing_column = False
    for spec in specs:
        try:
            result = _read_file(spec)
        except InputError as exc:
            missing_column = missing_column or isinstance(exc, MissingColumnError)
            problems.extend(exc.problems or [Problem(exc.message, file=str(spec.path))])
            continue
        problems.extend(result.problems)
        if spec.departments is not None:
            departments = read_departments(spec.departments)
            problems.extend(departments.problems)
            result.courses, named = apply_departments(result.courses, departments)
            issues.append(Issue(f"{named} course(s) take their program from {spec.departments.name}",
                                where=spec.path.name, level="info"))
        for course in result.courses:
            key = _course_key(course)
            if key in seen:
                result.skip(SKIP_DUPLICATE, _row_of(course))
                continue
            seen.add(key)
            courses.append(course)
        issues.extend(result.notes)
        for reason, count in sorted(result.skipped.items()):
            rows = ", ".join(result.examples.get(reason, []))
            more = " ..." if count > len(result.examples.get(reason, [])) else ""
            issues.append(Issue(
                f"{count} row(s) skipped: {reason}",
                where=f"{spec.path.name} rows {rows}{more}",
                level="info" if reason in (SKIP_BLANK, SKIP_DUPLICATE) else "warning",
            ))
            skipped[reason] += count
    if problems:
        shown = problems[:MAX_LISTED_PROBLEMS]
        if len(problems) > len(shown):
            shown.append(Problem(f"... and {len(problems) - len(shown)} more problems like these"))
        error = MissingColumnError if missing_column else InputError
        raise error("Course catalogs have problems; fix them and run again.", shown)
    issues.extend(_department_notes(courses))
    log.info("loaded %d courses from %d catalog(s); skipped %s", len(courses), len(specs), dict(skipped))
    return CatalogLoad(courses=tuple(courses), issues=tuple(issues), skipped=dict(skipped))


def _department_notes(courses: Sequence[Course]) -> list[Issue]:
    """Say which departments the matcher will read as another field's (nothing silent)."""
    notes = []
    for d in infer_departments(courses):
        files = sorted({courses[i].source.rpartition(":")[0] for i in d.positions})
        if d.twin:
            which = (f"{d.prefix} courses at {d.school} are taken as one field's ({', '.join(d.words)}, as "
                     f"{d.twin}'s: {d.naming} of their titles are {d.twin} courses' titles)")
        elif d.whole:
            which = (f"{d.prefix} courses at {d.school} are taken as one field's ({', '.join(d.words)}: "
                     f"{d.naming} of {len(d.positions)} titles)")
        else:
            which = (f"{d.prefix} courses at {d.school} whose titles name {', '.join(d.words)} "
                     f"({d.naming}) are taken as that field's (the department holds several trades)")
        notes.append(Issue(
            f"{which}: other occupations get them only as that field's courses; a Program column in "
            "the catalog overrides this",
            where=", ".join(files), level="info",
        ))
    return notes


def _course_key(course: Course) -> tuple[str, str, str, str]:
    return (
        course.school.casefold().strip(),
        course.grade_level.casefold().strip(),
        course.course_code.casefold().replace(" ", ""),
        " ".join(course.course_title.casefold().split()),
    )


def _row_of(course: Course) -> str:
    """``file:12`` -> ``12``; ``file[Sheet2]:12`` -> ``Sheet2!12``."""
    place, _, row = course.source.rpartition(":")
    if place.endswith("]") and "[" in place:
        return f"{place[place.rindex('[') + 1:-1]}!{row}"
    return row


def _read_file(spec: CatalogSpec) -> _FileResult:
    try:
        result = _read_rows(spec, spec.encoding)
        if spec.encoding is None and spec.path.suffix.lower() not in SPREADSHEET_SUFFIXES:
            sniffed = detect_encoding(read_head(spec.path))
            if sniffed == FALLBACK_ENCODING:
                result.notes.append(Issue(f"read as {sniffed} (not valid UTF-8)", where=spec.path.name,
                                          level="info"))
        return result
    except RestartNeeded as restart:
        log.info("%s is not UTF-8; reading it as %s", spec.path, restart.encoding)
        result = _read_rows(spec, restart.encoding)
        result.notes.append(Issue(f"read as {restart.encoding} (not valid UTF-8)", where=spec.path.name,
                                  level="info"))
        return result


def _where(path: Path, table: Table) -> str:
    return f"{path} sheet '{table.sheet}'" if table.many and table.sheet else str(path)


def _find_header(table: Table, path: Path) -> tuple[ColumnMap, list[str]] | None:
    """The header row's columns and cells; None for an empty table; ``MissingColumnError`` when
    the first rows hold no course-title column."""
    seen: list[list[str]] = []
    for _number, cells in table.rows:
        if not any(c.strip() for c in cells):
            continue
        columns = map_columns(cells)
        if columns is not None:
            return columns, cells
        seen.append(cells)
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    if not seen:
        return None
    found = [c for c in seen[0] if c.strip()]
    raise MissingColumnError(
        f"{_where(path, table)}: no course-title column.",
        [Problem(
            "no column holds course titles",
            file=str(path),
            sheet=table.sheet,
            cell="row 1",
            value=", ".join(found),
            hint=f"name the column one of: {accepted_title_headers()}",
        )],
    )


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    text = cells[index]
    if "&" in text and ";" in text:
        text = html.unescape(text)  # catalogs exported from web pages keep "&amp;"
    return " ".join(text.split())


def _read_rows(spec: CatalogSpec, encoding: str | None) -> _FileResult:
    """Every table of the file with a course-title header; a workbook's other sheets are noted."""
    path = spec.path
    result = _FileResult()
    refused: list[MissingColumnError] = []
    empty: list[str] = []
    read = 0
    for table in iter_tables(path, encoding):
        try:
            found = _find_header(table, path)
        except MissingColumnError as exc:
            refused.append(exc)
            continue
        if found is None:
            empty.append(table.sheet or path.name)
            continue
        _read_table(spec, table, *found, result)
        read += 1
    if not read:
        if refused:
            raise MissingColumnError(refused[0].message, [p for r in refused for p in r.problems])
        raise MissingColumnError(
            f"{path}: the file is empty.",
            [Problem("no rows", file=str(path), value="(empty file)",
                     hint="export the catalog again; a header row with a Course Title column comes first")],
        )
    for other in refused:
        problem = other.problems[0]
        result.notes.append(Issue(
            f"sheet '{problem.sheet}' not read: it has no course-title column (its first row: "
            f"{problem.value}); name the column one of: {accepted_title_headers()}",
            where=path.name, level="warning",
        ))
    if empty and read:
        result.notes.append(Issue(f"empty sheet(s) not read: {', '.join(empty)}", where=path.name, level="info"))
    return result


def _read_table(spec: CatalogSpec, table: Table, columns: ColumnMap, header: list[str],
                result: _FileResult) -> None:
    path = spec.path
    where = _where(path, table)
    place = f"{path.name}[{table.sheet}]" if table.many and table.sheet else path.name
    rows = table.rows
    has_code = columns.code is not None or columns.number is not None or columns.sced is not None
    if columns.school is None and not spec.school and columns.ipeds is None:
        raise MissingColumnError(
            f"{where}: no school for the courses.",
            [Problem("the file has no School/Institution/College column and the panel names no school "
                     "for it", file=str(path), sheet=table.sheet, value=", ".join(h for h in header if h.strip()),
                     hint='add school = "..." to this catalog in the panel (--school NAME for ksa '
                          'match), or a School column')],
        )
    if columns.grade_level is None and not spec.grade_level:
        result.notes.append(Issue(
            "no grade level: the file has no Grade level/Level/Award column and the panel gives none",
            where=place,
        ))
    if columns.school is None and not spec.school:
        result.notes.append(Issue(
            "school names taken from the IPEDS id column; if they are wrong, set school for this "
            "catalog in the panel", where=place, level="warning",
        ))
    header_keys = [h.strip().casefold() for h in header]
    prefix = f"{table.sheet}!" if table.many and table.sheet else ""
    for number, cells in rows:
        if not any(c.strip() for c in cells):
            result.skip(SKIP_BLANK, f"{prefix}{number}")
            continue
        if [c.strip().casefold() for c in cells[: len(header_keys)]] == header_keys:
            result.skip(SKIP_HEADER, f"{prefix}{number}")
            continue
        title = _cell(cells, columns.title)
        code = _code(cells, columns)
        if not title or not any(ch.isalnum() for ch in title):
            result.skip(SKIP_NO_TITLE, f"{prefix}{number}")
            continue
        if has_code and _is_employability_code(code):
            result.skip(SKIP_EMPLOYABILITY, f"{prefix}{number}")
            continue
        if _DELETED.match(title) or _DELETED.match(_cell(cells, columns.description)):
            result.skip(SKIP_DELETED, f"{prefix}{number}")
            continue
        if _PLACEHOLDER.match(title):
            result.skip(SKIP_PLACEHOLDER, f"{prefix}{number}")
            continue
        school = _cell(cells, columns.school) or (spec.school or "")
        if not school:
            ipeds = _cell(cells, columns.ipeds)
            school = IPEDS_SCHOOLS.get(ipeds, "")
            if not school:
                result.problems.append(Problem(
                    "no school for this course", file=str(path), sheet=table.sheet, cell=f"row {number}",
                    value=ipeds or None,
                    hint="fill the School column or set school for this catalog in the panel",
                ))
                continue
        area = sced_area(_cell(cells, columns.sced)) if columns.sced is not None else None
        if area is not None and not area.cip:
            area = None  # an academic area (Mathematics) serves every program: no context
        result.courses.append(Course(
            school=school,
            grade_level=_cell(cells, columns.grade_level) or (spec.grade_level or ""),
            course_code=code,
            course_title=title,
            description=" ".join(t for t in (_cell(cells, i) for i in (columns.description, *columns.outcomes)) if t),
            program=_cell(cells, columns.program) or (area.name if area else ""),
            cip=_cip(_cell(cells, columns.cip)) or (area.cip if area else ""),
            source=f"{place}:{number}",
        ))


def _code(cells: list[str], columns: ColumnMap) -> str:
    if columns.subject is not None and columns.number is not None:
        subject, number = _cell(cells, columns.subject), _cell(cells, columns.number)
        return f"{subject} {number}".strip()
    if columns.code is not None:
        return _cell(cells, columns.code)
    if columns.number is None and columns.sced is not None:
        return _cell(cells, columns.sced)
    return _cell(cells, columns.number)


# a catalog's own mark for a withdrawn course, its title or its whole description replaced by
# it: "***Delete***", "DELETED", "(do not use)"; the University of Hawaii's export keeps deleted
# courses with the description "Deleted."
_DELETED = re.compile(r"^\W*(?:delete|deleted|do not use|inactive)\W*$", re.IGNORECASE)
# a row a registrar keeps for trying the system out (Southeast's "RADT 0, For Testing Purposes
# Only!!!!"): the whole title says so, so "Software Testing" or "Test Prep" stay courses
_PLACEHOLDER = re.compile(
    r"^\W*(?:(?:for\s+)?test(?:ing)?(?:\s+purposes?)?\s+only|(?:test|dummy|placeholder|sample)\s+"
    r"(?:course|class|section|record|row|entry)(?:\s+only)?|placeholder)\W*$", re.IGNORECASE)


def _is_employability_code(code: str) -> bool:
    """Bridgerland-style ``POST ES01`` ... ``ES14`` work-habit ratings listed as courses."""
    last = code.split()[-1].upper() if code.split() else ""
    return len(last) == 4 and last.startswith("ES") and last[2:].isdigit()


def _cip(text: str) -> str:
    """``51.0904`` stays; Excel-mangled ``51.09`` and ``="51.0904"`` are cleaned up."""
    text = text.strip().strip('="').strip()
    if not text:
        return ""
    head, _, tail = text.partition(".")
    if head.isdigit() and tail.isdigit():
        return f"{int(head):02d}.{tail.ljust(4, '0')}"
    return text
