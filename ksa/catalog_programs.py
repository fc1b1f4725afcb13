"""Department names for catalogs that give only a subject code per course.

Many course lists carry a code (``DESL 1200``, ``LTCA 1040``) but no department or program, and
keep the code-to-name table in a second file (Southeast Community College's
``CourseCategory.csv``: ``DESL, Diesel Technology``). Given that table, a course without a program
takes its subject prefix's name as its program, so the matcher's occupational context applies
("Engine Overhaul & Inspection" in Diesel Technology is no quality control for carpenters).

The table is any CSV, TSV or workbook with a code column and a name column; headers such as
``CategoryCode``/``CategoryName``, ``Subject``/``Department`` or ``Prefix``/``Program`` are
recognised, and without a recognised header the first two columns are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ksa.catalog_departments import subject_prefix
from ksa.catalog_read import RestartNeeded, iter_tables
from ksa.errors import InputError, Problem
from ksa.model import Course

CODE_HEADERS = frozenset({
    "categorycode", "code", "prefix", "subject", "subjectcode", "departmentcode", "deptcode",
    "courseprefix", "category", "dept", "subjectarea",
})
NAME_HEADERS = frozenset({
    "categoryname", "name", "department", "departmentname", "deptname", "program", "programname",
    "title", "description", "subjectname", "programofstudy",
})
MAX_NAME = 200  # a department name longer than this is not one
_NON_WORD = re.compile(r"[^a-z]")


@dataclass
class Departments:
    """Subject code -> department name, and what went wrong reading them."""

    names: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_departments(path: Path, encoding: str | None = None) -> Departments:
    """The code -> name table of ``path``; problems (missing file, no table) are returned, not raised."""
    if not path.is_file():
        return Departments(problems=[Problem("departments file not found", file=str(path),
                                             hint="check the path in the catalog entry's departments")])
    try:
        try:
            found = _read(path, encoding)
        except RestartNeeded as restart:
            found = _read(path, restart.encoding)
    except InputError as exc:
        return Departments(problems=exc.problems or [Problem(exc.message, file=str(path))])
    if not found.names and not found.problems:
        found.problems.append(Problem("no subject codes with department names", file=str(path),
                                      hint="two columns: the code (e.g. DESL) and its name"))
    return found


def apply_departments(courses: Sequence[Course], departments: Departments) -> tuple[list[Course], int]:
    """Courses without a program get their subject prefix's department name; how many did."""
    out: list[Course] = []
    named = 0
    for course in courses:
        name = "" if course.program or course.cip else departments.names.get(subject_prefix(course.course_code), "")
        if name:
            out.append(replace(course, program=name))
            named += 1
        else:
            out.append(course)
    return out, named


def _key(header: str) -> str:
    return _NON_WORD.sub("", header.lower())


def _read(path: Path, encoding: str | None) -> Departments:
    found = Departments()
    for table in iter_tables(path, encoding):
        code_at, name_at, header_seen = 0, 1, False
        for number, cells in table.rows:
            if not any(c.strip() for c in cells):
                continue
            if not header_seen:
                header_seen = True
                keys = [_key(c) for c in cells]
                codes = [i for i, k in enumerate(keys) if k in CODE_HEADERS]
                names = [i for i, k in enumerate(keys) if k in NAME_HEADERS and i not in codes[:1]]
                if codes or names:
                    code_at = codes[0] if codes else 0
                    name_at = names[0] if names else (1 if code_at == 0 else 0)
                    continue  # a header row
            if max(code_at, name_at) >= len(cells):
                continue
            code, name = cells[code_at].strip().upper(), " ".join(cells[name_at].split())
            if not code or not name:
                continue
            if len(name) > MAX_NAME:
                where = f"sheet '{table.sheet}' row {number}" if table.sheet else f"row {number}"
                found.problems.append(Problem("department name too long", file=str(path), cell=where,
                                              value=name[:40] + "...", hint="one name per code"))
                continue
            found.names.setdefault(code, name)
    return found
