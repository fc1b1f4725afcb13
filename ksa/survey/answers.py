"""The one table that turns what people type into an answer cell into Y, N or not answered."""

from __future__ import annotations

import unicodedata

from ksa.model import Answer

YES_WORDS = frozenset({"y", "yes", "x", "✓", "✔", "1", "true", "1.0"})
NO_WORDS = frozenset({"n", "no", "n/a", "na", "not applicable", "0", "false", "0.0"})


class UnrecognizedAnswerError(ValueError):
    """A value that is neither yes, no nor blank."""

    def __init__(self, value: object) -> None:
        super().__init__(f"not a yes/no answer: {value!r}")
        self.value = value


def normalize_answer(value: object) -> Answer | None:
    """``Answer.YES``, ``Answer.NO`` or ``None`` (blank: not answered).

    Yes: Y, Yes, X, ✓, ✔, 1, TRUE (and ``True``, ``1``, ``1.0``); no: N, No, N/A, NA,
    Not applicable, 0, FALSE (and ``False``, ``0``). Case and surrounding whitespace are ignored.
    Anything else raises :class:`UnrecognizedAnswerError`.
    """
    if value is None:
        return None
    if isinstance(value, Answer):
        return value
    if isinstance(value, bool):
        return Answer.YES if value else Answer.NO
    if isinstance(value, int | float):
        if value == 1:
            return Answer.YES
        if value == 0:
            return Answer.NO
        raise UnrecognizedAnswerError(value)
    if not isinstance(value, str):
        raise UnrecognizedAnswerError(value)
    text = " ".join(unicodedata.normalize("NFKC", value).split()).casefold()
    if not text:
        return None
    if text in YES_WORDS:
        return Answer.YES
    if text in NO_WORDS:
        return Answer.NO
    raise UnrecognizedAnswerError(value)


def is_answer(value: object) -> bool:
    """True when ``value`` normalizes to Y, N or blank."""
    try:
        normalize_answer(value)
    except UnrecognizedAnswerError:
        return False
    return True
