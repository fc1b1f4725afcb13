"""O*NET Web Services client against a real local HTTP server serving documented-shape JSON."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlparse

import pytest

from ksa.model import Domain
from ksa.onet.webservices import (
    WebServicesClient,
    WebServicesError,
    importance_from_ws,
)

KEY = "test-key-5ecret-value"
CODE = "51-9161.00"

SKILLS = [
    {
        "id": "2.A.1.a",
        "related": "https://api-v2.onetcenter.org/x",
        "name": "Reading Comprehension",
        "description": "Understanding written sentences.",
        "importance": 75,
    },
    {
        "id": "2.A.1.b",
        "related": "https://api-v2.onetcenter.org/y",
        "name": "Active Listening",
        "description": "Giving full attention.",
        "importance": 72,
    },
    {
        "id": "2.A.2.a",
        "related": "https://api-v2.onetcenter.org/z",
        "name": "Critical Thinking",
        "description": "Using logic.",
        "importance": 50,
    },
]
KNOWLEDGE = [
    {
        "id": "2.C.3.a",
        "related": "https://api-v2.onetcenter.org/k",
        "name": "Computers and Electronics",
        "description": "Knowledge of circuit boards.",
        "importance": 100,
    },
]
TECHNOLOGY = [
    {
        "code": 43232610,
        "related": "https://api-v2.onetcenter.org/t",
        "title": "Computer aided manufacturing CAM software",
        "example": [
            {"title": "Mastercam", "hot_technology": True},
            {"title": "Autodesk PowerMill"},
        ],
    },
]
TOOLS = [
    {"code": 23241603, "title": "Lathes", "example": ["Computer numerical control CNC lathes"]},
]


class FakeOnet(BaseHTTPRequestHandler):
    """Paged like the real service: start/end query, start/end/total/next in the body."""

    state: ClassVar[dict[str, Any]] = {}

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        state = self.state
        state.setdefault("keys", []).append(self.headers.get("X-API-Key"))
        state.setdefault("paths", []).append(self.path)
        if self.headers.get("X-API-Key") != KEY:
            self._send(401, {"error": "Invalid API key"})
            return
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if state.get("throttle", 0) > 0:
            state["throttle"] -= 1
            self._send(429, {"error": "slow down"}, {"Retry-After": "2"})
            return
        base = f"/online/occupations/{CODE}"
        lists = {
            f"{base}/details/skills": ("element", SKILLS),
            f"{base}/details/knowledge": ("element", KNOWLEDGE),
            f"{base}/details/abilities": ("element", []),
            f"{base}/details/technology_skills": ("category", TECHNOLOGY),
            f"{base}/details/tools_used": ("category", TOOLS),
        }
        if url.path == base + "/":
            self._send(
                200,
                {
                    "code": CODE,
                    "title": "Computer Numerically Controlled Tool Operators",
                    "description": "Operate CNC machines.",
                },
            )
            return
        if url.path not in lists:
            self._send(404, {"error": "not found"})
            return
        key, rows = lists[url.path]
        page = int(state.get("page_size", 2))
        start = int(query.get("start", ["1"])[0])
        end = min(start + page - 1, len(rows))
        body: dict[str, Any] = {
            "start": start,
            "end": end,
            "total": len(rows),
            key: rows[start - 1 : end],
        }
        if end < len(rows):
            host = self.headers.get("Host")
            body["next"] = f"http://{host}{url.path}?start={end + 1}&end={end + page}"
        self._send(200, body)


@pytest.fixture()
def server() -> Iterator[tuple[str, dict[str, Any]]]:
    state: ClassVar[dict[str, Any]] = {}
    handler = type("Handler", (FakeOnet,), {"state": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", state
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_importance_mapping_is_documented_formula() -> None:
    assert importance_from_ws(0) == 1.0
    assert importance_from_ws(50) == 3.0
    assert importance_from_ws(75) == 4.0
    assert importance_from_ws(100) == 5.0
    assert importance_from_ws(None) is None
    with pytest.raises(WebServicesError):
        importance_from_ws(101)


def test_fixture_shape_from_shared_parses(shared: Path, server: tuple[str, dict[str, Any]]) -> None:
    body = json.loads((shared / "onet" / "api_v2_shape" / "skills_body.json").read_text())
    assert {"start", "end", "total", "element"} <= set(body)
    assert set(body["element"][0]) == set(SKILLS[0])  # our fake server serves the same shape


def test_header_pagination_and_items(server: tuple[str, dict[str, Any]]) -> None:
    url, state = server
    state["page_size"] = 2
    with WebServicesClient(api_key=KEY, base_url=url) as client:
        skills = client.items(CODE, Domain.SKILLS)
    assert [i.item_id for i in skills] == ["2.A.1.a", "2.A.1.b", "2.A.2.a"]  # across 2 pages
    assert [i.importance for i in skills] == [4.0, 3.88, 3.0]
    assert all(i.source == "onet-ws" and i.domain is Domain.SKILLS for i in skills)
    assert skills[0].description == "Understanding written sentences."
    assert state["keys"] == [KEY, KEY]
    assert len([p for p in state["paths"] if "skills" in p]) == 2
    assert "start=3" in state["paths"][1]


def test_profile_has_every_domain(server: tuple[str, dict[str, Any]]) -> None:
    url, _state = server
    with WebServicesClient(api_key=KEY, base_url=url, page_size=2) as client:
        profile = client.profile(CODE)
    assert profile.occupation.title == "Computer Numerically Controlled Tool Operators"
    by_domain = {d: [i for i in profile.items if i.domain is d] for d in Domain}
    assert [i.name for i in by_domain[Domain.TECHNOLOGY]] == ["Mastercam", "Autodesk PowerMill"]
    assert by_domain[Domain.TECHNOLOGY][0].hot_technology is True
    assert by_domain[Domain.TECHNOLOGY][0].commodity_code == "43232610"
    tool = by_domain[Domain.TOOLS][0]
    assert tool.name == "Computer numerical control CNC lathes" and tool.commodity_title == "Lathes"
    assert tool.item_id and tool.item_id != by_domain[Domain.TECHNOLOGY][0].item_id
    assert (
        len(by_domain[Domain.KNOWLEDGE]) == 1 and by_domain[Domain.KNOWLEDGE][0].importance == 5.0
    )


def test_429_honours_retry_after_then_succeeds(server: tuple[str, dict[str, Any]]) -> None:
    url, state = server
    state["throttle"] = 2
    slept: list[float] = []
    with WebServicesClient(api_key=KEY, base_url=url, page_size=10, sleep=slept.append) as client:
        items = client.items(CODE, Domain.KNOWLEDGE)
    assert slept == [2.0, 2.0]
    assert [i.item_id for i in items] == ["2.C.3.a"]


def test_429_bounded_retries(server: tuple[str, dict[str, Any]]) -> None:
    url, state = server
    state["throttle"] = 10
    slept: list[float] = []
    with (
        WebServicesClient(api_key=KEY, base_url=url, max_retries=2, sleep=slept.append) as client,
        pytest.raises(WebServicesError, match="429"),
    ):
        client.items(CODE, Domain.KNOWLEDGE)
    assert len(slept) == 2


def test_401_is_clear_and_never_shows_the_key(server: tuple[str, dict[str, Any]]) -> None:
    url, state = server
    wrong = "wrong-key-s3cret"
    client = WebServicesClient(api_key=wrong, base_url=url)
    with pytest.raises(WebServicesError) as info:
        client.items(CODE, Domain.SKILLS)
    client.close()
    assert "401" in str(info.value) and "ONET_API_KEY" in str(info.value)
    assert wrong not in str(info.value) and wrong not in repr(client)
    assert state["keys"] == [wrong]


def test_missing_key_fails_before_any_request(
    server: tuple[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, state = server
    monkeypatch.delenv("ONET_API_KEY", raising=False)
    with (
        WebServicesClient(base_url=url) as client,
        pytest.raises(WebServicesError, match="ONET_API_KEY"),
    ):
        client.items(CODE, Domain.SKILLS)
    assert state.get("paths") is None


def test_key_from_env_is_sent(
    server: tuple[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, state = server
    monkeypatch.setenv("ONET_API_KEY", KEY)
    with WebServicesClient(base_url=url) as client:
        assert KEY not in repr(client)
        assert client.occupation(CODE).code == CODE
    assert state["keys"] == [KEY]


def test_404_and_unreachable_are_clear(server: tuple[str, dict[str, Any]]) -> None:
    url, _ = server
    with (
        WebServicesClient(api_key=KEY, base_url=url) as client,
        pytest.raises(WebServicesError, match="404"),
    ):
        client.items("99-9999.00", Domain.SKILLS)
    with (
        WebServicesClient(api_key=KEY, base_url="http://127.0.0.1:9/", timeout=2) as client,
        pytest.raises(WebServicesError, match="Cannot reach") as info,
    ):
        client.items(CODE, Domain.SKILLS)
    assert KEY not in str(info.value)
