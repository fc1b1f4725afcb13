"""The survey kit, read back from disk: layout, validation, protection, hidden metadata, safety."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from test_survey_helpers import ITEMS, PANEL_ID, SOC, make_panel, make_selection

from ksa.errors import OutputError
from ksa.model import Domain, Item
from ksa.panel import Respondent
from ksa.survey import build_kit, items_checksum, kit_filename, write_kits
from ksa.survey.kit import HEADER_ROW, HEADERS, NEEDS_ROWS


@pytest.fixture()
def kit(tmp_path: Path) -> openpyxl.Workbook:
    panel = make_panel(tmp_path)
    wb = build_kit(panel, make_selection(), Respondent("Peak CNC Works", "Dana"),
                   generated_at="2026-01-01T00:00:00Z")
    wb.save(tmp_path / "kit.xlsx")
    return openpyxl.load_workbook(tmp_path / "kit.xlsx")


def _ws(wb: openpyxl.Workbook, name: str) -> Worksheet:
    ws = wb[name]
    assert isinstance(ws, Worksheet)
    return ws


def test_survey_sheet_header_and_rows(kit: openpyxl.Workbook) -> None:
    ws = _ws(kit, "Survey")
    assert kit.sheetnames[:3] == ["Survey", "Additional needs", "Instructions"]
    assert ws["A1"].value == "=Test panel" and ws["A1"].data_type == "s"
    assert ws["A2"].value == f"CNC Tool Operator ({SOC})"
    assert (ws["A4"].value, ws["B4"].value) == ("Organization:", "Peak CNC Works")
    assert (ws["A5"].value, ws["B5"].value) == ("Respondent:", "Dana")
    assert tuple(c.value for c in ws[HEADER_ROW]) == HEADERS
    rows = [tuple(c.value for c in row[:4]) for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    assert rows == [(i.item_id, i.domain.label, i.name, i.description or None) for i in ITEMS]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.column_dimensions["D"].width >= 40
    assert ws["D8"].alignment.wrap_text


def test_answer_validation_and_protection(kit: openpyxl.Workbook) -> None:
    ws = _ws(kit, "Survey")
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"Y,N"' and dv.showErrorMessage and dv.error
    assert str(dv.sqref) == f"E8:E{7 + len(ITEMS)}"
    assert ws.protection.sheet and not ws.protection.password
    for row in range(8, 8 + len(ITEMS)):
        assert [ws.cell(row=row, column=c).protection.locked for c in range(1, 8)] == [
            True, True, True, True, False, False, False]
    assert not ws["B4"].protection.locked and not ws["B5"].protection.locked
    assert ws["B4"].fill.start_color.rgb.endswith("FFF2CC")
    assert ws["A4"].protection.locked and ws["A7"].protection.locked


def test_needs_and_instructions_sheets(kit: openpyxl.Workbook) -> None:
    needs = _ws(kit, "Additional needs")
    assert [c.value for c in needs[1]] == ["Need", "Domain", "Comment"]
    assert not needs.cell(row=NEEDS_ROWS + 1, column=1).protection.locked
    (dv,) = needs.data_validations.dataValidation
    assert dv.formula1 == '"Knowledge,Skills,Tools,Technology,Other"'
    assert str(dv.sqref) == f"B2:B{NEEDS_ROWS + 1}"
    text = " ".join(str(c.value) for c in _ws(kit, "Instructions")["A"] if c.value)
    assert "Y" in text and "Not applicable portion" in text and "send it back" in text


def test_hidden_meta(kit: openpyxl.Workbook) -> None:
    meta = _ws(kit, "_ksa_meta")
    assert meta.sheet_state == "hidden"
    values = {row[0].value: row[1].value for row in meta.iter_rows()}
    ids = [i.item_id for i in ITEMS]
    assert values == {
        "panel_id": PANEL_ID, "soc": SOC, "onet_release": "29.3", "template_version": "1",
        "item_ids": ",".join(ids), "items_sha256": items_checksum(ids),
        "generated_at": "2026-01-01T00:00:00Z", "respondent": "Peak CNC Works",
    }
    assert items_checksum(reversed(ids)) == items_checksum(ids)


def test_formula_like_text_is_stored_as_text(tmp_path: Path) -> None:
    hostile = Item("=cmd|'/c calc'!A0", Domain.KNOWLEDGE, "+SUM(A1:A9)", "-2+3 @evil")
    wb = build_kit(make_panel(tmp_path), make_selection((hostile,)), Respondent("@Org"))
    wb.save(tmp_path / "k.xlsx")
    ws = _ws(openpyxl.load_workbook(tmp_path / "k.xlsx"), "Survey")
    assert [ws.cell(row=8, column=c).value for c in (1, 3, 4)] == [
        "=cmd|'/c calc'!A0", "+SUM(A1:A9)", "-2+3 @evil"]
    assert all(ws.cell(row=8, column=c).data_type == "s" for c in (1, 3, 4))
    assert ws["B4"].value == "@Org" and ws["B4"].data_type == "s"


def test_write_kits_per_respondent_and_copies(tmp_path: Path) -> None:
    people = (Respondent("Peak CNC Works"), Respondent("Foothills Tool & Die / East"))
    paths = write_kits(make_panel(tmp_path, respondents=people), make_selection(), tmp_path / "a")
    assert [p.name for p in paths] == ["cnc-test-survey-01-Peak-CNC-Works.xlsx",
                                       "cnc-test-survey-02-Foothills-Tool-Die-East.xlsx"]
    assert all(p.is_absolute() and p.exists() for p in paths)
    blanks = write_kits(make_panel(tmp_path, copies=3), make_selection(), tmp_path / "b")
    assert [p.name for p in blanks] == [f"cnc-test-survey-0{n}-blank.xlsx" for n in (1, 2, 3)]
    with pytest.raises(OutputError, match="never overwritten"):
        write_kits(make_panel(tmp_path, copies=1), make_selection(), tmp_path / "b")


def test_kit_filename_is_safe(tmp_path: Path) -> None:
    name = kit_filename(make_panel(tmp_path), Respondent("../../etc/Ünïcode: *?"), 7)
    assert "/" not in name and "\\" not in name and name.endswith(".xlsx")
    assert name.startswith("cnc-test-survey-07-")


def test_xlsafe_helpers() -> None:
    from openpyxl import Workbook

    from ksa.xlsafe import is_formula_like, safe_text, set_text

    ws = Workbook().active
    assert ws is not None
    for value in ("=1+1", "+1", "-1", "@SUM(A1)"):
        set_text(ws["A1"], value)
        assert ws["A1"].value == value and ws["A1"].data_type == "s" and is_formula_like(value)
    assert safe_text(None) == "" and safe_text("a\x00b\x07c\td") == "abc\td"
    assert safe_text(12) == "12" and not is_formula_like("Lathes")
