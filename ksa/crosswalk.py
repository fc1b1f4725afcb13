"""Assemble the pieces decided upstream into the one ``Crosswalk`` the outputs are built from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ksa.model import Crosswalk, Issue, Match, NeedCluster, Response, Selection, Tally
from ksa.panel import Panel


def assemble(
    panel: Panel,
    selection: Selection,
    *,
    responses: Sequence[Response],
    tallies: Mapping[str, Tally],
    needs: Sequence[NeedCluster],
    matches: Mapping[str, tuple[Match, ...]],
    issues: Sequence[Issue] = (),
    generated_at: str,
    sources: Mapping[str, str] | None = None,
) -> Crosswalk:
    profile = selection.profile
    notices = tuple(dict.fromkeys(profile.notices))  # shown under the title block
    selection_notes = tuple(Issue(n, "O*NET selection", "info") for n in selection.notices)
    return Crosswalk(
        panel_id=panel.panel_id,
        title=panel.title,
        industry=panel.industry,
        employers_label=panel.employers_label,
        occupation=profile.occupation,
        occupation_label=panel.occupation_title or profile.occupation.title,
        release=profile.release,
        threshold=panel.threshold_text,
        items=selection.items,
        tallies=dict(tallies),
        needs=tuple(needs),
        matches=dict(matches),
        responses=tuple(responses),
        issues=(*selection_notes, *issues),
        notices=notices,
        generated_at=generated_at,
        sources=dict(sources or {}),
    )
