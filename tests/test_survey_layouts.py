"""Every layout of the same answers gives identical tallies; legacy Appendix B re-imports."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from test_survey_helpers import ANSWERS, ITEMS, ORGS, PANEL_ID, SOC, write_filled_kits

from ksa.errors import InputError, NotASurveyError
from ksa.model import Domain, Item
from ksa.survey import read_responses
from ksa.survey.read_tally import parse_tally_text
from ksa.tally import tally_items

FLAGGED = {"2.C.4.c", "T:23151806:5-axis", "T:23151806:8-axis"}


def read(source: Path, **kw: object):  # type: ignore[no-untyped-def]
    return read_responses(source, ITEMS, panel_id=PANEL_ID, soc=SOC, **kw)  # type: ignore[arg-type]


def counts(source: Path, **kw: object) -> dict[str, tuple[int, int, bool]]:
    bundle = read(source, **kw)
    result = tally_items(ITEMS, bundle.responses, bundle.counted, threshold=Fraction(4, 5))
    return {k: (t.yes, t.no, t.flagged) for k, t in result.tallies.items()}


def write_matrix(path: Path, *, by_name: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Consolidated responses"])
    ws.append([])
    ws.append(["Item" if by_name else "Item ID", "Description", *ORGS])
    for item in ITEMS:
        ws.append([item.name if by_name else item.item_id, item.description, *ANSWERS[item.item_id]])
    wb.save(path)
    return path


def write_form_csv(path: Path, encoding: str = "utf-8-sig") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(["Timestamp", "Organization", "Name",
                         *[i.name if n % 2 else i.item_id for n, i in enumerate(ITEMS)],
                         "Additional needs"])
        for n, org in enumerate(ORGS):
            writer.writerow(["2026-01-02", org, "", *[ANSWERS[i.item_id][n] for i in ITEMS],
                             "Blueprint reading; GD&T" if n == 0 else ""])
    return path


def test_kit_matrix_form_and_tally_layouts_agree(tmp_path: Path) -> None:
    expected = counts(write_filled_kits(tmp_path))
    assert {k for k, v in expected.items() if v[2]} == FLAGGED
    for n, by_name in enumerate((False, True)):
        folder = tmp_path / f"matrix{n}"
        folder.mkdir()
        write_matrix(folder / "all.xlsx", by_name=by_name)
        assert counts(folder) == expected
    form = tmp_path / "form"
    form.mkdir()
    write_form_csv(form / "export.csv")
    assert counts(form) == expected
    bundle = read(form)
    assert bundle.responses[0].layout == "form-csv"
    assert [n.text for n in bundle.responses[0].needs] == ["Blueprint reading", "GD&T"]
    cp = tmp_path / "cp1252"
    cp.mkdir()
    write_form_csv(cp / "export.csv", encoding="cp1252")
    assert counts(cp) == expected
    tally = tmp_path / "tally"
    tally.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Item", "Validated need"])
    spellings = ("Y-{y} N-{n}", "y {y} / n {n}", "Y-{y}, N-{n}", "Y{y}N{n}", "N-{n} Y-{y}")
    for k, item in enumerate(ITEMS):
        y, no = expected[item.item_id][:2]
        ws.append([item.name, spellings[k % len(spellings)].format(y=y, n=no)])
    wb.save(tally / "legacy.xlsx")
    assert counts(tally) == expected
    numeric = tmp_path / "numeric"
    numeric.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Item ID", "Y", "N"])
    for item in ITEMS:
        ws.append([item.item_id, *expected[item.item_id][:2]])
    wb.save(numeric / "counts.xlsx")
    assert counts(numeric) == expected


APPENDIX_KNOWLEDGE = (
    ("Mathematics", "Knowledge of arithmetic, algebra, geometry, calculus, statistics.", "Y-5    N-0"),
    ("Production and Processing", "Knowledge of raw materials ... costs ...", "Y-5    N-0"),
    ("English Language", "Knowledge of the structure and content of the English language.",
     "Y-4    N-1"),
    ("Physics", "Knowledge and prediction of physical principles ...", "Y-1    N-4"),
)
APPENDIX_TOOLS = (
    ("Surface grinders", "Y-4    N-1"), ("Computerized numerical control CNC tappers", "Y-4    N-1"),
    ("Tapping machines", "Y-4    N-1"), ("5 axis lathes", "Y-1    N-4"),
    ("8 axis lathes", "Y-0    N-5"), ("Lathes", "Y-5    N-0"),
    ("2/3 axis computer numerically controlled CNC milling machines", "Y-5    N-0"),
    ("Bore mills", "Y-5    N-0"), ("Computer numerical controlled CNC milling machines", "Y-5    N-0"),
)
APPENDIX_ITEMS = tuple(
    [Item(f"K{n}", Domain.KNOWLEDGE, name) for n, (name, _d, _t) in enumerate(APPENDIX_KNOWLEDGE)]
    + [Item(f"T{n}", Domain.TOOLS, name) for n, (name, _t) in enumerate(APPENDIX_TOOLS)]
)


def write_appendix_b(path: Path) -> Path:
    """The seed's Appendix B crosswalk as a legacy sheet (title block, two sections)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Crosswalk"
    ws.append(["HB13-1165 Manufacturing Career Pathway Skills & Competencies Cross-Walk"])
    ws.append(["Job Title/Occupation: Computer Controlled (CNC) Machine Tool Operator"])
    ws.append(["SOC/O*NET Code:  51-4011.00"])
    ws.append(["(Yellow highlight indicates 80% or more agree it's not applicable)"])
    ws.append([])
    ws.append(["Knowledge", "Knowledge Description", "Validated need by Regional Manufacturers (Y/N)",
               "Skills and Competencies Provided by Regional Educators (School Name, Grade Level, "
               "Course Title)"])
    for name, description, tally in APPENDIX_KNOWLEDGE:
        ws.append([name, description, tally, ""])
    ws.append([])
    ws.append(["Category", "Tools and Technology", "Use", "Skills and Competencies ..."])
    for name, tally in APPENDIX_TOOLS:
        ws.append(["Tools", name, tally])
    wb.save(path)
    return path


def test_seed_appendix_b_reimports(tmp_path: Path) -> None:
    folder = tmp_path / "legacy"
    folder.mkdir()
    write_appendix_b(folder / "appendix-b.xlsx")
    bundle = read_responses(folder, APPENDIX_ITEMS, panel_id="p", soc=SOC)
    assert bundle.responses == () and len(bundle.counted) == len(APPENDIX_ITEMS)
    assert bundle.counted[0].source is not None and bundle.counted[0].source.cell == "C7"
    result = tally_items(APPENDIX_ITEMS, (), bundle.counted, threshold=Fraction(4, 5))
    flagged = sorted(i.name for i in APPENDIX_ITEMS if result.tallies[i.item_id].flagged)
    assert flagged == ["5 axis lathes", "8 axis lathes", "Physics"]
    assert result.tallies["K2"].text == "Y-4 N-1"
    # the same sheet with the layout forced
    assert read_responses(folder, APPENDIX_ITEMS, panel_id="p", soc=SOC, layout="tally").counted


def test_appendix_b_unknown_item_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "legacy"
    folder.mkdir()
    write_appendix_b(folder / "appendix-b.xlsx")
    with pytest.raises(InputError, match="unknown item 'Mathematics'") as info:
        read_responses(folder, APPENDIX_ITEMS[1:], panel_id="p", soc=SOC)
    assert any(p.cell == "A7" for p in info.value.problems)  # Mathematics row
    renamed = tuple(
        Item(i.item_id, i.domain, "Surface grinding machines") if i.name == "Surface grinders" else i
        for i in APPENDIX_ITEMS
    )
    with pytest.raises(InputError) as info:
        read_responses(folder, renamed, panel_id="p", soc=SOC)
    assert "unknown item 'Surface grinders'" in info.value.report()
    assert "closest: 'Surface grinding machines'" in info.value.report()


@pytest.mark.parametrize(("text", "counts"), [
    ("Y-4 N-1", (4, 1)), ("y-4    n-1", (4, 1)), ("Y 4 / N 1", (4, 1)), ("Y-4, N-1", (4, 1)),
    ("Y:12 N:0", (12, 0)), ("N-2 Y-3", (3, 2)), ("Y-4", None), ("4/1", None), (41, None),
])
def test_parse_tally_text(text: object, counts: tuple[int, int] | None) -> None:
    assert parse_tally_text(text) == counts


def test_matrix_ambiguous_name_and_forced_layout_mismatch(tmp_path: Path) -> None:
    twins = (Item("A", Domain.TOOLS, "Lathes"), Item("B", Domain.TECHNOLOGY, "lathes"))
    folder = tmp_path / "m"
    folder.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Item", "Org 1"])
    ws.append(["Lathes", "Y"])
    wb.save(folder / "m.xlsx")
    with pytest.raises(InputError, match="ambiguous"):
        read_responses(folder, twins, panel_id="p", soc=SOC)
    with pytest.raises(NotASurveyError, match="not a survey kit"):
        read_responses(folder, twins, panel_id="p", soc=SOC, layout="kit")


def test_hostile_sizes_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ksa.survey import grid

    monkeypatch.setattr(grid, "MAX_ROWS", 50)
    monkeypatch.setattr(grid, "MAX_COLUMNS", 10)
    folder = tmp_path / "big"
    folder.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for n in range(60):
        ws.append(["Item", n])
    wb.save(folder / "rows.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Item ID", *range(20)])
    wb.save(folder / "cols.xlsx")
    (folder / "wide.csv").write_text("Organization," + ",".join(f"c{n}" for n in range(20)) + "\n")
    with pytest.raises(InputError) as info:
        read(folder)
    report = info.value.report()
    assert "rows.xlsx" in report and "more than 50 rows" in report
    assert "cols.xlsx" in report and "more than 10 columns" in report and "wide.csv" in report
