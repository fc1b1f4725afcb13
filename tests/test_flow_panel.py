"""The main job end to end: the bundled sample through the Prefect flow and through `ksa`.

Flow runs use Prefect's test harness (one temporary API for the session); CLI runs are real
subprocesses pointed at that same API, so they test stdout/stderr/exit codes as users see them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ksa.workbook.styles import FLAGGED_RGB, NEED_RGB

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "inputs" / "sample"

APPENDIX_B = {
    "Mathematics": "Y-5 N-0",
    "Production and Processing": "Y-5 N-0",
    "English Language": "Y-4 N-1",
    "Physics": "Y-1 N-4",
    "Surface grinding machines": "Y-4 N-1",
    "Computerized numerical control CNC tappers": "Y-4 N-1",
    "Tapping machines": "Y-4 N-1",
    "5 axis lathes": "Y-1 N-4",
    "8 axis lathes": "Y-0 N-5",
    "Lathes": "Y-5 N-0",
    "2/3 axis computer numerically controlled CNC milling machines": "Y-5 N-0",
    "Bore mills": "Y-5 N-0",
    "Computer numerical controlled CNC milling machines": "Y-5 N-0",
}

pytestmark = [pytest.mark.flow]


def _rows(path: Path) -> dict[str, tuple[object, ...]]:
    """Crosswalk rows keyed by item name (column A for rated items, B for tools/technology)."""
    ws = load_workbook(path)["Crosswalk"]
    rows: dict[str, tuple[object, ...]] = {}
    for row in ws.iter_rows(min_row=1):
        key = row[1].value if row[0].value in ("Tools", "Technology") else row[0].value
        if isinstance(key, str):
            rows.setdefault(key, tuple(row))
    return rows


def _copy_sample(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    panel = target / "panel.toml"
    panel.write_text(
        panel.read_text(encoding="utf-8").replace('dir = "../../outputs"', 'dir = "out"'),
        encoding="utf-8",
    )
    return panel


@pytest.fixture(scope="module")
def sample_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from flows.panel_crosswalk import panel_crosswalk

    out = tmp_path_factory.mktemp("out")
    paths = panel_crosswalk(str(SAMPLE / "panel.toml"), str(out))
    workbook = Path(paths.workbook)
    assert workbook.parent == out and workbook.exists() and Path(paths.sidecar).exists()
    return workbook


def test_appendix_b_tallies(sample_run: Path) -> None:
    rows = _rows(sample_run)
    for name, tally in APPENDIX_B.items():
        assert name in rows, f"{name} missing from the crosswalk"
        assert rows[name][2].value == tally, name  # type: ignore[attr-defined]


def test_exactly_the_seed_items_are_yellow(sample_run: Path) -> None:
    yellow = {
        name
        for name, row in _rows(sample_run).items()
        if str(row[0].fill.start_color.rgb).endswith(FLAGGED_RGB)  # type: ignore[attr-defined]
        and row[0].fill.fill_type == "solid"  # type: ignore[attr-defined]
        and not name.startswith("(")
    }
    assert yellow == {"Physics", "5 axis lathes", "8 axis lathes"}


def test_needs_are_green_and_courses_matched(sample_run: Path) -> None:
    rows = _rows(sample_run)
    green = [
        n
        for n, r in rows.items()
        if str(r[0].fill.start_color.rgb).endswith(NEED_RGB)  # type: ignore[attr-defined]
        and not n.startswith("(")
    ]
    assert green, "no additional-need rows"
    assert any("blueprint" in str(n).lower() for n in green) or any(
        "blueprint" in str(rows[n][1].value).lower()  # type: ignore[attr-defined]
        for n in green
    )
    math_courses = rows["Mathematics"][3].value  # type: ignore[attr-defined]
    assert math_courses and "suggested" in str(math_courses)


def test_cli_prints_only_paths(prefect_harness: None, tmp_path: Path) -> None:
    panel = _copy_sample(tmp_path)
    result = _ksa("crosswalk", str(panel))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(Path(line).is_absolute() for line in lines)
    assert lines[-1].endswith(".xlsx") and Path(lines[-1]).parent == tmp_path / "sample" / "out"
    assert Path(lines[-1]).exists()
    assert "Traceback" not in result.stderr


def test_bad_answer_names_file_and_cell(prefect_harness: None, tmp_path: Path) -> None:
    panel = _copy_sample(tmp_path)
    kit = sorted((panel.parent / "responses").glob("*.xlsx"))[0]
    wb = load_workbook(kit)
    ws = wb["Survey"]
    target = next(
        c for row in ws.iter_rows() for c in row if c.value in ("Y", "N", "y", "n", "Yes", "No", "x")
    )
    target.value = "maybe"
    wb.save(kit)
    result = _ksa("crosswalk", str(panel))
    assert result.returncode == 1
    assert kit.name in result.stderr and target.coordinate in result.stderr and "maybe" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not (panel.parent / "out").exists() or not any((panel.parent / "out").iterdir())


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda p: p.unlink(), "not found"),
        (lambda p: p.write_text("title = [", encoding="utf-8"), "not valid TOML"),
        (lambda p: _sub(p, 'soc = "51-9161.00"', 'soc = "99-9999.00"'), "99-9999.00"),
        (lambda p: shutil.rmtree(p.parent / "responses") or (p.parent / "responses").mkdir(), "responses"),
        (lambda p: _sub(p, "importance_min = 3.0", 'importance_min = "high"'), "importance_min"),
    ],
    ids=["missing-panel", "bad-toml", "unknown-soc", "empty-responses", "schema"],
)
def test_bad_input_exits_cleanly(prefect_harness: None, tmp_path: Path, edit, expected: str) -> None:  # type: ignore[no-untyped-def]
    panel = _copy_sample(tmp_path)
    edit(panel)
    result = _ksa("crosswalk", str(panel))
    assert result.returncode == 1, result.stdout
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_not_a_survey_workbook(prefect_harness: None, tmp_path: Path) -> None:
    from openpyxl import Workbook

    panel = _copy_sample(tmp_path)
    wb = Workbook()
    wb.active["A1"] = "quarterly budget"  # type: ignore[index]
    wb.save(panel.parent / "responses" / "budget.xlsx")
    result = _ksa("crosswalk", str(panel))
    assert result.returncode == 1
    assert "budget.xlsx" in result.stderr and "Traceback" not in result.stderr


def _sub(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _ksa(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real `ksa` command against the harness's API (no second server start)."""
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}
    return subprocess.run(
        [sys.executable, "-m", "ksa.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
