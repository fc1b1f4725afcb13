"""Many panels at once. Each panel is one task; a failing panel is reported, the others finish.

On one machine tasks run in threads; ``dask="local"`` or ``dask="tcp://host:8786"`` fans out on a
Dask cluster (install the ``dask`` extra: prefect-dask). Tasks get paths, never open workbooks,
so their arguments pickle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import wait

from ksa import pipeline
from ksa.errors import InputError, KsaError
from ksa.panel import read_panel


@dataclass(frozen=True)
class PanelFailure:
    panel: str
    message: str


@dataclass
class BatchReport:
    workbooks: list[str] = field(default_factory=list)
    failures: list[PanelFailure] = field(default_factory=list)


@task(name="panel", cache_policy=NO_CACHE)
def run_panel(panel_path: str, out_dir: str | None, lenient: bool) -> str:
    """The whole panel job for one panel, as one task (cheap to ship to a Dask worker)."""
    panel = read_panel(panel_path)
    selection = pipeline.load_selection(panel)
    survey = pipeline.ingest_and_tally(panel, selection, lenient=lenient)
    matched = pipeline.match_courses(panel, selection, survey.needs)
    stamp = pipeline.utc_stamp()
    crosswalk = pipeline.assemble_crosswalk(panel, selection, survey, matched, stamp)
    workbook, _sidecar = pipeline.write_outputs(crosswalk, Path(out_dir or panel.output_dir), stamp)
    return str(workbook)


@flow(name="panel-batch")
def _batch(panels: list[str], out_dir: str | None = None, lenient: bool = False) -> BatchReport:
    futures = run_panel.map(panels, out_dir=out_dir, lenient=lenient)
    wait(futures)
    report = BatchReport()
    for panel, future in zip(panels, futures, strict=True):
        state = future.state
        if state.is_completed():
            report.workbooks.append(future.result())
        else:
            try:
                future.result()
                message = f"ended in state {state.name}"
            except KsaError as exc:
                message = str(exc)
            except Exception as exc:  # report, never lose the other panels' work
                message = f"{type(exc).__name__}: {exc}"
            report.failures.append(PanelFailure(panel, message))
    return report


def batch_crosswalk(
    panels: list[str], out_dir: str | None = None, lenient: bool = False, dask: str | None = None
) -> BatchReport:
    """Run ``_batch`` on threads, or on Dask when ``dask`` is given."""
    if not dask:
        return _batch(panels, out_dir, lenient)
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        raise InputError(
            "--dask needs prefect-dask: pip install 'ksa[dask]' (or pip install prefect-dask)"
        ) from exc
    if dask == "local":
        runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1})
    else:
        runner = DaskTaskRunner(address=dask)
    return _batch.with_options(task_runner=runner)(panels, out_dir, lenient)
