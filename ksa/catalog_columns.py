"""Which catalog column holds what: header aliases seen in real course catalogs.

Headers are compared without case, spaces, underscores or punctuation, so ``Course Title``,
``course_title``, ``CourseTitle`` and ``courseTitle`` are one header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("course title", "title", "course name", "coursename", "coursetitle", "course_title",
              "name of course", "class title", "class name", "long title", "course long title",
              "short title", "catalog title", "crse title", "section title", "course title long",
              "long course title", "title long", "course long name", "long name", "full title",
              "course full title", "descriptive title", "transcript title", "official title",
              "course name long", "long course name"),
    "school": ("school", "institution", "college", "school name", "institution name", "college name",
               "provider", "campus", "campus name", "inst name", "school college", "college school"),
    "code": ("course code", "code", "course id", "course_code", "coursecode", "course no",
             "course number code", "course nbr code", "class code", "class id", "course key"),
    # an NCES SCED course code (high-school lists): the code when the file has no other, and its
    # first two digits give the subject area (ksa.catalog_sced)
    "sced": ("sced course code", "sced code", "sced", "sced number", "sced course number",
             "sced id", "nces sced code"),
    "subject": ("subject", "course prefix", "course_prefix", "prefix", "coursecategory",
                "course category", "subject code", "dept code", "department code", "discipline",
                "subj", "subject area", "course subject", "dept", "subject prefix", "course dept"),
    "number": ("number", "course number", "course_number", "coursenumber", "catalog number",
               "catalog nbr", "course num", "num", "catalog", "catalog no", "crse", "course nbr",
               "crse number", "crse no", "nbr", "catalog num"),
    "grade_level": ("grade level", "level", "award", "program level", "grade", "credential",
                    "award level", "gradelevel", "award type", "credential level", "degree level",
                    "credential type"),
    "description": ("description", "course description", "coursedescription", "course_desc",
                    "desc", "course desc", "summary", "course descr", "descr", "catalog description",
                    "catalog desc", "long description", "course catalog description"),
    # learning outcomes and outlines: appended to the description (evidence of what is taught)
    "outcomes": ("objectives", "course objectives", "courseobjectives", "learning outcomes",
                 "student learning outcomes", "course outcomes", "outcomes", "outline",
                 "course outline", "courseoutline", "topics", "course topics"),
    "program": ("program", "program name", "programname", "program of study", "pathway",
                "dept_name", "department", "department name", "division", "academic program",
                "major", "program title", "academic department"),
    "cip": ("cip", "cip code", "cipcode", "programcip", "program cip", "cip2020code", "cip 2020"),
    "ipeds": ("inst_ipeds", "ipeds", "unitid", "ipeds id", "ipeds unitid", "unit id"),
}


def header_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


_LOOKUP = {header_key(alias): field for field, names in ALIASES.items() for alias in names}


@dataclass(frozen=True)
class ColumnMap:
    """Column index per field (None = absent)."""

    title: int
    school: int | None = None
    code: int | None = None
    subject: int | None = None
    number: int | None = None
    grade_level: int | None = None
    description: int | None = None
    outcomes: tuple[int, ...] = ()  # every outcomes/outline column, in file order
    program: int | None = None
    cip: int | None = None
    ipeds: int | None = None
    sced: int | None = None


# headers that name the title only when no header above does and a code column stands beside
# them ("Dept, Num, Name"; "Course ID, Course, Description"); alone, "Course" is the code
_FALLBACK_TITLE = ("name", "course", "class")
_FALLBACK_KEYS = tuple(header_key(h) for h in _FALLBACK_TITLE)


def map_columns(header: Sequence[str]) -> ColumnMap | None:
    """The map for a header row, or None when no column holds course titles."""
    found: dict[str, int] = {}
    outcomes: list[int] = []
    fallback: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = header_key(cell)
        field = _LOOKUP.get(key)
        if field == "outcomes":
            outcomes.append(index)
        elif field and field not in found:
            found[field] = index
        elif field is None and key in _FALLBACK_KEYS:
            fallback.setdefault(key, index)
    if "title" not in found and fallback:
        coded = "code" in found or "subject" in found or "number" in found or "sced" in found
        for key in _FALLBACK_KEYS:
            if key in fallback and coded:
                found["title"] = fallback.pop(key)
                break
    if "course" in fallback and "code" not in found:
        found["code"] = fallback["course"]  # "Course, Title, Units": the course is its code
    if "title" not in found:
        return None
    return ColumnMap(**found, outcomes=tuple(outcomes))


def accepted_title_headers() -> str:
    return ", ".join((*ALIASES["title"], "or Name, Course or Class beside a course-code column"))
