"""The ``ksa`` command: a thin layer over the library and the flows.

stdout carries only result paths (absolute, one per line); everything else goes to stderr.
Bad input exits 1 with the complete error report, never a traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ksa.errors import KsaError

app = typer.Typer(
    name="ksa",
    help="Skill panel -> O*NET-based survey kits -> validated tallies -> course crosswalk workbook.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])

_PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    "PREFECT_TASKS_DEFAULT_NO_CACHE": "true",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "ksa",
}


def setup_logging(verbose: bool = False) -> None:
    """ksa's own messages (notices, warnings) on stderr; Prefect keeps its own handlers."""
    logger = logging.getLogger("ksa")
    if not any(getattr(h, "_ksa", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        handler._ksa = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)


def _error_names() -> tuple[str, ...]:
    import ksa.errors as errors

    return tuple(
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, KsaError)
    )


class _ShortInputErrors(logging.Filter):
    """Prefect logs a failed run with the whole exception (and traceback) at every level of the
    run; for bad input the one complete report the command prints at the end is enough."""

    def __init__(self) -> None:
        super().__init__()
        self._names = _error_names()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], KsaError):
            record.exc_info = None
            record.exc_text = None
        message = record.getMessage()
        for name in self._names:
            at = message.find(f"{name}(")
            if at < 0:
                at = message.find(f"{name}:")
            if at >= 0:
                record.msg = message[:at].rstrip(" :(\"'") + f" {name} (report below)"
                record.args = ()
                break
        return True


def prepare_prefect() -> None:
    """Set quiet, offline-friendly Prefect defaults before Prefect is imported."""
    for key, value in _PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    quiet = _ShortInputErrors()
    for name in ("prefect.task_runs", "prefect.flow_runs", "prefect"):
        logging.getLogger(name).addFilter(quiet)


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def print_paths(*paths: Path | str) -> None:
    """Result paths on stdout: absolute, one per line, never wrapped."""
    for path in paths:
        sys.stdout.write(f"{Path(path).resolve()}\n")
    sys.stdout.flush()


@app.command()
def crosswalk(
    panel: Annotated[Path, typer.Argument(help="The panel file (TOML).")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder; overrides [output] dir.")
    ] = None,
    lenient: Annotated[
        bool,
        typer.Option(
            help="Exclude unreadable answers (listed in the Issues sheet) instead of failing."
        ),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Run the panel flow: O*NET profile, responses, tallies, course matches -> workbook + sidecar.

    Prints the sidecar path, then the workbook path (last line).
    """
    setup_logging(verbose)
    from ksa.panel import read_panel

    try:
        read_panel(panel)  # fail fast on a bad panel file, before Prefect starts
    except KsaError as exc:
        raise fail(str(exc)) from None
    prepare_prefect()
    from flows.panel_crosswalk import panel_crosswalk

    try:
        paths = panel_crosswalk(str(panel), str(out) if out else None, lenient)
    except KsaError as exc:
        raise fail(str(exc)) from None
    print_paths(paths.sidecar, paths.workbook)


@app.command()
def batch(
    panels: Annotated[
        list[Path], typer.Argument(help="Panel files, or folders holding *.toml panels.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder for every panel.")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Run panels on Dask: 'local' for a local cluster or tcp://HOST:8786 (needs ksa[dask])."
        ),
    ] = None,
    lenient: Annotated[bool, typer.Option(help="As for crosswalk.")] = False,
) -> None:
    """Run many panels; one failing panel never loses the others' workbooks."""
    setup_logging()
    files: list[Path] = []
    for entry in panels:
        files += sorted(entry.glob("*.toml")) if entry.is_dir() else [entry]
    if not files:
        raise fail("No panel files given (folders are searched for *.toml).")
    prepare_prefect()
    from flows.batch import batch_crosswalk

    try:
        report = batch_crosswalk([str(f) for f in files], str(out) if out else None, lenient, dask)
    except KsaError as exc:
        raise fail(str(exc)) from None
    for failure in report.failures:
        typer.echo(f"FAILED {failure.panel}:\n{failure.message}", err=True)
    print_paths(*report.workbooks)
    if report.failures:
        raise typer.Exit(1)


@app.command()
def serve(
    panels: Annotated[
        list[Path] | None,
        typer.Option("--panel", help="Panels whose occupations the refresh diff covers."),
    ] = None,
) -> None:
    """Serve the deployments (monthly O*NET refresh, on-demand panel crosswalk) until Ctrl-C."""
    setup_logging()
    prepare_prefect()
    from flows.serve import serve_all

    serve_all([str(p) for p in panels or []])


def _register_subcommands() -> None:
    """Commands defined next to the library part they drive."""
    from ksa import cli_match, cli_onet, cli_survey

    cli_survey.register(app)  # survey-kit, validate
    cli_match.register(app)  # match
    app.add_typer(cli_onet.app, name="onet")
    app.add_typer(cli_match.review_app, name="review")


_register_subcommands()


def main() -> None:
    try:
        app()
    except KsaError as exc:  # a command that let one through
        typer.echo(str(exc), err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
