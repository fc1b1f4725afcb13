"""The held-out matcher evaluation split by occupation: DEV occupations (used while tuning the
matcher) and TEST occupations (held back, reported only).

Every item is still ranked against all courses of tests/data/match_holdout.csv (as in
``match_holdout.py``); only the scored pairs are filtered by the item's occupation.

Usage: .venv/bin/python benchmarks/match_holdout_split.py [--cutoff 85] [--programs DIR]
       [--errors dev] [--k 3] [--blind] [--baselines]
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import match_holdout as mh  # noqa: E402

from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K  # noqa: E402

DEV = ("29-2052.00", "51-4121.00", "47-2111.00")
TEST = ("51-4041.00", "43-6013.00")


def _holdout() -> ModuleType:
    return mh


def main(argv: list[str]) -> int:
    bench = _holdout()
    cutoff = float(argv[argv.index("--cutoff") + 1]) if "--cutoff" in argv else DEFAULT_SCORE_CUTOFF
    programs = None
    if "--programs" in argv:
        programs = bench.catalog_programs(Path(argv[argv.index("--programs") + 1]))
    pairs = bench.read_holdout()
    pairs_scored = [p for p in pairs if not p.pooled] if "--blind" in argv else pairs
    show = argv[argv.index("--errors") + 1] if "--errors" in argv else ""
    error_k = int(argv[argv.index("--k") + 1]) if "--k" in argv else DEFAULT_TOP_K
    print(f"{'split':6}{'ranker':27}{'k':>2}{'P':>7}{'R':>7}{'F1':>7}{'P@1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"
          f"{'unlab':>7}")
    for top_k in (3, 5, DEFAULT_TOP_K):
        ranks = bench.rankings(pairs, top_k, cutoff, programs)
        for split, socs in (("DEV", DEV), ("TEST", TEST)):
            scored = [p for p in pairs_scored if p.soc in socs]
            for name, ranking in ranks.items():
                if name != "ksa.match" and "--baselines" not in argv:
                    continue
                s = bench.evaluate(scored, ranking, name, top_k)
                print(f"{split:6}{name:27}{top_k:>2}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                      f"{s.p_at_1_strict:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.unlabelled:>7}")
                if top_k == error_k and name == "ksa.match" and show.upper() == split:
                    print("\n".join(sorted(s.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
