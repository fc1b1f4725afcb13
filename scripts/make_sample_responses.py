"""Build the sample's five returned survey kits (inputs/sample/responses/) from the sample panel.

Five fictional manufacturers answer the kit that ``ksa survey-kit`` makes for
inputs/sample/panel.toml, reproducing the seed's Appendix B tallies (Mathematics Y-5 N-0,
Physics Y-1 N-4, 5 axis lathes Y-1 N-4, 8 axis lathes Y-0 N-5, ...). Every other item gets at
least four Y answers, so exactly Physics, 5 axis lathes and 8 axis lathes are flagged at 80 %.
Deterministic: fixed generation time, fixed file timestamps.

    .venv/bin/python scripts/make_sample_responses.py [--force] [--out DIR]
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ksa.errors import KsaError
from ksa.model import Selection
from ksa.panel import Respondent, read_panel
from ksa.pipeline import load_selection
from ksa.survey import build_kit, kit_filename
from ksa.survey.kit import FIRST_ITEM_ROW
from ksa.workbook.save import write_atomic

REPO = Path(__file__).resolve().parents[1]
PANEL = REPO / "inputs" / "sample" / "panel.toml"
GENERATED_AT = "2026-01-15T09:00:00Z"
ZIP_TIME = (2026, 1, 15, 9, 0, 0)

PEOPLE = ("Alex Romero", "Jordan Lee", "Sam Whitaker", "Casey Nguyen", "Morgan Ortiz")

# Item name -> the five answers, in respondent order. Items not listed: Y from everyone
# except the one-N spread below.
ANSWERS: dict[str, tuple[str, ...]] = {
    "Mathematics": ("Y", "Y", "yes", "Y", "Y"),
    "Production and Processing": ("Y", "Y", "Y", "x", "Y"),
    "English Language": ("Y", "Y", "N", "Y", "Y"),
    "Physics": ("N", "Y", "No", "N", "n/a"),
    "Surface grinding machines": ("Y", "Y", "Y", "N", "Y"),
    "Computerized numerical control CNC tappers": ("Y", "N", "Y", "Y", "Y"),
    "Tapping machines": ("N", "Y", "Y", "Y", "Y"),
    "5 axis lathes": ("N", "N", "Y", "N", "N"),
    "8 axis lathes": ("N", "N", "N", "No", "N"),
    "Lathes": ("Y", "Y", "Y", "Y", "Y"),
    "2/3 axis computer numerically controlled CNC milling machines": ("Y", "Y", "Y", "Y", "Y"),
    "Bore mills": ("Y", "Y", "Y", "Y", "Y"),
    "Computer numerical controlled CNC milling machines": ("Y", "Y", "Y", "Y", "Y"),
}
PORTIONS: dict[str, tuple[str, ...]] = {
    "Physics": ("", "atomic and sub- atomic structures", "", "", ""),
    "Production and Processing": ("costs", "costs", "", "Costs", "costs"),
}
COMMENTS: dict[str, tuple[str, ...]] = {
    "5 axis lathes": ("", "", "We run one 5-axis Mazak.", "", ""),
    "Physics": ("", "Only basic mechanics matters here.", "", "", ""),
}
NEEDS: tuple[tuple[tuple[str, str, str], ...], ...] = (
    (("Blueprint reading", "Skills", "Every new hire reads prints on day one."),
     ("GD&T", "Knowledge", "")),
    (("blue print reading", "Skills", ""), ("Shop safety", "Other", "Lockout/tagout")),
    (("Reading blueprints", "", ""),),
    (("GD & T", "Knowledge", "Geometric dimensioning and tolerancing"),),
    (),
)


def answers_for(selection: Selection) -> dict[str, tuple[str, ...]]:
    """item_id -> five answers; unlisted items get Y, with one N spread over a few of them."""
    names = {item.name: item.item_id for item in selection.items}
    missing = sorted(set(ANSWERS) - set(names))
    if missing:
        raise SystemExit(f"items not in the sample selection: {missing}")
    table: dict[str, tuple[str, ...]] = {}
    spread = 0
    for position, item in enumerate(selection.items):
        if item.name in ANSWERS:
            table[item.item_id] = ANSWERS[item.name]
            continue
        answers = ["Y"] * 5
        if position % 7 == 3:  # a realistic sprinkling of single N answers (never flags)
            answers[spread % 5] = "N"
            spread += 1
        table[item.item_id] = tuple(answers)
    return table


def fill(wb: Workbook, n: int, respondent: Respondent, selection: Selection,
         answers: dict[str, tuple[str, ...]]) -> None:
    ws = wb["Survey"]
    assert isinstance(ws, Worksheet)
    ws["B4"] = respondent.organization
    ws["B5"] = PEOPLE[n]
    by_id = {item.item_id: item for item in selection.items}
    row = FIRST_ITEM_ROW
    while ws.cell(row=row, column=1).value:
        item = by_id[str(ws.cell(row=row, column=1).value)]
        ws.cell(row=row, column=5).value = answers[item.item_id][n]
        portion = PORTIONS.get(item.name, ("",) * 5)[n]
        comment = COMMENTS.get(item.name, ("",) * 5)[n]
        ws.cell(row=row, column=6).value = portion or None
        ws.cell(row=row, column=7).value = comment or None
        row += 1
    needs = wb["Additional needs"]
    assert isinstance(needs, Worksheet)
    for offset, (text, domain, comment) in enumerate(NEEDS[n], start=2):
        needs.cell(row=offset, column=1).value = text
        needs.cell(row=offset, column=2).value = domain or None
        needs.cell(row=offset, column=3).value = comment or None


_MODIFIED = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def reproducible_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes with fixed document and zip timestamps."""
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>2026-01-15T09:00:00Z\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)
    return out.getvalue()


def _writer(data: bytes) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=REPO / "inputs" / "sample" / "responses")
    parser.add_argument("--force", action="store_true", help="replace existing sample files")
    args = parser.parse_args(argv)
    panel = read_panel(PANEL)
    selection = load_selection(panel)
    answers = answers_for(selection)
    for n, respondent in enumerate(panel.respondents):
        wb = build_kit(panel, selection, respondent, generated_at=GENERATED_AT)
        fill(wb, n, respondent, selection, answers)
        data = reproducible_bytes(wb)
        path = args.out / kit_filename(panel, respondent, n + 1)
        try:
            written = write_atomic(path, _writer(data), overwrite=args.force)
        except KsaError as exc:
            print(f"{exc} (use --force to regenerate the sample)", file=sys.stderr)
            return 1
        print(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
