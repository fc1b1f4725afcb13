"""Shared builders for the survey/tally/needs tests: a small panel, items, filled kits."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ksa.model import Domain, Item, Occupation, Profile, Selection
from ksa.panel import Panel, Respondent
from ksa.survey import build_kit
from ksa.survey.kit import FIRST_ITEM_ROW

SOC = "51-9161.00"
PANEL_ID = "cnc-test"

ITEMS = (
    Item("2.C.4.a", Domain.KNOWLEDGE, "Mathematics",
         "Knowledge of arithmetic, algebra, geometry, calculus, statistics, and their applications."),
    Item("2.C.1.d", Domain.KNOWLEDGE, "Production and Processing",
         "Knowledge of raw materials, production processes, quality control, costs, and other "
         "techniques for maximizing the effective manufacture and distribution of goods."),
    Item("2.C.4.c", Domain.KNOWLEDGE, "Physics",
         "Knowledge and prediction of physical principles, laws, their interrelationships, and "
         "applications to understanding fluid, material, and atmospheric dynamics, and mechanical, "
         "electrical, atomic and sub- atomic structures and processes."),
    Item("T:23151806:5-axis", Domain.TOOLS, "5 axis lathes"),
    Item("T:23151806:8-axis", Domain.TOOLS, "8 axis lathes"),
)
ORGS = ("Front Range Precision", "Peak CNC Works", "Centennial Machining",
        "Rocky Mountain Fabrication", "Foothills Tool & Die")
# answers[item_id] = one answer per org (in ORGS order)
ANSWERS: dict[str, tuple[str, ...]] = {
    "2.C.4.a": ("Y", "Y", "Y", "Y", "Y"),
    "2.C.1.d": ("Y", "yes", "Y", "Y", "x"),
    "2.C.4.c": ("Y", "N", "No", "N", "n/a"),
    "T:23151806:5-axis": ("N", "Y", "N", "N", "N"),
    "T:23151806:8-axis": ("N", "N", "N", "N", "N"),
}


def make_panel(tmp_path: Path, *, respondents: tuple[Respondent, ...] = (), copies: int = 1,
               panel_id: str = PANEL_ID) -> Panel:
    return Panel(
        path=tmp_path / "panel.toml", panel_id=panel_id, title="=Test panel", industry="Manufacturing",
        employers_label="Regional Manufacturers", soc=SOC, occupation_title="CNC Tool Operator",
        onet_source=str(tmp_path / "onet"), importance_min=3.0, include=(), exclude=(),
        domains=(Domain.KNOWLEDGE, Domain.TOOLS), responses=tmp_path / "responses", layout="auto",
        threshold=Fraction(4, 5), threshold_text="80%", strike_threshold=Fraction(4, 5),
        min_respondents=3, respondents=respondents, copies=copies, prefer={}, catalogs=(),
        score_cutoff=80, top_k=3, keywords={}, output_dir=tmp_path / "out",
    )


def make_selection(items: tuple[Item, ...] = ITEMS) -> Selection:
    occupation = Occupation(SOC, "Computer Numerically Controlled Tool Operators")
    return Selection(Profile(occupation, "29.3", items), items)


def fill_kit(wb: Workbook, organization: str, answers: Mapping[str, object],
             portions: Mapping[str, str] | None = None, needs: tuple[str, ...] = ()) -> Workbook:
    ws = wb["Survey"]
    assert isinstance(ws, Worksheet)
    ws["B4"] = organization
    ws["B5"] = "A. Person"
    row = FIRST_ITEM_ROW
    while ws.cell(row=row, column=1).value:
        item_id = str(ws.cell(row=row, column=1).value)
        if item_id in answers:
            ws.cell(row=row, column=5).value = answers[item_id]
        if portions and item_id in portions:
            ws.cell(row=row, column=6).value = portions[item_id]
        row += 1
    needs_ws = wb["Additional needs"]
    assert isinstance(needs_ws, Worksheet)
    for offset, need in enumerate(needs, start=2):
        needs_ws.cell(row=offset, column=1).value = need
    return wb


def write_filled_kits(tmp_path: Path, folder: str = "responses",
                      items: tuple[Item, ...] = ITEMS) -> Path:
    out = tmp_path / folder
    out.mkdir(parents=True, exist_ok=True)
    panel = make_panel(tmp_path)
    selection = make_selection(items)
    for n, org in enumerate(ORGS):
        wb = build_kit(panel, selection, Respondent(org))
        fill_kit(wb, org, {i: a[n] for i, a in ANSWERS.items()},
                 portions={"2.C.1.d": "costs"} if n < 4 else None)
        wb.save(out / f"kit-{n + 1}.xlsx")
    return out
