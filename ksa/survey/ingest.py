"""Read every returned survey of a panel, in whatever layout, into one checked bundle.

Problems are collected from every file before anything is raised, so one report shows them all.
"""

from __future__ import annotations

import glob
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ksa.errors import BadAnswerError, InputError, NotASurveyError, Problem
from ksa.model import CountedTally, Issue, Item, Response
from ksa.survey.common import ItemIndex, ReadResult
from ksa.survey.grid import GridError, SheetGrid, read_grids
from ksa.survey.layouts import LAYOUTS, LOOKED_FOR, detect_layout, sheet_for
from ksa.survey.read_form import read_form
from ksa.survey.read_kit import read_kit
from ksa.survey.read_matrix import read_matrix
from ksa.survey.read_tally import read_tally

log = logging.getLogger("ksa.survey.ingest")

READABLE = (".xlsx", ".xlsm", ".csv")


@dataclass(frozen=True)
class ResponseBundle:
    responses: tuple[Response, ...]
    counted: tuple[CountedTally, ...]
    issues: tuple[Issue, ...]
    files: tuple[str, ...]


def list_response_files(source: Path) -> tuple[list[Path], list[Issue]]:
    """Files to read (sorted) and issues listing the ones ignored (lock, hidden, other types)."""
    if source.is_dir():
        candidates = sorted(p for p in source.iterdir())
    elif source.is_file():
        candidates = [source]
    else:
        candidates = sorted(Path(p) for p in glob.glob(str(source)))
    files: list[Path] = []
    issues: list[Issue] = []
    for path in candidates:
        name = path.name
        reason = ""
        if path.is_dir():
            reason = "a folder (sub-folders are not read)"
        elif name.startswith("~$"):
            reason = "an Office lock file (the workbook is open somewhere)"
        elif name.startswith("."):
            reason = "a hidden file"
        elif path.suffix.lower() == ".xls":
            reason = "an old .xls workbook: open it in Excel and save it as .xlsx"
        elif path.suffix.lower() not in READABLE:
            reason = f"not a survey file type ({', '.join(READABLE)})"
        if reason:
            issues.append(Issue(f"ignored {name}: {reason}", where=str(path.parent), level="info"))
        else:
            files.append(path)
    return files, issues


def read_file(
    path: Path, index: ItemIndex, *, panel_id: str, soc: str, layout: str = "auto"
) -> ReadResult:
    """Everything one file gives (responses, tallies, issues, problems); never raises on content."""
    result = ReadResult()
    try:
        grids = read_grids(path)
    except GridError as exc:
        result.problems.append(exc.problem)
        return result
    except OSError as exc:
        result.problems.append(
            Problem(f"cannot read the file: {exc.strerror or exc}", file=path.name)
        )
        return result
    chosen: SheetGrid | None
    if layout == "auto":
        detected = detect_layout(grids)
        if detected is None:
            result.not_survey.append(
                Problem(
                    f"not a survey in any known layout; looked for {LOOKED_FOR}",
                    file=path.name,
                    hint="remove it from the responses folder, or fix its header row",
                )
            )
            return result
        layout, chosen = detected
    else:
        chosen = sheet_for(layout, grids) if layout != "kit" else None
    if layout == "kit":
        return read_kit(grids, index, panel_id=panel_id, soc=soc)
    if chosen is None:
        result.not_survey.append(Problem(f"no sheet to read as {layout}", file=path.name))
        return result
    reader = {"matrix": read_matrix, "tally": read_tally, "form-csv": read_form}[layout]
    return reader(chosen, index)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _resolve_duplicates(
    responses: list[Response], prefer: Mapping[str, str], result: ReadResult
) -> list[Response]:
    by_key: dict[str, list[Response]] = {}
    for response in responses:
        by_key.setdefault(_key(response.respondent), []).append(response)
    preferred = {_key(k): v for k, v in prefer.items()}
    kept: list[Response] = []
    for response in responses:
        group = by_key[_key(response.respondent)]
        if len(group) == 1:
            kept.append(response)
            continue
        if response is not group[0]:
            continue
        sources = [r.source for r in group]
        wanted = preferred.get(_key(response.respondent))
        winners = [
            r for r in group if wanted and (r.source == wanted or Path(wanted).name == r.source)
        ]
        if len(winners) == 1:
            kept.append(winners[0])
            for loser in group:
                if loser is not winners[0]:
                    result.issues.append(
                        Issue(
                            f"{response.respondent!r} answered in {loser.source} too; using "
                            f"{winners[0].source} as the panel's [survey.prefer] says",
                            where=loser.source,
                            level="info",
                        )
                    )
            continue
        where = " and ".join(sources) if len(set(sources)) == len(sources) else sources[0]
        result.problems.append(
            Problem(
                f"respondent {response.respondent!r} appears more than once: {where}",
                file=sources[0],
                hint=(
                    f"remove one, or say which wins in the panel file: [survey.prefer] "
                    f'"{response.respondent}" = "{sources[-1]}"'
                )
                + (f" (the preferred file {wanted!r} is not one of them)" if wanted else ""),
            )
        )
    return kept


def _check_counted(counted: list[CountedTally], result: ReadResult) -> None:
    seen: dict[str, CountedTally] = {}
    for tally in counted:
        if tally.item_id in seen:
            first = seen[tally.item_id]
            result.problems.append(
                Problem(
                    f"item {tally.item_id} has legacy tallies in two places: {first.source} and "
                    f"{tally.source}",
                    file=tally.source.file if tally.source else "",
                    hint="keep one tally per item",
                )
            )
        else:
            seen[tally.item_id] = tally


@dataclass(frozen=True)
class Collected:
    """Everything read from a responses source, problems included (nothing raised yet)."""

    result: ReadResult  # issues, problems, bad answers, not-a-survey, counted
    responses: tuple[Response, ...]  # after duplicate resolution
    files: tuple[Path, ...]


def collect_responses(
    source: Path,
    items: Sequence[Item],
    *,
    panel_id: str,
    soc: str,
    layout: str = "auto",
    prefer: Mapping[str, str] | None = None,
) -> Collected:
    """Read every file under ``source`` and gather every problem; raises only when there is
    nothing to read (unknown layout name, empty folder, no match)."""
    if layout not in (*LAYOUTS, "auto"):
        raise InputError(
            f"Unknown survey layout {layout!r}; use one of auto, {', '.join(LAYOUTS)}."
        )
    source = Path(source)
    files, ignored = list_response_files(source)
    if not files:
        what = "folder" if source.is_dir() else "pattern"
        raise InputError(
            f"No survey responses found: the {what} {source} holds no .xlsx, .xlsm or .csv files.",
            [Problem(i.message, file=i.where) for i in ignored],
        )
    index = ItemIndex(items)
    total = ReadResult(issues=list(ignored))
    for path in files:
        log.info("reading %s", path)
        total.extend(read_file(path, index, panel_id=panel_id, soc=soc, layout=layout))
    responses = _resolve_duplicates(total.responses, prefer or {}, total)
    _check_counted(total.counted, total)
    return Collected(total, tuple(responses), tuple(files))


def read_responses(
    source: Path,
    items: Sequence[Item],
    *,
    panel_id: str,
    soc: str,
    layout: str = "auto",
    lenient: bool = False,
    prefer: Mapping[str, str] | None = None,
) -> ResponseBundle:
    """Read every response file under ``source`` (a folder, a file or a glob pattern).

    Raises ``BadAnswerError`` (every bad cell of every file, unless ``lenient``: then bad values
    are excluded and listed in ``issues``), ``NotASurveyError`` or ``InputError`` (stale or
    foreign kits, unknown items, duplicate respondents, empty folder) with all problems at once.
    """
    collected = collect_responses(
        source, items, panel_id=panel_id, soc=soc, layout=layout, prefer=prefer
    )
    total = collected.result
    if lenient:
        total.issues += [
            Issue(
                f"excluded (not Y/N/blank): {p.value!r}",
                where=p.where,
                level="error",
            )
            for p in total.bad_answers
        ]
        bad: list[Problem] = []
    else:
        bad = total.bad_answers
    raise_problems(total.not_survey, total.problems, bad, source)
    return ResponseBundle(
        responses=collected.responses,
        counted=tuple(total.counted),
        issues=tuple(total.issues),
        files=tuple(str(p.resolve()) for p in collected.files),
    )


def raise_problems(
    not_survey: list[Problem], problems: list[Problem], bad: list[Problem], source: Path
) -> None:
    """One error carrying every problem; its class says what kind when there is only one kind."""
    everything = not_survey + problems + bad
    if not everything:
        return
    count = len(everything)
    if bad and len(bad) == count:
        raise BadAnswerError(
            f"{count} answer cell(s) hold something other than Y, N or blank. Fix every cell "
            "listed (or run with --lenient to exclude them) and run again.",
            everything,
        )
    if not_survey and len(not_survey) == count:
        raise NotASurveyError(
            f"{count} file(s) in {source} are not surveys in any known layout.", everything
        )
    cls = NotASurveyError if not_survey else InputError
    raise cls(
        f"{count} problem(s) in the survey responses at {source}; fix them all and run again.",
        everything,
    )
