"""Many panels at once: every good panel gets its workbook, a bad one is reported, none lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "inputs" / "sample"

pytestmark = [pytest.mark.flow]


def _panel_copy(tmp_path: Path, name: str, soc: str = "51-9161.00") -> Path:
    folder = tmp_path / name
    shutil.copytree(SAMPLE, folder)
    panel = folder / "panel.toml"
    text = panel.read_text(encoding="utf-8").replace('soc = "51-9161.00"', f'soc = "{soc}"')
    panel.write_text(text, encoding="utf-8")  # same panel id: the kits say which panel they are
    return panel


def test_one_bad_panel_never_loses_the_others(prefect_harness: None, tmp_path: Path) -> None:
    from flows.batch import batch_crosswalk

    good = _panel_copy(tmp_path, "good")
    bad = _panel_copy(tmp_path, "bad", soc="99-9999.00")
    out = tmp_path / "out"
    report = batch_crosswalk([str(good), str(bad)], str(out))
    assert len(report.workbooks) == 1 and Path(report.workbooks[0]).name.startswith(
        "cnc-operator-2026_51-9161.00_"
    )
    assert [f.panel for f in report.failures] == [str(bad)]
    assert "99-9999.00" in report.failures[0].message
    ws = load_workbook(report.workbooks[0])["Crosswalk"]
    assert ws["A3"].value == "SOC/O*NET Code: 51-9161.00"


def test_dask_without_prefect_dask_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from flows.batch import batch_crosswalk
    from ksa.errors import InputError

    monkeypatch.setitem(sys.modules, "prefect_dask", None)  # as if not installed
    with pytest.raises(InputError, match=r"pip install 'ksa\[dask\]'"):
        batch_crosswalk([str(_panel_copy(tmp_path, "p"))], dask="local")
