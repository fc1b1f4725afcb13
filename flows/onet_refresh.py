"""Monthly O*NET refresh: find a newer release, download, verify, load, diff, publish, activate.

Each step is a task (a checkpoint worth retrying or seeing in the UI); the logic lives in
``ksa.onet.refresh`` / ``ksa.onet.store`` / ``ksa.onet.diff``. The new release becomes active
only after it loaded and its diff was published: on any failure the previous release stays the
active one and the flow run fails with a message saying what happened.

Run once: ``python -m flows.onet_refresh``; schedule: ``deployment()`` (served by ``ksa serve``).
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from ksa.errors import KsaError
from ksa.onet import open_release
from ksa.onet.diff import diff_releases, to_dict, to_markdown
from ksa.onet.refresh import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    DEFAULT_URL_PATTERN,
    KNOWN_LATEST,
    Candidate,
    download,
    release_url,
    verify_archive,
)
from ksa.onet.refresh import find_newer as find_newer_releases
from ksa.onet.store import Store
from ksa.workbook.save import save_text


class RefreshFailed(KsaError):
    """The refresh stopped; the previously active release is still the active one."""


@task(cache_policy=NO_CACHE)
def find_newer(db: str | None, url_pattern: str, minors_ahead: int, timeout: float,
               start_version: str) -> tuple[str | None, list[Candidate]]:
    latest = Store(db).latest()
    return latest, find_newer_releases(latest, url_pattern, start=start_version,
                                       minors_ahead=minors_ahead, timeout=timeout)


@task(cache_policy=NO_CACHE)  # download() retries transient failures itself
def fetch(url: str, folder: str, max_bytes: int, timeout: float, retries: int) -> str:
    dest = Path(folder) / Path(url.split("?", 1)[0]).name
    return str(download(url, dest, max_bytes=max_bytes, timeout=timeout, retries=retries).path)


@task(cache_policy=NO_CACHE)
def verify(path: str) -> int:
    return len(verify_archive(Path(path)))


@task(cache_policy=NO_CACHE)
def load(db: str | None, path: str, version: str, url: str) -> str:
    result = Store(db).load(open_release(path, version=version), activate=False, source=url)
    return result.message


@task(cache_policy=NO_CACHE)
def diff(db: str | None, old: str | None, new: str, codes: list[str] | None,
         importance_delta: float) -> tuple[str, dict[str, Any]]:
    store = Store(db)
    if old is None:
        text = f"# O*NET {new} loaded\n\nNo earlier release in the store to compare with.\n"
        return text, {"old_version": None, "new_version": new}
    result = diff_releases(store.open(old), store.open(new), codes=codes,
                           importance_delta=importance_delta)
    return to_markdown(result), to_dict(result)


@task(cache_policy=NO_CACHE)
def publish(markdown: str, old: str | None, new: str, outputs: str) -> str:
    key = f"onet-diff-{old or 'none'}-to-{new}".replace(".", "-").lower()
    create_markdown_artifact(markdown, key=key, description=f"O*NET {old} -> {new}")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"onet-diff-{old or 'none'}-to-{new}-{stamp}.md"
    return str(save_text(markdown, Path(outputs) / name))


@task(cache_policy=NO_CACHE)
def activate(db: str | None, version: str) -> None:
    Store(db).activate(version)


def panel_codes(panels: list[str] | None, codes: list[str] | None) -> list[str] | None:
    """The occupations to diff: explicit ``codes`` plus each panel file's ``[occupation] soc``."""
    if not panels and not codes:
        return None
    found = list(codes or [])
    if panels:
        from ksa.panel import read_panel

        found += [read_panel(p).soc for p in panels]
    return list(dict.fromkeys(found))


@flow(name="onet-refresh", log_prints=False)
def onet_refresh(
    db: str | None = None,
    url_pattern: str = DEFAULT_URL_PATTERN,
    panels: list[str] | None = None,
    codes: list[str] | None = None,
    outputs: str = "outputs",
    importance_delta: float = 0.5,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    retries: int = 2,
    minors_ahead: int = 3,
    version: str | None = None,
    start_version: str = KNOWN_LATEST,
) -> dict[str, Any]:
    """Load the newest O*NET release after the store's active one and publish what changed.

    ``version`` skips the search and fetches that release. An empty store looks for
    ``start_version`` (default: the newest release known when this was written) and the
    releases after it; finding none there fails the run with a message naming ``version``.
    """
    logger = get_run_logger()
    if version:
        previous = Store(db).latest()
        available = [Candidate(version, release_url(url_pattern, version))]
    else:
        previous, available = find_newer(db, url_pattern, minors_ahead, timeout, start_version)
    if not available and previous is None:
        raise RefreshFailed(
            f"The O*NET store is empty and no release {start_version} or newer was found at "
            f"{url_pattern}. Run the refresh with version= (e.g. version='29.3') or an earlier "
            "start_version=, or load a release with `ksa onet load SOURCE`.")
    if not available:
        logger.info("No O*NET release newer than %s at %s", previous, url_pattern)
        return {"status": "up-to-date", "active": previous}
    newest = available[-1]
    logger.info("O*NET %s found at %s (active: %s)", newest.version, newest.url, previous)
    try:
        with tempfile.TemporaryDirectory(prefix="ksa-onet-") as folder:
            archive = fetch(newest.url, folder, max_bytes, timeout, retries)
            verify(archive)
            logger.info("%s", load(db, archive, newest.version, newest.url))
        markdown, data = diff(db, previous, newest.version, panel_codes(panels, codes),
                              importance_delta)
        report = publish(markdown, previous, newest.version, outputs)
        activate(db, newest.version)
    except Exception as exc:
        raise RefreshFailed(
            f"O*NET refresh to {newest.version} failed; {previous or 'no release'} stays "
            f"active. {exc}") from exc
    logger.info("O*NET %s is active; diff report: %s", newest.version, report)
    return {"status": "updated", "active": newest.version, "previous": previous,
            "report": report, "diff": data}


#: The refresh schedule: 06:00 UTC on the 1st of every month.
MONTHLY_CRON = "0 6 1 * *"


def deployment(panels: list[str] | None = None) -> Any:
    """The monthly refresh deployment for ``ksa serve``; ``panels`` (panel files) become its
    ``panels`` parameter, so each run diffs the occupations those panels use."""
    parameters = {"panels": list(panels)} if panels else None
    return onet_refresh.to_deployment(name="monthly", cron=MONTHLY_CRON, parameters=parameters)


if __name__ == "__main__":
    print(onet_refresh()["status"])
