"""Strike-through portions: parts of an item description that respondents mark not applicable.

A respondent writes words copied from the description (``costs``; ``atomic and sub-atomic
structures``). Each phrase is found in the description ignoring case, punctuation and spacing
(``sub- atomic`` = ``sub-atomic`` = ``subatomic``) on word boundaries; a character is struck when the share of the
item's answering respondents whose phrases cover it reaches the threshold (integer arithmetic).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from fractions import Fraction

from ksa.model import DescriptionRun

_SPLIT = re.compile(r"[;\n]+")


def split_phrases(text: str) -> list[str]:
    """A 'Not applicable portion' cell as phrases (separated by ';' or new lines)."""
    return [
        part.strip().strip("\"'“”‘’").strip() for part in _SPLIT.split(text or "") if part.strip()
    ]


def _letters(text: str) -> tuple[str, list[int]]:
    """Lower-case letters and digits of ``text`` and, for each, its index in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    for index, ch in enumerate(text):
        if ch.isalnum():
            low = ch.lower()
            chars.append(low if len(low) == 1 else ch)
            where.append(index)
    return "".join(chars), where


def phrase_spans(description: str, phrase: str) -> list[tuple[int, int]]:
    """Every (start, end) where ``phrase`` occurs in ``description``, comparing letters and digits
    only (case, spaces, hyphens and punctuation ignored) and starting/ending on word boundaries."""
    needle, _ = _letters(phrase)
    if not needle:
        return []
    hay, where = _letters(description)
    spans: list[tuple[int, int]] = []
    pos = hay.find(needle)
    while pos >= 0:
        start, end = where[pos], where[pos + len(needle) - 1] + 1
        before_ok = start == 0 or not description[start - 1].isalnum()
        after_ok = end == len(description) or not description[end].isalnum()
        if before_ok and after_ok:
            spans.append((start, end))
        pos = hay.find(needle, pos + 1)
    return spans


def locate_portions(
    description: str,
    phrases_by_respondent: Mapping[str, Sequence[str]],
    answering: int,
    threshold: Fraction,
) -> tuple[tuple[DescriptionRun, ...], tuple[str, ...]]:
    """(runs of ``description`` with ``struck`` portions, phrases not found in it).

    A portion is struck when ``covering * threshold.denominator >= threshold.numerator *
    answering`` (covering = respondents whose phrases include it). Nothing is struck when
    nobody answered.
    """
    coverage = [0] * len(description)
    unlocated: list[str] = []
    for _respondent, phrases in sorted(phrases_by_respondent.items()):
        covered = [False] * len(description)
        for phrase in phrases:
            spans = phrase_spans(description, phrase)
            if not spans:
                if phrase.strip():
                    unlocated.append(phrase)
                continue
            for start, end in spans:
                for pos in range(start, end):
                    covered[pos] = True
        for pos, hit in enumerate(covered):
            if hit:
                coverage[pos] += 1
    struck = [
        answering > 0
        and count > 0
        and count * threshold.denominator >= threshold.numerator * answering
        for count in coverage
    ]
    runs: list[DescriptionRun] = []
    start = 0
    for pos in range(1, len(description) + 1):
        if pos == len(description) or struck[pos] != struck[start]:
            runs.append(DescriptionRun(description[start:pos], struck[start]))
            start = pos
    return tuple(runs), tuple(dict.fromkeys(unlocated))
