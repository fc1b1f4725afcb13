"""`[courses] rerank = "semantic"` goes through the re-ranker; without the extra it says what to install."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from ksa import pipeline
from ksa.errors import KsaError
from ksa.model import NeedCluster
from ksa.panel import read_panel
from ksa.rerank import MODEL_PACKAGE, SemanticReranker

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "sample"


def _semantic_panel(tmp_path: Path) -> Path:
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE, folder)
    panel = folder / "panel.toml"
    text = panel.read_text(encoding="utf-8")
    assert "\n[courses]\n" in text
    panel.write_text(text.replace("\n[courses]\n", "\n[courses]\nrerank = \"semantic\"\n"), encoding="utf-8")
    return panel


def _bag_of_letters(texts: Sequence[str]) -> np.ndarray:
    """A stand-in embedding: letter counts (similar spellings -> similar vectors)."""
    out = np.zeros((len(texts), 26), dtype=np.float32)
    for row, text in enumerate(texts):
        for ch in text.lower():
            if "a" <= ch <= "z":
                out[row, ord(ch) - 97] += 1
    return out


def test_semantic_panel_uses_the_reranker(tmp_path: Path) -> None:
    panel = read_panel(_semantic_panel(tmp_path))
    assert panel.rerank == "semantic"
    selection = pipeline.load_selection(panel)
    needs = (NeedCluster("blueprint reading", "Blueprint reading", "Skills", ("A",), ("x",)),)
    calls: list[int] = []

    def embed(texts: Sequence[str]) -> np.ndarray:
        calls.append(len(texts))
        return _bag_of_letters(texts)

    result = pipeline.match_courses(panel, selection, needs, reranker=SemanticReranker(embed))
    assert calls, "the re-ranker was not used"
    math = result.matches["2.C.4.a"]
    assert 0 < len(math) <= panel.top_k
    assert all(m.note.startswith("lexical") for m in math)  # blended scores say what they are


def test_semantic_panel_without_the_extra_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, MODEL_PACKAGE, None)  # as if ksa[semantic] were absent
    panel = read_panel(_semantic_panel(tmp_path))
    selection = pipeline.load_selection(panel)
    with pytest.raises(KsaError, match=r"ksa\[semantic\]"):
        pipeline.match_courses(panel, selection, ())
