"""``ksa onet``: load O*NET releases into the store, list them, show a profile, find an
occupation by title, diff two releases. A thin layer over ``ksa.onet.store`` / ``ksa.onet.diff``.

stdout carries results only; notices go to stderr; a ``KsaError`` is printed on stderr and
exits with status 1 (never a traceback).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from ksa.errors import KsaError
from ksa.model import Domain

app = typer.Typer(
    help="O*NET releases: load them into the store, list, show a profile, find, diff.",
    no_args_is_help=True,
    add_completion=False,
)

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="SQLite store (default: $KSA_DB or the user data folder).")]

_VERSION = re.compile(r"^\d{1,2}\.\d{1,2}$")


def _err(text: str) -> None:
    typer.echo(text, err=True)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except KsaError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None


def _store(db: Path | None) -> Any:
    from ksa.onet.store import Store

    return Store(db)


def _open(source: str, db: Path | None) -> Any:
    """A store version (``29.3``, ``latest``, ``store:29.3``) or a release folder/zip."""
    from ksa.onet.store import open_source

    text = source.strip()
    if (_VERSION.match(text) or text == "latest") and not Path(text).exists():
        text = f"store:{text}"
    return open_source(text, store=_store(db))


@app.command()
def load(
    source: Annotated[str, typer.Argument(help="Release folder (text or Excel) or .zip.")],
    db: DbOption = None,
    version: Annotated[str | None, typer.Option(
        "--version", help="Release version when the Read Me / name does not tell.")] = None,
    inactive: Annotated[bool, typer.Option(
        "--inactive", help="Load without making it the active release.")] = False,
) -> None:
    """Load a release into the store (one transaction; the same content twice is a no-op).

    A release missing some domain files is loaded without them (stderr says which); one that
    is not a release, is truncated or corrupt, or holds nothing usable exits with status 1 and
    leaves the store as it was.
    """
    from ksa.onet import open_release

    with _errors():
        store = _store(db)
        release = open_release(source, version=version)
        result = store.load(release, activate=not inactive)
        for notice in release.notices:
            _err(f"notice: {notice}")
        _err(result.message)
        typer.echo(result.version)


@app.command()
def releases(db: DbOption = None) -> None:
    """List the releases in the store (* = active)."""
    with _errors():
        infos = _store(db).releases()
        if not infos:
            _err("The store holds no release yet: run `ksa onet load SOURCE`.")
            return
        for info in infos:
            typer.echo("\t".join([
                ("* " if info.active else "  ") + info.version, info.edition,
                info.release_date or "-", info.loaded_at, info.sha256[:12], info.source]))


@app.command()
def show(
    code: Annotated[str, typer.Argument(help="O*NET-SOC code, e.g. 51-9161.00.")],
    release: Annotated[str, typer.Option(
        "--release", help="Store version, 'latest', or a release folder/zip.")] = "latest",
    domain: Annotated[list[str] | None, typer.Option(
        "--domain", help="Only these domains (knowledge, skills, tools, technology, ...).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Show one occupation's items."""
    with _errors():
        try:
            domains = [Domain(d.strip().lower()) for d in domain] if domain else None
        except ValueError:
            raise KsaError(f"Unknown domain in {domain}; use one of "
                           + ", ".join(d.value for d in Domain)) from None
        profile = _open(release, db).profile(code, domains)
        for notice in profile.notices:
            _err(f"notice: {notice}")
        if as_json:
            data = {"occupation": asdict(profile.occupation), "release": profile.release,
                    "items": [{k: (v.value if isinstance(v, Domain) else v)
                               for k, v in asdict(item).items()} for item in profile.items],
                    "notices": list(profile.notices)}
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        _err(f"{profile.occupation.code} {profile.occupation.title} (O*NET {profile.release})")
        for item in profile.items:
            score = "" if item.importance is None else f"{item.importance:.2f}"
            typer.echo("\t".join([item.domain.value, item.item_id, score, item.name]))


@app.command()
def find(
    query: Annotated[str, typer.Argument(help="Job title words, e.g. 'cnc operator'.")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many results.")] = 10,
    release: Annotated[str, typer.Option("--release", help="Store version.")] = "latest",
    db: DbOption = None,
) -> None:
    """Find occupations by title or alternate title (fuzzy, best first)."""
    with _errors():
        stored = _open(release, db)
        if not hasattr(stored, "find"):
            raise KsaError("find works on a release in the store: load it first "
                           "(`ksa onet load SOURCE`).")
        hits = stored.find(query, limit=limit)
        if not hits:
            _err(f"No occupation title close to {query!r}.")
        for hit in hits:
            via = "" if hit.kind == "title" else f"\t(as {hit.matched})"
            typer.echo(f"{hit.code}\t{hit.score:.1f}\t{hit.title}{via}")


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="Old release: store version or folder/zip.")],
    new: Annotated[str, typer.Argument(help="New release: store version or folder/zip.")],
    code: Annotated[list[str] | None, typer.Option(
        "--code", help="Only these occupations (repeatable).")] = None,
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0.0, help="Importance change (1-5 scale) worth reporting.")] = 0.5,
    fmt: Annotated[str, typer.Option(
        "--format", help="text | markdown | json")] = "text",
    db: DbOption = None,
) -> None:
    """What changed between two releases."""
    from ksa.onet.diff import diff_releases, render_text, to_dict, to_markdown

    renderers: dict[str, Callable[[Any], str]] = {
        "text": render_text, "markdown": to_markdown,
        "json": lambda d: json.dumps(to_dict(d), indent=2, ensure_ascii=False) + "\n"}
    with _errors():
        if fmt not in renderers:
            raise KsaError(f"--format must be one of {', '.join(renderers)} (got {fmt!r}).")
        result = diff_releases(_open(old, db), _open(new, db), codes=code or None,
                               importance_delta=threshold)
        sys.stdout.write(renderers[fmt](result))
