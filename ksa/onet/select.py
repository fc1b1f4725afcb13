"""Which items of a profile a panel asks about.

Rules (:func:`select_items`):

* Rated domains (knowledge, skills, abilities, work activities): items with importance >=
  ``importance_min``. Items O*NET flags Not Relevant = Y or Recommend Suppress = Y
  (``Item.suppressed``) and items without an importance score are not picked by the cutoff.
* Tools and technology: every item.
* ``include`` entries add items; ``exclude`` entries remove them (exclude wins over the cutoff,
  and over an include that reached the same item through a different entry). An entry matches an
  item of the requested domains by element id, item id or name, case-insensitively; a name shared
  by several items (Mathematics knowledge + Mathematics skill) matches each and the selection's
  notices say so. An entry that matches nothing, or the same entry in both lists, is an
  :class:`~ksa.errors.InputError` (all such entries reported at once, with the closest names).
* Order: knowledge, skills, abilities, work activities, tools, technology; rated items by
  importance descending then name; tools and technology by name.
"""

from __future__ import annotations

from collections.abc import Sequence

from ksa.errors import InputError, Problem
from ksa.model import Domain, Item, Profile, Selection

_ORDER = {d: i for i, d in enumerate((
    Domain.KNOWLEDGE, Domain.SKILLS, Domain.ABILITIES, Domain.WORK_ACTIVITIES,
    Domain.TOOLS, Domain.TECHNOLOGY))}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _matches(entry: str, item: Item) -> bool:
    key = _key(entry)
    return key in {_key(item.item_id), _key(item.name), _key(item.element_id or "")}


def _closest(entry: str, items: Sequence[Item]) -> list[str]:
    from rapidfuzz import fuzz, process, utils

    names = sorted({i.name for i in items})
    found = process.extract(entry, names, scorer=fuzz.ratio, processor=utils.default_process,
                            score_cutoff=50, limit=3)
    return [name for name, _score, _idx in found]


def _sort_key(item: Item) -> tuple[int, float, str, str]:
    importance = -(item.importance or 0.0) if item.domain.rated else 0.0
    return (_ORDER.get(item.domain, 99), importance, item.name.casefold(), item.item_id)


def select_items(profile: Profile, *, domains: Sequence[Domain], importance_min: float = 3.0,
                 include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Selection:
    """The items a panel asks about (rules in the module docstring)."""
    wanted = {Domain(d) for d in domains}
    pool = [i for i in profile.items if i.domain in wanted]
    problems: list[Problem] = []
    notices: list[str] = []

    both = sorted({_key(e) for e in include} & {_key(e) for e in exclude})
    for entry in both:
        problems.append(Problem(
            "the same entry is in both include and exclude", value=entry,
            hint="keep it in one list only"))

    def resolve(entries: Sequence[str], which: str) -> set[str]:
        ids: set[str] = set()
        for entry in entries:
            if _key(entry) in both:
                continue
            hits = [i for i in pool if _matches(entry, i)]
            if not hits:
                elsewhere = [i for i in profile.items if i.domain not in wanted
                             and _matches(entry, i)]
                if elsewhere:
                    hint = (f"it is a {elsewhere[0].domain.label} item; add "
                            f"'{elsewhere[0].domain.value}' to the panel's domains")
                else:
                    close = _closest(entry, pool)
                    hint = ("closest names: " + "; ".join(close)) if close else (
                        "no similar names in this occupation's "
                        + ", ".join(sorted(d.value for d in wanted)))
                problems.append(Problem(
                    f"{which} entry matches no item of {profile.occupation.code} in O*NET "
                    f"{profile.release}", value=entry, hint=hint))
                continue
            if len(hits) > 1:
                notices.append(
                    f"{which} entry {entry!r} matches {len(hits)} items: "
                    + "; ".join(f"{i.domain.label} {i.item_id}" for i in hits)
                    + f" - all {which}d.")
            ids.update(i.item_id for i in hits)
        return ids

    included = resolve(include, "include")
    excluded = resolve(exclude, "exclude")
    if problems:
        raise InputError(
            f"The item selection for {profile.occupation.code} has {len(problems)} problem(s).",
            problems)

    chosen: list[Item] = []
    suppressed = 0
    for item in pool:
        if item.item_id in excluded:
            if item.item_id in included:
                notices.append(f"{item.domain.label} {item.name!r} is both included and "
                               "excluded (by different entries); excluded.")
            continue
        if item.item_id in included:
            if item.domain.rated and (item.importance is None
                                      or item.importance < importance_min or item.suppressed):
                notices.append(
                    f"{item.domain.label} {item.name!r} included although the cutoff would "
                    f"not pick it (importance {item.importance}, minimum {importance_min:g}"
                    + (", flagged suppressed/not relevant by O*NET" if item.suppressed else "")
                    + ").")
            chosen.append(item)
            continue
        if not item.domain.rated:
            chosen.append(item)
        elif item.importance is not None and item.importance >= importance_min:
            if item.suppressed:
                suppressed += 1
            else:
                chosen.append(item)
    if suppressed:
        notices.append(f"{suppressed} item(s) at or above the cutoff skipped because O*NET marks "
                       "them Not Relevant or Recommend Suppress.")
    chosen.sort(key=_sort_key)
    return Selection(profile=profile, items=tuple(chosen), notices=tuple(notices))
