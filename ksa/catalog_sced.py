"""SCED subject areas: what a high-school course code says about the course's program.

A five-digit NCES SCED code (``13055`` Metal Processing/Production) starts with its subject area
(``13`` Manufacturing). Lists coded with SCED rarely have a department column, so a
career-and-technical area stands in for it: its name as the program and the CIP 2020 series it
prepares for as the CIP (``ksa/data/sced_areas.csv``). Academic areas, and areas spanning
unrelated fields, carry no series and give no program. An area whose course groups prepare for
different fields is split by a longer code prefix (Transportation, 20: operation, mechanics and
repair, distribution).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from ksa.normalize import data_lines

_CODE = re.compile(r"\s*(\d{5})(?:[.\-]\w+)?\s*")  # "13055", "13055.1", "10004-A"


@dataclass(frozen=True)
class ScedArea:
    area: str  # "13", or a longer prefix splitting an area ("201")
    name: str  # "Manufacturing"
    cip: str  # "48", or "" for an academic area


@cache
def sced_areas() -> dict[str, ScedArea]:
    return {r["area"]: ScedArea(r["area"], r["name"], r["cip"])
            for r in csv.DictReader(data_lines("sced_areas.csv"))}


def sced_area(code: str) -> ScedArea | None:
    """The subject area of a SCED course code, or None when ``code`` is no SCED code; where the
    table splits an area by a longer prefix (Transportation's "201" mechanics and repair), the
    longest prefix it lists wins."""
    found = _CODE.fullmatch(code)
    if not found:
        return None
    areas = sced_areas()
    digits = found.group(1)
    return next((areas[digits[:n]] for n in (4, 3, 2) if digits[:n] in areas), None)
