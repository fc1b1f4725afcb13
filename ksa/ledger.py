"""The review ledger: staff and educator decisions about matches, kept across runs.

A decision is keyed by (item key, school, grade level, normalized course title with its level);
the latest decision for a key wins and every change is kept in a history table. When the
normalizer's rules change, stored keys are recomputed from the stored titles on the next open. The ledger lives in the
project's SQLite store (``ksa.paths.default_db_path()``), beside the O*NET tables, in its own
``ledger_`` tables.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from ksa.errors import InputError, OutputError, Problem
from ksa.normalize import level_marks, normalize_title
from ksa.paths import default_db_path

Action = Literal["accept", "reject", "add"]
ACTIONS: tuple[str, ...] = ("accept", "reject", "add")
_POSITIVE = ("accept", "add")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger_decisions (
    key TEXT NOT NULL,
    school_key TEXT NOT NULL,
    grade_key TEXT NOT NULL,
    title_key TEXT NOT NULL,
    school TEXT NOT NULL,
    grade_level TEXT NOT NULL,
    course_title TEXT NOT NULL,
    course_code TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'add')),
    who TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (key, school_key, grade_key, title_key)
);
CREATE TABLE IF NOT EXISTS ledger_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ledger_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    school TEXT NOT NULL,
    grade_level TEXT NOT NULL,
    course_title TEXT NOT NULL,
    course_code TEXT NOT NULL,
    action TEXT NOT NULL,
    who TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Decision:
    key: str  # item_id (element id for rated items) or additional-need key
    school: str
    grade_level: str
    course_title: str
    action: Action
    course_code: str = ""
    who: str = ""
    when: str = ""
    note: str = ""


@dataclass(frozen=True)
class RecordResult:
    added: int
    unchanged: int
    conflicts: list[str] = field(default_factory=list)
    changed: int = 0  # an earlier decision replaced (reported in conflicts when it flips)


def _clean(text: str) -> str:
    return " ".join(text.casefold().split())


def decision_title_key(title: str) -> str:
    """The course title a decision is keyed by: normalized (case, abbreviations, "Intro to" ...
    do not matter), with its level kept, so "Welding I" and "WELDING 1" are one course and
    "Welding II" another."""
    if not title.strip():
        return ""
    marks = level_marks(title)
    return f"{normalize_title(title)} #{'.'.join(marks)}" if marks else normalize_title(title)


# Bump when decision_title_key changes its rules; the normalizer's tables are hashed as well.
_KEY_SCHEME = "2: level kept"
_NORMALIZER_TABLES = ("abbreviations.csv", "synonyms.csv", "generic_words.txt")


@cache
def _key_fingerprint() -> str:
    digest = hashlib.sha256(_KEY_SCHEME.encode())
    for name in _NORMALIZER_TABLES:
        digest.update(resources.files("ksa").joinpath("data", name).read_bytes())
    return digest.hexdigest()[:16]


def _rekey_if_rules_changed(db: sqlite3.Connection) -> None:
    """Stored title keys follow the rules they were written under. When the rules change (a new
    abbreviation, courses of a sequence told apart), every decision is keyed again from its
    stored course title, oldest first, so a later decision still wins where two now coincide."""
    found = db.execute("SELECT value FROM ledger_meta WHERE name='title_key'").fetchone()
    if found is not None and found[0] == _key_fingerprint():
        return
    rows = db.execute("SELECT rowid, key, school_key, grade_key, title_key, course_title, recorded_at "
                      "FROM ledger_decisions ORDER BY recorded_at, rowid").fetchall()
    for rowid, key, school_key, grade_key, title_key, course_title, recorded_at in rows:
        new = decision_title_key(course_title)
        if new == title_key:
            continue
        there = db.execute("SELECT rowid, recorded_at FROM ledger_decisions WHERE key=? AND "
                           "school_key=? AND grade_key=? AND title_key=?",
                           (key, school_key, grade_key, new)).fetchone()
        if there is not None and (there[1], there[0]) > (recorded_at, rowid):
            db.execute("DELETE FROM ledger_decisions WHERE rowid=?", (rowid,))  # the later one stays
            continue
        if there is not None:
            db.execute("DELETE FROM ledger_decisions WHERE rowid=?", (there[0],))
        db.execute("UPDATE ledger_decisions SET title_key=? WHERE rowid=?", (new, rowid))
    db.execute("INSERT OR REPLACE INTO ledger_meta (name, value) VALUES ('title_key', ?)",
               (_key_fingerprint(),))


def identity(d: Decision) -> tuple[str, str, str, str]:
    return (d.key, _clean(d.school), _clean(d.grade_level), decision_title_key(d.course_title))


class Ledger:
    """Decisions in SQLite; ``path`` defaults to the project store."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"Cannot open the review ledger at {self.path}: {exc}") from exc
        try:
            with connection:
                connection.executescript(_SCHEMA)
                _rekey_if_rules_changed(connection)
                yield connection
        except sqlite3.DatabaseError as exc:
            raise OutputError(
                f"The review ledger at {self.path} cannot be used: {exc}. "
                "Point KSA_DB (or --db) at a valid SQLite file."
            ) from exc
        finally:
            connection.close()

    def record(self, decisions: Sequence[Decision]) -> RecordResult:
        """Store decisions; the same decisions twice change nothing; flips are reported."""
        problems = [
            Problem(f"unknown action {d.action!r}", value=d.action, hint="use accept, reject or add")
            for d in decisions if d.action not in ACTIONS
        ] + [
            Problem("decision without a key or course title", value=d.course_title or d.key)
            for d in decisions if not d.key.strip() or not decision_title_key(d.course_title)
        ]
        if problems:
            raise InputError("Review decisions are invalid; nothing was recorded.", problems)
        added = unchanged = changed = 0
        conflicts: list[str] = []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connect() as db:
            for d in decisions:
                key, school_key, grade_key, title_key = identity(d)
                row = db.execute(
                    "SELECT action, course_code, who, decided_at, note FROM ledger_decisions "
                    "WHERE key=? AND school_key=? AND grade_key=? AND title_key=?",
                    (key, school_key, grade_key, title_key),
                ).fetchone()
                if row is not None and (row[0], row[1], row[4]) == (d.action, d.course_code, d.note):
                    unchanged += 1
                    continue
                if row is None:
                    added += 1
                else:
                    changed += 1
                    if (row[0] in _POSITIVE) != (d.action in _POSITIVE):
                        by = f" by {row[2]}" if row[2] else ""
                        on = f" on {row[3]}" if row[3] else ""
                        conflicts.append(
                            f"{d.key}: '{d.course_title}' ({d.school}, {d.grade_level}) was "
                            f"{row[0]}ed{by}{on}; now {d.action}ed"
                            + (f" by {d.who}" if d.who else "") + " - the newer decision wins"
                        )
                db.execute(
                    "INSERT OR REPLACE INTO ledger_decisions (key, school_key, grade_key, title_key, "
                    "school, grade_level, course_title, course_code, action, who, decided_at, note, "
                    "recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (key, school_key, grade_key, title_key, d.school, d.grade_level, d.course_title,
                     d.course_code, d.action, d.who, d.when, d.note, now),
                )
                db.execute(
                    "INSERT INTO ledger_history (key, school, grade_level, course_title, course_code, "
                    "action, who, decided_at, note, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (d.key, d.school, d.grade_level, d.course_title, d.course_code, d.action, d.who,
                     d.when, d.note, now),
                )
        return RecordResult(added=added, unchanged=unchanged, conflicts=conflicts, changed=changed)

    def decisions(self, keys: Iterable[str] | None = None) -> list[Decision]:
        """The current decision per (key, school, grade level, title); all keys when ``keys`` is None."""
        query = ("SELECT key, school, grade_level, course_title, action, course_code, who, decided_at, "
                 "note FROM ledger_decisions")
        with self._connect() as db:
            if keys is None:
                rows = db.execute(query + " ORDER BY key, recorded_at, rowid").fetchall()
            else:
                wanted = sorted(set(keys))
                rows = []
                for start in range(0, len(wanted), 500):
                    chunk = wanted[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows += db.execute(
                        query + f" WHERE key IN ({marks}) ORDER BY key, recorded_at, rowid", chunk
                    ).fetchall()
        return [
            Decision(key=r[0], school=r[1], grade_level=r[2], course_title=r[3], action=r[4],
                     course_code=r[5], who=r[6], when=r[7], note=r[8])
            for r in rows
        ]
