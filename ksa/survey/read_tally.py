"""Reader for legacy tallies: counts only (``Y-4 N-1``), no individual respondents.

Two shapes: a table with an ``Item`` (or ``Item ID``) column and either a column of tally texts
(``Y-4 N-1``, ``y 4 / n 1``, ``Y-4, N-1``) or numeric ``Y`` and ``N`` columns; or an Appendix-B
crosswalk sheet, where section header rows (``Knowledge | Knowledge Description | Validated need
... (Y/N)``, ``Category | Tools and Technology | Use``) head the item names and tally texts below.
"""

from __future__ import annotations

import re

from ksa.model import CountedTally
from ksa.survey.common import (
    ID_HEADERS,
    NAME_HEADERS,
    ItemIndex,
    ReadResult,
    cell_ref,
    find_header_row,
    grid_issue,
    match_header,
)
from ksa.survey.grid import SheetGrid, norm_header

_NUM = r"\s*[-:=]?\s*(\d+)\s*"
TALLY_TEXT = re.compile(rf"^\s*Y{_NUM}[,/;|&]?\s*N{_NUM}$", re.IGNORECASE)
TALLY_TEXT_NY = re.compile(rf"^\s*N{_NUM}[,/;|&]?\s*Y{_NUM}$", re.IGNORECASE)
SECTION_NAMES = (
    "knowledge",
    "skills",
    "abilities",
    "work activities",
    "tools and technology",
    "tools",
    "technology",
)
YES_HEADERS = ("y", "yes", "y count", "yes count")
NO_HEADERS = ("n", "no", "n count", "no count")


def parse_tally_text(value: object) -> tuple[int, int] | None:
    """(yes, no) from ``Y-4 N-1`` and its spellings, else None."""
    if not isinstance(value, str):
        return None
    match = TALLY_TEXT.match(value)
    if match:
        return int(match.group(1)), int(match.group(2))
    match = TALLY_TEXT_NY.match(value)
    if match:
        return int(match.group(2)), int(match.group(1))
    return None


def section_headers(grid: SheetGrid) -> list[tuple[int, int]]:
    """(row, name column) of every Appendix-B section header row."""
    found = []
    for row, cells in enumerate(grid.rows, start=1):
        texts = [norm_header(c) if isinstance(c, str) else "" for c in cells]
        nonblank = [t for t in texts if t]
        if len(nonblank) < 2:
            continue
        section_col = next((i + 1 for i, t in enumerate(texts) if t in SECTION_NAMES), None)
        if section_col is None:
            continue
        validated = any(
            t.startswith("validated need") or t == "use" or t.endswith(" description")
            for t in texts
        )
        if validated:
            found.append((row, section_col))
    return found


def tally_table_header(grid: SheetGrid) -> tuple[int, dict[str, int], int | None] | None:
    """(header row, headers, tally-text column) of a tally table, or None."""
    found = find_header_row(grid, (("item id", "item"),))
    if found is None:
        return None
    row, headers = found
    if match_header(headers, YES_HEADERS) and match_header(headers, NO_HEADERS):
        return row, headers, None
    width = max((len(r) for r in grid.rows[row : row + 200]), default=0)
    for col in range(1, width + 1):
        values = [grid.value(r, col) for r in range(row + 1, min(len(grid.rows), row + 200) + 1)]
        texts = [v for v in values if v is not None and str(v).strip()]
        if texts and all(parse_tally_text(v) for v in texts):
            return row, headers, col
    return None


def is_tally_sheet(grid: SheetGrid) -> bool:
    return bool(section_headers(grid)) or tally_table_header(grid) is not None


class _Collector:
    def __init__(self, grid: SheetGrid, index: ItemIndex, result: ReadResult) -> None:
        self.grid, self.index, self.result = grid, index, result
        self.seen: dict[str, str] = {}

    def add(self, name: str, row: int, name_col: int, counts: tuple[int, int], col: int) -> None:
        item, why = self.index.resolve(name)
        if item is None:
            self.result.problems.append(self.grid.problem(why, row, name_col, name))
            return
        where = self.grid.ref(row, col)
        if item.item_id in self.seen:
            self.result.problems.append(
                self.grid.problem(
                    f"item {item.item_id} ({item.name}) has two tallies ({self.seen[item.item_id]} "
                    f"and {where})",
                    row,
                    col,
                    hint="keep one",
                )
            )
            return
        self.seen[item.item_id] = where
        self.result.counted.append(
            CountedTally(item.item_id, counts[0], counts[1], cell_ref(self.grid, row, col))
        )


def read_tally(grid: SheetGrid, index: ItemIndex) -> ReadResult:
    result = ReadResult()
    collector = _Collector(grid, index, result)
    sections = section_headers(grid)
    if sections:
        _read_sections(grid, sections, collector)
    else:
        table = tally_table_header(grid)
        if table is None:
            result.not_survey.append(
                grid.problem(
                    "not a tally sheet: no 'Item' column with 'Y-4 N-1' texts or Y/N count columns, "
                    "and no Appendix-B section headers"
                )
            )
            return result
        _read_table(grid, table, collector)
    if not result.counted and not result.problems:
        result.not_survey.append(grid.problem("a tally sheet without any tallies"))
    missing = [item for item in index.items if item.item_id not in collector.seen]
    if missing and result.counted:
        result.issues.append(
            grid_issue(
                grid,
                f"{len(missing)} item(s) without a tally count as not answered: "
                + ", ".join(f"{i.item_id} ({i.name})" for i in missing),
            )
        )
    return result


def _read_sections(grid: SheetGrid, sections: list[tuple[int, int]], collector: _Collector) -> None:
    bounds = [row for row, _ in sections] + [len(grid.rows) + 1]
    for (header_row, name_col), end in zip(sections, bounds[1:], strict=True):
        for row in range(header_row + 1, end):
            name = grid.text(row, name_col)
            if not name:
                continue
            tally = next(
                (
                    (col, counts)
                    for col, value in enumerate(grid.rows[row - 1], start=1)
                    if (counts := parse_tally_text(value))
                ),
                None,
            )
            if tally is None:
                item, _ = collector.index.resolve(name)
                if item is not None:
                    collector.result.issues.append(
                        grid_issue(
                            grid,
                            f"{item.name}: no tally text; counted as not answered",
                            grid.ref(row, name_col),
                        )
                    )
                continue
            collector.add(name, row, name_col, tally[1], tally[0])


def _read_table(
    grid: SheetGrid, table: tuple[int, dict[str, int], int | None], collector: _Collector
) -> None:
    header_row, headers, tally_col = table
    id_col = match_header(headers, ID_HEADERS)
    name_col = match_header(headers, NAME_HEADERS)
    key_col = id_col or name_col
    assert key_col is not None
    yes_col = match_header(headers, YES_HEADERS)
    no_col = match_header(headers, NO_HEADERS)
    for row in range(header_row + 1, len(grid.rows) + 1):
        key = grid.text(row, id_col) if id_col else ""
        col_used = id_col if key else name_col
        key = key or (grid.text(row, name_col) if name_col else "")
        if not key or col_used is None:
            continue
        if tally_col is not None:
            counts = parse_tally_text(grid.value(row, tally_col))
            if counts is None:
                if grid.text(row, tally_col):
                    collector.result.bad_answers.append(
                        grid.problem(
                            "not a tally like 'Y-4 N-1'", row, tally_col, grid.value(row, tally_col)
                        )
                    )
                continue
            collector.add(key, row, col_used, counts, tally_col)
            continue
        assert yes_col is not None and no_col is not None
        numbers = []
        for col in (yes_col, no_col):
            value = grid.value(row, col)
            if value is None or (isinstance(value, str) and not value.strip()):
                numbers.append(0)
            elif (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and value >= 0
                and float(value).is_integer()
            ):
                numbers.append(int(value))
            elif isinstance(value, str) and value.strip().isdigit():
                numbers.append(int(value.strip()))
            else:
                collector.result.bad_answers.append(
                    grid.problem("not a whole number of respondents", row, col, value)
                )
                numbers.append(-1)
        if min(numbers) >= 0:
            collector.add(key, row, col_used, (numbers[0], numbers[1]), yes_col)
