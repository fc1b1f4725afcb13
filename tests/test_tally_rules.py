"""Tally counts, the integer threshold rule, warnings, strike runs and legacy counts."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksa.errors import InputError
from ksa.model import Answer, CountedTally, Domain, Item, ItemAnswer, Response
from ksa.tally import is_flagged, tally_items

ITEM = Item("2.C.1.d", Domain.KNOWLEDGE, "Production and Processing",
            "Knowledge of raw materials, quality control, costs, and other techniques.")
OTHER = Item("2.C.4.a", Domain.KNOWLEDGE, "Mathematics", "Knowledge of arithmetic.")


def responses(answers: str, portions: dict[int, str] | None = None) -> list[Response]:
    """One response per character: Y, N or '.' (blank)."""
    out = []
    for n, ch in enumerate(answers):
        answer = {"Y": Answer.YES, "N": Answer.NO, ".": None}[ch]
        portion = (portions or {}).get(n, "")
        out.append(Response(f"Org {n}", answers=(ItemAnswer(ITEM.item_id, answer, portion),)))
    return out


@pytest.mark.parametrize(("votes", "threshold", "flagged"), [
    ("YNNNN", Fraction(4, 5), True),    # 4/5 = 80 % flags at 0.8
    ("YNNN", Fraction(4, 5), False),    # 3/4 = 75 % does not
    ("YYNNN", Fraction(4, 5), False),   # 3/5 does not
    ("YNNN", Fraction(3, 4), True),     # 3/4 flags at 0.75
    ("NNNNN", Fraction(4, 5), True),
    ("YYYYY", Fraction(4, 5), False),
    ("YNNNN.", Fraction(4, 5), True),   # blanks are not in the denominator
    ("YNNNNNNNNN" * 1, Fraction(9, 10), True),
])
def test_threshold_boundaries(votes: str, threshold: Fraction, flagged: bool) -> None:
    result = tally_items([ITEM], responses(votes), threshold=threshold)
    tally = result.tallies[ITEM.item_id]
    assert tally.flagged is flagged
    assert (tally.yes, tally.no, tally.unanswered) == (
        votes.count("Y"), votes.count("N"), votes.count("."))


def test_float_trap_is_avoided() -> None:
    # 0.7 * 10 != 7 in floating point; 7 of 10 must flag at 7/10.
    assert is_flagged(3, 7, Fraction("0.7"))
    assert not is_flagged(4, 6, Fraction("0.7"))


def test_all_blank_is_not_flagged_and_reported() -> None:
    result = tally_items([ITEM], responses("..."), threshold=Fraction(4, 5))
    tally = result.tallies[ITEM.item_id]
    assert not tally.flagged and tally.unanswered == 3 and tally.answered == 0
    assert any("nobody answered" in issue.message for issue in result.issues)
    assert result.completion == {"Org 0": (0, 1), "Org 1": (0, 1), "Org 2": (0, 1)}


def test_low_response_and_split_vote_warnings() -> None:
    low = tally_items([ITEM], responses("NN"), threshold=Fraction(4, 5)).tallies[ITEM.item_id]
    assert low.flagged and any("only 2 respondent" in w for w in low.warnings)
    split = tally_items([ITEM], responses("YYNNN"), threshold=Fraction(4, 5)).tallies[ITEM.item_id]
    assert any("split vote: Y-2 N-3" in w for w in split.warnings)
    assert not any("split" in w for w in tally_items(
        [ITEM], responses("YYYNN" "YYYYY"), threshold=Fraction(4, 5)).tallies[ITEM.item_id].warnings)
    edge = tally_items([ITEM], responses("YYYNN"), threshold=Fraction(4, 5)).tallies[ITEM.item_id]
    assert any("split" in w for w in edge.warnings)  # 40 % is inside the band


def test_strike_runs_follow_the_strike_threshold() -> None:
    votes = responses("YYYYN", {0: "costs", 1: "Costs", 2: "costs;", 3: "costs", 4: "raw"})
    tally = tally_items([ITEM], votes, threshold=Fraction(4, 5)).tallies[ITEM.item_id]
    assert "".join(r.text for r in tally.runs) == ITEM.description
    assert [r.text for r in tally.runs if r.struck] == ["costs"]
    lower = tally_items([ITEM], votes, threshold=Fraction(4, 5),
                        strike_threshold=Fraction(1, 5)).tallies[ITEM.item_id]
    assert [r.text for r in lower.runs if r.struck] == ["raw", "costs"]


def test_unlocated_portion_is_a_warning() -> None:
    tally = tally_items([ITEM], responses("YYY", {0: "welding"}),
                        threshold=Fraction(4, 5)).tallies[ITEM.item_id]
    assert any("'welding'" in w for w in tally.warnings)
    assert not any(r.struck for r in tally.runs)


def test_legacy_counts_and_mixing_rule() -> None:
    counted = [CountedTally(ITEM.item_id, 1, 4)]
    result = tally_items([ITEM, OTHER], [], counted, threshold=Fraction(4, 5))
    assert result.tallies[ITEM.item_id].flagged and result.tallies[ITEM.item_id].text == "Y-1 N-4"
    with pytest.raises(InputError, match="cannot be mixed"):
        tally_items([ITEM], responses("YY"), counted, threshold=Fraction(4, 5))


def test_unknown_item_in_responses_is_an_error() -> None:
    stray = Response("Org", answers=(ItemAnswer("nope", Answer.YES),))
    with pytest.raises(InputError, match="unknown item 'nope'"):
        tally_items([ITEM], [stray], threshold=Fraction(4, 5))


votes_strategy = st.lists(st.sampled_from("YN."), min_size=0, max_size=12).map("".join)
threshold_strategy = st.fractions(min_value=Fraction(1, 100), max_value=1)


@given(votes_strategy, st.randoms(use_true_random=False))
def test_tallies_invariant_under_respondent_order(votes: str, rnd: object) -> None:
    people = responses(votes)
    shuffled = list(people)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a = tally_items([ITEM], people, threshold=Fraction(4, 5)).tallies
    b = tally_items([ITEM], shuffled, threshold=Fraction(4, 5)).tallies
    assert a == b


@given(votes_strategy, threshold_strategy, threshold_strategy)
def test_raising_threshold_never_adds_flags(votes: str, t1: Fraction, t2: Fraction) -> None:
    low, high = sorted((t1, t2))
    people = responses(votes)
    flagged_low = tally_items([ITEM], people, threshold=low).tallies[ITEM.item_id].flagged
    flagged_high = tally_items([ITEM], people, threshold=high).tallies[ITEM.item_id].flagged
    assert flagged_low or not flagged_high
