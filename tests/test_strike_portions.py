"""Locating not-applicable phrases in descriptions and building struck runs."""

from __future__ import annotations

from fractions import Fraction

from ksa.strike import locate_portions, split_phrases

PHYSICS = ("Knowledge and prediction of physical principles, laws, their interrelationships, and "
           "applications to understanding fluid, material, and atmospheric dynamics, and mechanical, "
           "electrical, atomic and sub- atomic structures and processes.")


def struck(runs: tuple) -> list[str]:  # type: ignore[type-arg]
    return [r.text for r in runs if r.struck]


def test_phrase_found_despite_spacing_hyphen_and_case() -> None:
    for phrase in ("atomic and sub- atomic structures", "Atomic and Sub-Atomic structures",
                   "atomic and subatomic structures."):
        runs, missing = locate_portions(PHYSICS, {"A": [phrase]}, 1, Fraction(4, 5))
        assert struck(runs) == ["atomic and sub- atomic structures"] and missing == ()
        assert "".join(r.text for r in runs) == PHYSICS


def test_share_of_answering_respondents_decides() -> None:
    phrases = {"A": ["fluid"], "B": ["fluid"], "C": ["fluid", "laws"], "D": ["fluid"]}
    runs, _ = locate_portions(PHYSICS, phrases, 5, Fraction(4, 5))
    assert struck(runs) == ["fluid"]
    runs, _ = locate_portions(PHYSICS, phrases, 6, Fraction(4, 5))  # 4/6 < 80 %
    assert struck(runs) == []
    runs, _ = locate_portions(PHYSICS, phrases, 0, Fraction(4, 5))
    assert struck(runs) == []


def test_one_respondent_counts_once_per_portion() -> None:
    runs, _ = locate_portions(PHYSICS, {"A": ["fluid", "fluid", "understanding fluid"]}, 2,
                              Fraction(1, 2))
    assert struck(runs) == ["understanding fluid"]


def test_word_boundaries_and_unlocated() -> None:
    runs, missing = locate_portions(PHYSICS, {"A": ["law", "chemistry", "..."]}, 1, Fraction(1, 2))
    assert struck(runs) == [] and missing == ("law", "chemistry", "...")


def test_split_phrases() -> None:
    assert split_phrases(' "costs"; quality control\n\n raw ') == ["costs", "quality control", "raw"]
    assert split_phrases("") == []
