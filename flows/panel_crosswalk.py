"""The main job: one skill panel -> one Appendix-B crosswalk workbook (+ JSON sidecar).

Each task is a checkpoint worth seeing in the Prefect UI; the logic lives in ``ksa``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from ksa import pipeline
from ksa.model import Crosswalk, Selection
from ksa.panel import Panel, read_panel


@dataclass(frozen=True)
class CrosswalkPaths:
    workbook: str
    sidecar: str


@task(name="read-panel", cache_policy=NO_CACHE)
def read_panel_task(panel_path: str) -> Panel:
    return read_panel(panel_path)


SECRET_BLOCK = "onet-api-key"


def web_services_key(panel: Panel) -> str | None:
    """For a ``ws:`` source without ONET_API_KEY in the environment: the Prefect Secret block
    ``onet-api-key``, if there is one. The key is never logged."""
    if not panel.onet_source.startswith("ws:") or os.environ.get("ONET_API_KEY"):
        return None
    from prefect.blocks.system import Secret

    try:
        secret = cast(Secret[str], Secret.load(SECRET_BLOCK))  # sync call in a sync context
    except ValueError:  # no such block: the client's error says how to provide a key
        return None
    value = secret.get()
    return str(value) if value else None


@task(name="onet-profile", cache_policy=NO_CACHE)
def profile_task(panel: Panel) -> Selection:
    return pipeline.load_selection(panel, api_key=web_services_key(panel))


@task(name="ingest-and-tally", cache_policy=NO_CACHE)
def survey_task(panel: Panel, selection: Selection, lenient: bool) -> pipeline.SurveyResult:
    return pipeline.ingest_and_tally(panel, selection, lenient=lenient)


@task(name="match-courses", cache_policy=NO_CACHE)
def match_task(
    panel: Panel, selection: Selection, survey: pipeline.SurveyResult
) -> pipeline.MatchResult:
    return pipeline.match_courses(panel, selection, survey.needs)


@task(name="write-crosswalk", cache_policy=NO_CACHE)
def write_task(crosswalk: Crosswalk, out_dir: str, stamp: str) -> CrosswalkPaths:
    workbook, sidecar = pipeline.write_outputs(crosswalk, Path(out_dir), stamp)
    return CrosswalkPaths(str(workbook), str(sidecar))


@flow(name="panel-crosswalk", log_prints=False)
def panel_crosswalk(
    panel_path: str, out_dir: str | None = None, lenient: bool = False
) -> CrosswalkPaths:
    """Read the panel, load the O*NET profile, ingest and tally responses, match courses, write."""
    panel = read_panel_task(panel_path)
    selection = profile_task(panel)
    survey = survey_task(panel, selection, lenient)
    matched = match_task(panel, selection, survey)
    stamp = pipeline.utc_stamp()
    crosswalk = pipeline.assemble_crosswalk(panel, selection, survey, matched, stamp)
    paths = write_task(crosswalk, out_dir or str(panel.output_dir), stamp)
    create_markdown_artifact(
        markdown=summary_markdown(crosswalk, paths),
        key="crosswalk-summary",
        description=f"Crosswalk for panel {panel.panel_id}",
    )
    return paths


def summary_markdown(crosswalk: Crosswalk, paths: CrosswalkPaths) -> str:
    flagged = [i.name for i in crosswalk.items if _flagged(crosswalk, i.item_id)]
    matched = sum(1 for m in crosswalk.matches.values() if m)
    lines = [
        f"# {crosswalk.occupation_label} ({crosswalk.occupation.code})",
        f"- O*NET release: {crosswalk.release}",
        f"- Respondents: {len(crosswalk.responses)}",
        f"- Items: {len(crosswalk.items)}; flagged not applicable: {len(flagged)}"
        + (f" ({', '.join(flagged)})" if flagged else ""),
        f"- Additional needs: {sum(1 for n in crosswalk.needs if n.in_onet is None)}",
        f"- Items and needs with courses: {matched}",
        f"- Warnings: {len(crosswalk.issues)}",
        f"- Workbook: `{paths.workbook}`",
    ]
    return "\n".join(lines)


def _flagged(crosswalk: Crosswalk, item_id: str) -> bool:
    tally = crosswalk.tallies.get(item_id)
    return bool(tally and tally.flagged)
