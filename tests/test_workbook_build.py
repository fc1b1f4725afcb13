"""The crosswalk workbook, read back from disk: values, fills, fonts, rich text, validation."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock

from ksa.errors import OutputError
from ksa.model import (
    Answer,
    Course,
    Crosswalk,
    DescriptionRun,
    Domain,
    Issue,
    Item,
    ItemAnswer,
    Match,
    MatchStatus,
    NeedCluster,
    Occupation,
    Response,
    Tally,
)
from ksa.outputs import output_stem, write_crosswalk
from ksa.sidecar import sidecar_dict
from ksa.workbook.crosswalk_sheet import EDUCATORS_HEADER
from ksa.workbook.styles import FLAGGED_RGB, NEED_RGB

REPO = Path(__file__).resolve().parents[1]

MATH = Item(
    "2.C.4.a", Domain.KNOWLEDGE, "Mathematics", "Knowledge of arithmetic, algebra.", "2.C.4.a", 3.9
)
PHYS = Item(
    "2.C.4.b",
    Domain.KNOWLEDGE,
    "Physics",
    "Knowledge and prediction of physical principles, and atomic and sub- atomic structures.",
    "2.C.4.b",
    2.4,
)
LATHE5 = Item(
    "tools:23242304:5-axis-lathes", Domain.TOOLS, "5 axis lathes", commodity_code="23242304"
)
CAD = Item(
    "technology:43232610:autocad", Domain.TECHNOLOGY, '=HYPERLINK("x")', commodity_code="43232610"
)
SCHOOL = Course("Southwest Tech", "Postsecondary certificate", "MACH 1010", "Machining Mathematics")


def _crosswalk() -> Crosswalk:
    tallies = {
        MATH.item_id: Tally(MATH.item_id, 5, 0, 0, False, (DescriptionRun(MATH.description),)),
        PHYS.item_id: Tally(
            PHYS.item_id,
            1,
            4,
            0,
            True,
            (
                DescriptionRun("Knowledge and prediction of physical principles, and "),
                DescriptionRun("atomic and sub- atomic structures", struck=True),
                DescriptionRun("."),
            ),
        ),
        LATHE5.item_id: Tally(LATHE5.item_id, 1, 4, 0, True),
        CAD.item_id: Tally(CAD.item_id, 3, 2, 0, False),
    }
    need = NeedCluster(
        "blueprint reading",
        "Blueprint reading",
        "Skills",
        ("A", "B", "C"),
        ("Blueprint reading", "blue print reading"),
    )
    other = NeedCluster("shop math", "Shop math", "", ("A",), ("Shop math",))
    matches = {
        MATH.item_id: (
            Match(MATH.item_id, SCHOOL, 100.0, 1, MatchStatus.CONFIRMED),
            Match(
                MATH.item_id, Course("Bridgerland", "Certificate", "M1", "Technical Math"), 86.4, 2
            ),
        ),
        need.key: (
            Match(need.key, Course("Bridgerland", "Certificate", "B1", "Print Reading"), 91.0, 1),
        ),
    }
    responses = tuple(
        Response(org, answers=(ItemAnswer(MATH.item_id, Answer.YES),), source=f"{org}.xlsx")
        for org in "ABCDE"
    )
    return Crosswalk(
        panel_id="cnc",
        title="=Manufacturing Cross-Walk",
        industry="Manufacturing",
        employers_label="Manufacturers",
        occupation=Occupation("51-9161.00", "CNC Tool Operators"),
        occupation_label="CNC Machine Tool Operator",
        release="29.3",
        threshold="80%",
        items=(MATH, PHYS, LATHE5, CAD),
        tallies=tallies,
        needs=(need, other),
        matches=matches,
        responses=responses,
        issues=(Issue("2 answers only", "item x"),),
        notices=("51-4011.00 was retired; using 51-9161.00",),
        generated_at="20261204T000000Z",
        sources={"Panel file": "/x/panel.toml"},
    )


@pytest.fixture()
def written(tmp_path: Path) -> tuple[Path, Path]:
    return write_crosswalk(_crosswalk(), tmp_path, "20261204T000000Z")


def _row_of(ws, text: str) -> int:  # type: ignore[no-untyped-def]
    for row in ws.iter_rows():
        for cell in row:
            if str(cell.value) == text:
                return int(cell.row)
    raise AssertionError(f"{text!r} not in sheet {ws.title}")


def test_title_block_and_legend(written: tuple[Path, Path]) -> None:
    ws = load_workbook(written[0])["Crosswalk"]
    assert ws["A1"].value == "=Manufacturing Cross-Walk"
    assert ws["A1"].data_type == "s"  # text, never a formula
    assert ws["A2"].value == "Job Title/Occupation: CNC Machine Tool Operator"
    assert ws["A3"].value == "SOC/O*NET Code: 51-9161.00"
    legend = [ws.cell(row=r, column=1) for r in range(4, 8)]
    assert "80% or more agree" in str(legend[0].value)
    assert legend[0].fill.start_color.rgb.endswith(FLAGGED_RGB)
    assert legend[2].fill.start_color.rgb.endswith(NEED_RGB)
    core = _row_of(ws, "CORE – Skills & Competencies")
    assert "(O*NET 29.3)" in ws.cell(row=core + 1, column=1).value


def test_sections_tallies_and_fills(written: tuple[Path, Path]) -> None:
    ws = load_workbook(written[0])["Crosswalk"]
    head = _row_of(ws, "Knowledge")
    assert [c.value for c in ws[head]] == [
        "Knowledge",
        "Knowledge Description",
        "Validated need by Regional Manufacturers (Y/N)",
        EDUCATORS_HEADER,
        "Status",
    ]
    assert ws.freeze_panes == f"A{head + 1}"
    math = _row_of(ws, "Mathematics")
    assert ws.cell(row=math, column=3).value == "Y-5 N-0"
    assert ws.cell(row=math, column=1).fill.fill_type is None
    phys = _row_of(ws, "Physics")
    assert ws.cell(row=phys, column=3).value == "Y-1 N-4"
    for col in range(1, 6):
        assert ws.cell(row=phys, column=col).fill.start_color.rgb.endswith(FLAGGED_RGB)
    assert ws.cell(row=phys, column=5).value == "Not applicable (4 of 5 N)"
    tools = _row_of(ws, "Category")
    assert [c.value for c in ws[tools]][:3] == ["Category", "Tools and Technology", "Use"]
    lathe = _row_of(ws, "5 axis lathes")
    assert ws.cell(row=lathe, column=1).value == "Tools"
    assert ws.cell(row=lathe, column=2).fill.start_color.rgb.endswith(FLAGGED_RGB)
    cad = _row_of(ws, '=HYPERLINK("x")')
    assert ws.cell(row=cad, column=2).data_type == "s"
    assert ws.cell(row=cad, column=1).value == "Technology"


def test_needs_are_green_rows_in_their_section(written: tuple[Path, Path]) -> None:
    ws = load_workbook(written[0])["Crosswalk"]
    need = _row_of(ws, "Blueprint reading")
    assert need > _row_of(ws, "Skills")
    assert ws.cell(row=need, column=3).value == "Named by 3 of 5"
    assert ws.cell(row=need, column=5).value == "Added need"
    assert ws.cell(row=need, column=2).value == "Also written as: blue print reading"
    for col in range(1, 6):
        assert ws.cell(row=need, column=col).fill.start_color.rgb.endswith(NEED_RGB)
    other = _row_of(ws, "Shop math")
    assert other > _row_of(ws, "Additional need")


def test_strike_through_and_course_rich_text(written: tuple[Path, Path]) -> None:
    ws = load_workbook(written[0], rich_text=True)["Crosswalk"]
    phys = _row_of(ws, "Physics")
    desc = ws.cell(row=phys, column=2).value
    assert isinstance(desc, CellRichText)
    struck = [b.text for b in desc if isinstance(b, TextBlock) and b.font.strike]
    assert struck == ["atomic and sub- atomic structures"]
    math = _row_of(ws, "Mathematics")
    courses = ws.cell(row=math, column=4).value
    assert isinstance(courses, CellRichText)
    blocks = [b for b in courses if isinstance(b, TextBlock)]
    assert blocks[0].text == "✔ Southwest Tech, Postsecondary certificate, Machining Mathematics"
    assert not blocks[0].font.i
    assert blocks[1].text.strip() == "Bridgerland, Certificate, Technical Math (suggested, 86)"
    assert blocks[1].font.i


def test_a_cell_too_long_for_excel_points_to_the_match_review_sheet(tmp_path: Path) -> None:
    """Many schools times top-k courses can exceed Excel's 32,767 characters per cell; the
    crosswalk keeps what fits and counts the rest, which the Match review sheet lists in full."""
    many = tuple(
        Match(MATH.item_id, Course(f"High School {n:04d} of the Region", "Grades 9-12", f"M{n}",
                                   f"Applied Mathematics for the Trades, Part {n}"), 90.0, n + 1)
        for n in range(1500)
    )
    crosswalk = replace(_crosswalk(), matches={MATH.item_id: many})
    book, _sidecar = write_crosswalk(crosswalk, tmp_path, "20261204T000000Z")
    wb = load_workbook(book, rich_text=True)
    ws = wb["Crosswalk"]
    cell = ws.cell(row=_row_of(ws, "Mathematics"), column=4).value
    assert isinstance(cell, CellRichText)
    text = str(cell)
    assert 30_000 < len(text) <= 32_767
    shown = text.count("(suggested, 90)")
    last = [b for b in cell if isinstance(b, TextBlock)][-1]
    assert last.font.b and last.text.strip() == (
        f"… and {1500 - shown} more courses: see the Match review sheet")
    titles = [r[6] for r in wb["Match review"].iter_rows(min_row=2, values_only=True)
              if r[0] == MATH.item_id]
    assert len(titles) == 1500 and titles[-1] == "Applied Mathematics for the Trades, Part 1499"


def test_side_sheets(written: tuple[Path, Path]) -> None:
    wb = load_workbook(written[0])
    assert wb.sheetnames == [
        "Crosswalk",
        "Summary",
        "Match review",
        "Responses",
        "Issues",
        "About",
        "_ksa_meta",
    ]
    meta = wb["_ksa_meta"]
    assert meta.sheet_state == "hidden"
    keys = {r[1] for r in meta.iter_rows(values_only=True) if r[0] == "key"}
    assert keys == {
        MATH.item_id,
        PHYS.item_id,
        LATHE5.item_id,
        CAD.item_id,
        "blueprint reading",
        "shop math",
    }
    review = wb["Match review"]
    assert [c.value for c in review[1]][:10] == [
        "Key",
        "Domain",
        "Item",
        "School",
        "Grade level",
        "Course code",
        "Course title",
        "Score",
        "Status",
        "Decision",
    ]
    assert review["A2"].value == MATH.item_id and review["I2"].value == "confirmed"
    assert review["I3"].value == "suggested" and review["H3"].value == 86.4
    validations = review.data_validations.dataValidation
    assert validations and validations[0].formula1 == '"accept,reject,add"'
    assert "J2" in validations[0].sqref
    about = wb["About"]
    text = " ".join(str(c.value) for row in about.iter_rows() for c in row)
    assert "O*NET 29.3 Database" in text and "CC BY 4.0" in text
    issues = [r[2].value for r in wb["Issues"].iter_rows(min_row=2)]
    assert "2 answers only" in issues and "51-4011.00 was retired; using 51-9161.00" in issues
    summary = wb["Summary"]
    assert [c.value for c in summary[2]] == ["Knowledge", 2, 1, 0, 1, 1]


def test_sidecar_validates_and_matches(written: tuple[Path, Path]) -> None:
    data = json.loads(written[1].read_text(encoding="utf-8"))
    schema = json.loads((REPO / "schemas" / "crosswalk.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    phys = next(i for i in data["items"] if i["name"] == "Physics")
    assert phys["tally"] == {
        "yes": 1,
        "no": 4,
        "unanswered": 0,
        "text": "Y-1 N-4",
        "flagged": True,
        "struck": ["atomic and sub- atomic structures"],
        "warnings": [],
    }
    assert data["needs"][0]["matches"][0]["status"] == "suggested"
    bad = sidecar_dict(_crosswalk()) | {"onet_release": ""}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_never_overwrites(tmp_path: Path) -> None:
    first = write_crosswalk(_crosswalk(), tmp_path, "20261204T000000Z")
    second = write_crosswalk(_crosswalk(), tmp_path, "20261204T000000Z")
    assert first[0] != second[0] and second[0].name.endswith("-2.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [first[0].name, first[1].name, second[0].name, second[1].name]
    )


def test_save_refuses_existing_file(tmp_path: Path) -> None:
    from ksa.workbook.save import save_text

    target = tmp_path / "x.json"
    save_text("{}", target)
    with pytest.raises(OutputError, match="never overwritten"):
        save_text("{}", target)
    assert target.read_text() == "{}"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]  # no temp file left behind


def test_schema_copies_are_identical() -> None:
    for name in ("panel.schema.json", "crosswalk.schema.json"):
        shipped = (REPO / "ksa" / "data" / "schemas" / name).read_text(encoding="utf-8")
        assert shipped == (REPO / "schemas" / name).read_text(encoding="utf-8"), name


def test_schema_defaults_are_the_matchers() -> None:
    """The panel schema documents the defaults the matcher uses when a panel leaves them out."""
    from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K
    from ksa.panel import load_schema

    courses = load_schema("panel.schema.json")["properties"]["courses"]["properties"]
    assert courses["top_k"]["default"] == DEFAULT_TOP_K
    assert courses["score_cutoff"]["default"] == DEFAULT_SCORE_CUTOFF


def test_output_stem_is_safe() -> None:
    assert (
        output_stem("my panel/x", "51-9161.00", "20261204T000000Z")
        == "my-panel-x_51-9161.00_20261204T000000Z"
    )


def test_a_course_title_longer_than_a_cell_is_counted_not_written() -> None:
    from ksa.workbook.crosswalk_sheet import courses_value

    huge = Match(MATH.item_id, Course("Hostile U", "", "X1", "A" * 40_000), 90.0, 1)
    value = courses_value((huge,))
    assert str(value) == "… and 1 more course: see the Match review sheet"
    short = Match(MATH.item_id, Course("North", "", "M1", "Technical Math"), 90.0, 1)
    two = courses_value((short, huge))
    assert str(two).endswith("\n… and 1 more course: see the Match review sheet")
    assert str(two).startswith("North, Technical Math (suggested, 90)")
