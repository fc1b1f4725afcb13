"""``ksa validate PANEL.toml``: check a panel before (and while) its surveys come back.

Checks the panel file, the O*NET selection, every returned survey (layout, kit metadata, answers,
duplicates) and lists which of the panel's respondents returned a survey. Every problem at once;
nothing is written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ksa.errors import InputError, KsaError, Problem
from ksa.model import Issue, Response, Selection
from ksa.panel import Panel, read_panel

log = logging.getLogger("ksa.validate")


@dataclass
class ValidationReport:
    panel_path: Path
    panel: Panel | None = None
    summary: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    returned: list[tuple[str, str]] = field(default_factory=list)  # (respondent, file)
    not_returned: list[str] = field(default_factory=list)
    unexpected: list[tuple[str, str]] = field(default_factory=list)  # not on the panel's list

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        status = "OK" if self.ok else f"{len(self.problems)} problem(s)"
        lines = [f"Panel {self.panel_path}: {status}"]
        lines += [f"  {line}" for line in self.summary]
        if self.panel is not None and (self.returned or self.not_returned or self.unexpected):
            expected = len(self.panel.respondents)
            if expected:
                lines.append(f"Returned ({len(self.returned)} of {expected}):")
            else:
                lines.append(f"Returned ({len(self.returned)}):")
            lines += [f"  - {who} ({where})" for who, where in self.returned] or ["  (none)"]
            if expected:
                lines.append(f"Not returned ({len(self.not_returned)}):")
                lines += [f"  - {who}" for who in self.not_returned] or ["  (none)"]
            if self.unexpected:
                lines.append(f"Not on the panel's respondent list ({len(self.unexpected)}):")
                lines += [f"  - {who} ({where})" for who, where in self.unexpected]
        if self.problems:
            lines.append(f"Problems ({len(self.problems)}):")
            lines += [f"  - {p}" for p in self.problems]
        if self.warnings:
            lines.append(f"Warnings ({len(self.warnings)}):")
            lines += [f"  - {w.where + ': ' if w.where else ''}{w.message}" for w in self.warnings]
        return "\n".join(lines)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _default_selection(panel: Panel) -> Selection:
    from ksa.pipeline import load_selection

    return load_selection(panel)


def validate_panel(
    panel_path: str | Path,
    *,
    load_selection: Callable[[Panel], Selection] | None = None,
) -> ValidationReport:
    """Check everything about a panel that can be checked without writing anything."""
    from ksa.survey.ingest import collect_responses
    from ksa.tally import tally_items

    report = ValidationReport(Path(panel_path))
    try:
        panel = read_panel(panel_path)
    except InputError as exc:
        report.problems += exc.problems or [Problem(exc.message, file=str(panel_path))]
        return report
    report.panel = panel
    report.summary.append(f"id {panel.panel_id}; {panel.title}")
    try:
        selection = (load_selection or _default_selection)(panel)
    except InputError as exc:
        report.problems += exc.problems or [Problem(exc.message, file=panel.onet_source)]
        return report
    except KsaError as exc:
        report.problems.append(Problem(str(exc), file=panel.onet_source))
        return report
    occupation = selection.profile.occupation
    report.summary.append(
        f"O*NET {selection.profile.release}: {occupation.code} {occupation.title}; "
        f"{len(selection.items)} items selected"
    )
    report.warnings += [
        Issue(n, level="info") for n in (*selection.profile.notices, *selection.notices)
    ]
    if not selection.items:
        report.problems.append(
            Problem(
                "the selection is empty: no item meets the importance cutoff or include list",
                file=str(panel.path),
                hint="lower [onet] importance_min or add [onet] include",
            )
        )
    seen: dict[str, int] = {}
    for n, respondent in enumerate(panel.respondents):
        key = _key(respondent.organization)
        if key in seen:
            report.problems.append(
                Problem(
                    f"respondent {respondent.organization!r} is listed twice "
                    f"(entries {seen[key] + 1} and {n + 1})",
                    file=str(panel.path),
                    cell="survey/respondents",
                )
            )
        seen[key] = n
    if panel.responses is None:
        report.warnings.append(
            Issue("[survey] responses is not set: no returned surveys to check", level="info")
        )
        report.not_returned = [r.organization for r in panel.respondents]
        return report
    try:
        collected = collect_responses(
            panel.responses,
            selection.items,
            panel_id=panel.panel_id,
            soc=occupation.code,
            layout=panel.layout,
            prefer=panel.prefer,
        )
    except InputError as exc:
        report.warnings.append(Issue(exc.message, where=str(panel.responses), level="warning"))
        report.not_returned = [r.organization for r in panel.respondents]
        return report
    result = collected.result
    report.summary.append(f"{len(collected.files)} response file(s) in {panel.responses}")
    report.problems += result.not_survey + result.problems + result.bad_answers
    report.warnings += result.issues
    _who_returned(report, panel, collected.responses)
    if not report.problems and (collected.responses or result.counted):
        try:
            tallied = tally_items(
                selection.items,
                collected.responses,
                result.counted,
                threshold=panel.threshold,
                strike_threshold=panel.strike_threshold,
                min_respondents=panel.min_respondents,
            )
        except InputError as exc:
            report.problems += exc.problems or [Problem(exc.message)]
        else:
            flagged = sum(1 for t in tallied.tallies.values() if t.flagged)
            report.summary.append(
                f"{flagged} item(s) flagged not applicable at {panel.threshold_text}"
            )
            report.warnings += tallied.issues
    return report


def _who_returned(report: ValidationReport, panel: Panel, responses: tuple[Response, ...]) -> None:
    listed = {_key(r.organization): r.organization for r in panel.respondents}
    got: dict[str, Response] = {_key(r.respondent): r for r in responses}
    for key, response in got.items():
        if key in listed or not listed:
            report.returned.append((listed.get(key, response.respondent), response.source))
        else:
            report.unexpected.append((response.respondent, response.source))
    report.not_returned = [name for key, name in listed.items() if key not in got]
