"""Catalog files as other colleges and hostile senders make them: UTF-16 "Unicode Text", workbooks
with several sheets, stray far-away cells, zip bombs, formulas that must stay text in outputs."""

from __future__ import annotations

import csv
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from ksa.catalog import load_catalogs
from ksa.errors import InputError, MissingColumnError
from ksa.ledger import Ledger
from ksa.panel import CatalogSpec
from ksa.review import apply_review


def _bomb(path: Path) -> Path:
    """A valid workbook plus a 32 MB part of zeros (compresses about 1000:1)."""
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w", force_zip64=True) as handle,
    ):
        for _ in range(32):
            handle.write(b"\0" * (1 << 20))
    return path


def _run_with_memory_cap(body: str) -> subprocess.CompletedProcess[str]:
    """Run ``body`` in a child Python limited to 3 GB of address space, so a reader that tries to
    allocate hundreds of gigabytes fails the test instead of taking pytest down. Exit 0 and print
    "cell | message" of the first problem when ``body`` raises ``InputError``; exit 3 otherwise."""
    script = "\n".join([
        "import resource, sys",
        "from pathlib import Path",
        "resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))",
        "from ksa.errors import InputError",
        "try:",
        textwrap.indent(textwrap.dedent(body).strip(), "    "),
        "except InputError as exc:",
        "    problem = exc.problems[0]",
        "    print(problem.cell, '|', problem.message, '|', problem.where)",
        "    sys.exit(0)",
        "sys.exit(3)",
    ])
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)


def _catalog_book(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["School", "Course Title"])
    sheet.append(["Alpha CC", "Welding I"])
    book.save(path)
    return path


def test_excel_unicode_text_export_is_read(tmp_path: Path) -> None:
    """Excel's "Unicode Text (*.txt)": UTF-16 LE with a BOM, tab-separated (NUL bytes are not junk)."""
    path = tmp_path / "catalog.txt"
    path.write_bytes("School\tCourse Title\tLevel\nAlpha CC\tSoudage à l'arc\tCertificate\n"
                     "Alpha CC\tBlueprint Reading\tCertificate\n".encode("utf-16"))
    courses = load_catalogs([CatalogSpec(path)]).courses
    assert [(c.school, c.course_title, c.grade_level) for c in courses] == [
        ("Alpha CC", "Soudage à l'arc", "Certificate"), ("Alpha CC", "Blueprint Reading", "Certificate")]


def test_every_sheet_with_a_title_column_is_read_and_the_others_are_reported(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Read me"
    notes.append(["This workbook lists our courses by campus."])
    north = book.create_sheet("North")
    north.append(["School", "Course Title"])
    north.append(["North Campus", "Welding I"])
    north.append([None, None])
    north.append(["North Campus", None])
    book.create_sheet("Empty")
    south = book.create_sheet("South")
    south.append(["School", "Course Title"])
    south.append(["South Campus", "Technical Mathematics"])
    path = tmp_path / "catalog.xlsx"
    book.save(path)

    load = load_catalogs([CatalogSpec(path)])

    assert [(c.school, c.course_title, c.source) for c in load.courses] == [
        ("North Campus", "Welding I", "catalog.xlsx[North]:2"),
        ("South Campus", "Technical Mathematics", "catalog.xlsx[South]:2")]
    messages = [(i.level, i.message, i.where) for i in load.issues]
    assert any(level == "warning" and "sheet 'Read me' not read" in m and "This workbook lists" in m
               for level, m, _ in messages), messages
    assert any("empty sheet(s) not read: Empty" in m for _, m, _ in messages), messages
    assert any("no course title" in m and where.endswith("rows North!4") for _, m, where in messages), messages


def test_workbook_without_any_title_column_names_each_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "A"
    first.append(["Name", "Hours"])
    book.create_sheet("B").append(["Subject", "Credits"])
    path = tmp_path / "catalog.xlsx"
    book.save(path)
    with pytest.raises(MissingColumnError) as info:
        load_catalogs([CatalogSpec(path, school="X")])
    assert [(p.sheet, p.value) for p in info.value.problems] == [("A", "Name, Hours"), ("B", "Subject, Credits")]


def test_stray_cell_at_the_last_row_and_column_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    """A 5 KB workbook with one value at XFD1048576 once made the spreadsheet reader allocate
    ~550 GB and abort the process. Run in a child with a 3 GB address-space limit, so a regression
    fails this test instead of taking pytest down."""
    path = _catalog_book(tmp_path / "sparse.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet["XFD1048576"] = "boom"
    book.save(path)
    assert path.stat().st_size < 20_000
    done = _run_with_memory_cap(f"""
        from ksa.catalog import load_catalogs
        from ksa.panel import CatalogSpec
        load_catalogs([CatalogSpec(Path({str(path)!r}))])
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "sheet 'Sheet'" in done.stdout and "row 1,000,001" in done.stdout and "too many rows" in done.stdout


def test_zip_bomb_catalog_is_refused_and_other_files_still_checked(tmp_path: Path) -> None:
    bomb = _bomb(_catalog_book(tmp_path / "bomb.xlsx"))
    missing = tmp_path / "missing.csv"
    with pytest.raises(InputError) as info:
        load_catalogs([CatalogSpec(bomb), CatalogSpec(missing, school="X")])
    messages = [p.message for p in info.value.problems]
    assert "suspected zip bomb" in messages and "no such file" in messages


def test_zip_bomb_review_workbook_is_refused(tmp_path: Path) -> None:
    bomb = _bomb(_catalog_book(tmp_path / "returned.xlsx"))
    with pytest.raises(InputError) as info:
        apply_review(bomb, Ledger(tmp_path / "ledger.sqlite"))
    assert info.value.problems[0].message == "suspected zip bomb"


def test_match_csv_never_carries_a_live_formula(tmp_path: Path) -> None:
    from ksa.cli import app

    items = tmp_path / "items.csv"
    items.write_text('item_id,domain,item\nt1,tools,"Blueprint reading"\n', encoding="utf-8")
    catalog = tmp_path / "catalog.csv"
    catalog.write_text('School,Course Title\n'
                       '"@SUM(1+1)*cmd|\' /C calc\'!A0","=HYPERLINK(""http://x"",""Blueprint Reading"")"\n',
                       encoding="utf-8")
    out = tmp_path / "matches.csv"
    result = CliRunner().invoke(app, ["match", str(items), str(catalog), "--out", str(out),
                                      "--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["school"], r["course_title"]) for r in rows] == [
        ("'@SUM(1+1)*cmd|' /C calc'!A0", "'=HYPERLINK(\"http://x\",\"Blueprint Reading\")")]


def test_one_endless_line_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("School,Course Title\nAlpha CC,Welding I\n")
        handle.write("," * 5_000_000)  # no newline: a reader that takes whole lines takes it all
    with pytest.raises(InputError) as info:
        load_catalogs([CatalogSpec(path)])
    problem = info.value.problems[0]
    assert (problem.message, problem.cell) == ("line too long", "line 3")


def test_onet_workbook_with_a_far_stray_cell_is_refused_not_fatal(tmp_path: Path) -> None:
    """O*NET Excel files go through calamine, which builds a dense grid up to the farthest cell:
    a value at XFD1048576 is refused by name before calamine sees it. Run in a child process
    limited to 3 GB, so a regression fails this test instead of taking pytest down."""
    path = tmp_path / "Knowledge.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"])
    sheet.append(["51-9161.00", "2.C.3.a", "Mathematics", "IM", 3.5])
    sheet["XFD1048576"] = "stray"
    book.save(path)
    done = _run_with_memory_cap(f"""
        from ksa.onet.readers import FileRef, parse_excel
        path = Path({str(path)!r})
        parse_excel(FileRef("Knowledge", ".xlsx", path, path.read_bytes), "knowledge")
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("row 1,048,576 | cell far outside the table |")


def test_far_cell_check_reads_only_cell_references() -> None:
    from ksa.xlsx_guard import _far_reference

    assert _far_reference(b'<c r="AZ999999" s="1">') == ""
    assert _far_reference(b'<selection sqref="BA1"/><c r="B2">') == ""  # not a cell's own r
    assert _far_reference(b'<c s="1" r="BA1">') == "cell BA1"
    assert _far_reference(b"<c r='XFD1'>") == "cell XFD1"
    assert _far_reference(b'<row r="1000000" spans="1:2">') == "row 1,000,000"


def _bare_sheet_book(path: Path, sheet_xml: bytes) -> Path:
    """A workbook whose one worksheet part is replaced by ``sheet_xml`` (rows and cells written
    without references, as no spreadsheet program writes them but a generator may)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "x"
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            data = sheet_xml if member.filename == "xl/worksheets/sheet1.xml" else source.read(member)
            out.writestr(member, data)
    return path


def _sheet(rows: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxml'
            b'formats.org/spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>")


def test_onet_workbook_of_unreferenced_cells_is_refused_before_calamine(tmp_path: Path) -> None:
    """A 6-kilobyte sheet of 10,000 bare rows under one row of 1,000 bare cells: calamine lays
    them out one after another and grows a 10-million-cell grid (about 400 MB; ten times the rows
    and cells is forty gigabytes). The guard follows the bare elements and names the column."""
    cell = b'<c t="inlineStr"><is><t>b</t></is></c>'
    path = _bare_sheet_book(tmp_path / "Knowledge.xlsx",
                            _sheet(b"<row>" + cell * 1000 + b"</row>" + b"<row>" + cell + b"</row>" * 10_000))
    assert path.stat().st_size < 20_000
    done = _run_with_memory_cap(f"""
        from ksa.onet.readers import FileRef, parse_excel
        path = Path({str(path)!r})
        parse_excel(FileRef("Knowledge", ".xlsx", path, path.read_bytes), "knowledge")
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("column 53 of row 1 | cell far outside the table |")


@pytest.mark.parametrize(("rows", "far"), [
    # bare rows continue after the last referenced row
    (b'<row r="999998"><c r="A999998"/></row><row><c/></row><row><c/></row>', "row 1,000,000"),
    # bare cells continue after the last referenced cell of their row
    (b'<row r="2"><c r="AY2"/><c/><c/></row>', "column 53 of row 2"),
    # a namespace prefix hides nothing
    (b"<x:row>" + b"<x:c/>" * 53 + b"</x:row>", "column 53 of row 1"),
    # r written after other attributes still places the cell
    (b'<row><c t="s" r="AZ1"/><c t="s"/></row>', "column 53 of row 1"),
])
def test_far_extent_is_found_however_the_cells_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: bytes, far: str
) -> None:
    from ksa import xlsx_guard

    monkeypatch.setattr(xlsx_guard, "_CHUNK", 7)  # every element cut across reads
    path = _bare_sheet_book(tmp_path / "sheet.xlsx", _sheet(rows))
    with pytest.raises(InputError) as info:
        xlsx_guard.check_far_cells(path.read_bytes(), "sheet.xlsx")
    assert info.value.problems[0].cell == far


def test_near_tables_pass_however_the_cells_are_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ksa import xlsx_guard

    monkeypatch.setattr(xlsx_guard, "_CHUNK", 5)
    bare = b"<row>" + b"<c/>" * 52 + b"</row>"
    referenced = b'<row r="7"><c r="A7"/><c r="AZ7"/></row>'
    path = _bare_sheet_book(tmp_path / "sheet.xlsx", _sheet(bare * 3 + referenced + bare * 3))
    xlsx_guard.check_far_cells(path.read_bytes(), "sheet.xlsx")  # 52 columns, 10 rows: no error
