"""The domain library stays usable without Prefect: importing all of it loads no prefect module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import ksa

REPO = Path(__file__).resolve().parents[1]


def test_no_module_of_ksa_imports_prefect() -> None:
    names = sorted(
        m.name for m in pkgutil.walk_packages(ksa.__path__, "ksa.") if m.name != "ksa.cli"
    )
    assert "ksa.pipeline" in names and "ksa.onet.store" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "import ksa.pipeline as p\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cli_help_does_not_start_prefect() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from ksa.cli import app\n"
        "r = CliRunner().invoke(app, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"
