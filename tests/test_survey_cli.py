"""``ksa survey-kit`` and ``ksa validate`` on a copy of the bundled sample (no Prefect)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import typer
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from ksa.cli_survey import register

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "sample"


@pytest.fixture()
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps typer in multi-command mode
        pass

    return app


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    if not (SAMPLE / "responses").is_dir() or not (SAMPLE / "onet").is_dir():
        pytest.skip("the bundled sample (inputs/sample) is not there")
    target = tmp_path / "sample"
    target.mkdir()
    for name in ("panel.toml", "onet", "responses"):
        src = SAMPLE / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, target / name)
    return target / "panel.toml"


def run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_validate_sample_ok(app: typer.Typer, sample: Path) -> None:
    code, out, _err = run(app, "validate", str(sample))
    assert code == 0, out
    assert "OK" in out.splitlines()[0]
    assert "Returned (5 of 5)" in out and "Not returned (0)" in out
    assert "3 item(s) flagged not applicable at 80%" in out


def test_validate_reports_everything_at_once(app: typer.Typer, sample: Path) -> None:
    responses = sample.parent / "responses"
    first = sorted(responses.iterdir())[0]
    wb = openpyxl.load_workbook(first)
    ws = wb["Survey"]
    assert isinstance(ws, Worksheet)
    ws["E8"] = "maybe"
    wb.save(first)
    last = sorted(responses.iterdir())[-1]
    last.unlink()
    (responses / "notes.xlsx").write_bytes(b"garbage")
    code, out, _err = run(app, "validate", str(sample))
    assert code == 1
    assert "problem(s)" in out.splitlines()[0]
    assert re.search(r"Front-Range-Precision\.xlsx, sheet 'Survey', cell E8: not a yes/no answer", out)
    assert "notes.xlsx" in out
    assert "Not returned (1):\n  - Foothills Tool & Die" in out
    assert "Traceback" not in out


def test_validate_bad_panel_file(app: typer.Typer, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\n[occupation]\nsoc = "51-9161"\n')
    code, out, _err = run(app, "validate", str(bad))
    assert code == 1 and "onet" in out and "Traceback" not in out


def test_survey_kit_prints_paths_only(app: typer.Typer, sample: Path, tmp_path: Path) -> None:
    code, out, err = run(app, "survey-kit", str(sample), "--out", str(tmp_path / "kits"))
    assert code == 0, err
    paths = [Path(line) for line in out.splitlines()]
    assert len(paths) == 5 and all(p.is_absolute() and p.exists() for p in paths)
    wb = openpyxl.load_workbook(paths[0])
    assert wb["Survey"]["B4"].value == "Front Range Precision"
    code, out, err = run(app, "survey-kit", str(sample), "--out", str(tmp_path / "kits"))
    assert code == 1 and out == "" and "never overwritten" in err
