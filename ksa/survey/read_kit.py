"""Reader for returned survey kits (the layout ``ksa.survey.kit`` writes), tolerant of edits.

The header row is found by its names (inserted rows/columns, reordered columns and a renamed
sheet are fine), the organization by its ``Organization:`` label, and the hidden ``_ksa_meta``
sheet, when present, is checked against the panel (panel id, SOC code, item checksum).
"""

from __future__ import annotations

from openpyxl.utils.cell import get_column_letter, range_boundaries

from ksa.model import CellRef, ItemAnswer, NeedEntry, Response
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
from ksa.survey.grid import SheetGrid, add_layout_details, norm_header
from ksa.survey.kit import META_SHEET, items_checksum

ANSWER_HEADERS = ("needed*",)
PORTION_HEADERS = ("not applicable portion", "not applicable*", "portion*")
COMMENT_HEADERS = ("comment*", "notes")
KIT_HEADER_GROUPS = (("item id", "item"), ANSWER_HEADERS)


def find_kit_sheet(grids: list[SheetGrid]) -> tuple[SheetGrid, int, dict[str, int]] | None:
    """The sheet holding the kit's item table (visible sheets first), its header row and headers."""
    ordered = sorted((g for g in grids if g.name != META_SHEET), key=lambda g: g.hidden)
    for grid in ordered:
        found = find_header_row(grid, KIT_HEADER_GROUPS)
        if found:
            return grid, found[0], found[1]
    return None


def read_meta(grids: list[SheetGrid]) -> dict[str, str] | None:
    for grid in grids:
        if grid.name == META_SHEET:
            return {
                grid.text(r, 1): grid.text(r, 2)
                for r in range(1, len(grid.rows) + 1)
                if grid.text(r, 1)
            }
    return None


def _same_soc(a: str, b: str) -> bool:
    def full(code: str) -> str:
        code = code.strip()
        return code if "." in code else code + ".00"

    return full(a) == full(b)


def _check_meta(
    meta: dict[str, str] | None,
    grid: SheetGrid,
    index: ItemIndex,
    panel_id: str,
    soc: str,
    result: ReadResult,
) -> None:
    if meta is None:
        result.issues.append(
            grid_issue(
                grid,
                "no hidden _ksa_meta sheet: cannot check which panel, occupation and item list "
                "this kit was made for (items are matched by id/name)",
            )
        )
        return
    where = f"sheet '{META_SHEET}'"
    if meta.get("panel_id", "") != panel_id:
        result.problems.append(
            grid.problem(
                f"this kit was made for panel {meta.get('panel_id', '')!r}, not {panel_id!r} ({where})",
                hint="move it to that panel's responses folder, or send this panel's kit",
            )
        )
    if not _same_soc(meta.get("soc", ""), soc):
        result.problems.append(
            grid.problem(
                f"this kit was made for occupation {meta.get('soc', '')!r}, not {soc!r} ({where})",
                hint="it belongs to another occupation's panel",
            )
        )
    expected = [item.item_id for item in index.items]
    if meta.get("items_sha256", "") != items_checksum(expected):
        kit_ids = [i for i in meta.get("item_ids", "").split(",") if i]
        added = [i for i in expected if i not in set(kit_ids)]
        removed = [i for i in kit_ids if i not in set(expected)]
        detail = []
        if added:
            detail.append(
                "items added since it was made: " + ", ".join(_label(index, i) for i in added)
            )
        if removed:
            detail.append("items no longer selected: " + ", ".join(removed))
        result.problems.append(
            grid.problem(
                "stale kit: it was made for a different item selection"
                + ("; " + "; ".join(detail) if detail else " (item checksum differs)"),
                hint="send the respondent a new kit (ksa survey-kit) or restore the panel's selection",
            )
        )


def _label(index: ItemIndex, item_id: str) -> str:
    item = index.by_id.get(item_id)
    return f"{item_id} ({item.name})" if item else item_id


def _labelled_value(
    grid: SheetGrid, label: str, scan_rows: int = 10
) -> tuple[str, int, int] | None:
    """(value, row, column of the value cell) for a cell labelled ``label`` in the first rows."""
    for row in range(1, min(scan_rows, len(grid.rows)) + 1):
        for col, value in enumerate(grid.rows[row - 1], start=1):
            if isinstance(value, str) and norm_header(value) == label:
                for right in range(col + 1, col + 4):
                    text = grid.text(row, right)
                    if text:
                        return text, row, right
                return "", row, col + 1
    return None


def _organization(
    grid: SheetGrid,
    found: tuple[str, int, int],
    meta: dict[str, str] | None,
    result: ReadResult,
) -> str:
    """The organization typed beside the label; blank -> the kit's intended respondent (info)
    or a problem naming the cell to fill."""
    org_name, org_row, org_col = found
    if not org_name and meta and meta.get("respondent"):
        org_name = meta["respondent"]
        result.issues.append(
            grid_issue(
                grid,
                f"organization cell is blank; using the kit's intended respondent {org_name!r}",
                grid.ref(org_row, org_col),
                "info",
            )
        )
    if not org_name:
        result.problems.append(
            grid.problem(
                "the organization is blank: every response must name its organization",
                org_row,
                org_col,
                hint=f"type the organization's name in cell {grid.ref(org_row, org_col)}",
            )
        )
    return org_name


def read_kit(grids: list[SheetGrid], index: ItemIndex, *, panel_id: str, soc: str) -> ReadResult:
    result = ReadResult()
    found = find_kit_sheet(grids)
    if found is None:
        first = grids[0] if grids else None
        if first is not None:
            result.not_survey.append(
                first.problem(
                    "not a survey kit: no sheet has a header row with 'Item ID' (or 'Item') and "
                    "'Needed (Y/N)' in its first 50 rows"
                )
            )
        return result
    grid, header_row, headers = found
    if grid.name is not None:
        add_layout_details(grid)
    meta = read_meta(grids)
    _check_meta(meta, grid, index, panel_id, soc, result)

    organization = _labelled_value(grid, "organization")
    person = _labelled_value(grid, "respondent")
    org_name = ""
    if organization is None:
        result.problems.append(
            grid.problem(
                "no 'Organization:' label in the first 10 rows: cannot tell who answered",
                hint="restore the 'Organization:' label and type the organization's name beside it",
            )
        )
    else:
        org_name = _organization(grid, organization, meta, result)

    id_col = match_header(headers, ID_HEADERS)
    name_col = match_header(headers, NAME_HEADERS)
    answer_col = match_header(headers, ANSWER_HEADERS)
    assert answer_col is not None
    portion_col = match_header(headers, PORTION_HEADERS)
    comment_col = match_header(headers, COMMENT_HEADERS)

    for merged in grid.merged:
        min_col, _min_row, max_col, max_row = range_boundaries(merged)
        if (max_row or 0) > header_row and (min_col or 0) <= answer_col <= (max_col or 0):
            result.problems.append(
                grid.problem(
                    f"merged cells {merged} in the answer column: each item needs its own answer cell",
                    hint="unmerge the range and answer every item",
                )
            )

    answers: list[ItemAnswer] = []
    seen: dict[str, int] = {}
    hidden: list[int] = []
    for row in range(header_row + 1, len(grid.rows) + 1):
        id_text = grid.text(row, id_col) if id_col else ""
        name_text = grid.text(row, name_col) if name_col else ""
        answer_text = grid.text(row, answer_col)
        portion = grid.text(row, portion_col) if portion_col else ""
        comment = grid.text(row, comment_col) if comment_col else ""
        if not id_text and not name_text:
            if answer_text or portion:
                result.problems.append(
                    grid.problem(
                        "an answer on a row without an item id",
                        row,
                        answer_col,
                        answer_text or portion,
                        hint="answers belong on item rows; move or remove it",
                    )
                )
            continue
        item = resolve_item_row(
            grid, row, index, (id_col, id_text), (name_col, name_text), seen, result
        )
        if item is None:
            continue
        if row in grid.hidden_rows:
            hidden.append(row)
        answer, _ok = read_answer(grid, row, answer_col, result)
        answers.append(
            ItemAnswer(item.item_id, answer, portion, comment, cell_ref(grid, row, answer_col))
        )
    if hidden:
        result.issues.append(
            grid_issue(
                grid,
                f"{len(hidden)} hidden row(s) read anyway: rows " + ", ".join(map(str, hidden)),
                "",
            )
        )
    missing = [item for item in index.items if item.item_id not in seen]
    if missing:
        result.issues.append(
            grid_issue(
                grid,
                f"{len(missing)} item(s) missing from the kit count as not "
                "answered: " + ", ".join(f"{i.item_id} ({i.name})" for i in missing),
            )
        )
    needs = read_needs(grids, grid, org_name, result)
    if org_name:
        result.responses.append(
            Response(
                respondent=org_name,
                person=person[0] if person else "",
                source=grid.display,
                answers=tuple(answers),
                needs=tuple(needs),
                layout="kit",
            )
        )
    return result


NEED_HEADERS = ("need", "additional need*", "needs")


def read_needs(
    grids: list[SheetGrid], survey: SheetGrid, respondent: str, result: ReadResult
) -> list[NeedEntry]:
    needs: list[NeedEntry] = []
    for grid in grids:
        if grid is survey or grid.name == META_SHEET:
            continue
        found = find_header_row(grid, (NEED_HEADERS,), scan=10)
        if not found:
            continue
        header_row, headers = found
        need_col = match_header(headers, NEED_HEADERS)
        domain_col = match_header(headers, ("domain", "category", "type"))
        comment_col = match_header(headers, COMMENT_HEADERS)
        assert need_col is not None
        for row in range(header_row + 1, len(grid.rows) + 1):
            text = grid.text(row, need_col)
            domain = grid.text(row, domain_col) if domain_col else ""
            comment = grid.text(row, comment_col) if comment_col else ""
            if not text:
                if domain or comment:
                    result.issues.append(
                        grid_issue(grid, "a domain/comment without a need is ignored", f"row {row}")
                    )
                continue
            needs.append(
                NeedEntry(
                    text,
                    domain,
                    comment,
                    respondent,
                    CellRef(grid.display, grid.name, f"{get_column_letter(need_col)}{row}"),
                )
            )
    return needs
