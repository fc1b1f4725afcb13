"""Reader for a consolidated matrix: one row per item, one column per respondent.

The header row holds ``Item ID`` and/or ``Item`` and one column per respondent (headed by the
organization); descriptive columns (domain, description, category, comment) are skipped.
"""

from __future__ import annotations

from ksa.model import ItemAnswer, Response
from ksa.survey.common import (
    ID_HEADERS,
    NAME_HEADERS,
    ItemIndex,
    ReadResult,
    cell_ref,
    find_header_row,
    grid_issue,
    match_header,
    read_answer,
    resolve_item_row,
)
from ksa.survey.grid import SheetGrid

MATRIX_HEADER_GROUPS = (("item id", "item"),)
DESCRIPTIVE = frozenset(
    {
        "item id",
        "id",
        "element id",
        "item",
        "item name",
        "name",
        "domain",
        "description",
        "category",
        "type",
        "comment",
        "comments",
        "notes",
        "importance",
        "level",
        "#",
        "no",
        "no.",
    }
)


def respondent_columns(headers: dict[str, int], grid: SheetGrid, row: int) -> list[tuple[int, str]]:
    """(column, organization as written) for every non-descriptive header of the header row."""
    columns = []
    for header, col in sorted(headers.items(), key=lambda kv: kv[1]):
        if header in DESCRIPTIVE or header.startswith(("description", "comment")):
            continue
        columns.append((col, grid.text(row, col)))
    return columns


def read_matrix(grid: SheetGrid, index: ItemIndex) -> ReadResult:
    result = ReadResult()
    found = find_header_row(grid, MATRIX_HEADER_GROUPS)
    if found is None:
        result.not_survey.append(
            grid.problem(
                "not a response matrix: no header row with 'Item ID' or 'Item' in the first 50 rows"
            )
        )
        return result
    header_row, headers = found
    id_col = match_header(headers, ID_HEADERS)
    name_col = match_header(headers, NAME_HEADERS)
    # Headers that are not text (e.g. a number) are respondent names too.
    for col, value in enumerate(grid.rows[header_row - 1], start=1):
        if value is not None and not isinstance(value, str):
            headers[str(value)] = col
    columns = respondent_columns(headers, grid, header_row)
    if not columns:
        result.not_survey.append(
            grid.problem(
                "not a response matrix: the header row has no respondent columns", header_row
            )
        )
        return result
    seen_names: dict[str, int] = {}
    for col, name in columns:
        key = " ".join(name.split()).casefold()
        if key in seen_names:
            result.problems.append(
                grid.problem(
                    f"respondent {name!r} has two columns ({grid.ref(header_row, seen_names[key])} and "
                    f"{grid.ref(header_row, col)})",
                    header_row,
                    col,
                    hint="merge the two columns into one",
                )
            )
        seen_names[key] = col

    answers: dict[int, list[ItemAnswer]] = {col: [] for col, _ in columns}
    seen: dict[str, int] = {}
    for row in range(header_row + 1, len(grid.rows) + 1):
        id_text = grid.text(row, id_col) if id_col else ""
        name_text = grid.text(row, name_col) if name_col else ""
        if not id_text and not name_text:
            stray = [c for c, _ in columns if grid.text(row, c)]
            if stray:
                result.problems.append(
                    grid.problem(
                        "answers on a row without an item", row, stray[0], grid.value(row, stray[0])
                    )
                )
            continue
        item = resolve_item_row(
            grid, row, index, (id_col, id_text), (name_col, name_text), seen, result
        )
        if item is None:
            continue
        for col, _name in columns:
            answer, _ok = read_answer(grid, row, col, result)
            answers[col].append(ItemAnswer(item.item_id, answer, source=cell_ref(grid, row, col)))
    missing = [item for item in index.items if item.item_id not in seen]
    if missing:
        result.issues.append(
            grid_issue(
                grid,
                f"{len(missing)} item(s) not in the matrix count as not answered: "
                + ", ".join(f"{i.item_id} ({i.name})" for i in missing),
            )
        )
    for col, name in columns:
        if not name:
            if any(a.answer is not None for a in answers[col]):
                result.problems.append(
                    grid.problem(
                        "a column of answers without a respondent name",
                        header_row,
                        col,
                        hint="put the organization's name in the header cell",
                    )
                )
            continue
        result.responses.append(
            Response(
                respondent=name, source=grid.display, answers=tuple(answers[col]), layout="matrix"
            )
        )
    return result
