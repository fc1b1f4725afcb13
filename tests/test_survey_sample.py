"""The bundled sample responses reproduce the seed's Appendix B tallies."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksa.needs import cluster_needs
from ksa.panel import read_panel
from ksa.survey import read_responses
from ksa.tally import tally_items

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "sample"
APPENDIX_B = {
    "Mathematics": "Y-5 N-0", "Production and Processing": "Y-5 N-0",
    "English Language": "Y-4 N-1", "Physics": "Y-1 N-4",
    "Surface grinding machines": "Y-4 N-1", "Computerized numerical control CNC tappers": "Y-4 N-1",
    "Tapping machines": "Y-4 N-1", "5 axis lathes": "Y-1 N-4", "8 axis lathes": "Y-0 N-5",
    "Lathes": "Y-5 N-0", "2/3 axis computer numerically controlled CNC milling machines": "Y-5 N-0",
    "Bore mills": "Y-5 N-0", "Computer numerical controlled CNC milling machines": "Y-5 N-0",
}


def test_sample_reproduces_appendix_b() -> None:
    if not (SAMPLE / "responses").is_dir():
        pytest.skip("inputs/sample/responses not generated")
    from ksa.pipeline import load_selection

    panel = read_panel(SAMPLE / "panel.toml")
    selection = load_selection(panel)
    assert panel.responses is not None
    bundle = read_responses(panel.responses, selection.items, panel_id=panel.panel_id,
                            soc=selection.profile.occupation.code)
    assert bundle.issues == ()
    result = tally_items(selection.items, bundle.responses, threshold=panel.threshold,
                         strike_threshold=panel.strike_threshold)
    by_name = {item.name: result.tallies[item.item_id] for item in selection.items}
    assert {name: by_name[name].text for name in APPENDIX_B} == APPENDIX_B
    assert sorted(n for n, t in by_name.items() if t.flagged) == [
        "5 axis lathes", "8 axis lathes", "Physics"]
    assert all(t.yes >= 4 for n, t in by_name.items() if n not in ("Physics", "5 axis lathes",
                                                                      "8 axis lathes"))
    assert [r.text for r in by_name["Production and Processing"].runs if r.struck] == ["costs"]
    assert not any(r.struck for r in by_name["Physics"].runs)
    needs = cluster_needs([n for r in bundle.responses for n in r.needs], selection.profile.items)
    assert [(c.label, c.count) for c in needs] == [
        ("Blueprint reading", 3), ("GD&T", 2), ("Shop safety", 1)]
