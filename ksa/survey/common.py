"""What every layout reader shares: item lookup by id or name, answer cells, collected results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process, utils

from ksa.errors import Problem
from ksa.model import Answer, CellRef, CountedTally, Issue, Item, Response
from ksa.survey.answers import UnrecognizedAnswerError, normalize_answer
from ksa.survey.grid import SheetGrid, norm_header


def norm_name(text: object) -> str:
    """An item name for matching: case-folded, whitespace collapsed."""
    return " ".join(str(text or "").split()).casefold()


class ItemIndex:
    """The panel's items, found by item id (exact) or by name (case/space-insensitive)."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = tuple(items)
        self.by_id = {item.item_id: item for item in self.items}
        self._by_name: dict[str, list[Item]] = {}
        for item in self.items:
            self._by_name.setdefault(norm_name(item.name), []).append(item)

    def by_name(self, name: object) -> list[Item]:
        return self._by_name.get(norm_name(name), [])

    def resolve(self, text: object) -> tuple[Item | None, str]:
        """(item, "") when ``text`` is an item id or an unambiguous name, else (None, why)."""
        key = str(text or "").strip()
        if key in self.by_id:
            return self.by_id[key], ""
        found = self.by_name(key)
        if len(found) == 1:
            return found[0], ""
        if len(found) > 1:
            ids = ", ".join(item.item_id for item in found)
            return None, f"item name {key!r} is ambiguous (items {ids}); use the item id instead"
        hint = self.suggest(key)
        return None, f"unknown item {key!r}: not among the panel's selected items" + (
            f" (closest: {hint})" if hint else ""
        )

    def suggest(self, text: str, limit: int = 3) -> str:
        """The closest item names, for error messages ("did you mean")."""
        names = sorted({item.name for item in self.items})
        found = process.extract(
            text,
            names,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            score_cutoff=60,
            limit=limit,
        )
        return "; ".join(repr(name) for name, _score, _index in found)


# Header names that identify the item column, in every layout
ID_HEADERS = ("item id", "id", "element id")
NAME_HEADERS = ("item", "item name", "name")


@dataclass
class ReadResult:
    """What one file gave: responses or counted tallies, issues, and problems (input errors)."""

    responses: list[Response] = field(default_factory=list)
    counted: list[CountedTally] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # errors other than bad answers
    bad_answers: list[Problem] = field(default_factory=list)
    not_survey: list[Problem] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        self.responses += other.responses
        self.counted += other.counted
        self.issues += other.issues
        self.problems += other.problems
        self.bad_answers += other.bad_answers
        self.not_survey += other.not_survey


def read_answer(
    grid: SheetGrid, row: int, col: int, result: ReadResult
) -> tuple[Answer | None, bool]:
    """(answer, ok). A bad value is recorded in ``result.bad_answers`` and gives (None, False)."""
    value = grid.value(row, col)
    if value is None and grid.ref(row, col) in grid.formula_cells:
        result.issues.append(
            grid_issue(
                grid,
                "a formula without a saved result counts as not answered; open the file in "
                "Excel or LibreOffice and save it to store the result, or type Y or N",
                f"cell {grid.ref(row, col)}",
            )
        )
    try:
        return normalize_answer(value), True
    except UnrecognizedAnswerError:
        result.bad_answers.append(
            grid.problem(
                "not a yes/no answer",
                row,
                col,
                value,
                hint="use Y or N (also accepted: Yes, No, X, N/A, 1, 0, TRUE, FALSE) or leave it blank",
            )
        )
        return None, False


def cell_ref(grid: SheetGrid, row: int, col: int) -> CellRef:
    return CellRef(grid.display, grid.name, grid.ref(row, col))


def find_header_row(
    grid: SheetGrid, required: Sequence[Sequence[str]], *, scan: int = 50
) -> tuple[int, dict[str, int]] | None:
    """The first row (within ``scan``) holding one header of each group in ``required``.

    Returns (row, {normalized header: column}) with every non-empty header of that row.
    A group matches a header equal to one of its names, or starting with a name ending in '*'.
    """
    for row in range(1, min(scan, len(grid.rows)) + 1):
        headers: dict[str, int] = {}
        for col, value in enumerate(grid.rows[row - 1], start=1):
            text = norm_header(value) if isinstance(value, str) else ""
            if text and text not in headers:
                headers[text] = col
        if headers and all(match_header(headers, group) is not None for group in required):
            return row, headers
    return None


def match_header(headers: dict[str, int], names: Sequence[str]) -> int | None:
    for name in names:
        if name.endswith("*"):
            for header, col in headers.items():
                if header.startswith(name[:-1]):
                    return col
        elif name in headers:
            return headers[name]
    return None


def grid_issue(grid: SheetGrid, message: str, where: str = "", level: str = "warning") -> Issue:
    """An issue located at ``file, sheet, where``."""
    place = ", ".join(
        p for p in (grid.display, f"sheet '{grid.name}'" if grid.name else "", where) if p
    )
    return Issue(message, where=place, level=level)


def resolve_item_row(
    grid: SheetGrid,
    row: int,
    index: ItemIndex,
    ids: tuple[int | None, str],
    names: tuple[int | None, str],
    seen: dict[str, int],
    result: ReadResult,
) -> Item | None:
    """The item a row names (by id, else by name), or None after recording why not: an
    unknown item, or one already read on an earlier row (``seen``: item id -> row)."""
    (id_col, id_text), (name_col, name_text) = ids, names
    key = id_text or name_text
    item, why = index.resolve(key)
    if item is None:
        result.problems.append(grid.problem(why, row, id_col if id_text else name_col, key))
        return None
    if item.item_id in seen:
        result.problems.append(
            grid.problem(
                f"item {item.item_id} appears twice (rows {seen[item.item_id]} and {row})",
                row,
                id_col or name_col,
                hint="keep one row per item",
            )
        )
        return None
    seen[item.item_id] = row
    return item
