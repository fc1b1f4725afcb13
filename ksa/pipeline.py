"""The stages of the panel job as plain functions (no Prefect): flows and tests call these.

Each stage takes the panel and what earlier stages produced and returns immutable results.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ksa.crosswalk import assemble
from ksa.errors import InputError, Problem
from ksa.model import (
    CountedTally,
    Crosswalk,
    Issue,
    Match,
    NeedCluster,
    NeedEntry,
    Response,
    Selection,
    Tally,
)
from ksa.outputs import iso_time, utc_stamp, write_crosswalk
from ksa.panel import Panel

if TYPE_CHECKING:
    from ksa.rerank import SemanticReranker

log = logging.getLogger("ksa.pipeline")

__all__ = [
    "MatchResult",
    "SurveyResult",
    "assemble_crosswalk",
    "ingest_and_tally",
    "load_selection",
    "match_courses",
    "utc_stamp",
    "write_outputs",
]


@dataclass(frozen=True)
class SurveyResult:
    responses: tuple[Response, ...]
    counted: tuple[CountedTally, ...]
    tallies: dict[str, Tally]
    needs: tuple[NeedCluster, ...]
    issues: tuple[Issue, ...]
    files: tuple[str, ...]


@dataclass(frozen=True)
class MatchResult:
    matches: dict[str, tuple[Match, ...]]
    issues: tuple[Issue, ...]
    courses: int


def load_selection(panel: Panel, *, api_key: str | None = None) -> Selection:
    """O*NET profile of the panel's occupation and the items the panel asks about.

    ``api_key`` is for a Web Services source (``ws:``); by default ONET_API_KEY is used.
    """
    from ksa.onet import select_items
    from ksa.onet.store import open_source

    release = open_source(panel.onet_source, api_key=api_key)
    profile = release.profile(
        panel.soc, domains=panel.domains, title=panel.occupation_title or None
    )
    for notice in profile.notices:
        log.warning("%s", notice)
    selection = select_items(
        profile,
        domains=panel.domains,
        importance_min=panel.importance_min,
        include=panel.include,
        exclude=panel.exclude,
    )
    log.info(
        "O*NET %s: %s %s, %d items selected",
        profile.release,
        profile.occupation.code,
        profile.occupation.title,
        len(selection.items),
    )
    return selection


def ingest_and_tally(panel: Panel, selection: Selection, *, lenient: bool = False) -> SurveyResult:
    """Read every returned survey, tally per item, cluster the additional needs."""
    from ksa.needs import cluster_needs
    from ksa.survey import read_responses
    from ksa.tally import tally_items

    if panel.responses is None:
        raise InputError(
            f"{panel.path}: [survey] responses is not set",
            [
                Problem(
                    "say where the returned surveys are",
                    file=str(panel.path),
                    hint='add [survey] responses = "responses/" (a folder or a glob)',
                )
            ],
        )
    bundle = read_responses(
        panel.responses,
        selection.items,
        panel_id=panel.panel_id,
        soc=selection.profile.occupation.code,
        layout=panel.layout,
        lenient=lenient,
        prefer=panel.prefer,
    )
    result = tally_items(
        selection.items,
        bundle.responses,
        bundle.counted,
        threshold=panel.threshold,
        strike_threshold=panel.strike_threshold,
        min_respondents=panel.min_respondents,
    )
    entries: list[NeedEntry] = [n for r in bundle.responses for n in r.needs]
    needs = cluster_needs(entries, selection.profile.items)
    issues = (*bundle.issues, *result.issues)
    for issue in issues:
        log.warning("%s%s", f"{issue.where}: " if issue.where else "", issue.message)
    return SurveyResult(
        responses=tuple(bundle.responses),
        counted=tuple(bundle.counted),
        tallies=dict(result.tallies),
        needs=tuple(needs),
        issues=tuple(issues),
        files=tuple(bundle.files),
    )


def match_courses(
    panel: Panel,
    selection: Selection,
    needs: tuple[NeedCluster, ...],
    *,
    reranker: SemanticReranker | None = None,
) -> MatchResult:
    """Match every item and additional need to the panel's course catalogs.

    With ``[courses] rerank = "semantic"`` the lexical candidates are re-ranked by a
    sentence-embedding model (``reranker``; default: the packaged model of ksa[semantic]).
    """
    from ksa.catalog import load_catalogs
    from ksa.ledger import Ledger
    from ksa.match import MatchQuery, match_items

    if not panel.catalogs:
        return MatchResult(
            {}, (Issue("no course catalogs in [courses] catalogs", "panel", "info"),), 0
        )
    loaded = load_catalogs(panel.catalogs)
    queries = [
        MatchQuery(
            key=item.item_id,
            domain=item.domain.value,
            text=item.name,
            description=item.description,
            keywords=panel.keywords.get(item.item_id, panel.keywords.get(item.name, ())),
            program_keywords=panel.program_keywords.get(
                item.item_id, panel.program_keywords.get(item.name, ())),
        )
        for item in selection.items
    ]
    queries += [
        MatchQuery(
            key=n.key,
            domain=n.domain or "need",
            text=n.label,
            keywords=panel.keywords.get(n.label, ()),
            program_keywords=panel.program_keywords.get(n.label, ()),
        )
        for n in needs
        if n.in_onet is None
    ]
    decisions = Ledger().decisions([q.key for q in queries])
    occupation = selection.profile.occupation
    if panel.rerank == "semantic":
        from ksa.rerank import SemanticReranker, match_items_semantic

        # the blend has its own cutoff (ksa.rerank.Blend); score_cutoff applies to lexical only
        matches = match_items_semantic(
            queries,
            loaded.courses,
            reranker or SemanticReranker(),
            soc=occupation.code,
            top_k=panel.top_k,
            decisions=decisions,
            occupation=occupation.title,
        )
    else:
        matches = match_items(
            queries,
            loaded.courses,
            soc=occupation.code,
            top_k=panel.top_k,
            score_cutoff=panel.score_cutoff,
            decisions=decisions,
        )
    return MatchResult(dict(matches), tuple(loaded.issues), len(loaded.courses))


def assemble_crosswalk(
    panel: Panel, selection: Selection, survey: SurveyResult, matched: MatchResult, stamp: str
) -> Crosswalk:
    sources = {
        "Panel file": str(panel.path),
        "O*NET source": panel.onet_source,
        "Responses": ", ".join(survey.files),
        "Course catalogs": ", ".join(str(c.path) for c in panel.catalogs),
        "Courses loaded": str(matched.courses),
    }
    return assemble(
        panel,
        selection,
        responses=survey.responses,
        tallies=survey.tallies,
        needs=survey.needs,
        matches=matched.matches,
        issues=(*survey.issues, *matched.issues),
        generated_at=iso_time(stamp),
        sources=sources,
    )


def write_outputs(crosswalk: Crosswalk, out_dir: Path, stamp: str) -> tuple[Path, Path]:
    return write_crosswalk(crosswalk, out_dir, stamp)
