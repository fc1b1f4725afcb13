"""The O*NET store: every loaded release in one SQLite file.

``Store(path).load(release)`` copies a release read by ``ksa.onet.open_release`` into the store
in one transaction: loading the same content again (same checksum) does nothing, a failed or
interrupted load leaves the store exactly as it was. ``Store.open(version)`` gives a
``StoredRelease`` that answers ``occupations()``, ``profile(code)`` and ``find(query)`` from the
store, with the same item ids as the file reader.

Tables (every content table is keyed by ``release``):

* ``releases`` - version, edition, release date (from the Read Me when known), source, sha256 (of
  the archive, or of the release's files concatenated in name order), loaded_at, active flag.
* ``occupations`` - code, title, description.
* ``elements`` - element id, name, description (Content Model Reference), domain.
* ``ratings`` - code, domain, element, scale, value, n, standard error, CI bounds, recommend
  suppress, not relevant, date, domain source.
* ``tools`` / ``technology`` - code, example, commodity code/title (+ hot/in demand); the
  item id (``ksa.onet.ids.tool_item_id``) is computed when a profile is read.
* ``alternate_titles`` - code, alternate title, short title.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from ksa.errors import KsaError, Problem, ReleaseError
from ksa.model import Domain, Item, Occupation, Profile
from ksa.onet.aliases import DOMAIN_FILES
from ksa.onet.release import DOMAIN_ORDER, Release, open_release, yes_no_flag
from ksa.onet.webservices import WS_PREFIX, WebServicesSource, open_web_services

log = logging.getLogger("ksa.onet.store")

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS releases (
    version TEXT PRIMARY KEY,
    edition TEXT NOT NULL DEFAULT '',
    release_date TEXT,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0,
    missing TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS occupations (
    release TEXT NOT NULL, code TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
    PRIMARY KEY (release, code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS elements (
    release TEXT NOT NULL, element_id TEXT NOT NULL, name TEXT NOT NULL,
    description TEXT NOT NULL, domain TEXT NOT NULL,
    PRIMARY KEY (release, element_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ratings (
    release TEXT NOT NULL, code TEXT NOT NULL, domain TEXT NOT NULL, element_id TEXT NOT NULL,
    element_name TEXT NOT NULL, scale TEXT NOT NULL, value REAL, n REAL, standard_error REAL,
    lower_ci REAL, upper_ci REAL, recommend_suppress TEXT NOT NULL, not_relevant TEXT NOT NULL,
    date TEXT NOT NULL, domain_source TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (release, code, domain, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tools (
    release TEXT NOT NULL, code TEXT NOT NULL, example TEXT NOT NULL,
    commodity_code TEXT NOT NULL, commodity_title TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (release, code, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS technology (
    release TEXT NOT NULL, code TEXT NOT NULL, example TEXT NOT NULL,
    commodity_code TEXT NOT NULL, commodity_title TEXT NOT NULL, hot_technology TEXT NOT NULL,
    in_demand TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (release, code, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alternate_titles (
    release TEXT NOT NULL, code TEXT NOT NULL, title TEXT NOT NULL, short_title TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alternate_titles_by_release ON alternate_titles (release, code);
"""

CONTENT_TABLES = ("occupations", "elements", "ratings", "tools", "technology", "alternate_titles")

#: Rated domains and the release table each comes from.
RATED_TABLES: dict[Domain, str] = {d: DOMAIN_FILES[d] for d in DOMAIN_ORDER if d.rated}

CODE = "O*NET-SOC Code"
CONTENT_MODEL = "Content Model Reference"

#: The release tables the store keeps, in load order.
STORED_TABLES: tuple[str, ...] = (
    "Occupation Data", CONTENT_MODEL, *RATED_TABLES.values(), "Tools Used",
    "Technology Skills", "Alternate Titles")
#: A release is usable when it has Occupation Data and at least one of these item tables.
ITEM_TABLES: tuple[str, ...] = (*RATED_TABLES.values(), "Tools Used", "Technology Skills")
_STORE_PREFIX = "store:"
_README_DATE = re.compile(r"\b([A-Z][a-z]+ \d{4}) Release\b")


class StoreError(KsaError):
    """The store is missing a release, unreadable, or a load failed (nothing was changed)."""


class ReleaseSource(Protocol):
    """What ``Store.load`` needs from a release (``ksa.onet.release.Release``)."""

    @property
    def version(self) -> str: ...

    @property
    def edition(self) -> str: ...

    @property
    def missing(self) -> Any: ...

    def table(self, domain: str) -> pd.DataFrame: ...


@dataclass(frozen=True)
class ReleaseInfo:
    version: str
    edition: str
    release_date: str | None
    source: str
    sha256: str
    loaded_at: str
    active: bool


@dataclass(frozen=True)
class LoadResult:
    version: str
    status: str  # "loaded" | "replaced" | "unchanged"
    sha256: str
    rows: dict[str, int]
    seconds: float
    active: bool
    #: The tables the store keeps (:data:`STORED_TABLES`) that the release lacked.
    missing: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if self.status == "unchanged":
            return (f"O*NET {self.version} is already in the store with the same checksum; "
                    "nothing to do.")
        total = sum(self.rows.values())
        verb = "Reloaded" if self.status == "replaced" else "Loaded"
        text = (f"{verb} O*NET {self.version}: {total:,} rows in {self.seconds:.1f} s"
                + (" (active)." if self.active else " (not active)."))
        if self.missing:
            text += (f" The release has no {', '.join(self.missing)} file(s): loaded the rest; "
                     "profiles cannot include what those files hold.")
        return text


# -- checksums and release facts --------------------------------------------------------------


def release_checksum(release: Any) -> str:
    """sha256 of the archive a release came from, or of its files concatenated in name order."""
    source = getattr(release, "source", None)
    if source is not None and Path(str(source)).is_file():
        from ksa.onet.refresh import file_sha256

        return file_sha256(Path(str(source)))
    digest = hashlib.sha256()
    groups = getattr(release, "file_groups", None)
    files = getattr(release, "files", None)
    refs: list[Any]
    if isinstance(groups, Mapping):
        refs = [ref for group in groups.values() for ref in group]
    elif isinstance(files, Mapping):
        refs = list(files.values())
    else:
        refs = list(files or [])
    if not refs:
        raise StoreError(f"Release {release.version} lists no files to checksum.")
    for ref in sorted(refs, key=_ref_name):
        digest.update(_ref_name(ref).encode("utf-8") + b"\0")
        digest.update(_ref_bytes(ref))
    return digest.hexdigest()


def _ref_name(ref: Any) -> str:
    name = getattr(ref, "name", None)
    return str(name) if name is not None else Path(str(ref)).name


def _ref_bytes(ref: Any) -> bytes:
    read = getattr(ref, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, bytes):
            return data
    return Path(str(ref)).read_bytes()


def _release_date(release: Any) -> str | None:
    known = getattr(release, "release_date", None)
    if known:
        return str(known)
    readme = getattr(release, "readme", None)
    if not isinstance(readme, str):
        source = getattr(release, "source", None)
        if source is None:
            return None
        from ksa.onet.readers import read_readme

        try:
            readme = read_readme(Path(str(source)))
        except (OSError, KsaError):
            return None
    if not readme:
        return None
    found = _README_DATE.search(readme)
    return found.group(1) if found else None


# -- DataFrame -> rows ------------------------------------------------------------------------


def _text(frame: pd.DataFrame, column: str) -> list[str]:
    if column not in frame.columns:
        return [""] * len(frame)
    values: list[str] = frame[column].tolist()  # release tables are all str
    return values


def _stripped(frame: pd.DataFrame, column: str) -> list[str]:
    return [v.strip() for v in _text(frame, column)]


def _numbers(frame: pd.DataFrame, column: str, table: str = "") -> list[float | None]:
    """A numeric column as floats; empty / ``n/a`` -> NULL; anything else is an error."""
    if column not in frame.columns:
        return [None] * len(frame)
    raw = frame[column].astype(str)
    text = raw.str.strip()
    blank = (text == "") | (text == "n/a")
    values = pd.to_numeric(text.where(~blank, "nan"), errors="coerce")
    bad = values.isna() & ~blank
    if bad.any():
        rows = [int(i) for i in frame.index[bad.to_numpy()][:20]]
        raise ReleaseError(
            f"O*NET {table}: {int(bad.sum())} value(s) in column {column!r} are not numbers; "
            "nothing was loaded.",
            [Problem("not a number", file=table, cell=f"data row {r + 1}, {column}",
                     value=str(raw.iloc[r]), hint="re-download the release") for r in rows])
    floats: list[float] = values.to_numpy(dtype="float64", na_value=float("nan")).tolist()
    return [None if v != v else v for v in floats]  # NaN -> NULL


def _missing_set(release: Any) -> set[str]:
    missing = getattr(release, "missing", ()) or ()
    return {str(m) for m in missing}


def _table(release: ReleaseSource, name: str, missing: set[str]) -> pd.DataFrame | None:
    if name in missing:
        return None
    try:
        return release.table(name)
    except KeyError:
        return None


# -- the store --------------------------------------------------------------------------------


class Store:
    """One SQLite file holding O*NET releases. Cheap to create; connects per operation."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            from ksa.paths import default_db_path

            path = default_db_path()
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @contextmanager
    def connect(self, *, create: bool = True) -> Iterator[sqlite3.Connection]:
        if not create and not self.path.exists():
            raise StoreError(f"No O*NET store at {self.path}: run `ksa onet load SOURCE` first.")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"Cannot open the O*NET store {self.path}: {exc}") from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                         (str(SCHEMA_VERSION),))
            yield conn
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"The O*NET store {self.path} failed: {exc}") from exc
        finally:
            conn.close()

    # -- queries ------------------------------------------------------------------------------

    def releases(self) -> list[ReleaseInfo]:
        """Every loaded release, oldest version first."""
        if not self.path.exists():
            return []
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT version, edition, release_date, source, sha256, loaded_at, active "
                "FROM releases").fetchall()
        infos = [ReleaseInfo(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]
        return sorted(infos, key=lambda i: _version_key(i.version))

    def latest(self) -> str | None:
        """The active release; else the newest loaded one; None for an empty store."""
        infos = self.releases()
        active = [i.version for i in infos if i.active]
        if active:
            return active[-1]
        return infos[-1].version if infos else None

    def open(self, version: str | None = None) -> StoredRelease:
        """A loaded release (``None`` or ``"latest"``: :meth:`latest`)."""
        infos = {i.version: i for i in self.releases()}
        wanted = self.latest() if version in (None, "latest") else str(version)
        if wanted is None:
            raise StoreError(f"The O*NET store {self.path} holds no release yet: run "
                             "`ksa onet load SOURCE` first.")
        if wanted not in infos:
            have = ", ".join(infos) or "none"
            raise StoreError(f"O*NET release {wanted} is not in the store {self.path} "
                             f"(loaded: {have}). Load it with `ksa onet load SOURCE`.")
        return StoredRelease(self, infos[wanted])

    def activate(self, version: str) -> None:
        """Make ``version`` the active release (the one ``store:latest`` means)."""
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                found = conn.execute("SELECT 1 FROM releases WHERE version = ?",
                                     (version,)).fetchone()
                if found is None:
                    raise StoreError(f"Cannot activate O*NET {version}: not in the store.")
                conn.execute("UPDATE releases SET active = (version = ?)", (version,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    # -- loading ------------------------------------------------------------------------------

    def load(self, release: ReleaseSource, *, activate: bool = True,
             version: str | None = None, sha256: str | None = None,
             source: str | None = None) -> LoadResult:
        """Copy ``release`` into the store in one transaction (idempotent by checksum).

        ``activate`` makes it the active release in the same transaction; ``version``,
        ``sha256`` and ``source`` (e.g. the download URL) override what the release says.
        """
        started = datetime.now(UTC)
        clock = _Clock()
        name = version or release.version
        checksum = sha256 or release_checksum(release)
        with self.connect() as conn:
            row = conn.execute("SELECT sha256, active FROM releases WHERE version = ?",
                               (name,)).fetchone()
            if row is not None and row[0] == checksum:
                if activate and not row[1]:
                    self.activate(name)
                log.info("O*NET %s already loaded (sha256 %s); nothing to do", name, checksum[:12])
                return LoadResult(name, "unchanged", checksum, {}, clock.seconds(),
                                  bool(row[1]) or activate)
            tables = self._prepare(release)  # read everything before touching the store
            conn.execute("BEGIN IMMEDIATE")
            try:
                if row is not None:
                    for table in CONTENT_TABLES:
                        conn.execute(f"DELETE FROM {table} WHERE release = ?", (name,))
                    conn.execute("DELETE FROM releases WHERE version = ?", (name,))
                counts = self._insert(conn, name, tables)
                conn.execute(
                    "INSERT INTO releases (version, edition, release_date, source, sha256, "
                    "loaded_at, active, missing) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                    (name, str(getattr(release, "edition", "") or ""), _release_date(release),
                     source or str(getattr(release, "source", "") or ""), checksum,
                     started.isoformat(timespec="seconds"),
                     "\n".join(str(m) for m in getattr(release, "missing", ()) or ())))
                if activate:
                    conn.execute("UPDATE releases SET active = (version = ?)", (name,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        status = "replaced" if row is not None else "loaded"
        result = LoadResult(name, status, checksum, counts, clock.seconds(), activate,
                            tuple(t for t in STORED_TABLES if t not in tables))
        log.info("%s", result.message)
        return result

    def _prepare(self, release: ReleaseSource) -> dict[str, pd.DataFrame]:
        """Read every table the store keeps; a release without Occupation Data or without any
        item table (knowledge, skills, abilities, work activities, tools, technology) is not
        usable and nothing is loaded."""
        missing = _missing_set(release)
        tables: dict[str, pd.DataFrame] = {}
        for name in STORED_TABLES:
            frame = _table(release, name, missing)
            if frame is not None:
                tables[name] = frame
        source = str(getattr(release, "source", ""))
        if "Occupation Data" not in tables:
            raise ReleaseError(f"O*NET {release.version} has no Occupation Data; not loaded.",
                               [Problem("Occupation Data missing", file=source)])
        if not any(name in tables for name in ITEM_TABLES):
            raise ReleaseError(
                f"O*NET {release.version} at {source} has none of the files "
                f"{', '.join(ITEM_TABLES)}: nothing usable to load; the store is unchanged.",
                [Problem(f"missing {name} file", file=source,
                         hint="use a complete release (the db_XX_Y_text.zip download)")
                 for name in ITEM_TABLES])
        return tables

    def _insert(self, conn: sqlite3.Connection, release: str,
                tables: dict[str, pd.DataFrame]) -> dict[str, int]:
        counts: dict[str, int] = {}
        occ = tables["Occupation Data"]
        rows: Iterable[tuple[Any, ...]] = zip(
            [release] * len(occ), _stripped(occ, CODE), _text(occ, "Title"),
            _text(occ, "Description"), strict=True)
        conn.executemany("INSERT INTO occupations VALUES (?, ?, ?, ?)", rows)
        counts["occupations"] = len(occ)

        counts["ratings"] = 0
        element_domain: dict[str, str] = {}
        element_name: dict[str, str] = {}
        for domain, name in RATED_TABLES.items():
            frame = tables.get(name)
            if frame is None:
                continue
            ids = _stripped(frame, "Element ID")
            names = _text(frame, "Element Name")
            label = domain.value
            for eid, ename in dict(zip(ids, names, strict=True)).items():
                element_domain.setdefault(eid, label)
                element_name.setdefault(eid, ename)
            n = len(frame)
            rows = zip(
                [release] * n, _stripped(frame, CODE), [domain.value] * n, ids, names,
                _stripped(frame, "Scale ID"), _numbers(frame, "Data Value", name),
                _numbers(frame, "N", name), _numbers(frame, "Standard Error", name),
                _numbers(frame, "Lower CI Bound", name), _numbers(frame, "Upper CI Bound", name),
                _text(frame, "Recommend Suppress"),
                _text(frame, "Not Relevant"), _text(frame, "Date"),
                _text(frame, "Domain Source"), range(n), strict=True)
            conn.executemany(
                "INSERT INTO ratings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            counts["ratings"] += n

        model = tables.get("Content Model Reference")
        described: dict[str, tuple[str, str]] = {}
        if model is not None:
            for eid, ename, desc in zip(_text(model, "Element ID"), _text(model, "Element Name"),
                                        _text(model, "Description"), strict=True):
                described[eid] = (ename, desc)
        element_rows = []
        for eid in sorted(set(described) | set(element_domain)):
            ename, desc = described.get(eid, (element_name.get(eid, ""), ""))
            element_rows.append((release, eid, ename, desc, element_domain.get(eid, "")))
        conn.executemany("INSERT INTO elements VALUES (?, ?, ?, ?, ?)", element_rows)
        counts["elements"] = len(element_rows)

        counts["tools"] = self._insert_examples(conn, release, Domain.TOOLS,
                                                tables.get("Tools Used"))
        counts["technology"] = self._insert_examples(conn, release, Domain.TECHNOLOGY,
                                                     tables.get("Technology Skills"))
        alt = tables.get("Alternate Titles")
        counts["alternate_titles"] = 0
        if alt is not None:
            rows = zip([release] * len(alt), _stripped(alt, CODE), _text(alt, "Alternate Title"),
                       _text(alt, "Short Title"), strict=True)
            conn.executemany("INSERT INTO alternate_titles VALUES (?, ?, ?, ?)", rows)
            counts["alternate_titles"] = len(alt)
        return counts

    def _insert_examples(self, conn: sqlite3.Connection, release: str, domain: Domain,
                         frame: pd.DataFrame | None) -> int:
        if frame is None:
            return 0
        n = len(frame)
        codes = _stripped(frame, CODE)
        examples = _text(frame, "Example")
        commodity = _stripped(frame, "Commodity Code")
        if domain is Domain.TOOLS:
            rows: Iterable[tuple[Any, ...]] = zip(
                [release] * n, codes, examples, commodity,
                _text(frame, "Commodity Title"), range(n), strict=True)
            conn.executemany("INSERT INTO tools VALUES (?, ?, ?, ?, ?, ?)", rows)
        else:
            rows = zip(
                [release] * n, codes, examples, commodity,
                _text(frame, "Commodity Title"), _text(frame, "Hot Technology"),
                _text(frame, "In Demand"), range(n), strict=True)
            conn.executemany("INSERT INTO technology VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return n


class _Clock:
    def __init__(self) -> None:
        import time

        self._time = time.perf_counter
        self._start = self._time()

    def seconds(self) -> float:
        return self._time() - self._start


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in version.split("."))
    except ValueError:
        return (-1,)


# -- a stored release -------------------------------------------------------------------------


class StoredRelease:
    """A release read from the store; offers what the pipeline uses of ``Release``."""

    def __init__(self, store: Store, info: ReleaseInfo) -> None:
        self.store = store
        self.info = info
        self._occupations: dict[str, Occupation] | None = None
        self._titles: tuple[list[str], list[tuple[str, str]]] | None = None

    def __repr__(self) -> str:
        return f"StoredRelease({self.version!r}, {self.store.path})"

    @property
    def version(self) -> str:
        return self.info.version

    @property
    def edition(self) -> str:
        return self.info.edition

    @property
    def source(self) -> str:
        return f"{_STORE_PREFIX}{self.version}"

    def occupations(self) -> dict[str, Occupation]:
        if self._occupations is None:
            with self.store.connect(create=False) as conn:
                rows = conn.execute(
                    "SELECT code, title, description FROM occupations WHERE release = ? "
                    "ORDER BY code", (self.version,)).fetchall()
            self._occupations = {r[0]: Occupation(r[0], r[1], r[2]) for r in rows}
        return self._occupations

    @property
    def missing(self) -> tuple[str, ...]:
        """Expected domain files the loaded release did not have (as ``Release.missing``)."""
        return tuple(m for m in self._missing_text().split("\n") if m)

    def _missing_text(self) -> str:
        with self.store.connect(create=False) as conn:
            row = conn.execute("SELECT missing FROM releases WHERE version = ?",
                               (self.version,)).fetchone()
        return str(row[0]) if row else ""

    def available_domains(self) -> tuple[Domain, ...]:
        missing = set(self.missing)
        return tuple(d for d in DOMAIN_ORDER if DOMAIN_FILES[d] not in missing)

    def resolve(self, code: str, title: str | None = None) -> tuple[str, tuple[str, ...]]:
        from ksa.onet.taxonomy import resolve_code

        return resolve_code(code, self.occupations(), title=title)

    def profile(self, code: str, domains: Iterable[Domain] | None = None, *,
                title: str | None = None) -> Profile:
        """One occupation's items, exactly as ``Release.profile`` builds them from the files
        (same order, ids, notices, errors for missing domains and unknown/retired codes)."""
        missing = set(self.missing)
        wanted = self.available_domains() if domains is None else tuple(
            d for d in DOMAIN_ORDER if d in {Domain(x) for x in domains})
        absent = [DOMAIN_FILES[d] for d in wanted if DOMAIN_FILES[d] in missing]
        if any(d.rated for d in wanted) and CONTENT_MODEL in missing:
            absent.append(CONTENT_MODEL)
        if absent:
            raise ReleaseError(
                f"O*NET {self.version} in the store {self.store.path} lacks the file(s) "
                f"{', '.join(absent)} needed for the requested domain(s) "
                f"{', '.join(d.value for d in wanted)}.",
                [Problem(f"missing {n} file", file=self.source,
                         hint="load a complete release or drop that domain from the panel")
                 for n in absent])
        current, found_notices = self.resolve(code, title)
        notices = list(found_notices)
        items: list[Item] = []
        with self.store.connect(create=False) as conn:
            for domain in wanted:
                if domain.rated:
                    found = self._rated(conn, current, domain)
                else:
                    found = self._examples(conn, current, domain, notices)
                if not found:
                    notices.append(f"{current} has no {domain.label} rows in O*NET "
                                   f"{self.version} ({DOMAIN_FILES[domain]}).")
                items.extend(found)
        return Profile(occupation=self.occupations()[current], release=self.version,
                       items=tuple(items), notices=tuple(notices))

    def _rated(self, conn: sqlite3.Connection, code: str, domain: Domain) -> list[Item]:
        rows = conn.execute(
            "SELECT r.element_id, r.element_name, r.scale, r.value, r.recommend_suppress, "
            "r.not_relevant, e.description FROM ratings r LEFT JOIN elements e "
            "ON e.release = r.release AND e.element_id = r.element_id "
            "WHERE r.release = ? AND r.code = ? AND r.domain = ? ORDER BY r.seq",
            (self.version, code, domain.value)).fetchall()
        order: list[str] = []
        names: dict[str, str] = {}
        descriptions: dict[str, str] = {}
        scores: dict[str, dict[str, float | None]] = {}
        flagged: set[str] = set()
        for eid, name, scale, value, suppress, not_relevant, description in rows:
            if eid not in names:
                order.append(eid)
                names[eid] = name
                descriptions[eid] = description or ""
                scores[eid] = {}
            scores[eid][scale] = value
            if suppress.strip().upper() == "Y" or not_relevant.strip().upper() == "Y":
                flagged.add(eid)
        return [Item(item_id=eid, domain=domain, name=names[eid], description=descriptions[eid],
                     element_id=eid, importance=scores[eid].get("IM"),
                     level=scores[eid].get("LV"), suppressed=eid in flagged)
                for eid in order]

    def _examples(self, conn: sqlite3.Connection, code: str, domain: Domain,
                  notices: list[str]) -> list[Item]:
        from ksa.onet.ids import tool_item_id

        if domain is Domain.TOOLS:
            rows = conn.execute(
                "SELECT example, commodity_code, commodity_title, NULL, NULL FROM tools "
                "WHERE release = ? AND code = ? ORDER BY seq", (self.version, code)).fetchall()
        else:
            rows = conn.execute(
                "SELECT example, commodity_code, commodity_title, hot_technology, "
                "in_demand FROM technology WHERE release = ? AND code = ? ORDER BY seq",
                (self.version, code)).fetchall()
        items: list[Item] = []
        seen: set[str] = set()
        for example, commodity, commodity_title, hot, demand in rows:
            item_id = tool_item_id(domain, commodity, example)
            if item_id in seen:
                notices.append(f"{DOMAIN_FILES[domain]} lists {example!r} ({commodity}) twice "
                               f"for {code}; kept once.")
                continue
            seen.add(item_id)
            items.append(Item(item_id=item_id, domain=domain, name=example,
                              description=commodity_title, commodity_code=commodity,
                              commodity_title=commodity_title,
                              hot_technology=None if hot is None else yes_no_flag(hot),
                              in_demand=None if demand is None else yes_no_flag(demand)))
        return items

    def alternate_titles(self, code: str) -> list[str]:
        with self.store.connect(create=False) as conn:
            rows = conn.execute("SELECT title FROM alternate_titles WHERE release = ? AND "
                                "code = ?", (self.version, code)).fetchall()
        return [r[0] for r in rows]

    def find(self, query: str, limit: int = 10, score_cutoff: float = 60.0) -> list[FoundTitle]:
        """Occupations whose title or an alternate title is close to ``query``, best first.

        Alternate titles like ``CNC Operator (Computer Numerical Control Operator)`` are
        matched as written and as each of their two parts. Score = 0.7 x token_set_ratio +
        0.3 x token_sort_ratio: token_set rewards titles holding every query word (``cnc
        operator`` -> ``CNC Machine Operator``), token_sort breaks its ties (it is 100 for every
        superset) in favour of titles without extra words.
        """
        from rapidfuzz import fuzz, process, utils

        if not query.strip():
            return []
        choices, owners = self._search_titles()
        cutoff = max(0.0, score_cutoff)
        hits = process.extract(query, choices, scorer=fuzz.token_set_ratio,
                               processor=utils.default_process, score_cutoff=cutoff, limit=None)
        best: dict[str, FoundTitle] = {}
        support: dict[str, int] = {}
        occupations = self.occupations()
        for matched, set_score, index in hits:
            sort_score = fuzz.token_sort_ratio(query, matched, processor=utils.default_process,
                                               score_cutoff=0)
            score = round(0.7 * float(set_score) + 0.3 * float(sort_score), 1)
            if score < cutoff:
                continue
            code, kind = owners[index]
            if set_score >= 95:  # titles holding (nearly) every query word
                support[code] = support.get(code, 0) + 1
            prior = best.get(code)
            if prior is None or (score, kind == "title") > (prior.score, prior.kind == "title"):
                occ = occupations.get(code)
                best[code] = FoundTitle(code=code, title=occ.title if occ else matched,
                                        matched=matched, kind=kind, score=score)
        # ties: the occupation with more titles holding every query word, then the closer own
        # title, wins
        ranked = sorted(best.values(), key=lambda f: (
            -f.score, -support.get(f.code, 0),
            -fuzz.token_sort_ratio(query, f.title, processor=utils.default_process,
                                   score_cutoff=0), f.code))
        return ranked[:max(0, limit)]

    def _search_titles(self) -> tuple[list[str], list[tuple[str, str]]]:
        if self._titles is None:
            with self.store.connect(create=False) as conn:
                rows = conn.execute(
                    "SELECT code, title, '', 'title' FROM occupations WHERE release = ? "
                    "UNION ALL SELECT code, title, short_title, 'alternate' FROM "
                    "alternate_titles WHERE release = ?", (self.version, self.version)).fetchall()
            choices: list[str] = []
            owners: list[tuple[str, str]] = []
            seen: set[tuple[str, str]] = set()
            for code, title, short, kind in rows:
                variants = [title, short]
                head, paren, rest = title.partition("(")
                if paren and rest.endswith(")"):
                    variants += [head.strip(), rest[:-1].strip()]
                for text in variants:
                    if text and (code, text) not in seen:
                        seen.add((code, text))
                        choices.append(text)
                        owners.append((code, kind))
            self._titles = (choices, owners)
        return self._titles


@dataclass(frozen=True)
class FoundTitle:
    code: str
    title: str  # the occupation's title
    matched: str  # the title or alternate title that matched
    kind: str  # "title" | "alternate"
    score: float


def open_source(
    source: str, *, store: Store | None = None, api_key: str | None = None
) -> Release | StoredRelease | WebServicesSource:
    """``"store:29.3"`` / ``"store:latest"`` -> a ``StoredRelease``; ``"ws:"`` / ``"ws:URL"`` ->
    O*NET Web Services (key from ``api_key`` or ONET_API_KEY); anything else is a path handed to
    ``ksa.onet.open_release``."""
    text = str(source).strip()
    if text.startswith(WS_PREFIX):
        return open_web_services(text, api_key)
    if text.startswith(_STORE_PREFIX):
        version = text[len(_STORE_PREFIX):].strip() or "latest"
        return (store or Store()).open(version)
    return open_release(text)
