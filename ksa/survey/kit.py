"""The survey kit: one workbook per employer/SME, built from a panel and its item selection.

Layout (fixed; readers, the flow and the README rely on it): sheet ``Survey`` with a title block,
labelled ``Organization:``/``Respondent:`` cells, a header row (row 7) and one row per item; sheet
``Additional needs``; sheet ``Instructions``; hidden sheet ``_ksa_meta`` with key/value rows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ksa.model import Selection
from ksa.panel import Panel, Respondent
from ksa.workbook.layout import print_landscape, row_height
from ksa.workbook.save import save_workbook
from ksa.xlsafe import set_text

TEMPLATE_VERSION = "1"
SURVEY_SHEET = "Survey"
NEEDS_SHEET = "Additional needs"
INSTRUCTIONS_SHEET = "Instructions"
META_SHEET = "_ksa_meta"
HEADER_ROW = 7
FIRST_ITEM_ROW = HEADER_ROW + 1
HEADERS = (
    "Item ID",
    "Domain",
    "Item",
    "Description",
    "Needed (Y/N)",
    "Not applicable portion",
    "Comment",
)
NEEDS_HEADERS = ("Need", "Domain", "Comment")
NEEDS_ROWS = 30
NEED_DOMAINS = ("Knowledge", "Skills", "Tools", "Technology", "Other")
ORGANIZATION_LABEL = "Organization:"
RESPONDENT_LABEL = "Respondent:"

INPUT_FILL = PatternFill(fill_type="solid", start_color="FFF2CC", end_color="FFF2CC")
HEADER_FILL = PatternFill(fill_type="solid", start_color="D9E1F2", end_color="D9E1F2")
_WIDTHS = {"A": 14, "B": 12, "C": 30, "D": 60, "E": 13, "F": 32, "G": 32}
_WRAP = Alignment(wrap_text=True, vertical="top")
_NO_WRAP = Alignment(wrap_text=False, vertical="top")
_ID_FONT = Font(size=8, color="595959")
_UNLOCKED = Protection(locked=False)


def items_checksum(item_ids: Iterable[str]) -> str:
    """SHA-256 of the sorted item ids joined by newlines (what ``_ksa_meta`` stores)."""
    return hashlib.sha256("\n".join(sorted(item_ids)).encode("utf-8")).hexdigest()


def build_kit(
    panel: Panel,
    selection: Selection,
    respondent: Respondent | None = None,
    *,
    generated_at: str | None = None,
) -> Workbook:
    """A survey workbook for one respondent (or a blank copy); pure, nothing is written."""
    wb = Workbook()
    survey = wb.active
    assert isinstance(survey, Worksheet)
    survey.title = SURVEY_SHEET
    _survey_sheet(survey, panel, selection, respondent)
    _needs_sheet(wb.create_sheet(NEEDS_SHEET))
    _instructions_sheet(wb.create_sheet(INSTRUCTIONS_SHEET), panel)
    _meta_sheet(wb.create_sheet(META_SHEET), panel, selection, respondent, generated_at)
    wb.active = 0
    return wb


def _occupation_label(panel: Panel, selection: Selection) -> str:
    occupation = selection.profile.occupation
    title = panel.occupation_title or occupation.title
    return f"{title} ({occupation.code or panel.soc})"


def _survey_sheet(
    ws: Worksheet, panel: Panel, selection: Selection, respondent: Respondent | None
) -> None:
    set_text(ws["A1"], panel.title)
    ws["A1"].font = Font(bold=True, size=14)
    set_text(ws["A2"], _occupation_label(panel, selection))
    ws["A2"].font = Font(bold=True)
    ws["A4"] = ORGANIZATION_LABEL
    ws["A5"] = RESPONDENT_LABEL
    for ref, value in (
        ("B4", respondent.organization if respondent else ""),
        ("B5", respondent.name if respondent else ""),
    ):
        set_text(ws[ref], value)
        ws[ref].fill = INPUT_FILL
        ws[ref].protection = _UNLOCKED
    ws["A4"].font = ws["A5"].font = Font(bold=True)
    ws["A6"] = (
        "For each item, enter Y if your organization needs it for this job, N if not. "
        "Optionally name the part of the description that does not apply, and comment. "
        "Add anything missing on the 'Additional needs' sheet."
    )
    ws["A6"].font = Font(italic=True)
    for col, header in enumerate(HEADERS, start=1):
        head = ws.cell(row=HEADER_ROW, column=col, value=header)
        head.font = Font(bold=True)
        head.fill = HEADER_FILL
        head.alignment = _WRAP
    last_row = HEADER_ROW + len(selection.items)
    for row, item in enumerate(selection.items, start=FIRST_ITEM_ROW):
        values = (item.item_id, item.domain.label, item.name, item.description)
        ws.row_dimensions[row].height = row_height(values[1:], list(_WIDTHS.values())[1:])
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col)
            set_text(cell, value)
            cell.alignment = _WRAP
        ws.cell(row=row, column=1).alignment = _NO_WRAP  # a machine id: clipped, never wrapped
        ws.cell(row=row, column=1).font = _ID_FONT
        for col in (5, 6, 7):
            cell = ws.cell(row=row, column=col)
            cell.protection = _UNLOCKED
            cell.fill = INPUT_FILL
            cell.alignment = _WRAP
    validation = DataValidation(
        type="list",
        formula1='"Y,N"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Y or N",
        error="Enter Y (needed) or N (not needed), or leave the cell blank.",
        showInputMessage=True,
        promptTitle="Needed?",
        prompt="Y = needed for this job, N = not needed",
    )
    ws.add_data_validation(validation)
    if selection.items:
        validation.add(f"E{FIRST_ITEM_ROW}:E{last_row}")
    for letter, width in _WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{FIRST_ITEM_ROW}"
    print_landscape(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False


def _needs_sheet(ws: Worksheet) -> None:
    for col, header in enumerate(NEEDS_HEADERS, start=1):
        head = ws.cell(row=1, column=col, value=header)
        head.font = Font(bold=True)
        head.fill = HEADER_FILL
    for row in range(2, NEEDS_ROWS + 2):
        for col in range(1, len(NEEDS_HEADERS) + 1):
            cell = ws.cell(row=row, column=col)
            cell.protection = _UNLOCKED
            cell.fill = INPUT_FILL
            cell.alignment = _WRAP
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(NEED_DOMAINS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Domain",
        error="Pick one of: " + ", ".join(NEED_DOMAINS) + ".",
    )
    ws.add_data_validation(validation)
    validation.add(f"B2:B{NEEDS_ROWS + 1}")
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 50
    ws.freeze_panes = "A2"
    ws.protection.sheet = True


def _instructions_sheet(ws: Worksheet, panel: Panel) -> None:
    lines = (
        "How to fill in this survey",
        "",
        "1. On the 'Survey' sheet, type your organization's name next to 'Organization:' and your "
        "name next to 'Respondent:'.",
        "2. For every item, put Y in the 'Needed (Y/N)' column if a worker in this job needs it at "
        "your organization, or N if it is not needed. Leave it blank only if you cannot say.",
        "3. If only part of a description does not apply, copy those words into the "
        "'Not applicable portion' column (for example: costs). Separate several parts with ';'.",
        "4. Use 'Comment' for anything else about an item.",
        "5. On the 'Additional needs' sheet, list knowledge, skills, tools or technology the job "
        "needs that the survey does not list, one per row.",
        "6. Do not add, remove or reorder items; save the file and send it back as it is "
        "(keep the .xlsx format).",
        "",
        f"Panel: {panel.title}",
    )
    for row, line in enumerate(lines, start=1):
        set_text(ws.cell(row=row, column=1), line)
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 100


def _meta_sheet(
    ws: Worksheet,
    panel: Panel,
    selection: Selection,
    respondent: Respondent | None,
    generated_at: str | None,
) -> None:
    ids = [item.item_id for item in selection.items]
    rows = (
        ("panel_id", panel.panel_id),
        ("soc", selection.profile.occupation.code or panel.soc),
        ("onet_release", selection.profile.release),
        ("template_version", TEMPLATE_VERSION),
        ("item_ids", ",".join(ids)),
        ("items_sha256", items_checksum(ids)),
        ("generated_at", generated_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("respondent", respondent.organization if respondent else ""),
    )
    for row, (key, value) in enumerate(rows, start=1):
        set_text(ws.cell(row=row, column=1), key)
        set_text(ws.cell(row=row, column=2), value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _slug(text: str, limit: int = 40) -> str:
    slug = _UNSAFE_NAME.sub("-", text).strip("-._")
    return slug[:limit].rstrip("-._")


def kit_filename(panel: Panel, respondent: Respondent | None, index: int) -> str:
    """A safe file name: ``<panel>-survey-<NN>-<organization>.xlsx`` (ASCII, no separators)."""
    base = _slug(panel.panel_id) or "panel"
    who = _slug(respondent.organization) if respondent else "blank"
    return f"{base}-survey-{index:02d}-{who or 'respondent'}.xlsx"


def write_kits(
    panel: Panel, selection: Selection, out_dir: Path, *, generated_at: str | None = None
) -> list[Path]:
    """One kit per panel respondent (else ``panel.copies`` blank copies); never overwrites."""
    targets: list[Respondent | None] = (
        list(panel.respondents) if panel.respondents else [None] * panel.copies
    )
    written: list[Path] = []
    for index, respondent in enumerate(targets, start=1):
        wb = build_kit(panel, selection, respondent, generated_at=generated_at)
        written.append(save_workbook(wb, Path(out_dir) / kit_filename(panel, respondent, index)))
    return written
