"""Matching accuracy on the labelled pairs in tests/data/match_labels.csv.

Each item is matched against the course titles labelled for it (with their programs, in the
item's occupational context); a pair is predicted a match when the course is suggested at the
cutoff. Prints precision@1, precision and recall at the default cutoff (target P >= 0.90 at
R >= 0.80), the same for other rapidfuzz scorers (why the matcher uses the one it does), and
the misclassified pairs.

Usage: .venv/bin/python benchmarks/match_accuracy.py [--cutoff 85] [--errors]
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import ksa.match as matcher  # noqa: E402
from ksa.match_defaults import DEFAULT_SCORE_CUTOFF  # noqa: E402
from ksa.model import Course  # noqa: E402

LABELS = REPO / "tests" / "data" / "match_labels.csv"


@dataclass(frozen=True)
class Result:
    precision: float
    recall: float
    precision_at_1: float
    tp: int
    fp: int
    fn: int
    errors: tuple[str, ...]


def read_labels(path: Path = LABELS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def evaluate(labels: list[dict[str, str]], cutoff: float = DEFAULT_SCORE_CUTOFF,
             scorer: Callable[..., Any] | None = None) -> Result:
    original = matcher.SCORER
    if scorer is not None:
        matcher.SCORER = scorer
    try:
        groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
        for row in labels:
            groups.setdefault((row["item"], row["domain"], row["soc"]), []).append(row)
        tp = fp = fn = 0
        top_hits = top_total = 0
        errors: list[str] = []
        for (item, domain, soc), rows in groups.items():
            courses = [Course(f"School {i}", "", "", r["course_title"], program=r["program"])
                       for i, r in enumerate(rows)]
            query = matcher.MatchQuery("q", domain, item)
            found = matcher.match_items([query], courses, soc=soc or None, top_k=len(courses),
                                        score_cutoff=cutoff)["q"]
            suggested = {int(m.course.school.split()[-1]): m.score for m in found}
            for i, r in enumerate(rows):
                positive = r["label"] == "1"
                if i in suggested and positive:
                    tp += 1
                elif i in suggested:
                    fp += 1
                    errors.append(f"FP {suggested[i]:5.1f}  {item!r} ~ {r['course_title']!r} ({r['why']})")
                elif positive:
                    fn += 1
                    errors.append(f"FN        {item!r} ~ {r['course_title']!r} ({r['why']})")
            if any(r["label"] == "1" for r in rows):
                top_total += 1
                if found and rows[int(found[0].course.school.split()[-1])]["label"] == "1":
                    top_hits += 1
        return Result(
            precision=tp / (tp + fp) if tp + fp else 1.0,
            recall=tp / (tp + fn) if tp + fn else 1.0,
            precision_at_1=top_hits / top_total if top_total else 1.0,
            tp=tp, fp=fp, fn=fn, errors=tuple(errors),
        )
    finally:
        matcher.SCORER = original


SCORERS: dict[str, Callable[..., Any]] = {
    "token_set_ratio (used)": fuzz.token_set_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "ratio": fuzz.ratio,
    "WRatio": fuzz.WRatio,
    "partial_ratio": fuzz.partial_ratio,
    "partial_token_set_ratio": fuzz.partial_token_set_ratio,
}


def main(argv: list[str]) -> int:
    cutoff = float(argv[argv.index("--cutoff") + 1]) if "--cutoff" in argv else DEFAULT_SCORE_CUTOFF
    labels = read_labels()
    positives = sum(1 for r in labels if r["label"] == "1")
    print(f"{len(labels)} labelled pairs ({positives} matches, {len(labels) - positives} non-matches), "
          f"cutoff {cutoff:g}")
    print(f"{'scorer':28}{'P@1':>8}{'precision':>11}{'recall':>9}{'TP':>6}{'FP':>5}{'FN':>5}")
    main_result: Result | None = None
    for name, scorer in SCORERS.items():
        result = evaluate(labels, cutoff, scorer)
        main_result = main_result or result
        print(f"{name:28}{result.precision_at_1:>8.3f}{result.precision:>11.3f}{result.recall:>9.3f}"
              f"{result.tp:>6}{result.fp:>5}{result.fn:>5}")
    assert main_result is not None
    met = main_result.precision >= 0.90 and main_result.recall >= 0.80
    print("target (P >= 0.90 at R >= 0.80):", "met" if met else "NOT met")
    if "--errors" in argv:
        print("\n".join(main_result.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
