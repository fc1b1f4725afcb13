"""Shared fixtures. Tests write only to tmp_path; the Prefect harness starts only for flow tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests with a fixed seed (reproducible, never flaky); locally every run
# explores new examples.
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KSA_SHARED", REPO.parent / "shared"))
SAMPLE = REPO / "inputs" / "sample"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
os.environ.setdefault("PREFECT_TASKS_DEFAULT_NO_CACHE", "true")

needs_shared = pytest.mark.skipif(
    not (SHARED / "onet").is_dir(),
    reason=f"needs the shared O*NET/catalog data at {SHARED} (present beside the clone in CI; "
    "set KSA_SHARED to point elsewhere)",
)


@pytest.fixture(autouse=True)
def _isolated_store(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the user's real store: every test gets its own KSA_DB."""
    monkeypatch.setenv("KSA_DB", str(tmp_path_factory.mktemp("store") / "ksa.sqlite"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "onet").is_dir():
        pytest.skip(
            f"needs the shared O*NET/catalog data at {SHARED} (../shared beside the clone, as in "
            "CI; or set KSA_SHARED)"
        )
    return SHARED


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API for flow tests (about 10 s to start; shared by the session)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield
