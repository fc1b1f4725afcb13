"""Crosswalk model -> openpyxl Workbook. Pure: no file is read or written here."""

from __future__ import annotations

from openpyxl import Workbook

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

SHEETS = ("Crosswalk", "Summary", REVIEW_SHEET, "Responses", "Issues", "About")


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
    wb.properties.title = crosswalk.title[:255]
    wb.properties.creator = "ksa"
    return wb
