"""Bad input to ``ksa onet load`` (issue 3): not a release, a missing domain file, archives with
unexpected paths, truncated or corrupt files. Specific messages on stderr, exit 1 where nothing
usable was loaded, and the store left as it was (no partial release active)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_onet_refresh import zip_release
from test_onet_store import write_mini_release
from test_onet_store_cli import run

from ksa.onet import open_release
from ksa.onet.store import Store, release_checksum


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


def versions(db: Path) -> list[tuple[str, bool]]:
    return [(i.version, i.active) for i in Store(db).releases()]


def fails(db: Path, source: Path, *needles: str) -> str:
    code, out, err = run("load", str(source), "--db", str(db))
    assert code == 1 and out == "", (code, out, err)
    assert err.startswith("error: ") and "Traceback" not in err
    for needle in needles:
        assert needle in err, (needle, err)
    return err


def test_folder_that_is_not_a_release(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / "notes.txt").write_text("hello\n")
    fails(db, folder, "is not an O*NET release", "Occupation Data", "notes.txt")
    assert versions(db) == []
    write_mini_release(folder / "db_29_3_text")  # one level down: say so
    fails(db, folder, "It holds db_29_3_text, which looks like a release")


def test_missing_domain_file_loads_the_rest_and_says_so(tmp_path: Path, db: Path) -> None:
    src = write_mini_release(tmp_path / "db_29_3_text")
    (src / "Skills.txt").unlink()
    (src / "Technology Skills.txt").unlink()
    code, out, err = run("load", str(src), "--db", str(db))
    assert (code, out) == (0, "29.3\n")
    assert "no Skills, Abilities, Work Activities, Technology Skills file(s)" in err
    assert versions(db) == [("29.3", True)]
    code, out, _ = run("show", "51-9161.00", "--domain", "knowledge", "--db", str(db))
    assert code == 0 and "knowledge\t2.C.3.b\t4.00\tEngineering and Technology" in out
    code, out, err = run("show", "51-9161.00", "--domain", "skills", "--db", str(db))
    assert code == 1 and "lacks the file(s) Skills" in err


def test_release_without_any_item_file_is_not_loaded(tmp_path: Path, db: Path) -> None:
    good = write_mini_release(tmp_path / "db_29_3_text")
    assert run("load", str(good), "--db", str(db))[0] == 0
    src = write_mini_release(tmp_path / "db_29_4_text", "29.4", changed=True)
    for name in ("Knowledge", "Skills", "Tools Used", "Technology Skills"):
        (src / f"{name}.txt").unlink()
    fails(db, src, "nothing usable to load", "store is unchanged")
    assert versions(db) == [("29.3", True)]


def test_truncated_file_leaves_the_previous_release_active(tmp_path: Path, db: Path) -> None:
    assert run("load", str(write_mini_release(tmp_path / "db_29_3_text")), "--db", str(db))[0] == 0
    src = write_mini_release(tmp_path / "db_29_4_text", "29.4", changed=True)
    path = src / "Knowledge.txt"
    data = path.read_bytes()
    path.write_bytes(data[:data.index(b"\n", 400) + 30])  # cut mid-line, as a partial download
    lines = path.read_bytes().count(b"\n") + 1
    err = fails(db, src, "Knowledge.txt", f"line {lines}", "wrong column count")
    assert "Broken O*NET file" in err
    assert versions(db) == [("29.3", True)]


def test_truncated_and_corrupt_archives(tmp_path: Path, db: Path) -> None:
    src = write_mini_release(tmp_path / "db_29_4_text", "29.4")
    archive = zip_release(src, tmp_path / "db_29_4_text.zip")
    truncated = tmp_path / "cut" / "db_29_4_text.zip"
    truncated.parent.mkdir()
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    fails(db, truncated, "not a readable zip archive", "truncated or corrupt")

    stored = tmp_path / "crc" / "db_29_4_text.zip"
    stored.parent.mkdir()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(src.iterdir()):
            zf.write(path, f"db_29_4_text/{path.name}")
    data = bytearray(stored.read_bytes())
    at = data.index(b"Engineering and Technology")
    data[at] = ord("X")  # one flipped byte: the member fails its CRC check
    stored.write_bytes(bytes(data))
    fails(db, stored, "Content Model Reference.txt", "Bad CRC-32", "corrupt or truncated")
    assert versions(db) == []


def test_archive_with_unsafe_or_unexpected_paths(tmp_path: Path, db: Path) -> None:
    src = write_mini_release(tmp_path / "db_29_3_text")
    evil = tmp_path / "evil" / "db_29_3_text.zip"
    evil.parent.mkdir()
    with zipfile.ZipFile(evil, "w") as zf:
        for path in sorted(src.iterdir()):
            zf.write(path, f"db_29_3_text/{path.name}")
        zf.writestr("../../outside.txt", "boom")
    fails(db, evil, "'../../outside.txt'", "absolute path or '..'")
    assert not (tmp_path / "outside.txt").exists()

    # tables in a folder beside the release folder are not read, and the user is told
    odd = tmp_path / "odd" / "db_29_3_text.zip"
    odd.parent.mkdir()
    with zipfile.ZipFile(odd, "w") as zf:
        for path in sorted(src.iterdir()):
            folder = "extras" if path.stem == "Skills" else "db_29_3_text"
            zf.write(path, f"{folder}/{path.name}")
    code, out, err = run("load", str(odd), "--db", str(db))
    assert (code, out) == (0, "29.3\n")
    assert "outside the release folder db_29_3_text: extras/Skills.txt" in err
    assert "no Skills" in err


def test_checksum_counts_every_file_of_a_split_domain(tmp_path: Path) -> None:
    """30.x: Essential Skills + Transferable Skills are both Skills; a change in the second
    file is a new checksum, so the store reloads instead of saying 'nothing to do'."""
    src = write_mini_release(tmp_path / "db_30_3_text", "30.3")
    skills = (src / "Skills.txt").read_text()
    header, first, *rest = skills.splitlines(keepends=True)
    (src / "Skills.txt").unlink()
    (src / "Essential Skills.txt").write_text(header + first)
    (src / "Transferable Skills.txt").write_text(header + "".join(rest))
    release = open_release(src)
    assert len(release.file_groups["Skills"]) == 2
    store = Store(tmp_path / "s.sqlite")
    first_load = store.load(release)
    assert first_load.status == "loaded" and first_load.rows["ratings"] > 0
    before = release_checksum(release)
    assert store.load(open_release(src)).status == "unchanged"

    transferable = src / "Transferable Skills.txt"
    transferable.write_text(transferable.read_text().replace("\t3.50\t", "\t3.75\t", 1))
    changed = open_release(src)
    assert release_checksum(changed) != before
    again = store.load(changed)
    assert again.status == "replaced" and again.sha256 != first_load.sha256
    skills = {i.item_id: i for i in store.open("30.3").profile("51-9161.00").items
              if i.domain.value == "skills"}
    assert skills["2.A.1.a"].importance == 3.12  # from Essential Skills
    assert skills["2.A.1.a"].level == 3.75  # from Transferable Skills, as changed
