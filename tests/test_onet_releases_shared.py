"""Readers on the full releases in ../shared/onet (skipped when that folder is absent)."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from ksa.errors import ReleaseError
from ksa.model import Domain
from ksa.onet import Release, open_release

APPENDIX_B_TOOLS = {
    "Surface grinding machines", "Computerized numerical control CNC tappers",
    "Tapping machines", "5 axis lathes", "8 axis lathes", "Lathes",
    "2/3 axis computer numerically controlled CNC milling machines", "Bore mills",
    "Computer numerical controlled CNC milling machines",
}


@pytest.fixture(scope="module")
def excel_29(shared: Path) -> Release:
    return open_release(shared / "onet" / "db_29_3_excel")


def test_29_3_excel_profile_of_51_9161(excel_29: Release) -> None:
    assert excel_29.version == "29.3" and excel_29.edition == "excel"
    assert set(excel_29.missing) == {"Abilities", "Work Activities"}
    profile = excel_29.profile("51-9161.00")
    counts = Counter(i.domain for i in profile.items)
    assert counts == {Domain.KNOWLEDGE: 33, Domain.SKILLS: 35, Domain.TOOLS: 72,
                      Domain.TECHNOLOGY: 61}
    by_name = {(i.domain, i.name): i for i in profile.items}
    assert {n for d, n in by_name if d is Domain.TOOLS} >= APPENDIX_B_TOOLS
    for name in ("Mathematics", "Production and Processing", "English Language", "Physics"):
        item = by_name[(Domain.KNOWLEDGE, name)]
        assert item.description.startswith("Knowledge"), name
        assert item.importance is not None and item.level is not None
    assert by_name[(Domain.KNOWLEDGE, "Physics")].importance == pytest.approx(2.56)
    tech = [i for i in profile.items if i.domain is Domain.TECHNOLOGY]
    assert all(i.hot_technology is not None and i.in_demand is not None for i in tech)
    assert len(excel_29.table("Knowledge")) == 58014


def test_profile_is_fast_after_first_load(excel_29: Release) -> None:
    excel_29.profile("51-9161.00")
    codes = [c for c in excel_29.occupations() if c.startswith("51-")][:40]
    start = time.perf_counter()
    for code in codes:
        excel_29.profile(code)
    per = (time.perf_counter() - start) / len(codes)
    assert per < 0.05, f"{per * 1000:.1f} ms per profile"


def test_29_3_text_partial_matches_excel(shared: Path, excel_29: Release) -> None:
    text = open_release(shared / "onet" / "db_29_3_text_partial")
    assert (text.version, text.edition) == ("29.3", "text")
    assert {"Knowledge", "Skills", "Content Model Reference"} <= set(text.missing)
    assert text.occupations() == excel_29.occupations()
    domains = [Domain.TOOLS, Domain.TECHNOLOGY]
    for code in ("51-9161.00", "51-4041.00", "11-1011.00"):
        assert text.profile(code, domains).items == excel_29.profile(code, domains).items
    with pytest.raises(ReleaseError, match="Knowledge"):
        text.profile("51-9161.00", [Domain.KNOWLEDGE])


def test_27_0_text(shared: Path) -> None:
    rel = open_release(shared / "onet" / "db_27_0_text")
    assert rel.version == "27.0"
    tech = rel.table("Technology Skills")
    assert list(tech.columns) == ["O*NET-SOC Code", "Example", "Commodity Code",
                                  "Commodity Title", "Hot Technology"]
    profile = rel.profile("51-9161.00", [Domain.TOOLS, Domain.TECHNOLOGY])
    techs = [i for i in profile.items if i.domain is Domain.TECHNOLOGY]
    assert techs and all(i.in_demand is None for i in techs)
    assert {i.hot_technology for i in techs} == {True, False}
    cats = rel.table("Education, Training, and Experience Categories")
    assert "None" in set(cats["Category Description"])
    assert cats["Category Description"].isna().sum() == 0


def test_30_1_partial(shared: Path) -> None:
    folder = shared / "onet" / "db_30_1_text_partial"
    assert not (folder / "Work Values.txt").read_bytes().endswith(b"\n")
    rel = open_release(folder)
    assert rel.version == "30.1"
    assert {"Interests", "Work Values", "Work Styles"} <= set(rel.files)
    assert len(rel.occupations()) == 1016
    values = rel.table("Work Values")
    assert len(values) == 7866
    assert values.iloc[-1].tolist()[0].startswith("53-")  # last line read despite no newline
    assert len(rel.table("Interests")) == 8307
    styles = rel.table("Work Styles")
    assert len(styles) == 37422 and set(styles["Scale ID"]) == {"WI", "DR"}


def test_20_3_uses_the_2010_taxonomy(shared: Path) -> None:
    rel = open_release(shared / "onet" / "db_20_3_text")  # CRLF line ends
    assert rel.version == "20.3"
    occupations = rel.occupations()
    assert "51-4011.00" in occupations and "51-9161.00" not in occupations
    # current in this release, so not retired here
    from ksa.onet import resolve_code

    assert resolve_code("51-4011.00", occupations) == ("51-4011.00", ())


@pytest.mark.slow
def test_sample_regenerates_identically(shared: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    out = tmp_path / "onet"
    done = subprocess.run(
        [sys.executable, str(repo / "scripts" / "cut_onet_sample.py"),
         "--src", str(shared / "onet" / "db_29_3_excel"), "--out", str(out)],
        capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(out.resolve())
    bundled = open_release(repo / "inputs" / "sample" / "onet")
    fresh = open_release(out)
    assert sorted(fresh.files) == sorted(bundled.files)
    for name in fresh.files:
        assert fresh.table(name).equals(bundled.table(name)), name
    assert (out / "ATTRIBUTION.md").read_text() == (
        repo / "inputs" / "sample" / "onet" / "ATTRIBUTION.md").read_text()
