"""One O*NET release on disk (text or Excel edition, folder or zip) and the profiles it gives.

Files are found by name through :mod:`ksa.onet.aliases` (so 30.x renames work), read lazily on
first use and cached as DataFrames of strings with an index by O*NET-SOC code, so
:meth:`Release.profile` only touches the rows of one occupation.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from ksa.errors import Problem, ReleaseError
from ksa.model import Domain, Item, Occupation, Profile
from ksa.onet import aliases
from ksa.onet.ids import tool_item_id
from ksa.onet.readers import FileRef, folder_files, parse_table, read_readme, zip_files
from ksa.onet.taxonomy import resolve_code

log = logging.getLogger("ksa.onet.release")

_README_VERSION = re.compile(r"O\*NET\s+(\d{1,2}\.\d{1,2})\s+Database", re.IGNORECASE)
_NAME_VERSION = re.compile(r"db_(\d{1,2})_(\d{1,2})", re.IGNORECASE)
_VERSION = re.compile(r"^\d{1,2}\.\d{1,2}$")
#: pandas >= 3 always copies on write, so a shallow copy of a cached table is a safe copy.
_COPY_ON_WRITE = int(pd.__version__.split(".", 1)[0]) >= 3

#: The order domains appear in a profile (and in a selection).
DOMAIN_ORDER: tuple[Domain, ...] = (
    Domain.KNOWLEDGE, Domain.SKILLS, Domain.ABILITIES, Domain.WORK_ACTIVITIES,
    Domain.TOOLS, Domain.TECHNOLOGY,
)


def yes_no_flag(value: str) -> bool | None:
    """O*NET's Y/N columns (Hot Technology, In Demand ...) as a bool; None when neither."""
    text = value.strip().upper()
    if text in ("Y", "YES", "TRUE", "1"):
        return True
    if text in ("N", "NO", "FALSE", "0"):
        return False
    return None


def _number(value: str) -> float | None:
    text = value.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


class Release:
    """An O*NET release opened with :func:`open_release`. Attributes:

    * ``version`` (``"29.3"``), ``source`` (the folder or archive, as a string),
      ``edition`` (``"text"`` or ``"excel"``);
    * ``files``: canonical domain name -> file (``Path``, or ``"archive.zip!member"``); when a
      domain has several files (30.x Essential + Transferable Skills) this is the first and
      ``file_groups`` has all of them;
    * ``missing``: the expected domains (:data:`ksa.onet.aliases.CORE_DOMAINS`) not present;
    * ``notices``: things worth telling the user about reading (encoding fallbacks, ...); each
      profile repeats the ones raised so far;
    * ``readme``: the Read Me text, or None.
    """

    def __init__(self, source: str, version: str, edition: str, refs: list[FileRef],
                 readme: str | None = None) -> None:
        self.source = source
        self.version = version
        self.edition = edition
        self.readme = readme  # text of "Read Me.txt", when the release has one
        groups: dict[str, list[FileRef]] = {}
        for ref in refs:
            groups.setdefault(aliases.canonical_domain(ref.stem), []).append(ref)
        self._refs: dict[str, tuple[FileRef, ...]] = {k: tuple(v) for k, v in groups.items()}
        self.file_groups: dict[str, tuple[Path | str, ...]] = {
            k: tuple(r.location for r in v) for k, v in self._refs.items()}
        self.files: dict[str, Path | str] = {k: v[0] for k, v in self.file_groups.items()}
        self.missing: tuple[str, ...] = tuple(
            d for d in aliases.CORE_DOMAINS if d not in self._refs)
        self._notices: list[str] = []
        self._frames: dict[str, pd.DataFrame] = {}
        self._indices: dict[str, dict[str, np.ndarray]] = {}
        self._occupations: dict[str, Occupation] | None = None
        self._descriptions: dict[str, str] | None = None

    def __repr__(self) -> str:
        return (f"Release(version={self.version!r}, edition={self.edition!r}, "
                f"source={self.source!r})")

    @property
    def notices(self) -> tuple[str, ...]:
        return tuple(self._notices)

    # -- tables ---------------------------------------------------------------------------

    def _domain_name(self, domain: str) -> str:
        return aliases.canonical_domain(domain)

    def _frame(self, domain: str) -> pd.DataFrame:
        name = self._domain_name(domain)
        cached = self._frames.get(name)
        if cached is not None:
            return cached
        refs = self._refs.get(name)
        if not refs:
            raise ReleaseError(
                f"O*NET {self.version} release at {self.source} has no {name} file "
                f"(files found: {', '.join(sorted(self.files)) or 'none'}).",
                [Problem(f"missing {name} file", file=self.source,
                         hint="use a complete release, or leave that domain out of the panel")],
            )
        parts = []
        for ref in refs:
            frame, notices = parse_table(ref, name)
            self._notices.extend(notices)
            parts.append(frame)
        frame = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True).fillna("")
        self._frames[name] = frame
        log.debug("read %s: %d rows from %s", name, len(frame), [r.location for r in refs])
        return frame

    def table(self, domain: str) -> pd.DataFrame:
        """All rows of one domain file (aliases accepted: ``"Software Skills"``), every column a
        string, canonical column names (Excel-only ``Title``/``Scale Name`` dropped; the text
        edition's ``n/a`` is ``""``). Returns a copy (pandas copy-on-write: shallow until the
        caller changes it); the release keeps its own."""
        return self._frame(domain).copy(deep=not _COPY_ON_WRITE)

    def _rows_for(self, domain: str, code: str) -> pd.DataFrame:
        name = self._domain_name(domain)
        frame = self._frame(name)
        index = self._indices.get(name)
        if index is None:
            groups = frame.groupby(aliases.CODE, sort=False).indices
            index = {str(k): np.asarray(v) for k, v in groups.items()}
            self._indices[name] = index
        positions = index.get(code)
        if positions is None:
            return frame.iloc[0:0]
        return frame.iloc[positions]

    # -- occupations ----------------------------------------------------------------------

    def occupations(self) -> dict[str, Occupation]:
        """Every occupation of the release's Occupation Data, by code."""
        if self._occupations is None:
            frame = self._frame(aliases.OCCUPATION_DATA)
            self._occupations = {
                code: Occupation(code=code, title=title, description=desc)
                for code, title, desc in zip(
                    frame[aliases.CODE].str.strip(), frame["Title"], frame["Description"],
                    strict=True)
            }
        return dict(self._occupations)

    def element_descriptions(self) -> dict[str, str]:
        """Element id -> description, from the release's Content Model Reference."""
        return dict(self._element_descriptions())

    def _element_descriptions(self) -> dict[str, str]:
        if self._descriptions is None:
            frame = self._frame(aliases.CONTENT_MODEL_REFERENCE)
            self._descriptions = dict(zip(frame["Element ID"], frame["Description"], strict=True))
        return self._descriptions

    # -- profile --------------------------------------------------------------------------

    def available_domains(self) -> tuple[Domain, ...]:
        return tuple(d for d in DOMAIN_ORDER if aliases.DOMAIN_FILES[d] in self._refs)

    def profile(self, code: str, domains: Iterable[Domain] | None = None, *,
                title: str | None = None) -> Profile:
        """One occupation's items. ``domains`` None = every domain the release has.

        A retired 2010 code with one successor resolves to it (``Profile.notices`` says so);
        several successors -> :class:`~ksa.errors.RetiredCodeError`; an unknown code ->
        :class:`~ksa.errors.UnknownCodeError` with suggestions (``title``, e.g. the panel's job
        title, sharpens them). A requested domain whose file is missing -> ReleaseError.
        Items with O*NET's Not Relevant = Y or Recommend Suppress = Y are kept with
        ``suppressed=True`` (``select_items`` does not pick them by cutoff).
        """
        wanted = self.available_domains() if domains is None else tuple(
            d for d in DOMAIN_ORDER if d in {Domain(x) for x in domains})
        absent = [d for d in wanted if aliases.DOMAIN_FILES[d] not in self._refs]
        needs_cmr = any(d.rated for d in wanted)
        if absent or (needs_cmr and aliases.CONTENT_MODEL_REFERENCE not in self._refs):
            names = [aliases.DOMAIN_FILES[d] for d in absent]
            if needs_cmr and aliases.CONTENT_MODEL_REFERENCE not in self._refs:
                names.append(aliases.CONTENT_MODEL_REFERENCE)
            raise ReleaseError(
                f"O*NET {self.version} release at {self.source} lacks the file(s) "
                f"{', '.join(names)} needed for the requested domain(s) "
                f"{', '.join(d.value for d in wanted)}.",
                [Problem(f"missing {n} file", file=self.source,
                         hint="use a complete release or drop that domain from the panel")
                 for n in names],
            )
        occupations = self.occupations()
        current, notices_t = resolve_code(code, occupations, title=title)
        notices = list(notices_t)
        items: list[Item] = []
        for domain in wanted:
            if domain.rated:
                found = self._rated_items(domain, current)
            else:
                found = self._example_items(domain, current, notices)
            if not found:
                notices.append(
                    f"{current} has no {domain.label} rows in O*NET {self.version} "
                    f"({aliases.DOMAIN_FILES[domain]}).")
            items.extend(found)
        notices.extend(n for n in self._notices if n not in notices)
        return Profile(occupation=occupations[current], release=self.version,
                       items=tuple(items), notices=tuple(notices))

    def _rated_items(self, domain: Domain, code: str) -> list[Item]:
        rows = self._rows_for(aliases.DOMAIN_FILES[domain], code)
        if rows.empty:
            return []
        descriptions = self._element_descriptions()
        has_suppress = "Recommend Suppress" in rows.columns
        has_relevant = "Not Relevant" in rows.columns
        order: list[str] = []
        names: dict[str, str] = {}
        scores: dict[str, dict[str, float | None]] = {}
        flagged: set[str] = set()
        for rec in rows.to_dict("records"):
            eid = rec["Element ID"].strip()
            if eid not in names:
                order.append(eid)
                names[eid] = rec["Element Name"]
                scores[eid] = {}
            scores[eid][rec["Scale ID"].strip()] = _number(rec["Data Value"])
            if (has_suppress and rec["Recommend Suppress"].strip().upper() == "Y") or (
                    has_relevant and rec["Not Relevant"].strip().upper() == "Y"):
                flagged.add(eid)
        return [
            Item(item_id=eid, domain=domain, name=names[eid],
                 description=descriptions.get(eid, ""), element_id=eid,
                 importance=scores[eid].get("IM"), level=scores[eid].get("LV"),
                 suppressed=eid in flagged)
            for eid in order
        ]

    def _example_items(self, domain: Domain, code: str, notices: list[str]) -> list[Item]:
        rows = self._rows_for(aliases.DOMAIN_FILES[domain], code)
        if rows.empty:
            return []
        has_hot = "Hot Technology" in rows.columns
        has_demand = "In Demand" in rows.columns
        items: list[Item] = []
        seen: set[str] = set()
        for rec in rows.to_dict("records"):
            example = rec["Example"]
            commodity = rec["Commodity Code"].strip()
            item_id = tool_item_id(domain, commodity, example)
            if item_id in seen:
                notices.append(f"{aliases.DOMAIN_FILES[domain]} lists {example!r} "
                               f"({commodity}) twice for {code}; kept once.")
                continue
            seen.add(item_id)
            items.append(Item(
                item_id=item_id, domain=domain, name=example,
                description=rec["Commodity Title"], commodity_code=commodity,
                commodity_title=rec["Commodity Title"],
                hot_technology=yes_no_flag(rec["Hot Technology"]) if has_hot else None,
                in_demand=yes_no_flag(rec["In Demand"]) if has_demand else None,
            ))
        return items


def detect_version(source: Path, readme: str | None) -> str | None:
    """From the Read Me ("O*NET 29.3 Database"), else the folder/archive name (db_29_3_*)."""
    if readme:
        m = _README_VERSION.search(readme)
        if m:
            return m.group(1)
    for name in (source.name, source.stem):
        m = _NAME_VERSION.search(name)
        if m:
            return f"{int(m.group(1))}.{int(m.group(2))}"
    return None


def _release_subfolders(folder: Path) -> list[Path]:
    """Sub-folders of ``folder`` holding an Occupation Data file (a user pointing one level up)."""
    try:
        return sorted(sub for sub in folder.iterdir() if sub.is_dir() and any(
            (sub / f"Occupation Data{suffix}").is_file() for suffix in (".txt", ".xlsx")))
    except OSError:
        return []


def open_release(source: str | Path, version: str | None = None) -> Release:
    """Open an O*NET release: a folder (text ``.txt`` or Excel ``.xlsx`` edition) or a ``.zip``
    of one. Nothing but the file list and Read Me is read until a table is needed."""
    path = Path(source).expanduser()
    if not path.exists():
        raise ReleaseError(f"O*NET release {path} does not exist.",
                           [Problem("no such file or folder", file=str(path))])
    ignored: list[str] = []
    if path.is_dir():
        refs = folder_files(path)
    elif zipfile.is_zipfile(path):
        refs = zip_files(path, ignored)
    elif path.suffix.lower() == ".zip":
        raise ReleaseError(
            f"{path} is not a readable zip archive: truncated or corrupt (an interrupted "
            "download?).",
            [Problem("corrupt or truncated zip archive", file=str(path),
                     hint="download the release again")])
    else:
        raise ReleaseError(
            f"{path} is neither a folder nor a zip archive of an O*NET release.",
            [Problem("not a folder or zip", file=str(path),
                     hint="point at the unzipped db_XX_Y_text / db_XX_Y_excel folder or its .zip")])
    tables = [r for r in refs if aliases.is_table(r.stem)]
    occupation_refs = [r for r in tables
                       if aliases.canonical_domain(r.stem) == aliases.OCCUPATION_DATA]
    if not occupation_refs:
        found = ", ".join(r.name for r in tables) or "no .txt/.xlsx files"
        inside = _release_subfolders(path) if path.is_dir() else []
        hint = (f"did you mean {', '.join(str(f) for f in inside)}?" if inside
                else "point at the folder holding the O*NET database files")
        raise ReleaseError(
            f"{path} is not an O*NET release: it has no 'Occupation Data' file "
            f"(found: {found})." + (f" It holds {', '.join(f.name for f in inside)}, which "
                                    + ("looks like a release." if len(inside) == 1
                                       else "look like releases.") if inside else ""),
            [Problem("no Occupation Data file", file=str(path), value=found, hint=hint)])
    suffix = occupation_refs[0].suffix
    edition = "excel" if suffix == ".xlsx" else "text"
    chosen = [r for r in tables if r.suffix == suffix]
    readme = read_readme(path)
    found_version = detect_version(path, readme)
    if version is not None:
        if not _VERSION.match(version.strip()):
            raise ReleaseError(f"O*NET version {version!r} is not like '29.3'.",
                               [Problem("bad version", value=version)])
        chosen_version = version.strip()
        if found_version and found_version != chosen_version:
            log.warning("%s says O*NET %s; using %s as asked", path, found_version,
                        chosen_version)
    elif found_version:
        chosen_version = found_version
    else:
        raise ReleaseError(
            f"Cannot tell which O*NET release {path} is: no 'Read Me' naming "
            "'O*NET NN.N Database' and the name is not like db_29_3_*. Pass the version "
            "(--version 29.3).",
            [Problem("release version unknown", file=str(path), hint="pass --version")])
    release = Release(str(path), chosen_version, edition, chosen, readme)
    other_edition = [r.name for r in tables if r.suffix != suffix]
    if other_edition:
        release._notices.append(f"{path}: ignored {len(other_edition)} file(s) of the other "
                                f"edition: {', '.join(other_edition)}")
    if ignored:
        release._notices.append(
            f"{path}: ignored {len(ignored)} table file(s) outside the release folder "
            f"{str(occupation_refs[0].location).split('!', 1)[-1].rpartition('/')[0] or '(top)'}"
            f": {', '.join(ignored[:10])}" + (" ..." if len(ignored) > 10 else ""))
    return release
