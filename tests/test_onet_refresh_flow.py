"""The refresh flow end to end under the Prefect test harness: a good release is loaded, diffed,
published and activated; a corrupt zip, a 404 and a stalled server fail with a clear message and
leave the previous release active."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from test_onet_refresh import ReleaseServer, zip_release
from test_onet_store import write_mini_release

from ksa.onet import open_release
from ksa.onet.store import Store

pytestmark = pytest.mark.flow

PATTERN = "/db_{major}_{minor}_text.zip"


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[str, type[ReleaseServer], Store]]:
    store = Store(tmp_path / "store.sqlite")
    store.load(open_release(write_mini_release(tmp_path / "db_29_3_text", "29.3")))
    handler = type("Handler", (ReleaseServer,), {"files": {}, "stall": set(),
                                                 "get_status": {}, "gets": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler, store
    finally:
        httpd.shutdown()
        httpd.server_close()


def _good_zip(tmp_path: Path) -> bytes:
    folder = write_mini_release(tmp_path / "src" / "db_29_4_text", "29.4", changed=True)
    return zip_release(folder, tmp_path / "good.zip").read_bytes()


def _failure(state: object) -> str:
    assert state.is_failed()  # type: ignore[attr-defined]
    return str(state.result(raise_on_failure=False))  # type: ignore[attr-defined]


def test_refresh_flow_cases(prefect_harness: None, tmp_path: Path,
                            served: tuple[str, type[ReleaseServer], Store]) -> None:
    from prefect.client.orchestration import get_client

    from flows.onet_refresh import deployment, onet_refresh

    url, handler, store = served
    common = {"db": str(store.path), "url_pattern": url + PATTERN, "outputs": str(tmp_path / "out"),
              "codes": ["51-9161.00"], "retries": 0}

    # nothing newer: a 404 on every candidate
    assert onet_refresh(**common) == {"status": "up-to-date", "active": "29.3"}

    # the release exists but its download answers 404
    handler.files["/db_29_4_text.zip"] = b"whatever"
    handler.get_status["/db_29_4_text.zip"] = 404
    message = _failure(onet_refresh(**common, return_state=True))
    assert "HTTP 404" in message and "29.3 stays active" in message
    assert store.latest() == "29.3"
    handler.get_status.clear()

    # a corrupt zip
    handler.files["/db_29_4_text.zip"] = b"PK\x03\x04 definitely not a zip archive"
    message = _failure(onet_refresh(**common, return_state=True))
    assert "not a zip archive" in message and "29.3 stays active" in message
    assert store.latest() == "29.3" and [i.version for i in store.releases()] == ["29.3"]

    # a server that stalls mid-download
    handler.files["/db_29_4_text.zip"] = _good_zip(tmp_path)
    handler.stall.add("/db_29_4_text.zip")
    message = _failure(onet_refresh(**common, timeout=0.5, return_state=True))
    assert "timed out" in message and "29.3 stays active" in message
    assert store.latest() == "29.3"
    handler.stall.clear()

    # a good release
    result = onet_refresh(**common)
    assert result["status"] == "updated" and result["active"] == "29.4"
    assert result["previous"] == "29.3"
    assert store.releases()[1].source == url + "/db_29_4_text.zip"
    assert store.latest() == "29.4"
    assert [(i.version, i.active) for i in store.releases()] == [("29.3", False), ("29.4", True)]
    report = Path(result["report"])
    text = report.read_text()
    assert report.parent == tmp_path / "out" and text.startswith("# O*NET 29.3 -> 29.4")
    assert "Engineering and Technology" in text
    assert result["diff"]["occupations"][0]["code"] == "51-9161.00"
    with get_client(sync_client=True) as client:
        artifact = client.read_latest_artifacts()  # type: ignore[call-arg]
    keys = {a.key for a in artifact}
    assert "onet-diff-29-3-to-29-4" in keys

    # and the schedule
    dep = deployment()
    assert dep.name == "monthly"
    assert [s.schedule.cron for s in dep.schedules] == ["0 6 1 * *"]


def test_first_run_on_an_empty_store(prefect_harness: None, tmp_path: Path,
                                     served: tuple[str, type[ReleaseServer], Store]) -> None:
    """An empty store: nothing at start_version or after -> a failed run that says to pass
    version=; version= loads that release; start_version= finds it by probing."""
    from flows.onet_refresh import onet_refresh

    url, handler, _ = served
    handler.files["/db_29_4_text.zip"] = _good_zip(tmp_path)
    common = {"url_pattern": url + PATTERN, "outputs": str(tmp_path / "out"), "retries": 0}

    empty = Store(tmp_path / "empty.sqlite")
    message = _failure(onet_refresh(db=str(empty.path), **common, return_state=True))
    assert "store is empty" in message and "30.1 or newer" in message and "version=" in message
    assert empty.releases() == []

    first = Store(tmp_path / "first.sqlite")
    result = onet_refresh(db=str(first.path), version="29.4", **common)
    assert (result["status"], result["active"], result["previous"]) == ("updated", "29.4", None)
    assert "No earlier release" in Path(result["report"]).read_text()
    assert [(i.version, i.active) for i in first.releases()] == [("29.4", True)]
    assert first.releases()[0].source == url + "/db_29_4_text.zip"

    probed = Store(tmp_path / "probed.sqlite")
    result = onet_refresh(db=str(probed.path), start_version="29.3", **common)
    assert (result["status"], result["active"]) == ("updated", "29.4")
    assert probed.latest() == "29.4"


def test_codes_come_from_panel_files() -> None:
    from flows.onet_refresh import panel_codes

    panel = Path(__file__).resolve().parents[1] / "inputs" / "sample" / "panel.toml"
    if not panel.is_file():
        pytest.skip("no bundled sample panel")
    assert panel_codes([str(panel)], ["29-2052.00", "51-9161.00"]) == ["29-2052.00", "51-9161.00"]
    assert panel_codes([str(panel)], None) == ["51-9161.00"]
    assert panel_codes(None, None) is None
