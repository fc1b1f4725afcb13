"""Additional needs: the same need written differently by several employers becomes one row.

Two wordings are the same need when their normalized words (case, punctuation, plural 's',
filler words and word order ignored, spaces inside compounds ignored) are equal, or nearly equal
(a typo: ``fuzz.ratio`` >= 90 on the joined words). "Blueprint reading" = "blue print reading" =
"Reading blueprints"; "Welding" and "Welding safety" stay apart. Clustering is transitive and does
not depend on input order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ksa.model import Item, NeedCluster, NeedEntry

SIMILARITY_CUTOFF = 90.0
MIN_FUZZY_LENGTH = 6
STOPWORDS = frozenset({"a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "or"})
PHRASES = {"geometric dimensioning tolerancing": "gdt"}
_JOINED_AMPERSAND = re.compile(r"(?<=[^\W_])&(?=[^\W_])")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class NeedForm:
    words: tuple[str, ...]  # normalized words in written order

    @property
    def sorted_joined(self) -> str:
        return "".join(sorted(self.words))

    @property
    def joined(self) -> str:
        return "".join(self.words)


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def need_form(text: str) -> NeedForm:
    """The normalized words of a need (or item name)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _JOINED_AMPERSAND.sub("", text).replace("&", " and ")
    words = [_stem(w) for w in _WORD.findall(text) if w not in STOPWORDS]
    phrase = " ".join(words)
    words = PHRASES[phrase].split() if phrase in PHRASES else words
    return NeedForm(tuple(words))


def need_key(text: str) -> str:
    """The stable key of a need: its normalized words in written order."""
    return " ".join(need_form(text).words)


def same_need(a: NeedForm, b: NeedForm) -> bool:
    if not a.words or not b.words:
        return a.words == b.words
    if a.sorted_joined == b.sorted_joined or a.joined == b.joined:
        return True
    left, right = a.sorted_joined, b.sorted_joined
    if min(len(left), len(right)) < MIN_FUZZY_LENGTH:
        return False
    return fuzz.ratio(left, right, processor=None, score_cutoff=SIMILARITY_CUTOFF) > 0


def _wording(text: str) -> str:
    return " ".join(text.split())


def _pick_label(wordings: Counter[str]) -> str:
    return min(wordings, key=lambda w: (-wordings[w], len(w), w.casefold(), w))


def _components(forms: list[NeedForm]) -> list[list[int]]:
    parent = list(range(len(forms)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    joined = [f.sorted_joined for f in forms]
    if len(forms) > 1:
        scores = process.cdist(
            joined, joined, scorer=fuzz.ratio, processor=None, score_cutoff=SIMILARITY_CUTOFF
        )
        for i in range(len(forms)):
            for j in range(i + 1, len(forms)):
                if forms[i].joined == forms[j].joined or (
                    scores[i][j] > 0 and same_need(forms[i], forms[j])
                ):
                    union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(forms)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def cluster_needs(
    entries: Sequence[NeedEntry], known_items: Sequence[Item] = ()
) -> tuple[NeedCluster, ...]:
    """Group additional needs, count employers, pick a label; sorted by count desc, then label."""
    usable = [e for e in entries if e.text.strip()]
    forms_by_text: dict[str, NeedForm] = {}
    for entry in usable:
        forms_by_text.setdefault(_wording(entry.text), need_form(entry.text))
    # One node per distinct normalized form: identical forms always land together.
    distinct = sorted({f.words for f in forms_by_text.values()})
    forms = [NeedForm(words) for words in distinct]
    item_forms = sorted((need_form(item.name).sorted_joined, item.item_id) for item in known_items)
    clusters: list[NeedCluster] = []
    for group in _components(forms):
        members = {distinct[i] for i in group}
        group_entries = [e for e in usable if forms_by_text[_wording(e.text)].words in members]
        wordings = Counter(_wording(e.text) for e in group_entries)
        label = _pick_label(wordings)
        respondents: dict[str, str] = {}
        for entry in group_entries:
            name = _wording(entry.respondent) or "(unnamed)"
            key = name.casefold()
            respondents[key] = min(respondents.get(key, name), name)
        domains = Counter(e.domain.strip() for e in group_entries if e.domain.strip())
        domain = min(domains, key=lambda d: (-domains[d], d)) if domains else ""
        joined_members = {NeedForm(words).sorted_joined for words in members}
        in_onet = next(
            (item_id for joined, item_id in item_forms if joined in joined_members), None
        )
        clusters.append(
            NeedCluster(
                key=need_key(label) or label.casefold(),
                label=label,
                domain=domain,
                respondents=tuple(sorted(respondents.values(), key=lambda r: (r.casefold(), r))),
                wordings=tuple(sorted(wordings, key=lambda w: (-wordings[w], w.casefold(), w))),
                in_onet=in_onet,
            )
        )
    return tuple(sorted(clusters, key=lambda c: (-c.count, c.label.casefold(), c.label)))
