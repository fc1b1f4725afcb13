"""Second held-out set: new occupations, new colleges, whole catalogs ranked.

``tests/data/match_holdout2.csv`` pairs the panel items of four occupations the matcher was never
tuned on (automotive service technicians 49-3023, computer user support 15-1232, licensed
practical nurses 29-2061, industrial machinery mechanics 49-9041) with courses of two catalogs it
was never tuned on (Bridgerland Technical College: codes and titles; Southwest Technical College:
program, CIP, descriptions). The pool came from several rankers (``scripts/holdout_pool.py 2``) and
was labelled by judges who saw neither the matcher nor which ranker proposed a pair, under
``tests/data/LABELLING.md``; they also added courses no ranker found (``why`` "added: ...").

Unlike ``match_holdout.py``, each item is ranked against EVERY course of both catalogs, loaded
through the product's own catalog reader, exactly as ``ksa match`` would. A labelled pair counts
as predicted when its course is among the item's top-k suggestions at the cutoff; suggested
courses without a label are counted apart (``unlab``).

The occupations are split before any result was seen: DEV (49-3023, 15-1232) may be studied and
tuned on; TEST (29-2061, 49-9041) is only scored. ``--errors`` lists DEV errors only.

``--semantic`` adds the optional re-ranker (``ksa.rerank``, needs the ``ksa[semantic]`` extra;
run with that venv's python) as the product runs it, and a variant that also lets the embedding
propose its 8 nearest courses per item (``nearest``), to see whether meaning finds what the
words miss.

Usage: .venv/bin/python benchmarks/match_holdout2.py [/work/shared] [--cutoff 85] [--errors]
       [--semantic]
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import match_holdout as mh  # noqa: E402

from ksa.catalog import load_catalogs  # noqa: E402
from ksa.match import MatchQuery, match_items, wording  # noqa: E402
from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K  # noqa: E402
from ksa.model import Course, Match  # noqa: E402
from ksa.panel import CatalogSpec  # noqa: E402

HOLDOUT2 = REPO / "tests" / "data" / "match_holdout2.csv"
DEV = ("49-3023.00", "15-1232.00")
TEST = ("29-2061.00", "49-9041.00")


def _title(text: str) -> str:
    return " ".join(text.split())


def read_pairs(path: Path = HOLDOUT2) -> list[mh.Pair]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    bad = [f"{path}:{n}: label {r['label']!r}" for n, r in enumerate(rows, start=2) if r["label"] not in ("0", "1")]
    if bad:
        raise ValueError("\n".join(bad))
    return [mh.Pair(r["soc"], r["item_id"], r["domain"], r["item"], r["school"], _title(r["course_title"]),
                    r["label"] == "1", r["why"]) for r in rows]


def catalog_courses(shared: Path) -> list[Course]:
    catalogs = shared / "catalogs"
    return list(load_catalogs([
        CatalogSpec(catalogs / "btech-bridgerland" / "course_hours.csv", school="Bridgerland Tech"),
        CatalogSpec(catalogs / "stech-southwest-tech-utah" / "stech_courses.csv", school="Southwest Tech"),
    ]).courses)


def _keys(courses: Sequence[Course]) -> list[mh.CourseKey]:
    """Suggested courses as (school, title), a second section of the same title dropped."""
    return list(dict.fromkeys((c.school, _title(c.course_title)) for c in courses))


Matcher = Callable[[list[MatchQuery], str], dict[str, tuple[Match, ...]]]


def _ranking(pairs: Sequence[mh.Pair], match: Matcher) -> mh.Ranking:
    """Run ``match(queries, soc)`` once per occupation; suggestions per labelled item. The matcher
    lists sections of one course once ("Heartsaver First Aid w/CPR" EMSR 0109 and "Heartsaver
    First Aid w/ CPR" CE23 0015: one line of the crosswalk), so a labelled title worded as a
    suggested one at the same school counts as suggested with it."""
    by_soc: dict[str, list[mh.ItemKey]] = {}
    for key in dict.fromkeys(p.item_key for p in pairs):
        by_soc.setdefault(key[0], []).append(key)
    sections: dict[tuple[mh.ItemKey, str, str], list[str]] = {}
    for p in pairs:
        titles = sections.setdefault((p.item_key, p.school, wording(p.course_title)), [])
        if _title(p.course_title) not in titles:
            titles.append(_title(p.course_title))
    ranking: mh.Ranking = {}
    for soc, keys in by_soc.items():
        queries = [MatchQuery(key=str(i), domain=k[1], text=k[2]) for i, k in enumerate(keys)]
        found = match(queries, soc)
        for query, key in zip(queries, keys, strict=True):
            listed = _keys([m.course for m in found[query.key]])
            ranking[key] = list(dict.fromkeys(
                same for school, title in listed
                for same in [(school, title)] + [(school, t) for t in sections.get((key, school, wording(title)), [])]))
    return ranking


def matcher_ranking(pairs: Sequence[mh.Pair], courses: Sequence[Course], top_k: int,
                    cutoff: float) -> mh.Ranking:
    return _ranking(pairs, lambda queries, soc: match_items(queries, courses, soc=soc, top_k=top_k,
                                                             score_cutoff=cutoff))


OCCUPATIONS = {"49-3023.00": "Automotive Service Technicians and Mechanics",
               "15-1232.00": "Computer User Support Specialists",
               "29-2061.00": "Licensed Practical and Licensed Vocational Nurses",
               "49-9041.00": "Industrial Machinery Mechanics"}


def semantic_ranking(pairs: Sequence[mh.Pair], courses: Sequence[Course], top_k: int,
                     nearest: int, occupations: dict[str, str] | None = None) -> mh.Ranking:
    from ksa.rerank import SemanticReranker, match_items_semantic

    names = OCCUPATIONS if occupations is None else occupations
    reranker = SemanticReranker()
    return _ranking(pairs, lambda queries, soc: match_items_semantic(
        queries, courses, reranker, soc=soc, top_k=top_k, occupation=names.get(soc, ""),
        nearest=nearest))


def baseline_ranking(pairs: Sequence[mh.Pair], courses: Sequence[Course], top_k: int,
                     scorer: Callable[..., Any], cutoff: float) -> mh.Ranking:
    titles = [c.course_title for c in courses]
    ranking: mh.Ranking = {}
    for key in dict.fromkeys(p.item_key for p in pairs):
        found = process.extract(key[2], titles, scorer=scorer, processor=utils.default_process,
                                limit=None, score_cutoff=cutoff)
        ranking[key] = mh.per_school(_keys([courses[i] for _t, _s, i in found]), top_k)
    return ranking


def table(title: str, pairs: Sequence[mh.Pair], rankings: dict[str, mh.Ranking], top_k: int) -> list[mh.Scores]:
    positives = sum(p.label for p in pairs)
    print(f"\n{title}: {len(pairs)} labelled pairs ({positives} matches), "
          f"{len({p.item_key for p in pairs})} items, top {top_k}")
    print(f"{'ranker':27}{'k':>2}{'P':>7}{'R':>7}{'ceil':>6}{'F1':>7}{'P@1':>7}{'P@1lab':>8}"
          f"{'TP':>5}{'FP':>5}{'FN':>5}{'unlab':>7}")
    out = []
    for name, ranking in rankings.items():
        scores = mh.evaluate(pairs, ranking, name, top_k)
        out.append(scores)
        print(mh._row(scores, mh.recall_ceiling(pairs, top_k)))
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    cutoff = float(argv[argv.index("--cutoff") + 1]) if "--cutoff" in argv else DEFAULT_SCORE_CUTOFF
    shared = Path(args[0]) if args and not args[0].replace(".", "").isdigit() else REPO.parent / "shared"
    pairs = read_pairs()
    courses = catalog_courses(shared)
    print(f"{len(courses)} courses ranked (Bridgerland Tech + Southwest Tech), cutoff {cutoff:g}")
    top_k = DEFAULT_TOP_K
    rankings = {
        "ksa.match": matcher_ranking(pairs, courses, top_k, cutoff),
        "rapidfuzz WRatio": baseline_ranking(pairs, courses, top_k, fuzz.WRatio, cutoff),
        "rapidfuzz token_set_ratio": baseline_ranking(pairs, courses, top_k, fuzz.token_set_ratio, cutoff),
    }
    if "--semantic" in argv:
        rankings["ksa.match + semantic"] = semantic_ranking(pairs, courses, top_k, 0)
        rankings["+ semantic nearest 8"] = semantic_ranking(pairs, courses, top_k, 8)
    dev = [p for p in pairs if p.soc in DEV]
    test = [p for p in pairs if p.soc in TEST]
    table("DEV (49-3023, 15-1232)", dev, rankings, top_k)
    table("TEST (29-2061, 49-9041)", test, rankings, top_k)
    table("all", pairs, rankings, top_k)
    if "--errors" in argv:
        print("\nDEV errors of ksa.match:")
        for line in mh.evaluate(dev, rankings["ksa.match"], "ksa.match", top_k).errors:
            print(" ", line)
        print("\nDEV unlabelled suggestions:")
        for line in mh.unlabelled_suggestions(dev, {k: v for k, v in rankings["ksa.match"].items() if k[0] in DEV}):
            print(" ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
