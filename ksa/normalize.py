"""Course-title and item-name normalization for matching.

``normalize_title("Intro to Tech Math II")`` -> ``"technical mathematics"``. The steps, in order:
NFKC + case folding; ``&`` -> ``and``; punctuation -> space; plural ``s`` removed; abbreviations
(``ksa/data/abbreviations.csv``) then synonyms (``ksa/data/synonyms.csv``) rewritten to canonical
words (longest phrase first); stop words, level markers (I, II, 1, 2, 1B, IIA) and leading
"Introduction to / Fundamentals of / Principles of" dropped; repeated words dropped; optionally
a truncated last word ("Damage Anal") expanded from a vocabulary. The tables are data files,
read once on first use (never at import). The result is never empty for a non-empty title and
normalizing twice changes nothing. ``text_tokens`` reads running text (course descriptions) the
same way clause by clause, keeping repeated words where they stand.
"""

from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W_]+")
# Names whose symbols carry the meaning (punctuation is dropped otherwise): C++ and C# are
# different languages, CompTIA A+ is a certification, not the article "a".
_SYMBOL_NAMES = {"c++": "cplusplus", "c#": "csharp", "f#": "fsharp", "a+": "aplus", ".net": "dotnet"}
_SYMBOL_NAME = re.compile(r"(?<![\w.+#])(c\+\+|c#|f#|a\+|\.net)(?![\w+#])")
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)[a-d]?$")
_LEVEL_NUMBER = re.compile(r"^\d{1,4}[a-d]?x?$")
_KEEP_S_ENDINGS = ("ss", "us", "is", "ics", "ous")
TRUNCATED_MIN_LENGTH = 28  # titles this long may have been cut by the catalog system
TRUNCATED_MAX_LENGTH = 40  # ... and longer ones were not: systems cut at 30, 35 or 40 characters
MIN_PREFIX = 3


def stem(word: str) -> str:
    """Remove an English plural ending: machines -> machine, technologies -> technology.

    Words ending in -ss, -us, -is, -ics (physics, mathematics) are left alone.
    """
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_KEEP_S_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def raw_words(text: str) -> list[str]:
    """Lower-cased, plural-stripped words of ``text`` (no tables applied): vocabulary material."""
    return [stem(w) for w in _words(text)]


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    folded = _SYMBOL_NAME.sub(lambda m: f" {_SYMBOL_NAMES[m.group(1)]} ", folded)
    return _WORD.findall(folded.replace("&", " and "))


@dataclass(frozen=True)
class PhraseRule:
    phrase: tuple[str, ...]
    replacement: tuple[str, ...]
    when_next: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Tables:
    """The normalizer's data: phrase rules by first word, generic, leading and stop words."""

    rules: dict[str, tuple[PhraseRule, ...]]
    generic: frozenset[str]
    leading: frozenset[str]
    stop: frozenset[str]
    absorbs: dict[str, frozenset[str]] = field(default_factory=dict)
    # absorbed words kept as one word with the absorbing one: "esl" + "reading" -> "eslreading"
    # (an ESL reading course teaches reading, though not the English language)
    keeps: dict[str, frozenset[str]] = field(default_factory=dict)
    vocabulary: frozenset[str] = field(default_factory=frozenset)
    placement: frozenset[str] = frozenset()  # work placements: externship, practicum ...
    vendor: frozenset[str] = frozenset()  # software makers: microsoft, adobe ...
    # product names that are everyday words too (Word, Access, Project): a course sharing only
    # such a word must name the maker or be titled with nothing else
    everyday: frozenset[str] = frozenset()
    # words dropped from the end of a title when others precede: a high-school list's subject
    # shell ("Writing—General") is that subject's course
    trailing: frozenset[str] = frozenset()


def data_lines(name: str) -> list[str]:
    """The lines of ``ksa/data/NAME`` that are neither blank nor ``#`` comments."""
    text = resources.files("ksa").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _stemmed(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _words(text))


def _read_rules(name: str) -> list[PhraseRule]:
    rows = list(csv.reader(data_lines(name)))
    rules = []
    for row in rows[1:]:
        phrase, replacement = _stemmed(row[0]), _stemmed(row[1])
        when = frozenset(stem(w) for w in row[2].split("|") if w.strip()) if len(row) > 2 else frozenset()
        if phrase and replacement:
            rules.append(PhraseRule(phrase, replacement, frozenset(w.strip() for w in when)))
    return rules


def _index(rules: Iterable[PhraseRule]) -> dict[str, tuple[PhraseRule, ...]]:
    by_first: dict[str, list[PhraseRule]] = {}
    for rule in rules:
        by_first.setdefault(rule.phrase[0], []).append(rule)
    # longest phrase first; conditional rules before the default for the same phrase
    return {
        k: tuple(sorted(v, key=lambda r: (-len(r.phrase), not r.when_next)))
        for k, v in by_first.items()
    }


@cache
def tables() -> Tables:
    """The packaged tables (read on first use, then cached)."""
    abbreviations = _index(_read_rules("abbreviations.csv"))
    synonyms = _index(_read_rules("synonyms.csv"))
    generic: set[str] = set()
    leading: set[str] = set()
    stop: set[str] = set()
    placement: set[str] = set()
    vendor: set[str] = set()
    everyday: set[str] = set()
    trailing: set[str] = set()
    absorbs: dict[str, frozenset[str]] = {}
    keeps: dict[str, frozenset[str]] = {}
    for line in data_lines("generic_words.txt"):
        parts = line.split()
        word = stem(parts[0].casefold())
        kind = parts[1] if len(parts) > 1 else ""
        if kind == "absorbs":
            absorbs[word] = frozenset(stem(w.casefold()) for w in parts[2:])
            continue
        if kind == "keeps":
            keeps[word] = frozenset(stem(w.casefold()) for w in parts[2:])
            continue
        if kind == "stop":
            stop.add(word)
            continue
        if kind == "everyday":
            everyday.add(word)
            continue
        generic.add(word)
        if kind == "leading":
            leading.add(word)
        if kind == "trailing":
            trailing.add(word)
        if kind == "placement":
            placement.add(word)
        if kind == "vendor":
            vendor.add(word)
    vocabulary: set[str] = set(generic)
    for group in (abbreviations, synonyms):
        for rules in group.values():
            for rule in rules:
                vocabulary.update(rule.replacement)
    # the two rule sets are applied in two passes; keep them apart under distinct keys
    merged = {f"a:{k}": v for k, v in abbreviations.items()} | {f"s:{k}": v for k, v in synonyms.items()}
    return Tables(
        rules=merged,
        generic=frozenset(generic),
        leading=frozenset(leading),
        stop=frozenset(stop),
        absorbs=absorbs,
        keeps=keeps,
        vocabulary=frozenset(w for w in vocabulary if len(w) > MIN_PREFIX),
        placement=frozenset(placement),
        vendor=frozenset(vendor),
        everyday=frozenset(everyday),
        trailing=frozenset(trailing),
    )


def _rewrite(words: Sequence[str], rules: dict[str, tuple[PhraseRule, ...]], prefix: str) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        applied = False
        for rule in rules.get(prefix + words[i], ()):
            n = len(rule.phrase)
            if tuple(words[i : i + n]) != rule.phrase:
                continue
            if rule.when_next and (i + n >= len(words) or words[i + n] not in rule.when_next):
                continue
            out.extend(rule.replacement)
            i += n
            applied = True
            break
        if not applied:
            out.append(words[i])
            i += 1
    return out


_DIMENSIONS = frozenset({"2d", "3d"})  # "2D Design", "3D Printing": a subject, not a level


_DURATION = frozenset({"hr", "hrs", "hour", "hours", "h"})


def _is_level(word: str) -> bool:
    return word not in _DIMENSIONS and bool(_ROMAN.match(word) or _LEVEL_NUMBER.match(word))


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def _level_value(word: str) -> str:
    """A level marker written one way: "II", "2" and "02" are all "2"; "IIA" is "2a"."""
    number = re.match(r"(\d+)(.*)", word)
    if number:
        return f"{int(number.group(1))}{number.group(2)}"
    roman, suffix = word.rstrip("abcd"), word[len(word.rstrip("abcd")):]
    total = 0
    for n, letter in enumerate(roman):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[roman[n + 1]] if n + 1 < len(roman) else 0
        total += -value if value < following else value
    return f"{total}{suffix}"


def level_marks(text: str) -> tuple[str, ...]:
    """The level markers of a title, in order and written one way: "Welding II" and "WELDING 2"
    give ("2",). ``normalize_title`` drops them; a course's identity keeps them, so the second
    course of a sequence is a course of its own."""
    return tuple(_level_value(w) for w in _words(text) if _is_level(w))


@lru_cache(maxsize=65536)
def wording(text: str) -> str:
    """A title as written, but for case, punctuation and how its level is written: "General
    Physics I" and "GENERAL PHYSICS 1" are worded alike, "Survey of Medical Terminology" and
    "Medical Terminology" are not (though both normalize to "medical terminology")."""
    return " ".join(_level_value(w) if _is_level(w) else w for w in _words(text))


def _dedupe(words: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for w in words:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


class Vocabulary:
    """Known full words, to expand a truncated last word ("Suspension and Steering Damage Anal")."""

    def __init__(self, words: Iterable[str]) -> None:
        self._counts = Counter(w for w in words if len(w) > MIN_PREFIX)
        self._sorted = sorted(self._counts)
        self._cache: dict[str, str | None] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._counts

    def __len__(self) -> int:
        return len(self._counts)

    def expand(self, prefix: str) -> str | None:
        """The most frequent known word starting with ``prefix`` (None if ``prefix`` is a word)."""
        if len(prefix) < MIN_PREFIX or prefix in self._counts:
            return None
        if prefix not in self._cache:
            lo = bisect.bisect_left(self._sorted, prefix)
            hi = bisect.bisect_left(self._sorted, prefix + "\U0010ffff")
            fits = self._sorted[lo:hi]
            self._cache[prefix] = min(fits, key=lambda w: (-self._counts[w], w)) if fits else None
        return self._cache[prefix]


def may_be_truncated(title: str) -> bool:
    """Could the title's last word have been cut by a catalog system ("Suspension and Steering
    Damage Anal")? Not for a short title, nor for one longer than any cut ("... 1600 to the
    Present" is not "Presentation")."""
    return TRUNCATED_MIN_LENGTH <= len(title.strip()) <= TRUNCATED_MAX_LENGTH


def title_tokens(text: str, vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """The normalized words of a title (see module docstring)."""
    t = tables()
    words = _course_words(text)
    if vocabulary is not None and words and may_be_truncated(text):
        last = words[-1]
        if not (_is_level(last) or last in t.stop or f"a:{last}" in t.rules or f"s:{last}" in t.rules):
            full = vocabulary.expand(last)
            if full is not None:
                words[-1] = full
    rewritten = _absorb(_dedupe(_rewritten(words, t)), t)
    kept = [w for w in rewritten if w not in t.stop and not _is_level(w)]
    while len(kept) > 1 and kept[0] in t.leading:
        kept.pop(0)
    while len(kept) > 1 and kept[-1] in t.trailing:
        kept.pop()
    if kept:
        return tuple(kept)
    without_stop = [w for w in rewritten if w not in t.stop]
    return tuple(without_stop or rewritten)


def _course_words(text: str) -> list[str]:
    """The plural-stripped words of ``text``, durations left out: a duration says how long a
    course runs, not what it teaches ("OSHA 40 Hr", "10-Hour OSHA")."""
    words = [stem(w) for w in _words(text)]
    return [w for i, w in enumerate(words) if not (w in _DURATION and i and words[i - 1].isdigit())]


def _rewritten(words: list[str], t: Tables) -> list[str]:
    """Abbreviations, then synonyms, rewritten to their canonical words."""
    return _rewrite(_rewrite(words, t.rules, "a:"), t.rules, "s:")


def _absorb(words: list[str], t: Tables) -> list[str]:
    """An absorbing word's absorbed words dropped or joined to it ("esl" + "reading")."""
    for word, absorbed in t.absorbs.items():
        if word in words:
            joins = t.keeps.get(word, frozenset())
            joined = [word + w if w in joins else w for w in words
                      if w == word or w not in absorbed or w in joins]
            # a kept word says "esl" already: "Academic Reading (ESL)" is "academic eslreading"
            words = [w for w in joined if w != word] if len(joined) > 1 and any(
                w in joins for w in words) else joined
    return words


# running text splits into clauses at sentence ends, semicolons, colons and brackets
_CLAUSE_END = re.compile(r"[.!?;:]+(?=\s|$)|[()\[\]]")


def text_tokens(text: str) -> tuple[str, ...]:
    """The normalized words of running text, such as a course description: the words of
    ``title_tokens``, but clause by clause, so an absorbing word acts only within its own clause
    ("(Formerly ESL 8B)" leaves the reading of the sentence before it alone), and with a repeated
    word kept where it stands (a phrase late in the text is still a phrase). No leading words are
    dropped and no truncated word is repaired: a description is not a cut title."""
    t = tables()
    out: list[str] = []
    for clause in _CLAUSE_END.split(text):
        words = _absorb(_rewritten(_course_words(clause), t), t)
        out.extend(w for w in words if w not in t.stop and not _is_level(w))
    return tuple(out)


_MAX_PASSES = 8


def normalize_title(text: str, vocabulary: Vocabulary | None = None) -> str:
    """One canonical string for matching; never empty for a non-empty ``text``; idempotent."""
    words = title_tokens(text, vocabulary)
    if not words:
        return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    # Removing duplicates and stop words can bring two words together that a rule rewrites
    # ("aprint reading a print reading"); repeat until nothing changes, so the result is a
    # fixed point and normalizing it again gives it back.
    for _ in range(_MAX_PASSES):
        again = title_tokens(" ".join(words), vocabulary)
        if not again or again == words:
            break
        words = again
    return " ".join(words)


def meaningful(tokens: Iterable[str]) -> tuple[str, ...]:
    """The tokens that can carry a match (not generic, not stop words)."""
    t = tables()
    return tuple(w for w in tokens if w not in t.generic and w not in t.stop)


def is_generic(word: str) -> bool:
    return word in tables().generic


def default_vocabulary(extra: Iterable[str] = ()) -> Vocabulary:
    """The tables' words plus ``extra`` (e.g. every full word of a catalog)."""
    return Vocabulary([*tables().vocabulary, *extra])
