"""Build the judging pool of the third held-out set (tests/data/match_holdout3.csv).

Four occupations no earlier label set used (dental assistants 31-9091, bus and truck mechanics
and diesel engine specialists 49-3031, restaurant cooks 35-2014, architectural and civil drafters
17-3011), their panel items picked as for the second set, against Bridgerland Technical College
(codes and titles) and Southeast Community College, Nebraska (category codes and titles). The set
is built once the session-4 matcher is frozen and is scored only: every occupation is TEST.

The pool is made exactly as ``scripts/holdout2_pool.py`` makes it (four rankers, rows sorted by
item and course title, no hint of the ranker); the judges may add courses no ranker found.

Usage: .venv/bin/python scripts/holdout3_pool.py /work/shared OUT.csv
"""

from __future__ import annotations

import sys
from pathlib import Path

from holdout2_pool import pool_rows, write_pool

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ksa.catalog import load_catalogs  # noqa: E402
from ksa.panel import CatalogSpec  # noqa: E402

OCCUPATIONS = ("31-9091.00", "49-3031.00", "35-2014.00", "17-3011.00")


def catalog_specs(shared: Path) -> list[CatalogSpec]:
    catalogs = shared / "catalogs"
    return [
        CatalogSpec(catalogs / "btech-bridgerland" / "course_hours.csv", school="Bridgerland Tech"),
        CatalogSpec(catalogs / "southeast-cc-nebraska" / "Course.csv", school="Southeast CC"),
    ]


def main(argv: list[str]) -> int:
    shared, out_path = Path(argv[0]), Path(argv[1])
    courses = list(load_catalogs(catalog_specs(shared)).courses)
    print(f"{len(courses)} courses")
    write_pool(pool_rows(shared, courses, OCCUPATIONS), out_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
