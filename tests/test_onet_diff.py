"""Release diff over profiles: occupations added/removed/retitled, items added/removed,
importance changes beyond the threshold, and the text/markdown/dict renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_onet_store import write_mini_release

from ksa.model import Domain, Item, Occupation, Profile
from ksa.onet import open_release
from ksa.onet.diff import diff_profiles, diff_releases, render_text, to_dict, to_markdown
from ksa.onet.store import Store


@pytest.fixture()
def releases(tmp_path: Path) -> tuple[Path, Path]:
    old = write_mini_release(tmp_path / "db_29_3_text", "29.3")
    new = write_mini_release(tmp_path / "db_29_4_text", "29.4", changed=True)
    return old, new


def test_diff_between_two_releases(releases: tuple[Path, Path]) -> None:
    old, new = (open_release(p) for p in releases)
    diff = diff_releases(old, new)
    assert (diff.old_version, diff.new_version, diff.changed) == ("29.3", "29.4", True)
    assert [o.code for o in diff.added] == ["15-1252.00"]
    assert [o.code for o in diff.removed] == ["29-1141.00"]
    assert [(r.code, r.old_title, r.new_title) for r in diff.retitled] == [
        ("51-4121.00", "Welders, Cutters, Solderers, and Brazers", "Welders and Cutters")]
    cnc = next(o for o in diff.occupations if o.code == "51-9161.00")
    assert [(r.domain, r.item_id) for r in cnc.added] == [
        (Domain.SKILLS, "2.B.3.a"),
        (Domain.TOOLS, "tools:41114405:coordinate-measuring-machines-cmm--"
         + cnc.added[1].item_id.rsplit("--", 1)[1]),
    ]
    assert {(r.domain, r.name) for r in cnc.removed} == {
        (Domain.SKILLS, "Critical Thinking"), (Domain.TOOLS, "5-axis mills")}
    # Reading Comprehension moved 3.12 -> 3.62 (exactly 0.5: reported), Engineering 4.0 -> 2.0
    changes = {(c.item_id, c.old, c.new, c.delta) for c in cnc.importance}
    assert changes == {("2.A.1.a", 3.12, 3.62, 0.5), ("2.C.3.b", 4.0, 2.0, -2.0)}
    welders = next(o for o in diff.occupations if o.code == "51-4121.00")
    assert [c.item_id for c in welders.importance] == ["2.A.1.a"]
    assert not welders.added and not welders.removed


def test_threshold_and_codes_limit_the_diff(releases: tuple[Path, Path]) -> None:
    old, new = (open_release(p) for p in releases)
    diff = diff_releases(old, new, codes=["51-9161.00", "29-1141.00", "00-0000.00"],
                         importance_delta=0.6)
    assert diff.codes == ("51-9161.00", "29-1141.00", "00-0000.00")
    assert not diff.added and [o.code for o in diff.removed] == ["29-1141.00"]
    assert [o.code for o in diff.occupations] == ["51-9161.00"]
    assert [c.item_id for c in diff.occupations[0].importance] == ["2.C.3.b"]
    assert any("00-0000.00" in n for n in diff.notes)
    with pytest.raises(ValueError):
        diff_releases(old, new, importance_delta=-1)


def test_same_release_has_no_changes(releases: tuple[Path, Path]) -> None:
    old = open_release(releases[0])
    diff = diff_releases(old, open_release(releases[0]))
    assert not diff.changed
    assert "No changes." in render_text(diff) and "No changes." in to_markdown(diff)


def test_diff_works_over_the_store(tmp_path: Path, releases: tuple[Path, Path]) -> None:
    store = Store(tmp_path / "s.sqlite")
    for path in releases:
        store.load(open_release(path))
    from_store = diff_releases(store.open("29.3"), store.open("29.4"))
    from_files = diff_releases(*(open_release(p) for p in releases))
    assert to_dict(from_store) == to_dict(from_files)


def test_renderings(releases: tuple[Path, Path]) -> None:
    diff = diff_releases(*(open_release(p) for p in releases), codes=["51-9161.00"])
    text = render_text(diff)
    lines = text.splitlines()
    assert lines[0] == "O*NET 29.3 -> 29.4, 1 occupation(s): 51-9161.00"
    header = next(line for line in lines if line.startswith("Code"))
    assert header.split() == ["Code", "Change", "Domain", "Item", "Detail"]
    assert any("Engineering and Technology" in line and "4.00 -> 2.00 (-2.00)" in line
               for line in lines)
    assert any(line.split()[:3] == ["51-9161.00", "removed", "Tools"] for line in lines)
    md = to_markdown(diff)
    assert md.startswith("# O*NET 29.3 -> 29.4")
    assert "| 51-9161.00 | importance | Knowledge | Engineering and Technology | "\
        "4.00 -> 2.00 (-2.00) |" in md
    data = to_dict(diff)
    assert json.loads(json.dumps(data)) == data
    assert data["occupations"][0]["importance"][0]["delta"] == -2.0


def test_diff_profiles_keys_on_item_id() -> None:
    occ = Occupation("51-9161.00", "CNC")
    a = Item("2.C.3.a", Domain.KNOWLEDGE, "Computers", importance=3.0)
    b = Item("2.C.3.a", Domain.KNOWLEDGE, "Computers and Electronics", importance=3.4)
    pipe = Item("t|1", Domain.TOOLS, "Pipe | wrench")
    diff = diff_profiles(Profile(occ, "1.0", (a,)), Profile(occ, "1.1", (b, pipe)), 0.5)
    assert not diff.importance and not diff.removed  # renamed element is the same item
    assert [r.item_id for r in diff.added] == ["t|1"]
