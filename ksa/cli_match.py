"""``ksa match`` and ``ksa review apply``: thin commands over ``ksa.match`` and ``ksa.review``.

stdout carries only the result path; messages and errors go to stderr (exit 1, no traceback).
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Annotated

import typer

from ksa.errors import InputError, KsaError, MissingColumnError, Problem
from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K
from ksa.model import Domain, Match
from ksa.xlsafe import csv_text

RERANKERS = ("none", "semantic")
ITEM_COLUMNS = ("item_id", "domain", "item")
MATCH_COLUMNS = ("item_id", "item", "school", "grade_level", "course_code", "course_title", "score",
                 "rank")

review_app = typer.Typer(help="Apply reviewed course matches to the review ledger.",
                         no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _fail(error: KsaError) -> typer.Exit:
    typer.echo(str(error), err=True)
    return typer.Exit(1)


def _terms(cell: str) -> tuple[str, ...]:
    """``"technical math | shop math"`` -> ``("technical math", "shop math")``."""
    return tuple(t.strip() for t in cell.split("|") if t.strip())


def read_items(path: Path) -> list[dict[str, str]]:
    """Rows of an items CSV (``item_id,domain,item`` + optional ``soc``, ``description``,
    ``keywords`` and ``program_keywords``, both ``|``-separated)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"Items file not found: {path}", [Problem("no such file", file=str(path))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read items file {path}: {exc}",
                         [Problem("unreadable", file=str(path), hint="save it as UTF-8 CSV")]) from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in ITEM_COLUMNS if c not in header]
    if missing:
        raise MissingColumnError(
            f"{path}: missing column(s) {', '.join(missing)}.",
            [Problem(f"missing column {c!r}", file=str(path), cell="row 1", value=", ".join(header) or None,
                     hint="columns: item_id,domain,item (+ optional soc, description, keywords, program_keywords)") for c in missing],
        )
    rows: list[dict[str, str]] = []
    problems: list[Problem] = []
    for number, row in enumerate(reader, start=2):
        clean = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(clean.values()):
            continue
        if not clean["item_id"] or not clean["item"]:
            problems.append(Problem("item_id and item are required", file=str(path), cell=f"row {number}",
                                    value=clean["item_id"] or clean["item"] or None))
            continue
        domain = Domain.parse(clean["domain"])
        if domain is None:
            problems.append(Problem("unknown domain", file=str(path), cell=f"row {number}, column domain",
                                    value=clean["domain"] or None,
                                    hint=f"write one of {', '.join(d.value for d in Domain)}"))
            continue
        clean["domain"] = domain.value
        rows.append(clean)
    if problems:
        raise InputError(f"{path}: {len(problems)} bad item row(s).", problems)
    return rows


def matches_csv(items: list[dict[str, str]], matches: dict[str, tuple[Match, ...]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MATCH_COLUMNS)
    for row in items:
        for m in matches.get(row["item_id"], ()):
            c = m.course
            texts = (row["item_id"], row["item"], c.school, c.grade_level, c.course_code, c.course_title)
            writer.writerow([*(csv_text(t) for t in texts), f"{m.score:.1f}", m.rank])
    return buffer.getvalue()


def run_match(items_path: Path, catalogs: list[Path], out: Path, *, top_k: int = DEFAULT_TOP_K,
              score_cutoff: float = DEFAULT_SCORE_CUTOFF, school: str | None = None, grade_level: str | None = None,
              soc: str | None = None, db: Path | None = None, rerank: str = "none",
              departments: Path | None = None) -> Path:
    """Match an items CSV against catalogs and write MATCHES.csv (never over an existing file).

    ``rerank="semantic"`` re-ranks the lexical candidates with the sentence-embedding model of
    the optional extra ``ksa[semantic]`` (``ksa.rerank``); the blend then has its own cutoff and
    ``score_cutoff`` is not used."""
    from ksa.catalog import load_catalogs
    from ksa.ledger import Ledger
    from ksa.match import MatchQuery, match_items
    from ksa.panel import CatalogSpec
    from ksa.paths import default_db_path
    from ksa.workbook.save import save_text

    if rerank not in RERANKERS:
        raise InputError(f"--rerank must be one of {', '.join(RERANKERS)}, not {rerank!r}.")
    if out.exists():
        raise InputError(f"{out} exists already; outputs are never overwritten. Pick another --out.")
    items = read_items(items_path)
    table = departments.resolve() if departments else None
    loaded = load_catalogs([CatalogSpec(p.resolve(), school=school, grade_level=grade_level, departments=table)
                            for p in catalogs])
    for issue in loaded.issues:
        typer.echo(f"{issue.level}: {issue.message} ({issue.where})", err=True)
    ledger_path = db or default_db_path()
    decisions = Ledger(ledger_path).decisions({r["item_id"] for r in items}) if ledger_path.exists() else []
    by_soc: dict[str, list[MatchQuery]] = {}
    for row in items:
        by_soc.setdefault(row.get("soc") or soc or "", []).append(MatchQuery(
            key=row["item_id"], domain=row["domain"], text=row["item"], description=row.get("description", ""),
            keywords=_terms(row.get("keywords", "")), program_keywords=_terms(row.get("program_keywords", ""))))
    matches: dict[str, tuple[Match, ...]] = {}
    if rerank == "semantic":
        from ksa.rerank import SemanticReranker, match_items_semantic

        reranker = SemanticReranker()  # one model (and embedding cache) for every occupation
        for code, queries in by_soc.items():
            matches.update(match_items_semantic(queries, loaded.courses, reranker, soc=code or None,
                                                top_k=top_k, decisions=decisions))
    else:
        for code, queries in by_soc.items():
            matches.update(match_items(queries, loaded.courses, soc=code or None, top_k=top_k,
                                       score_cutoff=score_cutoff, decisions=decisions))
    return save_text(matches_csv(items, matches), out)


def register(app: typer.Typer) -> None:
    """Add ``ksa match`` to the main app."""

    @app.command("match")
    def match_command(
        items: Annotated[Path, typer.Argument(help="Items CSV: item_id,domain,item (+ soc, description, keywords, program_keywords).")],
        catalogs: Annotated[list[Path], typer.Argument(help="Course catalogs (CSV/TSV/XLSX).")],
        out: Annotated[Path, typer.Option("--out", help="MATCHES.csv to write (never overwritten).")],
        top_k: Annotated[int, typer.Option("--top-k", min=1, help="Courses per item from each school.")] = DEFAULT_TOP_K,
        score_cutoff: Annotated[float, typer.Option("--score-cutoff", min=0, max=100)] = DEFAULT_SCORE_CUTOFF,
        school: Annotated[str | None, typer.Option(help="School for catalogs without a School column.")] = None,
        grade_level: Annotated[str | None, typer.Option(help="Grade level for catalogs without one.")] = None,
        soc: Annotated[str | None, typer.Option(help="O*NET-SOC code for occupational context.")] = None,
        db: Annotated[Path | None, typer.Option(help="Review ledger (SQLite); default: the ksa store.")] = None,
        rerank: Annotated[str, typer.Option(
            help="'none' (lexical) or 'semantic' (needs the ksa[semantic] extra; own cutoff).")] = "none",
        departments: Annotated[Path | None, typer.Option(
            help="Table of subject codes and department names (e.g. CourseCategory.csv): courses "
                 "without a program take their code's name.")] = None,
    ) -> None:
        """Match items to course catalogs; prints the MATCHES.csv path."""
        try:
            path = run_match(items, catalogs, out, top_k=top_k, score_cutoff=score_cutoff, school=school,
                             grade_level=grade_level, soc=soc, db=db, rerank=rerank, departments=departments)
        except KsaError as exc:
            raise _fail(exc) from None
        sys.stdout.write(f"{path}\n")


@review_app.command("apply")
def apply_command(
    workbook: Annotated[Path, typer.Argument(help="A crosswalk workbook with a filled 'Match review' sheet.")],
    db: Annotated[Path | None, typer.Option(help="Review ledger (SQLite); default: the ksa store.")] = None,
) -> None:
    """Record the sheet's accept/reject/add decisions; later runs follow them."""
    from ksa.ledger import Ledger
    from ksa.review import apply_review

    try:
        ledger = Ledger(db)
        result = apply_review(workbook, ledger)
    except KsaError as exc:
        raise _fail(exc) from None
    typer.echo(f"{result.added} decision(s) added, {result.changed} changed, {result.unchanged} unchanged",
               err=True)
    for conflict in result.conflicts:
        typer.echo(f"conflict: {conflict}", err=True)
    sys.stdout.write(f"{ledger.path.resolve()}\n")
