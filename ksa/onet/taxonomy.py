"""Taxonomy changes: retired O*NET-SOC 2010 codes, their 2019 successors, and suggestions for
codes nobody knows.

The crosswalk ships as ``ksa/data/onet_taxonomy_2010_2019.csv`` (all 1,164 rows of O*NET's
"Crosswalk 2010 to 2019", CC BY 4.0, O*NET/USDOL-ETA; attribution in the file's ``#`` header).
Regenerate it from the onetcenter.org workbook with::

    .venv/bin/python -m ksa.onet.taxonomy ../shared/onet/crosswalks/2010_to_2019_Crosswalk.xlsx \
        ksa/data/onet_taxonomy_2010_2019.csv

A code is *retired* for a release when it is a 2010 code that is not a current code of that
release; it resolves to its successors in the release (one -> used with a notice; several ->
:class:`~ksa.errors.RetiredCodeError`).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ksa.errors import Problem, ReleaseError, RetiredCodeError, UnknownCodeError
from ksa.model import Occupation

CSV_NAME = "onet_taxonomy_2010_2019.csv"
CSV_COLUMNS = ("code_2010", "title_2010", "code_2019", "title_2019")
XLSX_COLUMNS = ("O*NET-SOC 2010 Code", "O*NET-SOC 2010 Title",
                "O*NET-SOC 2019 Code", "O*NET-SOC 2019 Title")

ATTRIBUTION = (
    "This product includes information from the O*NET-SOC 2010 to 2019 Crosswalk by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the "
    "CC BY 4.0 license (https://creativecommons.org/licenses/by/4.0/)."
)

_CODE = re.compile(r"^(\d{2})-?(\d{4})(?:\.(\d{2}))?$")


@dataclass(frozen=True)
class CrosswalkRow:
    code_2010: str
    title_2010: str
    code_2019: str
    title_2019: str


def normalize_code(code: str) -> str:
    """``519161`` / ``51-9161`` / `` 51-9161.00 `` -> ``51-9161.00``; anything else unchanged
    (stripped)."""
    text = code.strip()
    m = _CODE.match(text) or re.match(r"^(\d{2})(\d{4})(\d{2})$", text)
    if not m:
        return text
    return f"{m.group(1)}-{m.group(2)}.{m.group(3) or '00'}"


@lru_cache(maxsize=1)
def crosswalk() -> tuple[CrosswalkRow, ...]:
    """The bundled 2010 -> 2019 crosswalk rows."""
    text = (Path(__file__).resolve().parent.parent / "data" / CSV_NAME).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    reader = csv.DictReader(lines)
    if tuple(reader.fieldnames or ()) != CSV_COLUMNS:
        raise ReleaseError(f"Bundled {CSV_NAME} has header {reader.fieldnames}, "
                           f"expected {CSV_COLUMNS}; regenerate it (see ksa.onet.taxonomy).")
    return tuple(CrosswalkRow(r["code_2010"], r["title_2010"], r["code_2019"], r["title_2019"])
                 for r in reader)


@lru_cache(maxsize=1)
def _by_2010() -> dict[str, tuple[CrosswalkRow, ...]]:
    out: dict[str, list[CrosswalkRow]] = {}
    for row in crosswalk():
        out.setdefault(row.code_2010, []).append(row)
    return {k: tuple(v) for k, v in out.items()}


def successors(code: str) -> tuple[CrosswalkRow, ...]:
    """Crosswalk rows for a 2010 code (empty when it is not a 2010 code)."""
    return _by_2010().get(normalize_code(code), ())


def resolve_code(code: str, occupations: Mapping[str, Occupation], *,
                 title: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The current code for ``code`` in a release whose occupations are ``occupations``, and the
    notices to show. Raises :class:`RetiredCodeError` (several successors) or
    :class:`UnknownCodeError` (with 3-5 suggestions; ``title``, e.g. the panel's job title,
    improves them)."""
    wanted = normalize_code(code)
    notices: list[str] = []
    if wanted != code.strip():
        notices.append(f"O*NET-SOC code {code.strip()!r} read as {wanted}.")
    if wanted in occupations:
        return wanted, tuple(notices)
    rows = successors(wanted)
    current = []
    for row in rows:
        if row.code_2019 in occupations and row.code_2019 not in current:
            current.append(row.code_2019)
    if len(current) == 1:
        succ = occupations[current[0]]
        old_title = rows[0].title_2010
        notices.append(
            f"{wanted} ({old_title}) was retired in the O*NET-SOC 2019 taxonomy; using its "
            f"successor {succ.code} ({succ.title}).")
        return succ.code, tuple(notices)
    if len(current) > 1:
        raise RetiredCodeError(wanted, [f"{c} {occupations[c].title}" for c in current])
    hint_title = title or (rows[0].title_2010 if rows else None)
    raise UnknownCodeError(wanted, suggest(wanted, occupations, title=hint_title))


def suggest(code: str, occupations: Mapping[str, Occupation], *, title: str | None = None,
            limit: int = 5) -> list[str]:
    """Up to ``limit`` (at least 3 when the release has them) current occupations close to an
    unknown ``code``, as ``"code title"``: same 6-digit SOC prefix first, then closest titles
    to ``title`` (rapidfuzz), then the numerically nearest codes."""
    from rapidfuzz import fuzz, process, utils

    chosen: list[str] = []
    prefix = normalize_code(code)[:7]
    for c in sorted(occupations):
        if len(prefix) == 7 and c.startswith(prefix):
            chosen.append(c)
    chosen = chosen[:limit]
    if title and len(chosen) < limit:
        choices = {c: o.title for c, o in occupations.items() if c not in chosen}
        found = process.extract(title, choices, scorer=fuzz.token_sort_ratio,
                                processor=utils.default_process, score_cutoff=40,
                                limit=limit - len(chosen))
        chosen += [key for _title, _score, key in found]
    if len(chosen) < 3:
        digits = re.sub(r"\D", "", code)
        target = int((digits + "00000000")[:8]) if digits else 0

        def distance(c: str) -> int:
            d = re.sub(r"\D", "", c)
            return abs(int((d + "00000000")[:8]) - target) if d else 10**9

        for c in sorted(occupations, key=lambda c: (distance(c), c)):
            if len(chosen) >= 3:
                break
            if c not in chosen:
                chosen.append(c)
    return [f"{c} {occupations[c].title}" for c in chosen]


def build_csv(xlsx: Path, out: Path) -> int:
    """Regenerate the bundled CSV from O*NET's ``2010_to_2019_Crosswalk.xlsx`` (3-row title
    block, header on row 4). Returns the number of rows written."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
    header_at = next((i for i, r in enumerate(rows[:10])
                      if tuple(str(c).strip() for c in r[:4]) == XLSX_COLUMNS), None)
    if header_at is None:
        raise ReleaseError(f"{xlsx}: no header row {XLSX_COLUMNS} in the first 10 rows.",
                           [Problem("crosswalk header not found", file=str(xlsx))])
    buf = io.StringIO()
    buf.write(f"# {ATTRIBUTION}\n")
    buf.write(f"# Source: onetcenter.org {xlsx.name}; columns renamed, title block removed, "
              "otherwise unmodified. Regenerate: python -m ksa.onet.taxonomy XLSX OUT\n")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for r in rows[header_at + 1:]:
        cells = [str(c).strip() for c in r[:4]]
        if not any(cells):
            continue
        writer.writerow(cells)
        count += 1
    out.write_text(buf.getvalue(), encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m ksa.onet.taxonomy CROSSWALK.xlsx OUT.csv", file=sys.stderr)
        return 2
    n = build_csv(Path(args[0]), Path(args[1]))
    print(Path(args[1]).resolve())
    print(f"{n} crosswalk rows written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
