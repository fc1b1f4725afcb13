"""What changed between two O*NET releases, for the occupations a region cares about.

``diff_releases(old, new)`` compares two releases (file readers or stored releases: anything with
``version``, ``occupations()`` and ``profile(code)``): occupations added, removed or retitled, and
per occupation the items added/removed (keyed on the item id: the Element ID for rated domains,
the tool/technology id otherwise) and importance changes of at least ``importance_delta`` on the
1-5 IM scale. ``render_text``, ``to_markdown`` and ``to_dict`` present the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ksa.model import Domain, Item, Occupation, Profile


class ReleaseLike(Protocol):
    """What a diff needs from a release (``Release`` from the readers or ``StoredRelease``)."""

    @property
    def version(self) -> str: ...

    def occupations(self) -> Any: ...

    def profile(self, code: str, domains: Any = None) -> Profile: ...


@dataclass(frozen=True)
class Retitle:
    code: str
    old_title: str
    new_title: str


@dataclass(frozen=True)
class ItemRef:
    """An item as the diff reports it (no scores beyond importance)."""

    item_id: str
    domain: Domain
    name: str
    importance: float | None = None


@dataclass(frozen=True)
class ImportanceChange:
    item_id: str
    domain: Domain
    name: str
    old: float
    new: float

    @property
    def delta(self) -> float:
        return round(self.new - self.old, 4)


@dataclass(frozen=True)
class OccupationDiff:
    code: str
    title: str
    added: tuple[ItemRef, ...] = ()
    removed: tuple[ItemRef, ...] = ()
    importance: tuple[ImportanceChange, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.importance)


@dataclass(frozen=True)
class ReleaseDiff:
    old_version: str
    new_version: str
    importance_delta: float
    codes: tuple[str, ...] | None  # None: every occupation of both releases
    added: tuple[Occupation, ...] = ()
    removed: tuple[Occupation, ...] = ()
    retitled: tuple[Retitle, ...] = ()
    occupations: tuple[OccupationDiff, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.retitled
                    or any(o.changed for o in self.occupations))


def _occupation_map(release: ReleaseLike) -> dict[str, Occupation]:
    found = release.occupations()
    values: Iterable[Any] = found.values() if isinstance(found, Mapping) else found
    result: dict[str, Occupation] = {}
    for occ in values:
        if isinstance(occ, Occupation):
            result[occ.code] = occ
        else:  # a (code, title) pair or similar
            code, title = str(occ[0]), str(occ[1])
            result[code] = Occupation(code=code, title=title)
    return result


def _ref(item: Item) -> ItemRef:
    return ItemRef(item_id=item.item_id, domain=item.domain, name=item.name,
                   importance=item.importance)


def diff_profiles(old: Profile, new: Profile, importance_delta: float = 0.5) -> OccupationDiff:
    """Items added/removed and importance changes of at least ``importance_delta``."""
    before = {item.item_id: item for item in old.items}
    after = {item.item_id: item for item in new.items}
    added = tuple(_ref(after[i]) for i in after if i not in before)
    removed = tuple(_ref(before[i]) for i in before if i not in after)
    changes: list[ImportanceChange] = []
    for item_id, item in after.items():
        prior = before.get(item_id)
        if prior is None or prior.importance is None or item.importance is None:
            continue
        change = ImportanceChange(item_id=item_id, domain=item.domain, name=item.name,
                                  old=prior.importance, new=item.importance)
        if abs(change.delta) >= importance_delta:
            changes.append(change)
    key = _order_key
    return OccupationDiff(
        code=new.occupation.code, title=new.occupation.title,
        added=tuple(sorted(added, key=key)), removed=tuple(sorted(removed, key=key)),
        importance=tuple(sorted(changes, key=lambda c: (_domain_rank(c.domain), -abs(c.delta),
                                                        c.item_id))),
    )


def _domain_rank(domain: Domain) -> int:
    return list(Domain).index(domain)


def _order_key(ref: ItemRef) -> tuple[int, str, str]:
    return (_domain_rank(ref.domain), ref.name.lower(), ref.item_id)


def diff_releases(old: ReleaseLike, new: ReleaseLike, codes: Iterable[str] | None = None,
                  importance_delta: float = 0.5) -> ReleaseDiff:
    """Compare two releases; ``codes`` limits the comparison to those occupations."""
    if importance_delta < 0:
        raise ValueError("importance_delta must be >= 0")
    before = _occupation_map(old)
    after = _occupation_map(new)
    wanted = tuple(dict.fromkeys(codes)) if codes is not None else None
    scope = list(wanted) if wanted is not None else sorted(set(before) | set(after))
    notes: list[str] = []
    added: list[Occupation] = []
    removed: list[Occupation] = []
    retitled: list[Retitle] = []
    per_occupation: list[OccupationDiff] = []
    for code in scope:
        was, now = before.get(code), after.get(code)
        if was is None and now is None:
            notes.append(f"{code} is in neither release {old.version} nor {new.version}.")
            continue
        if was is None and now is not None:
            added.append(now)
            continue
        if now is None and was is not None:
            removed.append(was)
            continue
        assert was is not None and now is not None
        if was.title != now.title:
            retitled.append(Retitle(code=code, old_title=was.title, new_title=now.title))
        per_occupation.append(diff_profiles(old.profile(code), new.profile(code),
                                            importance_delta))
    return ReleaseDiff(
        old_version=old.version, new_version=new.version, importance_delta=importance_delta,
        codes=wanted, added=tuple(added), removed=tuple(removed), retitled=tuple(retitled),
        occupations=tuple(per_occupation), notes=tuple(notes),
    )


# -- presentation -----------------------------------------------------------------------------


def _fmt(value: float) -> str:
    return f"{value:.2f}"


def _rows(diff: ReleaseDiff) -> list[tuple[str, str, str, str, str]]:
    """(code, change, domain, item, detail) rows shared by text and markdown."""
    rows: list[tuple[str, str, str, str, str]] = []
    for occ in diff.added:
        rows.append((occ.code, "occupation added", "", occ.title, ""))
    for occ in diff.removed:
        rows.append((occ.code, "occupation removed", "", occ.title, ""))
    for re in diff.retitled:
        rows.append((re.code, "retitled", "", re.new_title, f"was: {re.old_title}"))
    for od in diff.occupations:
        for ref in od.added:
            rows.append((od.code, "added", ref.domain.label, ref.name, ref.item_id))
        for ref in od.removed:
            rows.append((od.code, "removed", ref.domain.label, ref.name, ref.item_id))
        for ch in od.importance:
            rows.append((od.code, "importance", ch.domain.label, ch.name,
                         f"{_fmt(ch.old)} -> {_fmt(ch.new)} ({ch.delta:+.2f})"))
    return rows


def _summary(diff: ReleaseDiff) -> list[str]:
    scope = (f"{len(diff.codes)} occupation(s): " + ", ".join(diff.codes)
             if diff.codes is not None else "all occupations")
    changed = sum(1 for o in diff.occupations if o.changed)
    return [
        f"O*NET {diff.old_version} -> {diff.new_version}, {scope}",
        f"occupations added {len(diff.added)}, removed {len(diff.removed)}, "
        f"retitled {len(diff.retitled)}; {changed} of {len(diff.occupations)} compared "
        f"occupation(s) changed (importance threshold {diff.importance_delta:g})",
    ]


HEADERS = ("Code", "Change", "Domain", "Item", "Detail")


def render_text(diff: ReleaseDiff) -> str:
    """A readable fixed-width table."""
    lines = _summary(diff)
    rows = _rows(diff)
    if rows:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS)]
        widths = [min(w, 60) for w in widths]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        lines += ["", line(HEADERS), line(tuple("-" * w for w in widths))]
        lines += [line(r) for r in rows]
    else:
        lines += ["", "No changes."]
    lines += [f"note: {n}" for n in diff.notes]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(diff: ReleaseDiff) -> str:
    """Markdown for the refresh flow's artifact and report file."""
    summary = _summary(diff)
    lines = [f"# {summary[0]}", "", summary[1], ""]
    rows = _rows(diff)
    if rows:
        lines.append("| " + " | ".join(HEADERS) + " |")
        lines.append("|" + "---|" * len(HEADERS))
        lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows]
    else:
        lines.append("No changes.")
    if diff.notes:
        lines += ["", *[f"- {_md_cell(n)}" for n in diff.notes]]
    return "\n".join(lines) + "\n"


def _ref_dict(ref: ItemRef) -> dict[str, Any]:
    return {"item_id": ref.item_id, "domain": ref.domain.value, "name": ref.name,
            "importance": ref.importance}


def to_dict(diff: ReleaseDiff) -> dict[str, Any]:
    """JSON-ready form."""
    return {
        "old_version": diff.old_version,
        "new_version": diff.new_version,
        "importance_delta": diff.importance_delta,
        "codes": list(diff.codes) if diff.codes is not None else None,
        "changed": diff.changed,
        "occupations_added": [{"code": o.code, "title": o.title} for o in diff.added],
        "occupations_removed": [{"code": o.code, "title": o.title} for o in diff.removed],
        "retitled": [{"code": r.code, "old_title": r.old_title, "new_title": r.new_title}
                     for r in diff.retitled],
        "occupations": [
            {
                "code": od.code,
                "title": od.title,
                "added": [_ref_dict(r) for r in od.added],
                "removed": [_ref_dict(r) for r in od.removed],
                "importance": [{"item_id": c.item_id, "domain": c.domain.value, "name": c.name,
                                "old": c.old, "new": c.new, "delta": c.delta}
                               for c in od.importance],
            }
            for od in diff.occupations
        ],
        "notes": list(diff.notes),
    }
