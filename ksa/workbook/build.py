"""Crosswalk model -> openpyxl Workbook. Pure: no file is read or written here."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ksa.model import Crosswalk
from ksa.workbook.crosswalk_sheet import write_crosswalk_sheet
from ksa.workbook.side_sheets import (
    REVIEW_SHEET,
    write_about,
    write_issues,
    write_match_review,
    write_responses,
    write_summary,
)
from ksa.xlsafe import set_text

SHEETS = ("Crosswalk", "Summary", REVIEW_SHEET, "Responses", "Issues", "About")
META_SHEET = "_ksa_meta"  # hidden: lets `ksa review apply` check the keys it is given


def build_workbook(crosswalk: Crosswalk) -> Workbook:
    """The Appendix-B workbook: Crosswalk, Summary, Match review, Responses, Issues, About."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    write_crosswalk_sheet(ws, crosswalk)
    write_summary(wb.create_sheet("Summary"), crosswalk)
    write_match_review(wb.create_sheet(REVIEW_SHEET), crosswalk)
    write_responses(wb.create_sheet("Responses"), crosswalk)
    write_issues(wb.create_sheet("Issues"), crosswalk)
    write_about(wb.create_sheet("About"), crosswalk)
    write_meta(wb.create_sheet(META_SHEET), crosswalk)
    wb.properties.title = crosswalk.title[:255]
    wb.properties.creator = "ksa"
    return wb


def write_meta(ws: Worksheet, crosswalk: Crosswalk) -> None:
    """Key/value facts, then one review key per row (item ids and need keys)."""
    facts = [
        ("panel_id", crosswalk.panel_id),
        ("soc", crosswalk.occupation.code),
        ("onet_release", crosswalk.release),
        ("generated_at", crosswalk.generated_at),
        ("workbook_version", "1"),
    ]
    keys = [i.item_id for i in crosswalk.items] + [
        n.key for n in crosswalk.needs if n.in_onet is None
    ]
    for row, (name, value) in enumerate([*facts, *(("key", k) for k in keys)], start=1):
        set_text(ws.cell(row=row, column=1), name)
        set_text(ws.cell(row=row, column=2), value)
    ws.sheet_state = "hidden"
