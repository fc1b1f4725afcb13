"""The O*NET store: schema, idempotent transactional loads, profiles equal to the file reader's,
fuzzy find, ``open_source``. Small releases are written as text-edition folders in tmp_path;
the full 29.3 Excel edition is used through the ``shared`` fixture."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from ksa.errors import ReleaseError, UnknownCodeError
from ksa.model import Domain
from ksa.onet import open_release
from ksa.onet.store import LoadResult, Store, StoredRelease, StoreError, open_source

RATING_HEADER = ("O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\t"
                 "Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\t"
                 "Not Relevant\tDate\tDomain Source")


def _rating(code: str, eid: str, name: str, scale: str, value: float, suppress: str = "N",
            relevant: str = "n/a") -> str:
    return (f"{code}\t{eid}\t{name}\t{scale}\t{value:.2f}\t8\t0.1250\t3.8800\t4.3700\t{suppress}"
            f"\t{relevant}\t08/2023\tAnalyst")


def write_mini_release(folder: Path, version: str = "29.3", *, changed: bool = False) -> Path:
    """A small complete text-edition release. ``changed`` makes the next release: one
    occupation retitled, one added, one removed, items added/removed/re-rated."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Read Me.txt").write_text(f"O*NET {version} Database\nMay 2025 Release\n")
    occupations = [
        ("51-9161.00", "Computer Numerically Controlled Tool Operators", "Operate CNC machines."),
        ("51-4121.00", "Welders, Cutters, Solderers, and Brazers", "Weld or join metal."),
        ("29-1141.00", "Registered Nurses", "Assess patient health problems."),
    ]
    if changed:
        occupations[1] = ("51-4121.00", "Welders and Cutters", "Weld or join metal.")
        occupations.pop(2)
        occupations.append(("15-1252.00", "Software Developers", "Develop software."))
    (folder / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n"
        + "".join(f"{c}\t{t}\t{d}\n" for c, t, d in occupations))
    cmr = [("2.C.3.a", "Computers and Electronics", "Knowledge of circuit boards."),
           ("2.C.3.b", "Engineering and Technology", "Knowledge of engineering."),
           ("2.C.4.a", "Mathematics", "Knowledge of arithmetic \"and\" algebra."),
           ("2.A.1.a", "Reading Comprehension", "Understanding written sentences."),
           ("2.A.2.a", "Critical Thinking", "Using logic."),
           ("2.B.3.a", "Operations Analysis", "Analyzing needs.")]
    (folder / "Content Model Reference.txt").write_text(
        "Element ID\tElement Name\tDescription\n" + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in cmr))
    know = []
    for code, *_ in occupations:
        know += [_rating(code, "2.C.3.a", "Computers and Electronics", "IM", 3.5),
                 _rating(code, "2.C.3.a", "Computers and Electronics", "LV", 3.9),
                 _rating(code, "2.C.4.a", "Mathematics", "IM", 3.12),
                 _rating(code, "2.C.4.a", "Mathematics", "LV", 3.0, suppress="Y")]
        if code == "51-9161.00":
            know += [_rating(code, "2.C.3.b", "Engineering and Technology", "IM",
                             2.0 if changed else 4.0),
                     _rating(code, "2.C.3.b", "Engineering and Technology", "LV", 3.1)]
    (folder / "Knowledge.txt").write_text(RATING_HEADER + "\n" + "\n".join(know) + "\n")
    skills = []
    for code, *_ in occupations:
        skills += [_rating(code, "2.A.1.a", "Reading Comprehension", "IM", 3.62 if changed
                           else 3.12),
                   _rating(code, "2.A.1.a", "Reading Comprehension", "LV", 3.5)]
        if not (changed and code == "51-9161.00"):
            skills += [_rating(code, "2.A.2.a", "Critical Thinking", "IM", 3.0)]
        if changed and code == "51-9161.00":
            skills += [_rating(code, "2.B.3.a", "Operations Analysis", "IM", 2.5)]
    (folder / "Skills.txt").write_text(RATING_HEADER + "\n" + "\r\n".join(skills) + "\r\n")
    tools = ["O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title",
             "51-9161.00\tComputer numerical control CNC lathes\t23241603\tLathes",
             "51-9161.00\t5-axis mills\t23241610\tMilling machines",
             "51-4121.00\tMIG welders\t23171504\tGas metal arc welding machine"]
    if changed:
        tools.append("51-9161.00\tCoordinate measuring machines CMM\t41114405\tCMMs")
        tools.remove("51-9161.00\t5-axis mills\t23241610\tMilling machines")
    (folder / "Tools Used.txt").write_text("\n".join(tools) + "\n")
    tech = ["O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand",
            "51-9161.00\tMastercam\t43232610\tComputer aided manufacturing CAM software\tY\tN",
            "51-9161.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tY\tY",
            "29-1141.00\tEpic Systems\t43231512\tMedical software\tY\tN"]
    (folder / "Technology Skills.txt").write_text("\n".join(tech) + "\n")
    alt = ["O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)",
           "51-9161.00\tCNC Operator (Computer Numerical Control Operator)\tCNC Operator\t08",
           "51-9161.00\tCNC Machine Operator\tn/a\t08",
           "51-4121.00\tMIG Welder (Metal Inert Gas Welder)\tMIG Welder\t08",
           "51-4121.00\tWelder\tn/a\t08",
           "29-1141.00\tStaff Nurse\tn/a\t08"]
    (folder / "Alternate Titles.txt").write_text("\n".join(alt) + "\n")
    return folder


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    return write_mini_release(tmp_path / "db_29_3_text")


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "onet.sqlite")


def test_default_path_follows_ksa_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KSA_DB", str(tmp_path / "x" / "my.sqlite"))
    assert Store().path == tmp_path / "x" / "my.sqlite"


def test_load_fills_every_table_and_is_idempotent(mini: Path, store: Store) -> None:
    result = store.load(open_release(mini))
    assert isinstance(result, LoadResult) and result.status == "loaded"
    assert result.rows == {"occupations": 3, "ratings": 23, "elements": 6, "tools": 3,
                           "technology": 3, "alternate_titles": 5}
    with sqlite3.connect(store.path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"releases", "occupations", "elements", "ratings", "tools", "technology",
                "alternate_titles"} <= tables
        rating = conn.execute(
            "SELECT value, n, standard_error, recommend_suppress, not_relevant FROM ratings "
            "WHERE code='51-9161.00' AND element_id='2.C.4.a' AND scale='LV'").fetchone()
        assert rating == (3.0, 8.0, 0.125, "Y", "")
        element = conn.execute("SELECT name, description, domain FROM elements "
                               "WHERE element_id='2.C.4.a'").fetchone()
        assert element == ("Mathematics", 'Knowledge of arithmetic "and" algebra.', "knowledge")
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "alternate_titles_by_release" in indexes  # content tables are clustered by code
    [info] = store.releases()
    assert (info.version, info.edition, info.release_date, info.active) == (
        "29.3", "text", "May 2025", True)
    assert len(info.sha256) == 64 and info.source == str(mini)
    again = store.load(open_release(mini))
    assert again.status == "unchanged" and "nothing to do" in again.message
    assert store.latest() == "29.3"
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM ratings").fetchone() == (23,)


def test_changed_content_same_version_replaces(mini: Path, store: Store) -> None:
    store.load(open_release(mini))
    tools = mini / "Tools Used.txt"
    tools.write_text(tools.read_text() + "29-1141.00\tStethoscopes\t42181705\tStethoscopes\n")
    result = store.load(open_release(mini))
    assert result.status == "replaced" and result.rows["tools"] == 4
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM tools").fetchone() == (4,)
        assert conn.execute("SELECT COUNT(*) FROM releases").fetchone() == (1,)


def test_failed_load_leaves_previous_state(tmp_path: Path, mini: Path, store: Store,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    store.load(open_release(mini))
    before = store.releases()
    newer = write_mini_release(tmp_path / "db_29_4_text", "29.4", changed=True)

    def boom(*args: object, **kwargs: object) -> int:
        raise OSError("disk full (injected)")

    monkeypatch.setattr(Store, "_insert_examples", boom)  # after occupations and ratings
    with pytest.raises(OSError, match="injected"):
        store.load(open_release(newer))
    assert store.releases() == before
    assert store.latest() == "29.3"
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM ratings WHERE release='29.4'").fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM occupations WHERE release='29.4'").fetchone() \
            == (0,)
    monkeypatch.undo()
    assert store.load(open_release(newer)).status == "loaded"
    assert store.latest() == "29.4"


def test_load_without_activate_keeps_active_release(tmp_path: Path, mini: Path,
                                                    store: Store) -> None:
    store.load(open_release(mini))
    newer = write_mini_release(tmp_path / "db_29_4_text", "29.4", changed=True)
    result = store.load(open_release(newer), activate=False)
    assert not result.active
    assert store.latest() == "29.3"
    assert [(i.version, i.active) for i in store.releases()] == [("29.3", True), ("29.4", False)]
    store.activate("29.4")
    assert store.latest() == "29.4"
    with pytest.raises(StoreError, match="not in the store"):
        store.activate("31.0")


def test_profiles_from_store_equal_file_profiles(mini: Path, store: Store) -> None:
    release = open_release(mini)
    store.load(release)
    stored = store.open("29.3")
    assert isinstance(stored, StoredRelease)
    assert stored.occupations() == release.occupations()
    for code in release.occupations():
        assert stored.profile(code) == release.profile(code)
        some = [Domain.TOOLS, Domain.KNOWLEDGE]
        assert stored.profile(code, some) == release.profile(code, some)
    profile = stored.profile("51-9161.00")
    math = next(i for i in profile.items if i.item_id == "2.C.4.a")
    assert math.suppressed and math.importance == 3.12 and math.level == 3.0
    assert math.description == 'Knowledge of arithmetic "and" algebra.'
    assert [i.domain for i in profile.items][:1] == [Domain.KNOWLEDGE]
    with pytest.raises(ReleaseError, match="Abilities"):
        stored.profile("51-9161.00", [Domain.ABILITIES])
    with pytest.raises(UnknownCodeError):
        stored.profile("99-9999.00")


def test_retired_code_resolves_like_the_reader(mini: Path, store: Store) -> None:
    release = open_release(mini)
    store.load(release)
    stored = store.open("latest")
    profile = stored.profile("51-4011.00")
    assert profile.occupation.code == "51-9161.00"
    assert profile == release.profile("51-4011.00")
    assert any("retired" in n for n in profile.notices)


def test_find_ranks_titles_and_alternates(mini: Path, store: Store) -> None:
    store.load(open_release(mini))
    stored = store.open()
    found = stored.find("cnc operator", limit=5)
    assert found[0].code == "51-9161.00" and found[0].score == 100.0
    assert found[0].matched == "CNC Operator"
    assert stored.find("welder")[0].code == "51-4121.00"
    assert stored.find("registered nurses")[0].kind == "title"
    assert stored.find("zzzz qqqq") == []
    assert len(stored.find("operator", limit=1)) == 1


def test_open_source_handles_store_and_paths(mini: Path, store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KSA_DB", str(store.path))
    with pytest.raises(StoreError, match="holds no release"):
        open_source("store:latest")
    store.load(open_release(mini))
    assert isinstance(open_source("store:latest"), StoredRelease)
    assert open_source("store:29.3").version == "29.3"
    with pytest.raises(StoreError, match=r"30\.0 is not in the store"):
        open_source("store:30.0")
    from_path = open_source(str(mini))
    assert not isinstance(from_path, StoredRelease) and from_path.version == "29.3"


def test_empty_store_reports_clearly(store: Store) -> None:
    assert store.releases() == [] and store.latest() is None
    with pytest.raises(StoreError, match="ksa onet load"):
        store.open()


SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "sample" / "onet"


@pytest.mark.skipif(not (SAMPLE / "Occupation Data.xlsx").is_file(), reason="no bundled sample")
def test_bundled_sample_profiles_equal_file_profiles(tmp_path: Path) -> None:
    release = open_release(SAMPLE)
    store = Store(tmp_path / "sample.sqlite")
    result = store.load(release)
    assert result.status == "loaded" and result.rows["tools"] == 428
    stored = store.open()
    assert stored.version == release.version and stored.missing == release.missing
    codes = ("29-2052.00", "51-4041.00", "51-4121.00", "51-9161.00", "51-4011.00", "11-1011.00")
    for code in codes:
        assert stored.profile(code) == release.profile(code), code
    cnc = stored.profile("51-9161.00")
    assert {i.domain for i in cnc.items} == {Domain.KNOWLEDGE, Domain.SKILLS, Domain.TOOLS,
                                             Domain.TECHNOLOGY}
    assert stored.find("cnc operator", limit=3)[0].code == "51-9161.00"


@pytest.mark.slow
def test_full_excel_release_profiles_match_and_are_fast(shared: Path, tmp_path: Path) -> None:
    release = open_release(shared / "onet" / "db_29_3_excel")
    store = Store(tmp_path / "full.sqlite")
    store.load(release)
    stored = store.open("29.3")
    for code in ("51-9161.00", "11-1011.00", "29-1141.00", "51-4011.00"):
        assert stored.profile(code) == release.profile(code)
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        stored.profile("51-9161.00")
        timings.append(time.perf_counter() - start)
    assert sorted(timings)[10] < 0.020
    assert stored.find("cnc operator")[0].code == "51-9161.00"


def test_bad_number_is_reported_and_nothing_loaded(mini: Path, store: Store) -> None:
    knowledge = mini / "Knowledge.txt"
    lines = knowledge.read_text().splitlines()
    cells = lines[3].split("\t")
    cells[4] = "4,5"
    lines[3] = "\t".join(cells)
    knowledge.write_text("\n".join(lines) + "\n")
    with pytest.raises(ReleaseError) as info:
        store.load(open_release(mini))
    assert "Data Value" in str(info.value) and info.value.problems[0].value == "4,5"
    assert info.value.problems[0].cell == "data row 3, Data Value"
    assert store.releases() == []
