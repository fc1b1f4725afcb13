"""The matcher stays above a floor on the labelled pairs (tests/data/match_labels.csv)."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

from script_modules import load_script

from ksa.match_defaults import DEFAULT_TOP_K

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "data" / "match_labels.csv"


def _benchmark() -> ModuleType:
    return load_script("benchmarks", "match_accuracy")


def test_labelled_set_is_big_and_has_hard_negatives() -> None:
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    assert len(rows) >= 200
    assert {r["label"] for r in rows} == {"0", "1"}
    negatives = {(r["item"], r["course_title"]) for r in rows if r["label"] == "0"}
    assert ("Physics", "Physical Education") in negatives
    assert ("English Language", "English as a Second Language") in negatives
    assert any(r["program"] == "Brewing Science" and r["label"] == "0" for r in rows)
    assert all(r["why"] for r in rows)


def test_precision_and_recall_floor() -> None:
    bench = _benchmark()
    result = bench.evaluate(bench.read_labels(LABELS), cutoff=80)
    assert result.precision >= 0.90, result.errors
    assert result.recall >= 0.90, result.errors
    assert result.precision_at_1 >= 0.90


def test_higher_cutoff_trades_recall_for_precision() -> None:
    bench = _benchmark()
    labels = bench.read_labels(LABELS)
    loose, strict = bench.evaluate(labels, cutoff=60), bench.evaluate(labels, cutoff=95)
    assert strict.precision >= loose.precision
    assert strict.recall <= loose.recall


def _split() -> ModuleType:
    return load_script("benchmarks", "match_holdout_split")


def test_holdout_dev_occupations_floor() -> None:
    """The held-out pairs of the DEV occupations (the ones the matcher was tuned on) stay above
    a floor; the TEST occupations are only reported by benchmarks/match_holdout_split.py."""
    split = _split()
    bench = split._holdout()
    pairs = bench.read_holdout()
    dev = [p for p in pairs if p.soc in split.DEV]
    assert dev and not {p.soc for p in dev} & set(split.TEST)
    ranking = bench.rankings(pairs, DEFAULT_TOP_K)["ksa.match"]
    scores = bench.evaluate(dev, ranking, "ksa.match", DEFAULT_TOP_K)
    # measured titles only: session 3 P 0.792, R 0.875 (k=8); session 4 P 0.819, R 0.845 (k=12,
    # field words now keep e.g. welding courses from electricians' quality control)
    assert scores.precision >= 0.80, scores.errors
    assert scores.recall >= 0.83, scores.errors

def test_holdout_dev_floor_with_catalog_departments(shared: Path) -> None:
    """The same pairs with each course's catalog department (UH dept_name, Southeast CC course
    category) from ../shared/catalogs: field words in program names keep other fields out."""
    split = _split()
    bench = split._holdout()
    pairs = bench.read_holdout()
    dev = [p for p in pairs if p.soc in split.DEV]
    programs = bench.catalog_programs(shared / "catalogs")
    ranking = bench.rankings(pairs, DEFAULT_TOP_K, programs=programs)["ksa.match"]
    scores = bench.evaluate(dev, ranking, "ksa.match", DEFAULT_TOP_K)
    # measured: P 0.880, R 0.868 at k=8, cutoff 85 (session 3, after a third round of pooled judging)
    assert scores.precision >= 0.85, scores.errors
    assert scores.recall >= 0.85, scores.errors
