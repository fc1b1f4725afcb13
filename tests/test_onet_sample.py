"""The bundled O*NET sample (inputs/sample/onet): what the panel flow relies on."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ksa.errors import ReleaseError, RetiredCodeError, UnknownCodeError
from ksa.model import Domain
from ksa.onet import Release, open_release, select_items

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "sample" / "onet"

APPENDIX_B_TOOLS = (
    "Surface grinding machines", "Computerized numerical control CNC tappers",
    "Tapping machines", "5 axis lathes", "8 axis lathes", "Lathes",
    "2/3 axis computer numerically controlled CNC milling machines", "Bore mills",
    "Computer numerical controlled CNC milling machines",
)


@pytest.fixture(scope="module")
def release() -> Release:
    return open_release(SAMPLE)


def test_sample_is_a_small_excel_edition_with_attribution(release: Release) -> None:
    assert release.version == "29.3"
    assert release.edition == "excel"
    assert set(release.missing) == {"Abilities", "Work Activities", "Work Styles",
                                    "Task Statements", "Related Occupations"}
    total = sum(p.stat().st_size for p in SAMPLE.iterdir())
    assert total < 2_000_000
    text = (SAMPLE / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert ("This product includes information from the O*NET 29.3 Database by the U.S. "
            "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
            "the CC BY 4.0 license.") in " ".join(text.split())
    assert "scripts/cut_onet_sample.py" in text


def test_sample_keeps_every_occupation_for_suggestions(release: Release) -> None:
    occupations = release.occupations()
    assert len(occupations) == 1016
    assert occupations["51-9161.00"].title == "Computer Numerically Controlled Tool Operators"


def test_sample_profile_has_appendix_b_items(release: Release) -> None:
    profile = release.profile("51-9161.00")
    counts = Counter(i.domain for i in profile.items)
    assert counts == {Domain.KNOWLEDGE: 33, Domain.SKILLS: 35, Domain.TOOLS: 72,
                      Domain.TECHNOLOGY: 61}
    tools = {i.name: i for i in profile.items if i.domain is Domain.TOOLS}
    assert set(APPENDIX_B_TOOLS) <= set(tools)
    assert tools["5 axis lathes"].item_id == "tools:23242304:5-axis-lathes"
    assert tools["5 axis lathes"].commodity_title == "Tracer or duplicating or contouring lathe"
    knowledge = {i.name: i for i in profile.items if i.domain is Domain.KNOWLEDGE}
    assert knowledge["Mathematics"].importance == pytest.approx(4.16)
    assert knowledge["Production and Processing"].importance == pytest.approx(4.05)
    assert knowledge["English Language"].importance == pytest.approx(3.3)
    assert knowledge["Physics"].importance == pytest.approx(2.56)  # < 3.0: panel includes it
    assert knowledge["Physics"].description.startswith("Knowledge and prediction of physical")
    assert knowledge["Mathematics"].level == pytest.approx(4.58)


def test_sample_panel_selection(release: Release) -> None:
    profile = release.profile("51-4011.00")  # the seed's retired code
    assert profile.occupation.code == "51-9161.00"
    assert any("retired" in n and "51-9161.00" in n for n in profile.notices)
    sel = select_items(profile, domains=[Domain.KNOWLEDGE, Domain.SKILLS, Domain.TOOLS],
                       include=["Physics"])
    names = [i.name for i in sel.items if i.domain is Domain.KNOWLEDGE]
    assert names[:4] == ["Mathematics", "Production and Processing", "Mechanical",
                         "English Language"]
    assert names[-1] == "Physics"
    assert sum(1 for i in sel.items if i.domain is Domain.TOOLS) == 72


def test_sample_other_occupations_and_errors(release: Release) -> None:
    for code in ("51-4041.00", "51-4121.00", "29-2052.00"):
        profile = release.profile(code, [Domain.KNOWLEDGE, Domain.TOOLS])
        assert any(i.domain is Domain.KNOWLEDGE for i in profile.items)
        assert any(i.domain is Domain.TOOLS for i in profile.items)
    # in Occupation Data but cut from the rated files: empty domain with a notice
    empty = release.profile("11-1011.00", [Domain.KNOWLEDGE])
    assert empty.items == ()
    assert any("no Knowledge rows" in n for n in empty.notices)
    with pytest.raises(UnknownCodeError) as err:
        release.profile("99-9999.00")
    assert 3 <= len(err.value.suggestions) <= 5
    with pytest.raises(RetiredCodeError) as split:
        release.profile("11-2031.00")
    assert any(s.startswith("11-2032.00 ") for s in split.value.successors)
    with pytest.raises(ReleaseError, match="Abilities"):
        release.profile("51-9161.00", [Domain.ABILITIES])
