"""Retired and unknown O*NET-SOC codes; the bundled 2010 -> 2019 crosswalk."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksa.errors import RetiredCodeError, UnknownCodeError
from ksa.model import Occupation
from ksa.onet import open_release, resolve_code
from ksa.onet.taxonomy import CSV_NAME, build_csv, crosswalk, normalize_code, successors

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "inputs" / "sample" / "onet"


@pytest.fixture(scope="module")
def occupations() -> dict[str, Occupation]:
    return open_release(SAMPLE).occupations()


def test_bundled_crosswalk_has_attribution_and_the_seed_code() -> None:
    head = (REPO / "ksa" / "data" / CSV_NAME).read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# This product includes information") and "CC BY 4.0" in head
    assert len(crosswalk()) == 1164
    (row,) = successors("51-4011.00")
    assert (row.code_2019, row.title_2019) == (
        "51-9161.00", "Computer Numerically Controlled Tool Operators")


def test_current_code_is_itself(occupations: dict[str, Occupation]) -> None:
    assert resolve_code("51-9161.00", occupations) == ("51-9161.00", ())


def test_code_spellings_are_normalized(occupations: dict[str, Occupation]) -> None:
    assert normalize_code("519161") == "51-9161.00"
    assert normalize_code(" 51-9161 ") == "51-9161.00"
    assert normalize_code("51916100") == "51-9161.00"
    assert normalize_code("abc") == "abc"
    code, notices = resolve_code("51-9161", occupations)
    assert code == "51-9161.00" and "read as 51-9161.00" in notices[0]


def test_retired_code_resolves_with_notice(occupations: dict[str, Occupation]) -> None:
    code, notices = resolve_code("51-4011.00", occupations)
    assert code == "51-9161.00"
    (notice,) = notices
    assert "51-4011.00" in notice and "retired" in notice and "51-9161.00" in notice


def test_split_code_lists_successors(occupations: dict[str, Occupation]) -> None:
    with pytest.raises(RetiredCodeError) as err:
        resolve_code("11-2031.00", occupations)
    assert err.value.successors == ["11-2032.00 Public Relations Managers",
                                    "11-2033.00 Fundraising Managers"]
    assert "11-2032.00 Public Relations Managers" in str(err.value)


def test_unknown_code_suggests_same_soc_prefix_first(occupations: dict[str, Occupation]) -> None:
    with pytest.raises(UnknownCodeError) as err:
        resolve_code("51-9161.07", occupations, title="CNC machinist")
    assert err.value.suggestions[0] == "51-9161.00 Computer Numerically Controlled Tool Operators"
    assert 3 <= len(err.value.suggestions) <= 5


def test_unknown_code_suggests_by_title(occupations: dict[str, Occupation]) -> None:
    with pytest.raises(UnknownCodeError) as err:
        resolve_code("99-9999.00", occupations, title="Machinists")
    assert 3 <= len(err.value.suggestions) <= 5
    assert err.value.suggestions[0] == "51-4041.00 Machinists"
    assert "99-9999.00" in str(err.value)


def test_unknown_code_without_title_still_suggests(occupations: dict[str, Occupation]) -> None:
    with pytest.raises(UnknownCodeError) as err:
        resolve_code("99-9999.00", occupations)
    assert len(err.value.suggestions) == 3
    assert all(s[:2] in {"53", "55"} for s in err.value.suggestions)  # nearest codes


def test_regenerated_crosswalk_matches_bundled(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / CSV_NAME
    assert build_csv(shared / "onet" / "crosswalks" / "2010_to_2019_Crosswalk.xlsx", out) == 1164
    assert out.read_text(encoding="utf-8") == (REPO / "ksa" / "data" / CSV_NAME).read_text(
        encoding="utf-8")
