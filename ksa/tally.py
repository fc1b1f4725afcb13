"""Per-item counts and the not-applicable flag, decided with integer arithmetic.

An item is flagged when ``no / (yes + no) >= threshold``, compared as
``no * den >= num * (yes + no)`` for ``threshold = num/den``: 4 of 5 at 0.8 flags, 3 of 4 does not.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ksa.errors import InputError, Problem
from ksa.model import Answer, CountedTally, Issue, Item, Response, Tally
from ksa.strike import locate_portions, split_phrases

log = logging.getLogger("ksa.tally")

SPLIT_LOW = Fraction(2, 5)
SPLIT_HIGH = Fraction(3, 5)


@dataclass(frozen=True)
class TallyResult:
    tallies: dict[str, Tally]
    issues: tuple[Issue, ...] = ()
    completion: dict[str, tuple[int, int]] = field(default_factory=dict)


def is_flagged(yes: int, no: int, threshold: Fraction) -> bool:
    """N share reaches the threshold; never flagged when nobody answered."""
    answered = yes + no
    return answered > 0 and no * threshold.denominator >= threshold.numerator * answered


def is_split(yes: int, no: int) -> bool:
    """40 % <= N share <= 60 %."""
    answered = yes + no
    return (
        answered > 0
        and SPLIT_LOW.numerator * answered <= no * SPLIT_LOW.denominator
        and no * SPLIT_HIGH.denominator <= SPLIT_HIGH.numerator * answered
    )


def _check_threshold(name: str, value: Fraction) -> None:
    if not isinstance(value, Fraction) or not 0 < value <= 1:
        raise InputError(f"{name} must be a fraction in (0, 1], got {value!r}.")


def tally_items(
    items: Sequence[Item],
    responses: Sequence[Response],
    counted: Sequence[CountedTally] = (),
    *,
    threshold: Fraction,
    strike_threshold: Fraction | None = None,
    min_respondents: int = 3,
) -> TallyResult:
    """Count Y/N per item, flag not-applicable items, strike portions, warn on thin or split votes.

    Legacy ``counted`` tallies give counts for items nobody answered individually; an item with
    both is an ``InputError``. ``completion`` maps each respondent to (answered, total items).
    """
    _check_threshold("threshold", threshold)
    strike = threshold if strike_threshold is None else strike_threshold
    _check_threshold("strike_threshold", strike)
    item_ids = {item.item_id for item in items}
    answers: dict[str, dict[str, tuple[Answer | None, str]]] = {i: {} for i in item_ids}
    completion: dict[str, tuple[int, int]] = {}
    problems: list[Problem] = []
    for response in responses:
        answered = 0
        for answer in response.answers:
            if answer.item_id not in item_ids:
                problems.append(
                    Problem(
                        f"answer for unknown item {answer.item_id!r} from {response.respondent!r}",
                        file=response.source,
                    )
                )
                continue
            answers[answer.item_id][response.respondent] = (
                answer.answer,
                answer.not_applicable_portion,
            )
            if answer.answer is not None:
                answered += 1
        completion[response.respondent] = (answered, len(items))
    legacy: dict[str, CountedTally] = {}
    for tally in counted:
        if tally.item_id not in item_ids:
            problems.append(
                Problem(
                    f"legacy tally for unknown item {tally.item_id!r}",
                    file=tally.source.file if tally.source else "",
                )
            )
        elif tally.item_id in legacy:
            problems.append(
                Problem(
                    f"two legacy tallies for item {tally.item_id!r}",
                    file=tally.source.file if tally.source else "",
                )
            )
        elif any(a is not None for a, _ in answers[tally.item_id].values()):
            problems.append(
                Problem(
                    f"item {tally.item_id!r} has both a legacy tally (Y-{tally.yes} N-{tally.no}) and "
                    "individual answers; they cannot be mixed",
                    file=tally.source.file if tally.source else "",
                    hint="use either the legacy tally or the returned surveys for this item",
                )
            )
        else:
            legacy[tally.item_id] = tally
    if problems:
        raise InputError("Cannot tally the responses:", problems)

    tallies: dict[str, Tally] = {}
    issues: list[Issue] = []
    for item in items:
        warnings: list[str] = []
        by_respondent = answers[item.item_id]
        if item.item_id in legacy:
            yes, no = legacy[item.item_id].yes, legacy[item.item_id].no
            unanswered = 0
            phrases: dict[str, list[str]] = {}
        else:
            yes = sum(1 for a, _ in by_respondent.values() if a is Answer.YES)
            no = sum(1 for a, _ in by_respondent.values() if a is Answer.NO)
            unanswered = len(responses) - yes - no
            phrases = {
                r: split_phrases(p)
                for r, (a, p) in by_respondent.items()
                if a is not None and p.strip()
            }
            idle = sorted(r for r, (a, p) in by_respondent.items() if a is None and p.strip())
            if idle:
                warnings.append(
                    "not-applicable portion ignored from respondents who did not "
                    "answer Y/N: " + ", ".join(idle)
                )
        answered = yes + no
        if answered == 0:
            warnings.append("nobody answered this item; it is not flagged")
        elif answered < min_respondents:
            warnings.append(
                f"only {answered} respondent(s) answered (fewer than {min_respondents})"
            )
        if is_split(yes, no):
            warnings.append(f"split vote: Y-{yes} N-{no}")
        runs, unlocated = locate_portions(item.description, phrases, answered, strike)
        if unlocated:
            warnings.append(
                "not-applicable portion(s) not found in the description: "
                + "; ".join(repr(p) for p in unlocated)
            )
        tallies[item.item_id] = Tally(
            item_id=item.item_id,
            yes=yes,
            no=no,
            unanswered=unanswered,
            flagged=is_flagged(yes, no, threshold),
            runs=runs,
            warnings=tuple(warnings),
        )
        issues += [
            Issue(w, where=f"{item.name} ({item.item_id})", level="warning") for w in warnings
        ]
    return TallyResult(tallies=tallies, issues=tuple(issues), completion=completion)
