"""Reader for form exports (CSV): one row per respondent, one column per item.

Row 1 holds an ``Organization`` column, optionally ``Respondent``/``Name``, ``Email``,
``Timestamp`` and ``Additional needs`` (several needs separated by ';' or new lines), and one
column per item headed by its item id or name.
"""

from __future__ import annotations

import re

from ksa.model import CellRef, ItemAnswer, NeedEntry, Response
from ksa.survey.common import ItemIndex, ReadResult, cell_ref, match_header, read_answer
from ksa.survey.grid import SheetGrid, norm_header

ORG_HEADERS = ("organization", "organisation", "company", "employer")
PERSON_HEADERS = ("respondent", "name", "your name")
NEEDS_HEADERS = ("additional needs", "additional need*")
IGNORED = frozenset(
    {"timestamp", "email", "email address", "date", "submitted", "comment", "comments"}
)
_SPLIT_NEEDS = re.compile(r"[;\n]+")


def form_header(grid: SheetGrid) -> dict[str, int] | None:
    """Headers of row 1 when it has an organization column (the form layout), else None."""
    if not grid.rows:
        return None
    headers = {}
    for col, value in enumerate(grid.rows[0], start=1):
        text = norm_header(value)
        if text and text not in headers:
            headers[text] = col
    return headers if match_header(headers, ORG_HEADERS) is not None else None


def read_form(grid: SheetGrid, index: ItemIndex) -> ReadResult:
    result = ReadResult()
    headers = form_header(grid)
    if headers is None:
        result.not_survey.append(
            grid.problem("not a form export: row 1 has no 'Organization' column")
        )
        return result
    org_col = match_header(headers, ORG_HEADERS)
    person_col = match_header(headers, PERSON_HEADERS)
    needs_col = match_header(headers, NEEDS_HEADERS)
    assert org_col is not None
    item_cols: list[tuple[int, str]] = []
    seen_items: dict[str, int] = {}
    for col, value in enumerate(grid.rows[0], start=1):
        text = grid.text(1, col)
        if not text or col in (org_col, person_col, needs_col) or norm_header(text) in IGNORED:
            continue
        item, why = index.resolve(text)
        if item is None:
            result.problems.append(grid.problem(why, 1, col, value))
            continue
        if item.item_id in seen_items:
            result.problems.append(
                grid.problem(f"item {item.item_id} has two columns", 1, col, value, hint="keep one")
            )
            continue
        seen_items[item.item_id] = col
        item_cols.append((col, item.item_id))
    if not item_cols and not result.problems:
        result.not_survey.append(grid.problem("not a form export: no item columns in row 1"))
        return result
    for row in range(2, len(grid.rows) + 1):
        if not any(grid.text(row, c) for c in range(1, len(grid.rows[row - 1]) + 1)):
            continue
        organization = grid.text(row, org_col)
        answers = []
        for col, item_id in item_cols:
            answer, _ok = read_answer(grid, row, col, result)
            answers.append(ItemAnswer(item_id, answer, source=cell_ref(grid, row, col)))
        if not organization:
            result.problems.append(
                grid.problem(
                    "a response without an organization",
                    row,
                    org_col,
                    hint="every response must name its organization",
                )
            )
            continue
        needs = []
        if needs_col:
            for part in _SPLIT_NEEDS.split(grid.text(row, needs_col)):
                if part.strip():
                    needs.append(
                        NeedEntry(
                            part.strip(),
                            respondent=organization,
                            source=CellRef(grid.display, None, grid.ref(row, needs_col)),
                        )
                    )
        result.responses.append(
            Response(
                respondent=organization,
                person=grid.text(row, person_col) if person_col else "",
                source=grid.display,
                answers=tuple(answers),
                needs=tuple(needs),
                layout="form-csv",
            )
        )
    return result
