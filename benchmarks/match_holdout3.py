"""Third held-out set: four more occupations, scored only (every pair is TEST).

``tests/data/match_holdout3.csv`` pairs the panel items of dental assistants (31-9091), bus and
truck mechanics and diesel engine specialists (49-3031), restaurant cooks (35-2014) and
architectural and civil drafters (17-3011) with the courses of Bridgerland Technical College and
Southeast Community College, Nebraska (codes and titles only). It was built in session 4, after the
matcher of that session was written, from the pool of ``scripts/holdout3_pool.py`` and judged by
four blind sessions under ``tests/data/LABELLING.md`` (who also added courses no ranker found).
Nothing was tuned on it and its errors are never printed: it says how the matcher does on
occupations and catalogs nobody looked at while writing it.

Each item is ranked against every course of both catalogs, read by the product's own catalog
reader, as ``ksa match`` would; suggested courses without a label are counted apart (``unlab``).

Usage: .venv/bin/python benchmarks/match_holdout3.py [/work/shared] [--cutoff 85] [--semantic]
       [--unlabelled OUT.csv]   (writes suggestions without a label, for a blind judging round)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import match_holdout2 as m2  # noqa: E402

from ksa.catalog import load_catalogs  # noqa: E402
from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K  # noqa: E402
from ksa.model import Course  # noqa: E402
from ksa.panel import CatalogSpec  # noqa: E402

HOLDOUT3 = REPO / "tests" / "data" / "match_holdout3.csv"
OCCUPATIONS = {"31-9091.00": "Dental Assistants",
               "49-3031.00": "Bus and Truck Mechanics and Diesel Engine Specialists",
               "35-2014.00": "Cooks, Restaurant",
               "17-3011.00": "Architectural and Civil Drafters"}


def catalog_courses(shared: Path) -> list[Course]:
    catalogs = shared / "catalogs"
    return list(load_catalogs([
        CatalogSpec(catalogs / "btech-bridgerland" / "course_hours.csv", school="Bridgerland Tech"),
        CatalogSpec(catalogs / "southeast-cc-nebraska" / "Course.csv", school="Southeast CC"),
    ]).courses)


def write_unlabelled(pairs: list[m2.mh.Pair], ranking: m2.mh.Ranking, courses: list[Course], out: Path) -> int:
    """Suggestions without a label, sorted by item and title, with nothing about rank or score."""
    labelled = {(p.soc, p.item, p.school, p.course_title.casefold()) for p in pairs}
    by_key = {(c.school, m2._title(c.course_title)): c for c in courses}
    rows = []
    for key, found in ranking.items():
        for school, title in found:
            if (key[0], key[2], school, title.casefold()) not in labelled:
                c = by_key[(school, title)]
                rows.append({"soc": key[0], "domain": key[1], "item": key[2], "school": school,
                             "course_code": c.course_code, "course_title": title, "label": "", "why": ""})
    rows.sort(key=lambda r: (r["soc"], r["item"], r["course_title"].casefold(), r["school"]))
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["soc", "domain", "item", "school", "course_code",
                                                    "course_title", "label", "why"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def main(argv: list[str]) -> int:
    args = [a for n, a in enumerate(argv) if not a.startswith("--")
            and (n == 0 or argv[n - 1] not in ("--cutoff", "--unlabelled"))]
    cutoff = float(argv[argv.index("--cutoff") + 1]) if "--cutoff" in argv else DEFAULT_SCORE_CUTOFF
    shared = Path(args[0]) if args and not args[0].replace(".", "").isdigit() else REPO.parent / "shared"
    pairs = m2.read_pairs(HOLDOUT3)
    courses = catalog_courses(shared)
    known = {(c.school, m2._title(c.course_title)) for c in courses}
    missing = sorted({p.course_key for p in pairs} - known)
    if missing:
        print(f"{len(missing)} labelled courses are not in the catalogs: {missing[:5]}")
    print(f"{len(courses)} courses ranked (Bridgerland Tech + Southeast CC), cutoff {cutoff:g}")
    top_k = DEFAULT_TOP_K
    rankings = {
        "ksa.match": m2.matcher_ranking(pairs, courses, top_k, cutoff),
        "rapidfuzz WRatio": m2.baseline_ranking(pairs, courses, top_k, fuzz.WRatio, cutoff),
        "rapidfuzz token_set_ratio": m2.baseline_ranking(pairs, courses, top_k, fuzz.token_set_ratio, cutoff),
    }
    if "--semantic" in argv:
        rankings["ksa.match + semantic"] = m2.semantic_ranking(pairs, courses, top_k, 0, OCCUPATIONS)
    if "--unlabelled" in argv:
        out = Path(argv[argv.index("--unlabelled") + 1])
        wide = m2.matcher_ranking(pairs, courses, 14, 80)
        print(f"{write_unlabelled(pairs, wide, courses, out)} unlabelled suggestions (top 14, cutoff 80) -> {out}")
        return 0
    m2.table("TEST (31-9091, 49-3031, 35-2014, 17-3011)", pairs, rankings, top_k)
    for soc, name in OCCUPATIONS.items():
        m2.table(f"{soc} {name}", [p for p in pairs if p.soc == soc], {"ksa.match": rankings["ksa.match"]}, top_k)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
