"""Import a benchmark or script of this repository by name, for tests.

``benchmarks/`` and ``scripts/`` are folders of runnable files, not packages; they import one
another by plain name (``import match_holdout``), so the folder goes on ``sys.path`` and the
module is imported once, registered in ``sys.modules`` (dataclasses need that)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def load_script(folder: str, name: str) -> ModuleType:
    """``load_script("benchmarks", "match_holdout")`` -> the module of benchmarks/match_holdout.py."""
    path = str(REPO / folder)
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(name)
