"""The answer normalization table and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksa.model import Answer
from ksa.survey import normalize_answer
from ksa.survey.answers import UnrecognizedAnswerError

YES = ["Y", "y", "Yes", " YES ", "x", "X", "✓", "✔", "1", "TRUE", "true", True, 1, 1.0, "\u00a0y\t"]
NO = ["N", "n", "No", "N/A", "n/a", "NA", "Not applicable", "not  APPLICABLE", "0", "FALSE",
      False, 0, 0.0]
BLANK = [None, "", "   ", "\n"]
BAD = ["maybe", "Y/N", "2", 2, 0.5, "yes!", "-", "?", "nope", [], "Y N"]


@pytest.mark.parametrize("value", YES)
def test_yes(value: object) -> None:
    assert normalize_answer(value) is Answer.YES


@pytest.mark.parametrize("value", NO)
def test_no(value: object) -> None:
    assert normalize_answer(value) is Answer.NO


@pytest.mark.parametrize("value", BLANK)
def test_blank_is_not_answered(value: object) -> None:
    assert normalize_answer(value) is None


@pytest.mark.parametrize("value", BAD)
def test_anything_else_is_bad(value: object) -> None:
    with pytest.raises(UnrecognizedAnswerError) as info:
        normalize_answer(value)
    assert info.value.value == value


@given(st.one_of(st.sampled_from(YES + NO + BLANK), st.text(max_size=6), st.integers(-3, 3),
                 st.booleans()))
def test_idempotent_on_outputs(value: object) -> None:
    try:
        first = normalize_answer(value)
    except UnrecognizedAnswerError:
        return
    assert normalize_answer(first) == first
    if first is not None:
        assert normalize_answer(first.value) == first
