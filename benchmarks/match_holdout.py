"""Held-out matching accuracy: tests/data/match_holdout.csv, labelled blind to the matcher.

The holdout pairs O*NET items of five occupations (pharmacy technicians, welders, machinists,
electricians, medical secretaries) with real course titles of the University of Hawaii system
and Southeast Community College. Unlike ``match_accuracy.py``, every item is matched against
ALL distinct courses of the file (each with its school), so the matcher must rank: a labelled
pair counts as predicted a match when its course is among the item's top-k suggestions at the
cutoff (top-k counts per school, as in the matcher). Courses the matcher suggests that carry no label for the item are counted apart
(``unlabelled``), neither right nor wrong.

Two kinds of rows: the blind pairs, labelled before any ranker ran, and ``pooled:`` pairs,
labelled afterwards because one of the three rankers suggested them at k=3 without a label
(pooled judging, as in TREC: every ranker's suggestions get judged, so none is scored on
unjudged courses). The table is printed for all pairs and for the blind pairs alone.

Figures: precision, recall and F1 over the labelled pairs; precision@1 over the items with at
least one labelled match (strict: the first suggestion is a labelled match; among labelled: the
first suggestion that carries a label for the item is a match). The same figures for two plain
rapidfuzz baselines (``process.extract`` with WRatio and with token_set_ratio).

``ceiling`` is the recall a perfect top-k ranker could reach (an item with more labelled
matches than k cannot have them all suggested). ``--exclude OTHER.csv`` scores only the pairs
whose (item, course title) another labelled file (e.g. tests/data/match_labels.csv) does not
hold; the ranking still runs over all courses.

Usage: .venv/bin/python benchmarks/match_holdout.py [--cutoff 85] [--errors] [--baselines]
       [--unlabelled] [--by-domain] [--exclude tests/data/match_labels.csv]
       [--programs /work/shared/catalogs]   (courses get their catalog department/program)
"""

from __future__ import annotations

import csv
import html
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ksa.match import MatchQuery, course_sequence, match_items  # noqa: E402
from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K  # noqa: E402
from ksa.model import Course  # noqa: E402

HOLDOUT = REPO / "tests" / "data" / "match_holdout.csv"
COLUMNS = ("soc", "item_id", "domain", "item", "school", "course_title", "label", "why")

CourseKey = tuple[str, str]  # (school, course title)
ItemKey = tuple[str, str, str]  # (soc, domain, item)
Ranking = dict[ItemKey, list[CourseKey]]  # suggested courses per item, best first


@dataclass(frozen=True)
class Pair:
    soc: str
    item_id: str
    domain: str
    item: str
    school: str
    course_title: str
    label: bool
    why: str

    @property
    def pooled(self) -> bool:
        """Labelled after a run, because a ranker suggested it (``why`` starts with "pooled:"
        for the first round, "pooled2:" and "pooled3:" for later ones; see tests/data/LABELLING.md)."""
        return self.why.startswith(("pooled:", "pooled2:", "pooled3:"))

    @property
    def item_key(self) -> ItemKey:
        return (self.soc, self.domain, self.item)

    @property
    def course_key(self) -> CourseKey:
        return (self.school, self.course_title)


@dataclass(frozen=True)
class Scores:
    name: str
    top_k: int
    tp: int
    fp: int
    fn: int
    tn: int
    unlabelled: int  # suggestions of courses that carry no label for the item
    p_at_1_strict: float
    p_at_1_labelled: float
    errors: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_holdout(path: Path = HOLDOUT) -> list[Pair]:
    """The labelled pairs; a bad row stops with the row number and what is wrong."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: columns must be {','.join(COLUMNS)}, found {reader.fieldnames}")
        pairs: list[Pair] = []
        problems: list[str] = []
        for number, row in enumerate(reader, start=2):
            if row["label"] not in ("0", "1"):
                problems.append(f"{path}:{number}: label must be 0 or 1, found {row['label']!r}")
                continue
            empty = [c for c in COLUMNS if not (row[c] or "").strip()]
            if empty:
                problems.append(f"{path}:{number}: empty {', '.join(empty)}")
                continue
            pairs.append(Pair(row["soc"], row["item_id"], row["domain"], row["item"], row["school"],
                              row["course_title"], row["label"] == "1", row["why"]))
    if problems:
        raise ValueError("\n".join(problems))
    return pairs


def holdout_courses(pairs: Sequence[Pair], programs: dict[CourseKey, str] | None = None) -> list[Course]:
    """Every distinct (school, title) of the file, in first-seen order (with its program if known)."""
    seen: dict[CourseKey, Course] = {}
    for p in pairs:
        program = (programs or {}).get(p.course_key, "")
        seen.setdefault(p.course_key, Course(school=p.school, grade_level="", course_code="",
                                             course_title=p.course_title, program=program))
    return list(seen.values())


UH_FILES = {"Hawaii CC": "hawaiicc", "Honolulu CC": "honolulucc", "Kapiolani CC": "kapiolani",
            "Kauai CC": "kauai", "Leeward CC": "leeward", "UH Maui College": "maui",
            "Windward CC": "windward", "UH Hilo": "hilo", "UH West Oahu": "west_oahu"}


def catalog_programs(catalogs: Path) -> dict[CourseKey, str]:
    """(school, title) -> department/program name from the source catalogs (UH ``dept_name``,
    Southeast CC course category), to let the matcher's occupational context work."""
    out: dict[CourseKey, str] = {}
    for school, stem in UH_FILES.items():
        with (catalogs / "uh-system-courses" / f"{stem}_courses.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                out.setdefault((school, html.unescape(row["course_title"]).strip()), row["dept_name"])
    southeast = catalogs / "southeast-cc-nebraska"
    with (southeast / "CourseCategory.csv").open(encoding="utf-8-sig") as handle:
        names = {r["CategoryCode"]: r["CategoryName"] for r in csv.DictReader(handle)}
    with (southeast / "Course.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            key = ("Southeast CC", row["CourseTitle"].strip())
            out.setdefault(key, names.get(row["CourseCategory"], ""))
    return out


def _items(pairs: Sequence[Pair]) -> list[ItemKey]:
    return list(dict.fromkeys(p.item_key for p in pairs))


def matcher_ranking(pairs: Sequence[Pair], courses: Sequence[Course], top_k: int,
                    cutoff: float = DEFAULT_SCORE_CUTOFF) -> Ranking:
    """``ksa.match.match_items`` per occupation (the soc gives context), all courses as candidates."""
    items = _items(pairs)
    by_soc: dict[str, list[ItemKey]] = {}
    for key in items:
        by_soc.setdefault(key[0], []).append(key)
    ranking: Ranking = {}
    for soc, keys in by_soc.items():
        queries = [MatchQuery(key=str(i), domain=k[1], text=k[2]) for i, k in enumerate(keys)]
        found = match_items(queries, courses, soc=soc, top_k=top_k, score_cutoff=cutoff)
        for query, key in zip(queries, keys, strict=True):
            ranking[key] = [(m.course.school, m.course.course_title) for m in found[query.key]]
    return ranking


def baseline_ranking(pairs: Sequence[Pair], courses: Sequence[Course], top_k: int,
                     scorer: Callable[..., Any], cutoff: float = DEFAULT_SCORE_CUTOFF) -> Ranking:
    """Plain ``rapidfuzz.process.extract`` of the item name over the course titles, the best
    ``top_k`` of each school."""
    titles = [c.course_title for c in courses]
    ranking: Ranking = {}
    for key in _items(pairs):
        found = process.extract(key[2], titles, scorer=scorer, processor=utils.default_process,
                                limit=None, score_cutoff=cutoff)
        ranking[key] = per_school([(courses[index].school, courses[index].course_title)
                                   for _title, _score, index in found], top_k)
    return ranking


def per_school(suggested: Sequence[CourseKey], top_k: int) -> list[CourseKey]:
    """The suggestions of each school, in order, up to ``top_k`` course sequences (the
    matcher's top-k rule: "Algebra I" and "Algebra II" take one place between them)."""
    counted: set[tuple[str, str, str]] = set()
    listed: dict[str, int] = {}
    out: list[CourseKey] = []
    for course in suggested:
        sequence = course_sequence(course[0], "", course[1])
        if sequence in counted:
            out.append(course)
        elif listed.get(course[0], 0) < top_k:
            listed[course[0]] = listed.get(course[0], 0) + 1
            counted.add(sequence)
            out.append(course)
    return out


def recall_ceiling(pairs: Sequence[Pair], top_k: int) -> float:
    """The recall of a perfect ranker that may suggest only ``top_k`` courses per item and school."""
    positives: dict[tuple[ItemKey, str], dict[tuple[str, str, str], int]] = {}
    for p in pairs:
        if p.label:
            sequences = positives.setdefault((p.item_key, p.school), {})
            sequence = course_sequence(p.school, "", p.course_title)
            sequences[sequence] = sequences.get(sequence, 0) + 1
    total = sum(sum(s.values()) for s in positives.values())
    # a perfect ranker lists the school's largest sequences first
    return sum(sum(sorted(s.values(), reverse=True)[:top_k]) for s in positives.values()) / total if total else 1.0


def evaluate(pairs: Sequence[Pair], ranking: Ranking, name: str, top_k: int) -> Scores:
    """Score ``ranking`` on the labelled ``pairs`` (courses without a label are not scored)."""
    labels: dict[ItemKey, dict[CourseKey, Pair]] = {}
    for p in pairs:
        labels.setdefault(p.item_key, {})[p.course_key] = p
    tp = fp = fn = tn = unlabelled = 0
    strict_hits = labelled_hits = with_positive = 0
    errors: list[str] = []
    for key, labelled in labels.items():
        suggested = per_school(ranking.get(key, []), top_k)
        chosen = set(suggested)
        unlabelled += sum(1 for c in suggested if c not in labelled)
        for course, p in labelled.items():
            where = f"{key[2]!r} ({key[1]}, {key[0]}) ~ {course[1]!r} [{course[0]}]: {p.why}"
            if course in chosen and p.label:
                tp += 1
            elif course in chosen:
                fp += 1
                errors.append(f"FP rank {suggested.index(course) + 1}  {where}")
            elif p.label:
                fn += 1
                top = f"; suggested {[c[1] for c in suggested]}" if suggested else "; nothing suggested"
                errors.append(f"FN         {where}{top}")
            else:
                tn += 1
        if any(p.label for p in labelled.values()):
            with_positive += 1
            if suggested and suggested[0] in labelled and labelled[suggested[0]].label:
                strict_hits += 1
            first = next((c for c in suggested if c in labelled), None)
            if first is not None and labelled[first].label:
                labelled_hits += 1
    return Scores(name, top_k, tp, fp, fn, tn, unlabelled,
                  strict_hits / with_positive if with_positive else 1.0,
                  labelled_hits / with_positive if with_positive else 1.0, tuple(errors))


def unlabelled_suggestions(pairs: Sequence[Pair], ranking: Ranking) -> list[str]:
    """Suggested courses that carry no label for the item: candidates for the next labelling round."""
    labelled: dict[ItemKey, set[CourseKey]] = {}
    for p in pairs:
        labelled.setdefault(p.item_key, set()).add(p.course_key)
    return [f"{key[2]!r} ({key[1]}, {key[0]}) ~ {course[1]!r} [{course[0]}] rank {rank}"
            for key, courses in ranking.items()
            for rank, course in enumerate(courses, start=1) if course not in labelled.get(key, set())]


def overlap_keys(path: Path) -> set[tuple[str, str]]:
    """(item, casefolded course title) of another labelled file with item/course_title columns."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["item"], r["course_title"].casefold()) for r in csv.DictReader(handle)}


BASELINES: dict[str, Callable[..., Any]] = {
    "rapidfuzz WRatio": fuzz.WRatio,
    "rapidfuzz token_set_ratio": fuzz.token_set_ratio,
}


def rankings(pairs: Sequence[Pair], top_k: int, cutoff: float = DEFAULT_SCORE_CUTOFF,
             programs: dict[CourseKey, str] | None = None) -> dict[str, Ranking]:
    """The matcher's and the baselines' suggestions, all at ``top_k`` and ``cutoff``."""
    courses = holdout_courses(pairs, programs)
    out = {"ksa.match": matcher_ranking(pairs, courses, top_k, cutoff)}
    for name, scorer in BASELINES.items():
        out[name] = baseline_ranking(pairs, courses, top_k, scorer, cutoff)
    return out


def run(pairs: Sequence[Pair], top_k: int, cutoff: float = DEFAULT_SCORE_CUTOFF,
        scored: Sequence[Pair] | None = None, programs: dict[CourseKey, str] | None = None,
        ) -> list[Scores]:
    """Matcher first, then the baselines; rank over ``pairs``' courses, score ``scored`` (all)."""
    chosen = pairs if scored is None else scored
    return [evaluate(chosen, ranking, name, top_k)
            for name, ranking in rankings(pairs, top_k, cutoff, programs).items()]


def _row(s: Scores, ceiling: float) -> str:
    return (f"{s.name:27}{s.top_k:>2}{s.precision:>7.3f}{s.recall:>7.3f}{ceiling:>6.2f}{s.f1:>7.3f}"
            f"{s.p_at_1_strict:>7.3f}{s.p_at_1_labelled:>8.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            f"{s.unlabelled:>7}")


def _table(title: str, pairs: Sequence[Pair], scored: Sequence[Pair], cutoff: float,
           programs: dict[CourseKey, str] | None) -> list[Scores]:
    positives = sum(p.label for p in scored)
    print(f"\n{title}: {len(scored)} labelled pairs ({positives} matches, {len(scored) - positives} "
          f"non-matches), {len(_items(scored))} items; {len(holdout_courses(pairs))} courses ranked, "
          f"cutoff {cutoff:g}")
    print(f"{'ranker':27}{'k':>2}{'P':>7}{'R':>7}{'ceil':>6}{'F1':>7}{'P@1':>7}{'P@1lab':>8}"
          f"{'TP':>5}{'FP':>5}{'FN':>5}{'unlab':>7}")
    results: list[Scores] = []
    for top_k in (3, 5, DEFAULT_TOP_K):
        for s in run(pairs, top_k, cutoff, scored, programs):
            results.append(s)
            print(_row(s, recall_ceiling(scored, top_k)))
    return results


def main(argv: list[str]) -> int:
    cutoff = float(argv[argv.index("--cutoff") + 1]) if "--cutoff" in argv else DEFAULT_SCORE_CUTOFF
    pairs = read_holdout()
    scored = pairs
    if "--exclude" in argv:
        other = overlap_keys(Path(argv[argv.index("--exclude") + 1]))
        scored = [p for p in pairs if (p.item, p.course_title.casefold()) not in other]
        print(f"scoring {len(scored)} of {len(pairs)} pairs: {len(pairs) - len(scored)} are also "
              "in the excluded file")
    programs: dict[CourseKey, str] | None = None
    if "--programs" in argv:
        programs = catalog_programs(Path(argv[argv.index("--programs") + 1]))
        known = sum(1 for c in holdout_courses(pairs, programs) if c.program)
        print(f"courses carry their catalog program: {known} of {len(holdout_courses(pairs))}")
    results = _table("all pairs (blind + pooled)", pairs, scored, cutoff, programs)
    _table("blind pairs only", pairs, [p for p in scored if not p.pooled], cutoff, programs)
    if "--by-domain" in argv:
        print("\nksa.match by domain, all pairs, k=3")
        ranking = rankings(pairs, 3, cutoff, programs)["ksa.match"]
        for domain in dict.fromkeys(p.domain for p in scored):
            subset = [p for p in scored if p.domain == domain]
            print(_row(evaluate(subset, ranking, domain, 3), recall_ceiling(subset, 3)))
    if "--unlabelled" in argv:
        print("\nksa.match, k=3: suggestions without a label")
        print("\n".join(unlabelled_suggestions(scored, rankings(pairs, 3, cutoff, programs)["ksa.match"])))
    if "--errors" in argv:
        shown = [s for s in results if s.top_k == 3 and ("--baselines" in argv or s.name == "ksa.match")]
        for s in shown:
            print(f"\n{s.name}, all pairs, k=3: {s.fp} false positives, {s.fn} false negatives")
            print("\n".join(sorted(s.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
