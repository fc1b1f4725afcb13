"""Review ledger: idempotent recording, conflicts, keys, shared SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ksa.errors import InputError, OutputError
from ksa.ledger import Decision, Ledger


def _d(action: str, title: str = "Lathe Operations I", key: str = "t1", **kw: str) -> Decision:
    return Decision(key, "Bridgerland Technical College", "Postsecondary certificate", title, action, **kw)  # type: ignore[arg-type]


def test_record_is_idempotent(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ksa.sqlite")
    decisions = [_d("accept"), _d("reject", "CNC Lathe Operations"), _d("add", "Machine Shop", key="t2")]
    first = ledger.record(decisions)
    assert (first.added, first.unchanged, first.conflicts) == (3, 0, [])
    again = ledger.record(decisions)
    assert (again.added, again.unchanged, again.conflicts) == (0, 3, [])
    assert len(ledger.decisions()) == 3


def test_keyed_by_normalized_title_school_and_level(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ksa.sqlite")
    ledger.record([_d("accept", "Lathe Operations I")])
    same = Decision("t1", " bridgerland technical college ", "POSTSECONDARY CERTIFICATE",
                    "LATHE OPERATIONS 1", "accept")
    assert ledger.record([same]).unchanged == 1
    other_school = Decision("t1", "Other College", "Postsecondary certificate", "Lathe Operations I", "accept")
    assert ledger.record([other_school]).added == 1
    next_course = Decision("t1", "Bridgerland Technical College", "Postsecondary certificate",
                           "Lathe Operations II", "reject")
    result = ledger.record([next_course])  # the sequel is a course of its own: no conflict
    assert (result.added, result.conflicts) == (1, [])


def test_title_key_keeps_the_level_written_any_way() -> None:
    from ksa.ledger import decision_title_key

    assert decision_title_key("Intro to Welding II") == decision_title_key("WELDING 2") == "welding #2"
    assert decision_title_key("Spanish IV") == "spanish #4"
    assert decision_title_key("Welding IIA") == "welding #2a"
    assert decision_title_key("Cabinetmaking") == "cabinetmaking"
    assert decision_title_key("Welding I") != decision_title_key("Welding II")


def test_flip_is_reported_and_newer_wins(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ksa.sqlite")
    ledger.record([_d("accept", who="Ana")])
    result = ledger.record([_d("reject", who="Ben")])
    assert result.added == 0 and result.changed == 1
    assert len(result.conflicts) == 1
    assert "accepted by Ana" in result.conflicts[0] and "now rejected by Ben" in result.conflicts[0]
    (current,) = ledger.decisions(["t1"])
    assert current.action == "reject" and current.who == "Ben"
    with sqlite3.connect(tmp_path / "ksa.sqlite") as db:
        assert db.execute("SELECT count(*) FROM ledger_history").fetchone()[0] == 2


def test_decisions_filtered_by_keys(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ksa.sqlite")
    ledger.record([_d("accept", key="a"), _d("accept", key="b"), _d("reject", key="c")])
    assert sorted(d.key for d in ledger.decisions(["a", "c", "zz"])) == ["a", "c"]
    assert ledger.decisions([]) == []


def test_default_path_is_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KSA_DB", str(tmp_path / "store.sqlite"))
    Ledger().record([_d("accept")])
    assert (tmp_path / "store.sqlite").exists()


def test_shares_the_file_with_other_tables(tmp_path: Path) -> None:
    path = tmp_path / "ksa.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE onet_items (id TEXT)")
        db.execute("INSERT INTO onet_items VALUES ('x')")
    Ledger(path).record([_d("accept")])
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert db.execute("SELECT count(*) FROM onet_items").fetchone()[0] == 1
    assert {"onet_items", "ledger_decisions", "ledger_history"} <= tables


def test_bad_decisions_rejected_all_at_once(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ksa.sqlite")
    with pytest.raises(InputError) as info:
        ledger.record([_d("maybe"), _d("accept", title="  ")])
    assert len(info.value.problems) == 2
    assert ledger.decisions() == []


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "ksa.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(OutputError, match="cannot be used"):
        Ledger(path).decisions()


def test_keys_written_under_older_rules_are_recomputed_on_open(tmp_path: Path) -> None:
    """A store written before sequels were told apart holds "Welding I" under the key "welding";
    the next open keys it again from its title, so a later flip on "WELDING 1" is reported as a
    conflict with it instead of sitting beside it, and two old rows that now coincide keep the
    later one."""
    path = tmp_path / "ksa.sqlite"
    Ledger(path).record([_d("accept", "Welding I"), _d("accept", "Welding Basics", key="t2")])
    with sqlite3.connect(path) as db:  # as the session-4 rules stored them
        db.execute("UPDATE ledger_decisions SET title_key='welding' WHERE course_title='Welding I'")
        db.execute("INSERT INTO ledger_decisions VALUES ('t2','bridgerland technical college',"
                   "'postsecondary certificate','old key','Bridgerland Technical College',"
                   "'Postsecondary certificate','Welding Basics','','reject','','','',"
                   "'2000-01-01T00:00:00+00:00')")
        db.execute("DELETE FROM ledger_meta")
    result = Ledger(path).record([_d("reject", "WELDING 1", who="Ben")])
    assert (result.added, result.changed, len(result.conflicts)) == (0, 1, 1)
    current = {(d.key, d.course_title): d.action for d in Ledger(path).decisions()}
    assert current == {("t1", "WELDING 1"): "reject", ("t2", "Welding Basics"): "accept"}
    with sqlite3.connect(path) as db:
        keys = sorted(r[0] for r in db.execute("SELECT title_key FROM ledger_decisions"))
    from ksa.ledger import decision_title_key

    assert keys == sorted([decision_title_key("Welding I"), decision_title_key("Welding Basics")])
