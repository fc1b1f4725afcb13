"""Catalog loading: header aliases, encodings, skipped rows, duplicates, errors."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ksa.catalog import load_catalogs
from ksa.errors import InputError, MissingColumnError
from ksa.panel import CatalogSpec


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_simple_csv_with_school_and_level_columns(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", "School,Grade Level,Course Code,Course Title\n"
                  "Front Range CC,Associate,MAC 101,Intro to Machining\n"
                  "Front Range CC,Associate,MAT 107,Tech Math\n")
    load = load_catalogs([CatalogSpec(path)])
    assert [(c.school, c.grade_level, c.course_code, c.course_title) for c in load.courses] == [
        ("Front Range CC", "Associate", "MAC 101", "Intro to Machining"),
        ("Front Range CC", "Associate", "MAT 107", "Tech Math"),
    ]
    assert load.courses[1].source == "c.csv:3"
    assert load.skipped == {}


@pytest.mark.parametrize(
    ("header", "row", "code"),
    [
        ("Institution,Level,Subject,Number,Title", "X,Cert,WELD,101,Welding", "WELD 101"),
        ("College,Award,course_prefix,course_number,course_title", "X,Cert,WELD,101,Welding", "WELD 101"),
        ("school,Program level,CourseCategory,CourseNumber,CourseTitle", "X,Cert,WELD,101,Welding", "WELD 101"),
        ("School,Grade level,courseNumber,courseName", "X,Cert,WELD 101,Welding", "WELD 101"),
        ("SCHOOL,GRADE LEVEL,Course Name", "X,Cert,Welding", ""),
        # student-information-system exports (PeopleSoft, Banner, Colleague spellings)
        ("Campus Name,Award Type,Subj,Catalog Nbr,Long Title", "X,Cert,WELD,101,Welding", "WELD 101"),
        ("Inst Name,Credential Level,Subject Area,Crse,Crse Title", "X,Cert,WELD,101,Welding", "WELD 101"),
        ("Institution,Level,Subject,Catalog Nbr,Course Title Long,Course Descr", "X,Cert,WELD,101,Welding,Arc", "WELD 101"),
        # "Name" and "Course" hold the title only beside a code column; "Course" alone is the code
        ("School,Level,Dept,Num,Name,Credits", "X,Cert,WELD,101,Welding,3", "WELD 101"),
        ("School,Level,Course ID,Course,Description,Division", "X,Cert,WELD 101,Welding,Arc,Trades", "WELD 101"),
        ("School,Level,Course,Title,Units", "X,Cert,WELD 101,Welding,3", "WELD 101"),
    ],
)
def test_header_aliases(tmp_path: Path, header: str, row: str, code: str) -> None:
    path = _write(tmp_path / "c.csv", f"{header}\n{row}\n")
    (course,) = load_catalogs([CatalogSpec(path)]).courses
    assert (course.school, course.grade_level, course.course_code, course.course_title) == (
        "X", "Cert", code, "Welding")


def test_school_and_level_from_spec(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.tsv", "course_code\tcourse_title\tcourse_desc\nM 1\tLathe I\tTurning\n")
    (course,) = load_catalogs([CatalogSpec(path, school="Bridgerland", grade_level="Certificate")]).courses
    assert (course.school, course.grade_level, course.description) == ("Bridgerland", "Certificate", "Turning")


def test_ipeds_column_names_school_when_spec_does_not(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", "course_prefix,course_number,course_title,inst_ipeds\nMATH,100,Survey of Math,383190\n")
    load = load_catalogs([CatalogSpec(path, grade_level="Associate")])
    assert load.courses[0].school == "Hawaii Community College"
    assert any("IPEDS" in i.message for i in load.issues)
    load = load_catalogs([CatalogSpec(path, school="Windward CC", grade_level="Associate")])
    assert load.courses[0].school == "Windward CC"


def test_cp1252_and_bom_detected(tmp_path: Path) -> None:
    text = "School,Level,Course Title\nX,HS,Caf\u00e9 Management \u2013 Basics\n"
    a = _write(tmp_path / "a.csv", text, "cp1252")
    b = tmp_path / "b.csv"
    b.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for path in (a, b):
        (course,) = load_catalogs([CatalogSpec(path)]).courses
        assert course.course_title == "Caf\u00e9 Management \u2013 Basics"


def test_late_non_utf8_byte_restarts_as_cp1252(tmp_path: Path) -> None:
    rows = "".join(f"X,HS,Course {i}\n" for i in range(5000))
    path = _write(tmp_path / "c.csv", "School,Level,Course Title\n" + rows + "X,HS,Na\u00efve Art\n", "cp1252")
    load = load_catalogs([CatalogSpec(path)])
    assert load.courses[-1].course_title == "Na\u00efve Art"
    assert len(load.courses) == 5001


def test_skipped_rows_counted_with_reasons(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", "course_code,course_title,clock_hours\n"
                  "POST ES01,Attendance & Punctuality,0\n"
                  "POST ES14,Positive Attitude,0\n"
                  "MACH 1401,Lathe Operations I,120\n"
                  ",,\n"
                  "MACH 1402,,10\n"
                  "MACH 1401,Lathe Operations I,120\n"
                  "HVDD 1003,***Delete***,120\n"
                  "HVDD 1004,Deleted Items Recovery,30\n")
    load = load_catalogs([CatalogSpec(path, school="B", grade_level="C")])
    assert [c.course_code for c in load.courses] == ["MACH 1401", "HVDD 1004"]
    assert load.skipped == {
        "employability-skills rating (codes ES01-ES14), not a course": 2,
        "blank row": 1,
        "no course title": 1,
        "duplicate of an earlier row (merged)": 1,
        "course marked deleted in the catalog (title such as ***Delete***, or description \"Deleted.\")": 1,
    }
    texts = [f"{i.message} @ {i.where}" for i in load.issues]
    assert any("2 row(s) skipped: employability" in t and "rows 2, 3" in t for t in texts)


def test_course_whose_description_says_deleted_is_skipped(tmp_path: Path) -> None:
    """The University of Hawaii's export keeps withdrawn courses with the description "Deleted."."""
    path = _write(tmp_path / "c.csv", "course_prefix,course_number,course_title,course_desc\n"
                  "ICS,100,Computing Literacy and Applications,Deleted.\n"
                  "ICS,101,Digital Tools for the Information World,Deleted files are recovered in lab.\n")
    load = load_catalogs([CatalogSpec(path, school="H", grade_level="C")])
    assert [c.course_code for c in load.courses] == ["ICS 101"]
    assert load.skipped == {'course marked deleted in the catalog (title such as ***Delete***, or '
                            'description "Deleted.")': 1}


def test_placeholder_rows_are_skipped_and_counted(tmp_path: Path) -> None:
    """Southeast's "RADT 0, For Testing Purposes Only!!!!" is no course; "Software Testing" is."""
    path = _write(tmp_path / "c.csv", "course_code,course_title\n"
                  "RADT 0,For Testing Purposes Only!!!!\n"
                  "X 1,TEST COURSE\n"
                  "INFO 2100,Software Testing\n"
                  "NDT 1000,Test Prep for Certification\n")
    load = load_catalogs([CatalogSpec(path, school="S", grade_level="C")])
    assert [c.course_title for c in load.courses] == ["Software Testing", "Test Prep for Certification"]
    reason = 'placeholder row, not a course (title such as "For Testing Purposes Only" or "Test Course")'
    assert load.skipped == {reason: 2}
    assert any("2 row(s) skipped: placeholder" in i.message and "rows 2, 3" in i.where for i in load.issues)


def test_missing_title_column_names_headers(tmp_path: Path) -> None:
    """A list of names is no catalog: "Name" counts as the title only beside a course code."""
    name_only = _write(tmp_path / "people.csv", "Name,Address\nAda,Main St\n")
    with pytest.raises(MissingColumnError):
        load_catalogs([CatalogSpec(name_only, school="X")])
    path = _write(tmp_path / "c.csv", "School,Code,Hours\nX,M1,3\n")
    with pytest.raises(MissingColumnError) as info:
        load_catalogs([CatalogSpec(path)])
    text = str(info.value)
    assert "School, Code, Hours" in text
    assert "course title" in text and "courseName" in text.replace("coursename", "courseName")


def test_no_school_anywhere_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", "Course Title\nWelding\n")
    with pytest.raises(MissingColumnError, match="no school"):
        load_catalogs([CatalogSpec(path)])


def test_binary_junk_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary file"):
        load_catalogs([CatalogSpec(path, school="X")])


def test_missing_file_and_bad_file_reported_together(tmp_path: Path) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\x01" * 100)
    with pytest.raises(InputError) as info:
        load_catalogs([CatalogSpec(tmp_path / "nope.csv", school="X"), CatalogSpec(junk, school="X")])
    assert len(info.value.problems) == 2


def test_xlsx_catalog(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Notes: exported 2026"])
    sheet.append(["College", "Course Code", "Course Title", "Award"])
    sheet.append(["Pikes Peak State", "MAC 1001", "CNC Mill I", "Certificate"])
    sheet.append(["Pikes Peak State", 1005, "Blueprint Reading", "Certificate"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    courses = load_catalogs([CatalogSpec(path)]).courses
    assert [(c.course_code, c.course_title, c.grade_level) for c in courses] == [
        ("MAC 1001", "CNC Mill I", "Certificate"), ("1005", "Blueprint Reading", "Certificate")]


def test_html_entities_unescaped(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", "School,Course Title\nX,ESL Materials &amp; Methods\n")
    assert load_catalogs([CatalogSpec(path)]).courses[0].course_title == "ESL Materials & Methods"


def test_objectives_and_outline_columns_join_the_description(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv",
                  "School,courseName,courseDescription,courseObjectives,courseOutline\n"
                  "X,Brakes,Braking systems.,Identify and repair disc brakes.,Hydraulics | ABS\n"
                  "X,Engine Repair,,Rebuild engines.,\n")
    courses = load_catalogs([CatalogSpec(path)]).courses
    assert [c.description for c in courses] == [
        "Braking systems. Identify and repair disc brakes. Hydraulics | ABS", "Rebuild engines."]


def test_sced_codes_give_career_areas_as_programs(tmp_path: Path) -> None:
    """A high-school list coded with NCES SCED: the code's first two digits name the subject area;
    a career-and-technical area becomes the program (and its CIP series the CIP), an academic one
    gives none; the district's own code wins over the SCED code as the course code."""
    path = _write(tmp_path / "hs.csv",
                  "Course Title,SCED Course Code\n"
                  "Metal Processing/Production,13055\n"
                  "General Mathematics,02002\n"
                  "Journalism,11101\n"
                  "Carpentry,17005\n"
                  "Local Elective,LOC-1\n")
    courses = load_catalogs([CatalogSpec(path, school="Lincoln High", grade_level="9-12")]).courses
    assert [(c.course_code, c.program, c.cip) for c in courses] == [
        ("13055", "Manufacturing", "48"),
        ("02002", "", ""),
        ("11101", "", ""),  # Communication and A/V spans journalism, photography, design
        ("17005", "Architecture and Construction", "46"),
        ("LOC-1", "", ""),  # no SCED code
    ]
    both = _write(tmp_path / "district.csv",
                  "Course Code,SCED Code,Course Title,Department\n"
                  "CTE-412,13055,Metal Fabrication,Industrial Technology\n"
                  "CTE-101,13055,Intro to Manufacturing,\n")
    first, second = load_catalogs([CatalogSpec(both, school="Lincoln High")]).courses
    assert (first.course_code, first.program, first.cip) == ("CTE-412", "Industrial Technology", "48")
    assert (second.course_code, second.program) == ("CTE-101", "Manufacturing")
