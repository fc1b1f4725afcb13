"""Department tables (ksa.catalog_programs): a catalog that gives only a subject code per course
takes its department names from a second file, so occupational context applies."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksa.catalog import load_catalogs
from ksa.catalog_programs import read_departments
from ksa.errors import InputError
from ksa.match import MatchQuery, match_items
from ksa.panel import CatalogSpec

CATALOG = "CourseCategory,CourseNumber,CourseTitle\nDESL,1200,Prev Maintenance & Inspection\nHVAC,1100,Refrigeration Theory I\nENGL,1010,English Composition I\nXXXX,100,Orphan Course\n"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_courses_take_their_code_departments_name(tmp_path: Path) -> None:
    catalog = _write(tmp_path, "Course.csv", CATALOG)
    table = _write(tmp_path, "CourseCategory.csv",
                   "CategoryCode,CategoryName\nDESL,Diesel Technology\nHVAC,\"Heating, Ventilation, Air Conditioning & Refrigeration\"\n")
    loaded = load_catalogs([CatalogSpec(catalog, school="SCC", departments=table)])
    programs = {c.course_code: c.program for c in loaded.courses}
    assert programs == {"DESL 1200": "Diesel Technology",
                        "HVAC 1100": "Heating, Ventilation, Air Conditioning & Refrigeration",
                        "ENGL 1010": "", "XXXX 100": ""}
    assert any("2 course(s) take their program from CourseCategory.csv" in i.message for i in loaded.issues)


def test_diesel_inspection_is_no_quality_control_for_hvac_mechanics(tmp_path: Path) -> None:
    catalog = _write(tmp_path, "Course.csv", CATALOG)
    table = _write(tmp_path, "dept.csv", "DESL,Diesel Technology\nHVAC,Heating and Air Conditioning\n")
    query = [MatchQuery("q", "skills", "Quality Control Analysis")]
    bare = load_catalogs([CatalogSpec(catalog, school="SCC")]).courses
    named = load_catalogs([CatalogSpec(catalog, school="SCC", departments=table)]).courses
    assert [m.course.course_code for m in match_items(query, bare, soc="49-9021.00")["q"]] == ["DESL 1200"]
    assert match_items(query, named, soc="49-9021.00")["q"] == ()


def test_headerless_table_and_cp1252_names(tmp_path: Path) -> None:
    table = _write(tmp_path, "dept.csv", "desl;Diesel Technology\nCULA;Cuisine Française\n", encoding="cp1252")
    assert read_departments(table).names == {"DESL": "Diesel Technology", "CULA": "Cuisine Française"}


def test_missing_or_empty_table_is_an_error_naming_the_file(tmp_path: Path) -> None:
    catalog = _write(tmp_path, "Course.csv", CATALOG)
    with pytest.raises(InputError) as missing:
        load_catalogs([CatalogSpec(catalog, school="SCC", departments=tmp_path / "nope.csv")])
    assert "nope.csv" in str(missing.value) and "departments" in str(missing.value)
    empty = _write(tmp_path, "empty.csv", "CategoryCode,CategoryName\n")
    with pytest.raises(InputError) as caught:
        load_catalogs([CatalogSpec(catalog, school="SCC", departments=empty)])
    assert "empty.csv" in str(caught.value) and "no subject codes" in str(caught.value)


def test_shared_southeast_categories_name_every_course(shared: Path) -> None:
    folder = shared / "catalogs" / "southeast-cc-nebraska"
    loaded = load_catalogs([CatalogSpec(folder / "Course.csv", school="Southeast CC",
                                        departments=folder / "CourseCategory.csv")])
    programs = {c.course_code.split()[0]: c.program for c in loaded.courses}
    assert programs["DESL"] == "Diesel Technology"
    assert programs["LTCA"] == "Long Term Care Administration"
    assert sum(1 for c in loaded.courses if not c.program) == 0


def test_cli_and_panel_take_a_departments_table(tmp_path: Path) -> None:
    import csv
    import shutil

    import typer
    from typer.testing import CliRunner

    from ksa.cli_match import register, review_app
    from ksa.panel import read_panel

    catalog = _write(tmp_path, "Course.csv", CATALOG)
    table = _write(tmp_path, "dept.csv", "DESL,Diesel Technology\n")
    items = _write(tmp_path, "items.csv", "item_id,domain,item,soc\nq,skills,Quality Control Analysis,49-9021.00\n")
    app = typer.Typer()
    register(app)
    app.add_typer(review_app, name="review")
    outs = []
    for extra in ([], ["--departments", str(table)]):
        out = tmp_path / f"m{len(outs)}.csv"
        result = CliRunner().invoke(app, ["match", str(items), str(catalog), "--out", str(out), "--school", "S",
                                          "--db", str(tmp_path / "x.sqlite"), *extra])
        assert result.exit_code == 0, result.output
        outs.append([r["course_code"] for r in csv.DictReader(out.open(encoding="utf-8"))])
    assert outs == [["DESL 1200"], []]

    sample = Path(__file__).resolve().parents[1] / "inputs" / "sample"
    shutil.copytree(sample, tmp_path / "sample")
    panel = tmp_path / "sample" / "panel.toml"
    text = panel.read_text(encoding="utf-8")
    start = text.index("catalogs = ")
    end = text.index("\n", start)
    panel.write_text(text[:start] + f'catalogs = [{{ path = "courses.csv", departments = "{table.as_posix()}" }}]'
                     + text[end:], encoding="utf-8")
    assert read_panel(panel).catalogs[0].departments == table.resolve()
