"""The Appendix-B sheet: title block, legend, one section per domain, additional needs in green."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles.colors import Color
from openpyxl.worksheet.worksheet import Worksheet

from ksa.model import (
    Crosswalk,
    DescriptionRun,
    Domain,
    Item,
    Match,
    MatchStatus,
    NeedCluster,
    Tally,
)
from ksa.workbook import styles
from ksa.workbook.layout import print_landscape, row_height
from ksa.workbook.side_sheets import REVIEW_SHEET
from ksa.xlsafe import safe_text, set_text

EDUCATORS_HEADER = "Skills and Competencies Provided by Regional Educators (School Name, Grade Level, Course Title)"
STATUS_HEADER = "Status"
SHEET_TITLE = "Crosswalk"


@dataclass(frozen=True)
class Section:
    """One table of the sheet: its heading columns and the domains it holds."""

    name: str
    domains: tuple[Domain, ...]
    first_header: str
    second_header: str

    @property
    def has_category(self) -> bool:
        return len(self.domains) > 1


SECTIONS = (
    Section("Knowledge", (Domain.KNOWLEDGE,), "Knowledge", "Knowledge Description"),
    Section("Skills", (Domain.SKILLS,), "Skills", "Skills Description"),
    Section("Abilities", (Domain.ABILITIES,), "Abilities", "Abilities Description"),
    Section(
        "Work Activities",
        (Domain.WORK_ACTIVITIES,),
        "Work Activities",
        "Work Activities Description",
    ),
    Section(
        "Tools and Technology",
        (Domain.TOOLS, Domain.TECHNOLOGY),
        "Category",
        "Tools and Technology",
    ),
)

_NEED_DOMAIN_ALIASES = {
    "knowledge": Domain.KNOWLEDGE,
    "skill": Domain.SKILLS,
    "skills": Domain.SKILLS,
    "ability": Domain.ABILITIES,
    "abilities": Domain.ABILITIES,
    "work activities": Domain.WORK_ACTIVITIES,
    "work_activities": Domain.WORK_ACTIVITIES,
    "tool": Domain.TOOLS,
    "tools": Domain.TOOLS,
    "technology": Domain.TECHNOLOGY,
    "tools and technology": Domain.TOOLS,
}


def need_domain(need: NeedCluster) -> Domain | None:
    """The section an additional need goes in; None = the separate 'Other needs' section."""
    return _NEED_DOMAIN_ALIASES.get(need.domain.strip().lower())


def legend_lines(crosswalk: Crosswalk) -> list[tuple[str, str | None]]:
    """The seed's three legend lines (threshold from the panel) plus the course-marking line."""
    return [
        (
            f"(Yellow highlight indicates {crosswalk.threshold} or more agree it's not applicable "
            "for this occupation)",
            styles.FLAGGED_RGB,
        ),
        (
            "(Strike through text indicates that portion of a description is not applicable for "
            "this occupation)",
            None,
        ),
        ("(Green highlight indicates additional needs for this occupation)", styles.NEED_RGB),
        (
            "(Courses marked ✔ are confirmed by educators; courses in grey italics marked "
            "'suggested' are matcher suggestions with their score, still to be reviewed)",
            None,
        ),
    ]


def write_crosswalk_sheet(ws: Worksheet, crosswalk: Crosswalk) -> None:
    ws.title = SHEET_TITLE
    row = _title_block(ws, crosswalk)
    first_table_row = 0
    placed_needs: set[str] = set()
    for section in SECTIONS:
        items = [i for i in crosswalk.items if i.domain in section.domains]
        needs = [
            n for n in crosswalk.needs if n.in_onet is None and need_domain(n) in section.domains
        ]
        if not items and not needs:
            continue
        row += 1
        _header_row(ws, row, section, crosswalk.employers_label)
        first_table_row = first_table_row or row + 1
        row += 1
        for item in items:
            _item_row(ws, row, section, item, crosswalk)
            row += 1
        for need in needs:
            _need_row(ws, row, section, need, crosswalk)
            placed_needs.add(need.key)
            row += 1
    others = [n for n in crosswalk.needs if n.in_onet is None and n.key not in placed_needs]
    if others:
        row += 1
        other = Section("Other additional needs", (), "Additional need", "Description")
        _header_row(ws, row, other, crosswalk.employers_label)
        row += 1
        for need in others:
            _need_row(ws, row, other, need, crosswalk)
            row += 1
    for letter, width in styles.CROSSWALK_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    if first_table_row:
        ws.freeze_panes = f"A{first_table_row}"
    print_landscape(ws)


def _title_block(ws: Worksheet, crosswalk: Crosswalk) -> int:
    set_text(ws["A1"], crosswalk.title)
    ws["A1"].font = styles.TITLE_FONT
    ws.merge_cells("A1:E1")
    ws.row_dimensions[1].height = 36
    ws["A1"].alignment = styles.WRAP_TOP
    set_text(ws["A2"], f"Job Title/Occupation: {crosswalk.occupation_label}")
    set_text(ws["A3"], f"SOC/O*NET Code: {crosswalk.occupation.code}")
    ws["A2"].font = styles.BOLD
    ws["A3"].font = styles.BOLD
    row = 4
    for text, rgb in legend_lines(crosswalk):
        cell = ws.cell(row=row, column=1)
        if rgb is None and "Strike" in text:
            cell.value = CellRichText(
                "(",
                TextBlock(InlineFont(strike=True), "Strike through text"),
                text[len("(Strike through text") :],
            )
        else:
            set_text(cell, text)
        if rgb == styles.FLAGGED_RGB:
            cell.fill = styles.FLAGGED_FILL
        elif rgb == styles.NEED_RGB:
            cell.fill = styles.NEED_FILL
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        row += 1
    row += 1
    core = ws.cell(row=row, column=1, value="CORE – Skills & Competencies")
    core.font = styles.SECTION_FONT
    for col in range(1, 6):
        ws.cell(row=row, column=col).fill = styles.SECTION_FILL
    row += 1
    set_text(
        ws.cell(row=row, column=1),
        "Baseline Source: US DOL Model of Competencies and O*NET Defined Skills & Competencies "
        f"(O*NET {crosswalk.release})",
    )
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    for notice in crosswalk.notices:
        row += 1
        set_text(ws.cell(row=row, column=1), f"Note: {notice}")
        ws.cell(row=row, column=1).font = styles.ITALIC
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    return row


def _header_row(ws: Worksheet, row: int, section: Section, employers_label: str) -> None:
    if section.has_category or section.first_header == "Category":
        third = "Use"
    else:
        third = f"Validated need by Regional {employers_label} (Y/N)"
    headers = [section.first_header, section.second_header, third, EDUCATORS_HEADER, STATUS_HEADER]
    bold_widths = [w * 0.8 for w in styles.CROSSWALK_WIDTHS.values()]  # bold text runs wider
    ws.row_dimensions[row].height = row_height(headers, bold_widths)
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col)
        set_text(cell, text)
        cell.font = styles.BOLD
        cell.fill = styles.HEADER_FILL
        cell.alignment = styles.WRAP_TOP
        cell.border = styles.BOX


def _item_row(ws: Worksheet, row: int, section: Section, item: Item, crosswalk: Crosswalk) -> None:
    tally = crosswalk.tallies.get(item.item_id)
    if section.has_category:
        first: object = item.domain.label
        second: object = item.name
    else:
        first = item.name
        second = description_value(
            tally.runs if tally and tally.runs else (DescriptionRun(item.description),)
        )
    values = [
        first,
        second,
        tally.text if tally else "",
        courses_value(crosswalk.matches.get(item.item_id, ())),
        item_status(tally),
    ]
    _write_row(ws, row, values)
    if tally and tally.flagged:
        for col in range(1, 6):
            ws.cell(row=row, column=col).fill = styles.FLAGGED_FILL


def _need_row(
    ws: Worksheet, row: int, section: Section, need: NeedCluster, crosswalk: Crosswalk
) -> None:
    total = len(crosswalk.responses)
    named = f"Named by {need.count} of {total}" if total else f"Named by {need.count}"
    if section.has_category:
        domain = need_domain(need)
        first: object = domain.label if domain else "Other"
        second: object = need.label
    else:
        first = need.label
        others = [w for w in need.wordings if w != need.label]
        second = ("Also written as: " + "; ".join(others)) if others else ""
    values = [
        first,
        second,
        named,
        courses_value(crosswalk.matches.get(need.key, ())),
        "Added need",
    ]
    _write_row(ws, row, values)
    for col in range(1, 6):
        ws.cell(row=row, column=col).fill = styles.NEED_FILL


def item_status(tally: Tally | None) -> str:
    """Words that carry the row's meaning when colors are lost (black-and-white print)."""
    if tally is None:
        return "Not surveyed"
    if tally.flagged:
        return f"Not applicable ({tally.no} of {tally.answered} N)"
    if tally.answered == 0:
        return "No answers"
    return ""


def _write_row(ws: Worksheet, row: int, values: Sequence[object]) -> None:
    ws.row_dimensions[row].height = row_height(values, list(styles.CROSSWALK_WIDTHS.values()))
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        if isinstance(value, CellRichText):
            cell.value = value
        else:
            set_text(cell, value)
        cell.alignment = styles.WRAP_TOP
        cell.border = styles.BOX


def description_value(runs: Iterable[DescriptionRun]) -> CellRichText | str:
    """Plain text when nothing is struck; rich text with struck runs otherwise."""
    runs = [r for r in runs if r.text]
    if not any(r.struck for r in runs):
        return "".join(r.text for r in runs)
    parts: list[str | TextBlock] = []
    for run in runs:
        text = safe_text(run.text)
        parts.append(TextBlock(InlineFont(strike=True), text) if run.struck else text)
    return CellRichText(*parts)


def course_line(match: Match) -> str:
    course = match.course
    parts = [p for p in (course.school, course.grade_level, course.course_title) if p]
    text = ", ".join(safe_text(p) for p in parts)
    if match.status is MatchStatus.CONFIRMED:
        return f"✔ {text}"
    return f"{text} (suggested, {match.score:.0f})"


CELL_LIMIT = 32_767  # characters Excel keeps in one cell; a longer cell makes it "repair" the file


def courses_value(matches: Sequence[Match], limit: int = CELL_LIMIT) -> CellRichText | str:
    """One line per course: confirmed ones plain with ✔, suggestions in grey italics.

    A region of many schools can list more courses than one cell holds (``limit`` characters):
    the lines that fit are kept and a last line counts the rest, which the Match review sheet
    lists in full."""
    if not matches:
        return ""
    parts: list[str | TextBlock] = []
    used = 0
    for index, match in enumerate(matches):
        sep = "\n" if index else ""
        line = sep + course_line(match)
        rest = len(matches) - index
        more = f"\n… and {rest} more course{'s' if rest > 1 else ''}: see the {REVIEW_SHEET} sheet"
        if used + len(line) + (len(more) if rest > 1 else 0) > limit:
            parts.append(TextBlock(InlineFont(b=True), more.lstrip("\n") if not index else more))
            break
        used += len(line)
        if match.status is MatchStatus.CONFIRMED:
            parts.append(TextBlock(InlineFont(), line))
        else:
            parts.append(
                TextBlock(InlineFont(i=True, color=Color(rgb=styles.SUGGESTED_COLOR)), line)
            )
    return CellRichText(*parts)
