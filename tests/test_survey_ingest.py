"""Reading returned kits: every problem reported with file and cell, all files at once."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from test_survey_helpers import (
    ANSWERS,
    ITEMS,
    ORGS,
    PANEL_ID,
    SOC,
    fill_kit,
    make_panel,
    make_selection,
    write_filled_kits,
)

from ksa.errors import BadAnswerError, InputError, NotASurveyError
from ksa.model import Answer
from ksa.panel import Respondent
from ksa.survey import build_kit, read_responses
from ksa.tally import tally_items


def read(folder: Path, **kw: object):  # type: ignore[no-untyped-def]
    return read_responses(folder, ITEMS, panel_id=PANEL_ID, soc=SOC, **kw)  # type: ignore[arg-type]


def survey(path: Path) -> tuple[openpyxl.Workbook, Worksheet]:
    wb = openpyxl.load_workbook(path)
    ws = wb["Survey"]
    assert isinstance(ws, Worksheet)
    return wb, ws


def test_reads_filled_kits(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    (folder / "~$kit-1.xlsx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"x")
    (folder / "notes.txt").write_text("hi")
    bundle = read(folder)
    assert [r.respondent for r in bundle.responses] == list(ORGS)
    assert all(r.layout == "kit" and r.person == "A. Person" for r in bundle.responses)
    assert len(bundle.files) == 5 and all(Path(f).is_absolute() for f in bundle.files)
    ignored = " ".join(i.message for i in bundle.issues)
    assert "~$kit-1.xlsx" in ignored and ".DS_Store" in ignored and "notes.txt" in ignored
    second = bundle.responses[1]
    answer = next(a for a in second.answers if a.item_id == "2.C.1.d")
    assert answer.answer is Answer.YES and answer.source is not None
    assert (answer.source.file, answer.source.sheet, answer.source.cell) == (
        "kit-2.xlsx",
        "Survey",
        "E9",
    )
    result = tally_items(ITEMS, bundle.responses, threshold=Fraction(4, 5))
    assert {k for k, t in result.tallies.items() if t.flagged} == {
        "2.C.4.c",
        "T:23151806:5-axis",
        "T:23151806:8-axis",
    }


def test_glob_source_and_empty_folder(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    assert len(read(folder / "kit-[12].xlsx").responses) == 2
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "~$lock.xlsx").write_bytes(b"")
    with pytest.raises(InputError, match="No survey responses found") as info:
        read(tmp_path / "empty")
    assert "~$lock.xlsx" in info.value.report()
    with pytest.raises(InputError, match="No survey responses"):
        read(tmp_path / "nothing-*.xlsx")


def test_bad_values_all_reported_with_file_and_cell(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    for name, cell, value in (
        ("kit-2.xlsx", "E8", "maybe"),
        ("kit-4.xlsx", "E10", "?"),
        ("kit-4.xlsx", "E11", 7),
    ):
        wb, ws = survey(folder / name)
        ws[cell] = value
        wb.save(folder / name)
    with pytest.raises(BadAnswerError) as info:
        read(folder)
    problems = {(p.file, p.sheet, p.cell, p.value) for p in info.value.problems}
    assert problems == {
        ("kit-2.xlsx", "Survey", "E8", "maybe"),
        ("kit-4.xlsx", "Survey", "E10", "?"),
        ("kit-4.xlsx", "Survey", "E11", 7),
    }
    assert "kit-2.xlsx, sheet 'Survey', cell E8" in info.value.report()
    lenient = read(folder, lenient=True)
    assert sum("excluded" in i.message for i in lenient.issues) == 3
    kit2 = next(r for r in lenient.responses if r.source == "kit-2.xlsx")
    assert next(a for a in kit2.answers if a.item_id == "2.C.4.a").answer is None


def test_stale_kit_names_added_and_removed_items(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path, items=ITEMS[:4])
    with pytest.raises(InputError, match="stale kit") as info:
        read(folder)
    report = info.value.report()
    assert "items added since it was made: T:23151806:8-axis (8 axis lathes)" in report
    assert all(f"kit-{n}.xlsx" in report for n in range(1, 6))


def test_kit_for_another_panel_or_occupation(tmp_path: Path) -> None:
    wb = build_kit(make_panel(tmp_path, panel_id="other-panel"), make_selection(), Respondent("X"))
    fill_kit(wb, "X", {})
    (tmp_path / "r").mkdir()
    wb.save(tmp_path / "r" / "foreign.xlsx")
    with pytest.raises(InputError, match="made for panel 'other-panel'"):
        read(tmp_path / "r")
    with pytest.raises(
        InputError, match=re.escape("made for occupation '51-9161.00', not '51-4121.00'")
    ):
        read_responses(tmp_path / "r", ITEMS, panel_id="other-panel", soc="51-4121.00")


def test_duplicate_respondent_and_prefer(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    wb, ws = survey(folder / "kit-2.xlsx")
    ws["B4"] = " front range  PRECISION "
    wb.save(folder / "kit-6.xlsx")
    with pytest.raises(
        InputError, match=re.escape("appears more than once: kit-1.xlsx and kit-6.xlsx")
    ):
        read(folder)
    bundle = read(folder, prefer={"Front Range Precision": "kit-6.xlsx"})
    assert len(bundle.responses) == 5
    kept = next(r for r in bundle.responses if r.respondent.strip().casefold().startswith("front"))
    assert kept.source == "kit-6.xlsx"
    assert any("kit-1.xlsx" in i.message for i in bundle.issues)


def test_unknown_item_and_missing_item(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    wb, ws = survey(folder / "kit-3.xlsx")
    ws["A9"] = "9.9.9"
    wb.save(folder / "kit-3.xlsx")
    with pytest.raises(InputError, match=re.escape("unknown item '9.9.9'")) as info:
        read(folder)
    assert any(p.cell == "A9" and p.file == "kit-3.xlsx" for p in info.value.problems)
    wb, ws = survey(folder / "kit-3.xlsx")
    ws.delete_rows(9)
    wb.save(folder / "kit-3.xlsx")
    bundle = read(folder)
    assert any(
        "missing from the kit" in i.message and "2.C.1.d" in i.message for i in bundle.issues
    )
    tally = tally_items(ITEMS, bundle.responses, threshold=Fraction(4, 5)).tallies["2.C.1.d"]
    assert (tally.yes, tally.unanswered) == (4, 1)


def test_merged_answer_cells_are_an_error(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    wb, ws = survey(folder / "kit-5.xlsx")
    ws.merge_cells("E10:E11")
    wb.save(folder / "kit-5.xlsx")
    with pytest.raises(InputError, match="merged cells E10:E11"):
        read(folder)


def test_formula_cached_value_and_hidden_rows(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    wb, ws = survey(folder / "kit-1.xlsx")
    ws["E8"] = '=IF(1=1,"N","Y")'
    ws.row_dimensions[10].hidden = True
    wb.save(folder / "kit-1.xlsx")
    # openpyxl writes no cached value: the formula cell reads as blank (never evaluated).
    bundle = read(folder)
    first = bundle.responses[0]
    assert next(a for a in first.answers if a.item_id == "2.C.4.a").answer is None
    assert any("hidden row" in i.message and "10" in i.message for i in bundle.issues)
    unsaved = [i for i in bundle.issues if "formula without a saved result" in i.message]
    assert len(unsaved) == 1 and "kit-1.xlsx" in unsaved[0].where and "E8" in unsaved[0].where
    _patch_cached_value(folder / "kit-1.xlsx", "E8", "N")
    patched = read(folder)
    first = patched.responses[0]
    assert next(a for a in first.answers if a.item_id == "2.C.4.a").answer is Answer.NO
    assert not any("formula without" in i.message for i in patched.issues)


def _patch_cached_value(path: Path, ref: str, value: str) -> None:
    """Give a formula cell a cached string value, as Excel would after calculating."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as zin:
        entries = {n: zin.read(n) for n in zin.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = entries[sheet].decode()
    xml, count = re.subn(
        rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?</c>',
        rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v></c>',
        xml,
    )
    assert count == 1, xml[:500]
    entries[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in entries.items():
            zout.writestr(name, data)


def test_blank_organization_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    wb, ws = survey(folder / "kit-2.xlsx")
    ws["B4"] = None
    meta = wb["_ksa_meta"]
    meta["B8"] = None
    wb.save(folder / "kit-2.xlsx")
    with pytest.raises(InputError, match="organization is blank") as info:
        read(folder)
    assert any(p.cell == "B4" and p.file == "kit-2.xlsx" for p in info.value.problems)


def test_edited_layout_still_reads(tmp_path: Path) -> None:
    """Inserted rows/columns, a renamed sheet, no metadata: still read (metadata absence warned)."""
    folder = write_filled_kits(tmp_path)
    wb, ws = survey(folder / "kit-4.xlsx")
    ws.protection.sheet = False
    ws.insert_rows(1, 3)
    ws.insert_cols(1)
    ws.title = "Renamed"
    del wb["_ksa_meta"]
    wb.save(folder / "kit-4.xlsx")
    bundle = read(folder)
    fourth = next(r for r in bundle.responses if r.source == "kit-4.xlsx")
    assert fourth.respondent == ORGS[3]
    assert [a.answer.value if a.answer else None for a in fourth.answers] == [
        ANSWERS[i.item_id][3].upper()[:1] if ANSWERS[i.item_id][3] != "x" else "Y" for i in ITEMS
    ]
    assert any("_ksa_meta" in i.message for i in bundle.issues)


def test_not_a_survey_among_good_files(tmp_path: Path) -> None:
    folder = write_filled_kits(tmp_path)
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Budget 2026"  # type: ignore[index]
    wb.save(folder / "budget.xlsx")
    (folder / "broken.xlsx").write_bytes(b"not a zip")
    wb, ws = survey(folder / "kit-2.xlsx")
    ws["E8"] = "maybe"
    wb.save(folder / "kit-2.xlsx")
    with pytest.raises(NotASurveyError) as info:
        read(folder)
    report = info.value.report()
    assert "budget.xlsx" in report and "not a survey in any known layout" in report
    assert "broken.xlsx" in report and "maybe" in report  # the other files' problems too


@pytest.mark.parametrize("chunk", [7, 61, 1 << 20])
def test_layout_scan_is_chunk_size_independent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    from ksa.survey import grid as grid_module

    folder = write_filled_kits(tmp_path)
    wb, ws = survey(folder / "kit-1.xlsx")
    ws["E8"] = "=1+1"
    ws["E12"] = "=0"
    ws.row_dimensions[10].hidden = True
    wb.save(folder / "kit-1.xlsx")
    monkeypatch.setattr(grid_module, "_CHUNK", chunk)
    sheet = next(
        g for g in grid_module.read_workbook_grids(folder / "kit-1.xlsx") if g.name == "Survey"
    )
    grid_module.add_layout_details(sheet)
    assert sheet.formula_cells == {"E8", "E12"}
    assert sheet.hidden_rows == {10}
