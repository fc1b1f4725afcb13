"""Regenerate inputs/sample/courses.csv from the shared course catalogs (real titles only).

Usage: .venv/bin/python scripts/make_sample_catalog.py [SHARED_DIR] [--force]
SHARED_DIR defaults to ../shared beside the clone (or $KSA_SHARED). Picks machining,
manufacturing, welding, drafting, math, English and physics courses of three real colleges,
plus a few hard negatives (Physical Education, ESL, Business Math), and writes
school,grade_level,course_code,course_title. Provenance: inputs/sample/CATALOG_SOURCES.md.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "inputs" / "sample" / "courses.csv"

# (folder/file, school, grade level, code column(s), title column, codes to take)
SOURCES: list[tuple[str, str, str, tuple[str, ...], str, tuple[str, ...]]] = [
    ("btech-bridgerland/course_hours.csv", "Bridgerland Technical College", "Postsecondary certificate",
     ("course_code",), "course_title", (
         "MACH 1101", "MACH 1244", "MACH 1303", "MACH 1401", "MACH 1402", "MACH 1501", "MACH 1502",
         "MACH 1701", "MACH 2206", "MACH 2306", "MACH 2401", "MACH 2421", "MACH 2501", "MACH 2643",
         "MACT 1010", "MACT 1040", "MACT 1050", "MACT 1060", "MACT 1070", "MACT 1200",
         "DRFT 1001", "DRFT 1020", "DRFT 1071", "DRFT 2121", "DRFT 2170", "ATTE 1180",
         "WELD 1111", "WELD 1301", "WELD 1401", "WELD 1501", "WELD 1601", "WELD 1801",
         "IAMT 1200", "IAMT 1300", "IAMT 0101", "ACDM 0990", "ACDM 0995", "BTEC 1022",
         "ECOM 2041", "ITEC 0101",
     )),
    ("southeast-cc-nebraska/Course.csv", "Southeast Community College", "Associate",
     ("CourseCategory", "CourseNumber"), "CourseTitle", (
         "MACH 1100", "MACH 1121", "MACH 1173", "MACH 1241", "MACH 1349", "MACH 1451", "MACH 1454",
         "MACH 2641", "MACH 2651", "MACH 2660", "MFGT 1333", "MFGT 1350", "MFGT 1421", "MFGT 1429",
         "MFGT 2549", "MFGT 2668", "NDTT 1121", "NDTT 1164", "DESL 1261", "ELEC 1446",
         "MATH 1020", "MATH 1040", "MATH 1150", "MATH 1200", "MATH 980", "ENGL 1010", "ENGL 1020",
         "ENGL 2560", "ENGL 1110", "PHYS 1017", "PHYS 2110", "PHED 1750", "PHED 1030",
         "INFO 1000", "WELD 1279",
     )),
    ("stech-southwest-tech-utah/stech_courses.csv", "Southwest Technical College",
     "Postsecondary certificate", ("courseNumber",), "courseName", (
         "TEAM 1010", "TEAM 1020", "TEAM 1030", "TEAM 1040", "TEAM 1050", "TEAM 1070",
         "TEWT 1000", "TEWT 1010", "TEWT 1045", "TEWT 1111", "TEWT 1211", "TEWT 1311",
         "TEWT 1411", "TEWT 1620", "TEAU 1055", "TECA 1020", "TEIT 1100",
     )),
    ("uh-system-courses/hawaiicc_courses.csv", "Hawaii Community College", "Associate",
     ("course_prefix", "course_number"), "course_title", (
         "ESL 21", "ESL 22G", "ESL 22W",
     )),
]


def _rows(shared: Path) -> list[list[str]]:
    out: list[list[str]] = []
    for name, school, level, code_columns, title_column, wanted in SOURCES:
        path = shared / "catalogs" / name
        with path.open(encoding="utf-8-sig", newline="") as handle:
            found: dict[str, str] = {}
            for row in csv.DictReader(handle):
                code = " ".join(row[c].strip() for c in code_columns)
                code = " ".join(code.split())
                if code.casefold() in {w.casefold() for w in wanted} and code not in found:
                    found[code] = " ".join(row[title_column].split())
        missing = [w for w in wanted if w not in found]
        if missing:
            raise SystemExit(f"{path}: codes not found: {', '.join(missing)}")
        out += [[school, level, code, found[code]] for code in wanted]
    return out


def main(argv: list[str]) -> int:
    force = "--force" in argv
    args = [a for a in argv if a != "--force"]
    shared = Path(args[0]) if args else Path(os.environ.get("KSA_SHARED", REPO.parent / "shared"))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["school", "grade_level", "course_code", "course_title"])
    writer.writerows(_rows(shared))
    if OUT.exists() and not force:
        if OUT.read_text(encoding="utf-8") == buffer.getvalue():
            print(OUT)
            return 0
        print(f"{OUT} exists and differs; run with --force to replace it", file=sys.stderr)
        return 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(buffer.getvalue(), encoding="utf-8")
    print(OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
