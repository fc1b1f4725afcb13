"""The sheets beside the crosswalk: Summary, Match review, Responses, Issues, About."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ksa.model import Answer, Crosswalk, Domain, Match
from ksa.workbook import styles
from ksa.xlsafe import set_text

REVIEW_SHEET = "Match review"
REVIEW_HEADER = (
    "Key",
    "Domain",
    "Item",
    "School",
    "Grade level",
    "Course code",
    "Course title",
    "Score",
    "Status",
    "Decision",
    "Reviewer",
    "Note",
)
REVIEW_BLANK_ROWS = 20
REVIEW_DECISIONS = ("accept", "reject", "add")

ATTRIBUTION = (
    "This product includes information from the O*NET {release} Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. Modifications: items were selected for the "
    "panel (importance cutoff and include/exclude lists), annotated with employer validation "
    "tallies, struck-through portions and additional needs, and matched to course titles; "
    "USDOL/ETA has not approved, endorsed, or tested these modifications."
)


def _table(
    ws: Worksheet, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int]
) -> None:
    for col, text in enumerate(header, start=1):
        cell = ws.cell(row=1, column=col)
        set_text(cell, text)
        cell.font = styles.BOLD
        cell.fill = styles.HEADER_FILL
        cell.alignment = styles.WRAP_TOP
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell.value = value
            else:
                set_text(cell, value)
            cell.alignment = styles.WRAP_TOP
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def write_summary(ws: Worksheet, cw: Crosswalk) -> None:
    rows: list[list[object]] = []
    for domain in Domain:
        items = [i for i in cw.items if i.domain is domain]
        if not items:
            continue
        tallies = [cw.tallies[i.item_id] for i in items if i.item_id in cw.tallies]
        rows.append(
            [
                domain.label,
                len(items),
                sum(1 for t in tallies if t.flagged),
                sum(1 for t in tallies if t.answered == 0),
                sum(1 for i in items if cw.matches.get(i.item_id)),
                sum(1 for i in items if not cw.matches.get(i.item_id)),
            ]
        )
    placed = [n for n in cw.needs if n.in_onet is None]
    rows.append(
        [
            "Additional needs",
            len(placed),
            0,
            0,
            sum(1 for n in placed if cw.matches.get(n.key)),
            sum(1 for n in placed if not cw.matches.get(n.key)),
        ]
    )
    _table(
        ws,
        (
            "Domain",
            "Items",
            "Flagged not applicable",
            "Not answered",
            "With courses",
            "Without courses",
        ),
        rows,
        (24, 10, 22, 14, 14, 16),
    )
    row = len(rows) + 3
    facts = [
        ("Respondents", len(cw.responses)),
        ("Not-applicable threshold", cw.threshold),
        ("Warnings and notes", len(cw.issues)),
        ("Needs already in O*NET", sum(1 for n in cw.needs if n.in_onet)),
    ]
    for label, value in facts:
        set_text(ws.cell(row=row, column=1), label)
        ws.cell(row=row, column=1).font = styles.BOLD
        cell = ws.cell(row=row, column=2)
        if isinstance(value, int):
            cell.value = value
        else:
            set_text(cell, value)
        row += 1


def review_rows(cw: Crosswalk) -> list[list[object]]:
    """Every candidate course, one row each, in crosswalk order."""
    names = {i.item_id: (i.domain.label, i.name) for i in cw.items}
    names.update({n.key: ("Additional need", n.label) for n in cw.needs if n.in_onet is None})
    rows: list[list[object]] = []
    for key, (domain, name) in names.items():
        match: Match
        for match in cw.matches.get(key, ()):
            c = match.course
            rows.append(
                [
                    key,
                    domain,
                    name,
                    c.school,
                    c.grade_level,
                    c.course_code,
                    c.course_title,
                    round(match.score, 1),
                    match.status.value,
                    "",
                    "",
                    match.note,
                ]
            )
    return rows


def write_match_review(ws: Worksheet, cw: Crosswalk) -> None:
    rows = review_rows(cw)
    _table(ws, REVIEW_HEADER, rows, (16, 14, 30, 26, 18, 12, 36, 8, 11, 11, 16, 30))
    last = len(rows) + 1 + REVIEW_BLANK_ROWS
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(REVIEW_DECISIONS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Decision",
        error="Choose accept, reject or add (add: fill a free row with the course to add).",
    )
    validation.add(f"J2:J{last}")
    ws.add_data_validation(validation)
    ws.auto_filter.ref = f"A1:L{max(len(rows) + 1, 2)}"


def write_responses(ws: Worksheet, cw: Crosswalk) -> None:
    respondents = [r.respondent for r in cw.responses]
    answers = {(r.respondent, a.item_id): a for r in cw.responses for a in r.answers}
    rows: list[list[object]] = []
    for item in cw.items:
        row: list[object] = [item.item_id, item.domain.label, item.name]
        for who in respondents:
            answer = answers.get((who, item.item_id))
            if answer is None or answer.answer is None:
                row.append("")
            else:
                text = "Y" if answer.answer is Answer.YES else "N"
                if answer.not_applicable_portion:
                    text += f" (n/a: {answer.not_applicable_portion})"
                row.append(text)
        tally = cw.tallies.get(item.item_id)
        row.append(tally.text if tally else "")
        rows.append(row)
    header = ["Item ID", "Domain", "Item", *respondents, "Tally"]
    _table(ws, header, rows, (22, 12, 36, *([16] * len(respondents)), 12))
    start = len(rows) + 3
    set_text(ws.cell(row=start, column=1), "Additional needs as written")
    ws.cell(row=start, column=1).font = styles.BOLD
    r = start + 1
    for response in cw.responses:
        for need in response.needs:
            set_text(ws.cell(row=r, column=1), response.respondent)
            set_text(ws.cell(row=r, column=2), need.domain)
            set_text(ws.cell(row=r, column=3), need.text)
            set_text(ws.cell(row=r, column=4), need.comment)
            r += 1
    r += 1
    set_text(ws.cell(row=r, column=1), "Source files")
    ws.cell(row=r, column=1).font = styles.BOLD
    for response in cw.responses:
        r += 1
        set_text(ws.cell(row=r, column=1), response.respondent)
        set_text(ws.cell(row=r, column=2), response.layout)
        set_text(ws.cell(row=r, column=3), response.source)


def write_issues(ws: Worksheet, cw: Crosswalk) -> None:
    rows = [[i.level, i.where, i.message] for i in cw.issues]
    rows += [["info", "O*NET", n] for n in cw.notices]
    rows += [
        [
            "info",
            f"need {n.key}",
            f"'{n.label}' is already the O*NET item {n.in_onet}; not added as a need",
        ]
        for n in cw.needs
        if n.in_onet
    ]
    _table(ws, ("Level", "Where", "Message"), rows, (10, 50, 100))


def write_about(ws: Worksheet, cw: Crosswalk) -> None:
    facts: list[tuple[str, str]] = [
        ("Panel", cw.panel_id),
        ("Title", cw.title),
        ("Occupation", f"{cw.occupation.code} {cw.occupation.title}"),
        ("Panel's job title", cw.occupation_label),
        ("O*NET release", cw.release),
        ("Not-applicable threshold", cw.threshold),
        ("Generated at (UTC)", cw.generated_at),
        *[(k, v) for k, v in sorted(cw.sources.items())],
        ("Attribution", ATTRIBUTION.format(release=cw.release)),
    ]
    for row, (label, value) in enumerate(facts, start=1):
        set_text(ws.cell(row=row, column=1), label)
        ws.cell(row=row, column=1).font = styles.BOLD
        set_text(ws.cell(row=row, column=2), value)
        ws.cell(row=row, column=2).alignment = styles.WRAP_TOP
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 110
