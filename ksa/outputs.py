"""Output names and the one function that writes a crosswalk (workbook + JSON sidecar)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from ksa.errors import OutputError
from ksa.model import Crosswalk
from ksa.sidecar import sidecar_json
from ksa.workbook.build import build_workbook
from ksa.workbook.save import save_text, save_workbook

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def utc_stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


def iso_time(stamp: str) -> str:
    """``20261204T171819Z`` -> ``2026-12-04T17:18:19Z`` (for people and the sidecar)."""
    return datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")


def output_stem(panel_id: str, soc: str, stamp: str) -> str:
    """``<panel id>_<SOC code>_<UTC timestamp>``, safe on every file system."""
    return _UNSAFE.sub("-", f"{panel_id}_{soc}_{stamp}").strip("-")


def write_crosswalk(crosswalk: Crosswalk, out_dir: Path, stamp: str) -> tuple[Path, Path]:
    """Write ``.xlsx`` and ``.json`` side by side, atomically, never over an existing file.

    Both are built in memory first, so a schema or build error writes nothing.
    """
    workbook = build_workbook(crosswalk)
    sidecar = sidecar_json(crosswalk)
    stem = output_stem(crosswalk.panel_id, crosswalk.occupation.code, stamp)
    for attempt in range(1, 100):
        name = stem if attempt == 1 else f"{stem}-{attempt}"
        xlsx, json_path = out_dir / f"{name}.xlsx", out_dir / f"{name}.json"
        if xlsx.exists() or json_path.exists():
            continue
        written = save_workbook(workbook, xlsx)
        return written, save_text(sidecar, json_path)
    raise OutputError(f"Could not find a free output name for {stem} in {out_dir}")
