"""Finding, downloading and verifying a newer O*NET release (pure helpers, no Prefect).

The refresh flow (``flows/onet_refresh.py``) strings these together: ``find_newer`` probes the
``candidate_versions`` after the store's latest release (an empty store: from ``KNOWN_LATEST``
or the flow's ``start_version``) at the URL pattern, ``download``
the newest (streaming, with a size limit, a stall timeout and retries), ``verify_archive`` (zip
test, required files present), then load/diff/activate through ``ksa.onet.store``.
"""

from __future__ import annotations

import hashlib
import logging
import time
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import httpx

from ksa.errors import KsaError, Problem, ReleaseError

log = logging.getLogger("ksa.onet.refresh")

DEFAULT_URL_PATTERN = "https://www.onetcenter.org/dl_files/database/db_{major}_{minor}_text.zip"
DEFAULT_MAX_BYTES = 200 * 1024 * 1024  # the full text edition is ~90 MB zipped
DEFAULT_TIMEOUT = 60.0
#: The newest release known when this was written (O*NET 30.1, in ``../shared/onet``): where
#: the refresh of an empty store starts looking (``start_version`` overrides it).
KNOWN_LATEST = "30.1"

#: Files a usable release must hold; each group lists the names one file had over the releases.
REQUIRED_FILES: tuple[tuple[str, ...], ...] = (
    ("Occupation Data",),
    ("Knowledge",),
    ("Skills", "Essential Skills"),
    ("Tools Used",),
    ("Technology Skills", "Software Skills"),
)


class DownloadError(KsaError):
    """A release could not be downloaded (HTTP error, timeout, stall, too large)."""


@dataclass(frozen=True)
class Candidate:
    version: str
    url: str


@dataclass(frozen=True)
class Download:
    path: Path
    url: str
    size: int
    sha256: str


def parse_version(version: str) -> tuple[int, int]:
    """``"29.3"`` -> ``(29, 3)``; a clear error otherwise."""
    try:
        major, minor = version.strip().split(".")
        return int(major), int(minor)
    except ValueError:
        raise KsaError(f"Not an O*NET release version: {version!r} (expected e.g. 29.3).") from None


def release_url(pattern: str, version: str) -> str:
    """The download URL for a version: ``{major}``, ``{minor}`` and ``{version}`` are filled."""
    major, minor = parse_version(version)
    return pattern.format(major=major, minor=minor, version=version)


def candidate_versions(latest: str | None, minors_ahead: int = 3,
                       first: str = KNOWN_LATEST) -> list[str]:
    """Versions that could follow ``latest``: the next minors and the next major's ``.0``.
    With no ``latest`` (an empty store): ``first`` and the versions that could follow it."""
    if latest is None:
        return [first, *candidate_versions(first, minors_ahead)]
    major, minor = parse_version(latest)
    found = [f"{major}.{minor + step}" for step in range(1, minors_ahead + 1)]
    found.append(f"{major + 1}.0")
    return found


def _version_key(candidate: Candidate) -> tuple[int, int]:
    return parse_version(candidate.version)


def find_newer(latest: str | None, pattern: str, *, start: str = KNOWN_LATEST,
               minors_ahead: int = 3, timeout: float = 15.0, max_rounds: int = 8,
               transport: httpx.BaseTransport | None = None) -> list[Candidate]:
    """Every release at the URL pattern after ``latest`` (an empty store: ``start`` and after),
    oldest first. Walks on from the newest one found, so a store several releases behind
    catches up in one run; at most ``max_rounds`` rounds of probes."""
    found: dict[str, Candidate] = {}
    candidates = candidate_versions(latest, minors_ahead, first=start)
    for _ in range(max_rounds):
        fresh = [c for c in probe(candidates, pattern, timeout=timeout, transport=transport)
                 if c.version not in found]
        if not fresh:
            break
        found.update((c.version, c) for c in fresh)
        newest = max(found.values(), key=_version_key)
        candidates = candidate_versions(newest.version, minors_ahead)
    return sorted(found.values(), key=_version_key)


def probe(candidates: Sequence[str], pattern: str, *, timeout: float = 15.0,
          transport: httpx.BaseTransport | None = None) -> list[Candidate]:
    """The candidates that exist at the URL pattern (HEAD 200), oldest first."""
    available: list[Candidate] = []
    with httpx.Client(timeout=timeout, follow_redirects=True, transport=transport) as client:
        for version in candidates:
            url = release_url(pattern, version)
            try:
                response = client.head(url)
                if response.status_code == 405:  # server without HEAD: ask for the first byte
                    response = client.get(url, headers={"Range": "bytes=0-0"})
            except httpx.HTTPError as exc:
                raise DownloadError(f"Cannot check {url}: {type(exc).__name__}: {exc}") from exc
            if response.status_code in (200, 206):
                available.append(Candidate(version=version, url=url))
            elif response.status_code != 404:
                raise DownloadError(f"Checking {url} answered HTTP {response.status_code}.")
    return available


def download(
    url: str,
    dest: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = 2,
    retry_delay: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    transport: httpx.BaseTransport | None = None,
) -> Download:
    """Stream ``url`` to ``dest``: at most ``max_bytes``; no data for ``timeout`` s = stall.

    Connection errors, stalls and HTTP 5xx are retried ``retries`` times; 4xx and oversize are
    not. A failed download leaves no file at ``dest``.
    """
    attempt = 0
    while True:
        try:
            return _download_once(url, dest, max_bytes=max_bytes, timeout=timeout,
                                  transport=transport)
        except _Transient as exc:
            if attempt >= retries:
                raise DownloadError(f"{exc} (gave up after {attempt + 1} attempt(s))") from exc
            attempt += 1
            log.warning("Download of %s failed (%s); retry %d of %d", url, exc, attempt, retries)
            sleep(retry_delay * attempt)


class _Transient(Exception):
    pass


def _download_once(url: str, dest: Path, *, max_bytes: int, timeout: float,
                   transport: httpx.BaseTransport | None) -> Download:
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    digest = hashlib.sha256()
    size = 0
    limits = httpx.Timeout(timeout)
    try:
        with httpx.Client(timeout=limits, follow_redirects=True, transport=transport) as client, \
                client.stream("GET", url) as response:
            status = response.status_code
            if status >= 500:
                raise _Transient(f"Downloading {url} answered HTTP {status}")
            if status >= 400:
                raise DownloadError(f"Downloading {url} answered HTTP {status}"
                                    + (": no such release there." if status == 404 else "."))
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise DownloadError(f"{url} is {int(declared):,} bytes, over the limit of "
                                    f"{max_bytes:,} bytes.")
            with part.open("wb") as handle:
                for chunk in response.iter_bytes(64 * 1024):
                    size += len(chunk)
                    if size > max_bytes:
                        raise DownloadError(f"{url} exceeded the size limit of {max_bytes:,} "
                                            "bytes; download stopped.")
                    digest.update(chunk)
                    handle.write(chunk)
            if declared and declared.isdigit() and int(declared) != size:
                raise _Transient(f"Downloading {url} ended after {size:,} of "
                                 f"{int(declared):,} bytes")
    except httpx.TimeoutException as exc:
        part.unlink(missing_ok=True)
        raise _Transient(f"Downloading {url} timed out: no data for {timeout:g} s "
                         f"({type(exc).__name__})") from exc
    except httpx.HTTPError as exc:
        part.unlink(missing_ok=True)
        raise _Transient(f"Downloading {url} failed: {type(exc).__name__}: {exc}") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    part.replace(dest)
    return Download(path=dest, url=url, size=size, sha256=digest.hexdigest())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def archive_members(path: Path) -> dict[str, str]:
    """Stem (``"Knowledge"``) -> member name, for the .txt/.xlsx files of an archive."""
    with zipfile.ZipFile(path) as archive:
        members: dict[str, str] = {}
        for name in archive.namelist():
            pure = PurePosixPath(name)
            if pure.suffix.lower() in (".txt", ".xlsx") and not name.endswith("/"):
                members.setdefault(pure.stem, name)
        return members


def verify_archive(path: Path, required: Sequence[Sequence[str]] = REQUIRED_FILES,
                   max_uncompressed: int = 2 * 1024 * 1024 * 1024) -> list[str]:
    """Check a downloaded release: a valid zip, every member's CRC, the required files.

    Returns the member names. Raises ``ReleaseError`` listing every problem.
    """
    label = str(path)
    if not zipfile.is_zipfile(path):
        raise ReleaseError(f"{label} is not a zip archive (corrupt or not a release download).",
                           [Problem("not a zip archive", file=label,
                                    hint="delete it and download again")])
    problems: list[Problem] = []
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(i.file_size for i in infos)
            if total > max_uncompressed:
                problems.append(Problem(f"unpacks to {total:,} bytes, over {max_uncompressed:,}",
                                        file=label))
            bad = archive.testzip()
            if bad is not None:
                problems.append(Problem("member fails its CRC check", file=label, value=bad,
                                        hint="the download is corrupt; download again"))
            for info in infos:
                if info.filename.startswith("/") or ".." in PurePosixPath(info.filename).parts:
                    problems.append(Problem("unsafe member path", file=label,
                                            value=info.filename))
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise ReleaseError(f"{label} is a corrupt zip archive: {exc}",
                           [Problem(f"corrupt zip: {exc}", file=label,
                                    hint="delete it and download again")]) from exc
    stems = set(archive_members(path))
    for group in required:
        if not any(name in stems for name in group):
            problems.append(Problem("required file missing from the release", file=label,
                                    value=" or ".join(f"{n}.txt" for n in group)))
    if problems:
        raise ReleaseError(f"{label} is not a usable O*NET release.", problems)
    return [i.filename for i in infos]


def extract_archive(path: Path, dest: Path) -> Path:
    """Unpack a verified archive into ``dest``; returns the folder holding the data files."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            parts = PurePosixPath(info.filename).parts
            if info.filename.startswith("/") or ".." in parts:
                raise ReleaseError(f"{path}: unsafe member path {info.filename!r}.")
        archive.extractall(dest)
    members = archive_members(path)
    data_file = members.get("Occupation Data")
    if data_file is None:
        return dest
    return (dest / data_file).parent
