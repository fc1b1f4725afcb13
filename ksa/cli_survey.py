"""``ksa survey-kit`` and ``ksa validate``: thin commands over ``ksa.survey`` and ``ksa.validate``.

stdout: only the kit paths (survey-kit) or the report (validate, exit 1 when it lists problems);
other errors go to stderr as a readable report with exit code 1, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ksa.errors import KsaError


def _fail(exc: KsaError) -> typer.Exit:
    typer.echo(str(exc), err=True)
    return typer.Exit(1)


def survey_kit(
    panel: Annotated[Path, typer.Argument(help="The panel file (TOML).")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for the kits (default: a new timestamped folder "
            "under the panel's output dir).",
        ),
    ] = None,
) -> None:
    """Write one survey kit per respondent (or the panel's number of blank copies)."""
    from ksa.outputs import utc_stamp
    from ksa.panel import read_panel
    from ksa.pipeline import load_selection
    from ksa.survey import write_kits

    try:
        loaded = read_panel(panel)
        selection = load_selection(loaded)
        target = out or loaded.output_dir / f"{loaded.panel_id}_survey-kits_{utc_stamp()}"
        paths = write_kits(loaded, selection, target)
    except KsaError as exc:
        raise _fail(exc) from None
    for path in paths:
        sys.stdout.write(f"{Path(path).resolve()}\n")
    sys.stdout.flush()


def validate(
    panel: Annotated[Path, typer.Argument(help="The panel file (TOML).")],
) -> None:
    """Check the panel file, the O*NET selection and every returned survey; list who returned."""
    from ksa.validate import validate_panel

    try:
        report = validate_panel(panel)
    except KsaError as exc:
        raise _fail(exc) from None
    typer.echo(report.render())
    if not report.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``survey-kit`` and ``validate`` to the ``ksa`` command."""
    app.command("survey-kit")(survey_kit)
    app.command("validate")(validate)
