"""Course-matching speed: every distinct item of every rated O*NET 29.3 occupation vs a 50,000-row
catalog built from the shared catalogs' real rows (synthetic schools, realistic variants).

Prints wall time, pairs scored vs the full cross product, peak memory (RSS) and the speed ratio
against a plain Python double loop calling the same scorer (timed on a sample, extrapolated).
Targets: <= 60 s, >= 20x the loop, <= 2 GB.

Usage: .venv/bin/python benchmarks/match.py [SHARED_DIR]
"""

from __future__ import annotations

import os
import random
import re
import resource
import sys
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ksa.catalog import load_catalogs  # noqa: E402
from ksa.match import SCORER, MatchQuery, build_vocabulary, match_items_with_stats  # noqa: E402
from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K  # noqa: E402
from ksa.model import Course  # noqa: E402
from ksa.normalize import meaningful, title_tokens  # noqa: E402
from ksa.panel import CatalogSpec  # noqa: E402

ROWS = 50_000
SCHOOLS = 60
LOOP_SAMPLE = 200_000
# original, abbreviated, upper case, numbered, truncated, 'for X', 'X ...', leading, trailing
VARIANT_WEIGHTS = (2, 2, 1, 1, 2, 3, 3, 3, 3)  # pairs the plain loop is timed on

ABBREVIATE = [
    (r"\bIntroduction to\b", "Intro to"), (r"\bTechnology\b", "Tech"), (r"\bTechnical\b", "Tech"),
    (r"\bMathematics\b", "Math"), (r"\bManufacturing\b", "Mfg"), (r"\bFundamentals\b", "Fund"),
    (r"\band\b", "&"), (r"\bAdvanced\b", "Adv"), (r"\bBlueprint\b", "Blprt"), (r"\bReading\b", "Rdg"),
    (r"\bManagement\b", "Mgmt"), (r"\bLaboratory\b", "Lab"), (r"\bElectrical\b", "Elec"),
    (r"\bCommunication\b", "Comm"), (r"\bAccounting\b", "Acctg"), (r"\bMedical\b", "Med"),
]


LEADING = ["Advanced", "Applied", "Special Topics in", "Contemporary", "Professional", "Modern",
           "Industrial", "Practical", "Topics in", "Issues in", "Directed Study in", "Current"]
TRAILING = ["Lab", "Practicum", "Workshop", "Seminar", "Capstone", "Internship", "Honors", "Online",
            "Studio", "Clinical", "Field Experience", "Projects", "Theory", "Applications", "Review"]


def shared_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    return Path(os.environ.get("KSA_SHARED", REPO.parent / "shared"))


def real_courses(shared: Path) -> list[Course]:
    cat = shared / "catalogs"
    specs = [
        CatalogSpec(cat / "btech-bridgerland/course_hours.csv", "Bridgerland Technical College", "Certificate"),
        CatalogSpec(cat / "stech-southwest-tech-utah/stech_courses.csv", "Southwest Technical College",
                    "Certificate"),
        CatalogSpec(cat / "southeast-cc-nebraska/Course.csv", "Southeast Community College", "Associate"),
        CatalogSpec(cat / "sced-nces/sced_v12.csv", "SCED", "High school"),
    ] + [CatalogSpec(p, p.stem.replace("_courses", ""), "Associate")
         for p in sorted((cat / "uh-system-courses").glob("*.csv"))]
    return list(load_catalogs(specs).courses)


def variants(course: Course, rng: random.Random, qualifiers: list[str]) -> list[str]:
    title = course.course_title
    abbreviated = title
    for pattern, short in ABBREVIATE:
        abbreviated = re.sub(pattern, short, abbreviated)
    level = rng.choice(["I", "II", "2", "101", "III"])
    out = [title, abbreviated, title.upper(), f"{title} {level}",
           title[: rng.randint(30, 35)] if len(title) > 35 else title.lower(),
           f"{title} for {rng.choice(qualifiers)}", f"{rng.choice(qualifiers)} {title}",
           f"{rng.choice(LEADING)} {title}", f"{title} {rng.choice(TRAILING)}"]
    return out


def build_catalog(real: list[Course], rng: random.Random) -> list[Course]:
    qualifiers = sorted({c.program for c in real if c.program and len(c.program) < 40}
                        | {"Health Careers", "Welders", "Industry", "Agriculture", "Nursing", "Business"})
    rows: list[Course] = []
    while len(rows) < ROWS:
        course = rng.choice(real)
        title = rng.choices(variants(course, rng, qualifiers), weights=VARIANT_WEIGHTS)[0]
        school = f"Synthetic College {rng.randrange(SCHOOLS):02d}"
        rows.append(Course(school, course.grade_level, course.course_code, title, program=course.program,
                           source=f"synthetic:{len(rows) + 2}"))
    return rows


def items(shared: Path) -> list[MatchQuery]:
    base = shared / "onet" / "db_29_3_excel"
    knowledge = pd.read_excel(base / "Knowledge.xlsx", engine="calamine", dtype=str)
    rated = set(knowledge["O*NET-SOC Code"])
    names: dict[tuple[str, str], None] = {}
    for domain, file, column in (("knowledge", "Knowledge.xlsx", "Element Name"),
                                 ("skills", "Skills.xlsx", "Element Name"),
                                 ("tools", "Tools Used.xlsx", "Example"),
                                 ("technology", "Technology Skills.xlsx", "Example")):
        frame = knowledge if file == "Knowledge.xlsx" else pd.read_excel(base / file, engine="calamine", dtype=str)
        frame = frame[frame["O*NET-SOC Code"].isin(rated)]
        for name in frame[column].dropna().unique():
            names[(domain, str(name))] = None
    return [MatchQuery(f"{d}:{i}", d, n) for i, (d, n) in enumerate(names)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    shared = shared_dir()
    rng = random.Random(20260601)
    t0 = time.perf_counter()
    real = real_courses(shared)
    catalog = build_catalog(real, rng)
    queries = items(shared)
    prepared = time.perf_counter() - t0
    vocabulary = build_vocabulary(catalog, (q.text for q in queries))
    distinct_norm = len({" ".join(title_tokens(c.course_title, vocabulary)) for c in catalog})
    print(f"catalog: {len(catalog):,} rows from {len(real):,} real courses, {distinct_norm:,} distinct "
          f"normalized titles; items: {len(queries):,} distinct names (prepared in {prepared:.1f} s)")

    start = time.perf_counter()
    result, stats = match_items_with_stats(queries, catalog, top_k=DEFAULT_TOP_K, score_cutoff=DEFAULT_SCORE_CUTOFF)
    wall = time.perf_counter() - start
    matched = sum(1 for v in result.values() if v)

    # the plain loop: same scorer, same normalized strings, every pair, timed on a sample
    keys = sorted({" ".join(meaningful(title_tokens(c.course_title, vocabulary))) for c in catalog} - {""})
    qstrings = sorted({" ".join(meaningful(title_tokens(q.text, vocabulary))) for q in queries} - {""})
    sample_q = rng.sample(qstrings, min(len(qstrings), max(1, LOOP_SAMPLE // len(keys))))
    loop_start = time.perf_counter()
    pairs = 0
    for q in sample_q:
        for k in keys:
            SCORER(q, k, processor=None, score_cutoff=DEFAULT_SCORE_CUTOFF)
            pairs += 1
    loop_time = time.perf_counter() - loop_start
    loop_full = loop_time / pairs * len(qstrings) * len(keys)

    print(f"{'':28}{'ksa.match (blocked cdist)':>28}{'plain Python double loop':>28}")
    print(f"{'wall time':28}{wall:>26.1f} s{loop_full:>26.1f} s  (extrapolated from {pairs:,} pairs)")
    print(f"{'pairs scored':28}{stats.scored_pairs:>28,}{len(qstrings) * len(keys):>28,}")
    print(f"{'pairs after blocking':28}{stats.candidate_pairs:>28,}")
    print(f"{'share of cross product':28}{stats.scored_pairs / max(1, stats.cross_product):>27.2%} {'100%':>27}")
    print(f"speed ratio: {loop_full / wall:.0f}x the loop; peak memory {peak_rss_mb():,.0f} MB; "
          f"{matched:,} of {len(queries):,} items matched at cutoff {DEFAULT_SCORE_CUTOFF:g}")
    ok = wall <= 60 and loop_full / wall >= 20 and peak_rss_mb() <= 2048
    print("targets (<= 60 s, >= 20x, <= 2 GB):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
