"""Educators' decisions travel: crosswalk workbook -> Match review -> ledger -> next run."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_workbook_build import MATH, PHYS, _crosswalk

from ksa.errors import InputError
from ksa.ledger import Ledger
from ksa.match import MatchQuery, match_items
from ksa.model import Course, MatchStatus
from ksa.outputs import write_crosswalk
from ksa.review import apply_review


def _reviewed(tmp_path: Path, extra_key: str = PHYS.item_id) -> Path:
    workbook, _ = write_crosswalk(_crosswalk(), tmp_path, "20261204T000000Z")
    wb = load_workbook(workbook)
    ws = wb["Match review"]
    assert ws["G3"].value == "Technical Math" and ws["I3"].value == "suggested"
    ws["J3"] = "reject"
    ws["K3"] = "A. Educator"
    free = ws.max_row + 1
    for column, value in zip(
        "ADEGJ", [extra_key, "Pueblo CC", "Associate", "Applied Physics", "add"], strict=True
    ):
        ws[f"{column}{free}"] = value
    wb.save(workbook)
    return workbook


def test_decisions_win_on_the_next_run(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    result = apply_review(_reviewed(tmp_path), ledger)
    assert result.added == 2
    again = apply_review(_reviewed(tmp_path / "again"), ledger)
    assert again.added == 0 and again.unchanged == 2  # idempotent
    courses = [
        Course("Bridgerland", "Certificate", "M1", "Technical Math"),
        Course("Bridgerland", "Certificate", "M2", "Technical Mathematics II"),
        Course("Southeast CC", "Associate", "P1", "General Physics"),
    ]
    queries = [
        MatchQuery(MATH.item_id, "knowledge", "Mathematics"),
        MatchQuery(PHYS.item_id, "knowledge", "Physics"),
    ]
    matches = match_items(queries, courses, decisions=ledger.decisions())
    math_titles = [m.course.course_title for m in matches[MATH.item_id]]
    assert "Technical Math" not in math_titles  # rejected: never suggested again
    first = matches[PHYS.item_id][0]
    assert first.status is MatchStatus.CONFIRMED and first.course.course_title == "Applied Physics"


def test_unknown_key_is_refused_with_its_cell(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    workbook = _reviewed(tmp_path, extra_key="2.C.9.z")
    with pytest.raises(InputError) as info:
        apply_review(workbook, ledger)
    problem = info.value.problems[0]
    assert problem.value == "2.C.9.z" and problem.cell and problem.cell.startswith("A")
    assert ledger.decisions() == []  # nothing recorded
