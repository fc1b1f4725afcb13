"""O*NET Web Services as a panel's [onet] source: same Item objects, importance mapped, said so."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from test_onet_webservices import CODE, KEY, FakeOnet

from ksa import pipeline
from ksa.errors import KsaError
from ksa.model import Domain
from ksa.onet.webservices import IMPORTANCE_NOTICE
from ksa.panel import read_panel


@pytest.fixture()
def service() -> Iterator[str]:
    state: ClassVar[dict[str, Any]] = {}
    handler = type("Handler", (FakeOnet,), {"state": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _panel(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "panel.toml"
    path.write_text(
        f'title = "WS panel"\n[occupation]\nsoc = "{CODE}"\n'
        f'[onet]\nsource = "{source}"\nimportance_min = 3.5\n'
        'domains = ["knowledge", "skills", "technology"]\n',
        encoding="utf-8",
    )
    return path


def test_panel_selects_from_web_services(
    tmp_path: Path, service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ONET_API_KEY", raising=False)
    panel = read_panel(_panel(tmp_path, f"ws:{service}"))
    assert panel.onet_source == f"ws:{service}"  # not turned into a path
    selection = pipeline.load_selection(panel, api_key=KEY)
    names = [(i.domain, i.name, i.importance) for i in selection.items]
    # 100 -> 5.0, 75 -> 4.0, 72 -> 3.88 pass the 3.5 cutoff; 50 -> 3.0 does not
    assert names[:3] == [
        (Domain.KNOWLEDGE, "Computers and Electronics", 5.0),
        (Domain.SKILLS, "Reading Comprehension", 4.0),
        (Domain.SKILLS, "Active Listening", 3.88),
    ]
    assert {i.name for i in selection.items if i.domain is Domain.TECHNOLOGY} == {
        "Mastercam",
        "Autodesk PowerMill",
    }
    assert IMPORTANCE_NOTICE in selection.profile.notices
    assert selection.profile.release == "Web Services"


def test_missing_key_is_a_clear_error(
    tmp_path: Path, service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ONET_API_KEY", raising=False)
    panel = read_panel(_panel(tmp_path, f"ws:{service}"))
    with pytest.raises(KsaError, match="ONET_API_KEY"):
        pipeline.load_selection(panel)


@pytest.mark.flow
def test_flow_takes_key_from_prefect_secret(
    prefect_harness: None, tmp_path: Path, service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prefect.blocks.system import Secret

    from flows.panel_crosswalk import web_services_key

    monkeypatch.delenv("ONET_API_KEY", raising=False)
    panel = read_panel(_panel(tmp_path, f"ws:{service}"))
    assert web_services_key(panel) is None  # no block yet: the client will explain
    Secret(value=KEY).save("onet-api-key", overwrite=True)
    assert web_services_key(panel) == KEY
    monkeypatch.setenv("ONET_API_KEY", "from-env")
    assert web_services_key(panel) is None  # the environment wins; the client reads it
