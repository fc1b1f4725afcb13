"""O*NET Web Services v2 client: one occupation's knowledge, skills, abilities, technology, tools.

The API key travels in the ``X-API-Key`` header. It comes from the ``api_key`` argument or the
``ONET_API_KEY`` environment variable (read when the client is built, never at import) and is never
logged, never put in an error message and never shown by ``repr``.

Items come back as the same ``ksa.model.Item`` objects the file readers build, with
``source="onet-ws"``. Web Services report importance on a 0-100 scale; it is mapped to O*NET's
1-5 IM scale with ``importance = 1 + 4 * v / 100`` (0 -> 1.0, 50 -> 3.0, 75 -> 4.0, 100 -> 5.0),
the inverse of how O*NET publishes the 0-100 figure from the IM score.

Paged responses carry ``start``, ``end``, ``total`` and sometimes ``next`` (a URL); the client
follows ``next`` when present and otherwise asks for ``start=end+1`` until ``end >= total``.
HTTP 429 is retried after ``Retry-After`` seconds (bounded retries and delay; ``sleep`` is
injectable for tests). Other failures raise ``WebServicesError`` with a clear message.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import httpx

from ksa.errors import KsaError
from ksa.model import Domain, Item, Occupation, Profile

log = logging.getLogger("ksa.onet.webservices")

DEFAULT_BASE_URL = "https://api-v2.onetcenter.org/"
API_KEY_ENV = "ONET_API_KEY"

#: Endpoint (relative to the base URL) per domain; ``{code}`` is the O*NET-SOC code.
ENDPOINTS: dict[Domain, str] = {
    Domain.KNOWLEDGE: "online/occupations/{code}/details/knowledge",
    Domain.SKILLS: "online/occupations/{code}/details/skills",
    Domain.ABILITIES: "online/occupations/{code}/details/abilities",
    Domain.WORK_ACTIVITIES: "online/occupations/{code}/details/work_activities",
    Domain.TECHNOLOGY: "online/occupations/{code}/details/technology_skills",
    Domain.TOOLS: "online/occupations/{code}/details/tools_used",
}
OCCUPATION_ENDPOINT = "online/occupations/{code}/"
DEFAULT_DOMAINS = (Domain.KNOWLEDGE, Domain.SKILLS, Domain.ABILITIES, Domain.TECHNOLOGY,
                   Domain.TOOLS)


class WebServicesError(KsaError):
    """O*NET Web Services refused or failed a request (never includes the API key)."""


def importance_from_ws(value: float | int | None) -> float | None:
    """Map a Web Services importance (0-100) to the IM scale (1-5): ``1 + 4 * v / 100``."""
    if value is None:
        return None
    number = float(value)
    if not 0.0 <= number <= 100.0:
        raise WebServicesError(f"Importance {number} is outside 0-100 in a Web Services response.")
    return round(1.0 + 4.0 * number / 100.0, 4)


def _default_item_id(domain: Domain, commodity_code: str, example: str) -> str:
    from ksa.onet.ids import tool_item_id  # the file readers' id: same item, same id

    return tool_item_id(domain, commodity_code, example)


@dataclass(frozen=True)
class _Secret:
    """Holds the API key; its repr never shows it."""

    value: str = field(repr=False)

    def __repr__(self) -> str:
        return "_Secret(****)"


class WebServicesClient:
    """A small synchronous client; use as a context manager or call ``close()``."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 30.0,
        page_size: int = 100,
        max_retries: int = 3,
        max_retry_after: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
        self._key = _Secret(key)
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.page_size = page_size
        self.max_retries = max_retries
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        headers = {"Accept": "application/json", "User-Agent": "ksa-crosswalk"}
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, headers=headers,
                                  transport=transport)

    def __repr__(self) -> str:
        state = "set" if self._key.value else "unset"
        return f"WebServicesClient(base_url={self.base_url!r}, key={state})"

    def __enter__(self) -> WebServicesClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # -- HTTP ---------------------------------------------------------------------------------

    def get_json(self, path: str, params: Mapping[str, str | int] | None = None) -> dict[str, Any]:
        """GET one resource; 429 is retried after Retry-After, other errors raise."""
        if not self._key.value:
            raise WebServicesError(
                f"No O*NET Web Services API key: set the {API_KEY_ENV} environment variable "
                "(register at https://services.onetcenter.org/developer/signup)."
            )
        attempt = 0
        while True:
            try:
                response = self._http.get(path, params=dict(params) if params else None,
                                          headers={"X-API-Key": self._key.value})
            except httpx.TimeoutException as exc:
                raise WebServicesError(f"O*NET Web Services timed out on {path}.") from exc
            except httpx.HTTPError as exc:
                raise WebServicesError(
                    f"Cannot reach O*NET Web Services at {self.base_url} ({type(exc).__name__})."
                ) from exc
            if response.status_code == 429 and attempt < self.max_retries:
                attempt += 1
                delay = self._retry_after(response, attempt)
                log.info("O*NET Web Services rate limit on %s; retrying in %.1f s (%d/%d)",
                         path, delay, attempt, self.max_retries)
                self._sleep(delay)
                continue
            return self._decode(path, response)

    def _retry_after(self, response: httpx.Response, attempt: int) -> float:
        header = response.headers.get("Retry-After", "")
        try:
            delay = float(header)
        except ValueError:
            delay = float(2 ** attempt)  # missing or an HTTP date: plain exponential backoff
        return max(0.0, min(delay, self.max_retry_after))

    def _decode(self, path: str, response: httpx.Response) -> dict[str, Any]:
        status = response.status_code
        if status in (401, 403):
            raise WebServicesError(
                f"O*NET Web Services refused the API key (HTTP {status}) on {path}: check "
                f"{API_KEY_ENV}."
            )
        if status == 404:
            raise WebServicesError(f"O*NET Web Services has no resource {path} (HTTP 404): "
                                   "check the O*NET-SOC code.")
        if status == 429:
            raise WebServicesError(f"O*NET Web Services rate limit persisted after "
                                   f"{self.max_retries} retries on {path} (HTTP 429).")
        if status >= 400:
            raise WebServicesError(f"O*NET Web Services answered HTTP {status} on {path}.")
        try:
            data = response.json()
        except ValueError as exc:
            raise WebServicesError(
                f"O*NET Web Services sent a body that is not JSON on {path}.") from exc
        if not isinstance(data, dict):
            raise WebServicesError(f"O*NET Web Services sent an unexpected JSON shape on {path}.")
        return data

    def pages(self, path: str, list_key: str) -> Iterator[dict[str, Any]]:
        """Every entry of ``list_key`` across all pages of a paged resource."""
        start = 1
        url: str = path
        params: dict[str, str | int] | None = {"start": start, "end": self.page_size}
        seen = 0
        while True:
            body = self.get_json(url, params)
            entries = body.get(list_key, [])
            if not isinstance(entries, list):
                raise WebServicesError(f"'{list_key}' is not a list in the response for {path}.")
            yield from (e for e in entries if isinstance(e, dict))
            seen += 1
            total = _as_int(body.get("total"))
            end = _as_int(body.get("end"))
            nxt = body.get("next")
            if isinstance(nxt, str) and nxt.startswith(self.base_url):
                url, params = nxt, None  # same service (never send the key elsewhere)
            elif total is not None and end is not None and end < total and entries:
                url, params = path, {"start": end + 1, "end": end + self.page_size}
            else:
                return
            if seen > 1000:
                raise WebServicesError(f"Too many pages for {path}; stopping.")

    # -- domain -------------------------------------------------------------------------------

    def occupation(self, code: str) -> Occupation:
        body = self.get_json(OCCUPATION_ENDPOINT.format(code=code))
        return Occupation(code=str(body.get("code", code)), title=str(body.get("title", "")),
                          description=str(body.get("description", "")))

    def items(self, code: str, domain: Domain) -> list[Item]:
        """One domain's items for one occupation, as ``ksa.model.Item`` (source "onet-ws")."""
        path = ENDPOINTS[domain].format(code=code)
        if domain.rated:
            return [_rated_item(domain, entry, path) for entry in self.pages(path, "element")]
        items: list[Item] = []
        for category in self.pages(path, "category"):
            items.extend(_example_items(domain, category))
        return items

    def profile(self, code: str, domains: Sequence[Domain] = DEFAULT_DOMAINS,
                release: str = "ws") -> Profile:
        """An occupation's profile from Web Services (``release`` names it, e.g. "ws")."""
        occupation = self.occupation(code)
        items: list[Item] = []
        for domain in domains:
            items.extend(self.items(code, domain))
        return Profile(occupation=occupation, release=release, items=tuple(items))


def _as_int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _rated_item(domain: Domain, entry: Mapping[str, Any], path: str) -> Item:
    element_id = str(entry.get("id", "")).strip()
    if not element_id:
        raise WebServicesError(f"An element without 'id' in the response for {path}.")
    raw = entry.get("importance")
    if raw is not None and not isinstance(raw, int | float):
        raise WebServicesError(f"Importance {raw!r} of {element_id} is not a number ({path}).")
    return Item(
        item_id=element_id,
        domain=domain,
        name=str(entry.get("name", "")),
        description=str(entry.get("description", "")),
        element_id=element_id,
        importance=importance_from_ws(raw),
        source="onet-ws",
    )


def _example_items(domain: Domain, category: Mapping[str, Any]) -> list[Item]:
    commodity_code = str(category.get("code", "")).strip()
    commodity_title = str(category.get("title", ""))
    items: list[Item] = []
    for example in category.get("example", []) or []:
        hot: bool | None = None
        in_demand: bool | None = None
        if isinstance(example, dict):
            name = str(example.get("title") or example.get("name") or "")
            hot = _as_bool(example.get("hot_technology"))
            in_demand = _as_bool(example.get("in_demand"))
        else:
            name = str(example)
        if not name:
            continue
        items.append(Item(
            item_id=_default_item_id(domain, commodity_code, name),
            domain=domain,
            name=name,
            description=commodity_title,
            commodity_code=commodity_code,
            commodity_title=commodity_title,
            hot_technology=hot,
            in_demand=in_demand,
            source="onet-ws",
        ))
    return items


def _as_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.upper() in ("Y", "N"):
        return value.upper() == "Y"
    return None


WS_PREFIX = "ws:"
IMPORTANCE_NOTICE = (
    "Importance scores come from O*NET Web Services (0-100) and are mapped to the 1-5 scale "
    "of the database files as 1 + 4 * v / 100."
)


class WebServicesSource:
    """O*NET Web Services as a panel's ``[onet] source`` (``"ws:"`` or ``"ws:BASE_URL"``).

    Offers the ``profile()`` the pipeline uses with the file readers and the store; every
    profile says that its importance scores were mapped from the 0-100 scale.
    """

    def __init__(self, client: WebServicesClient) -> None:
        self.client = client
        self.version = "Web Services"
        self.source = client.base_url

    def profile(
        self, code: str, domains: Iterable[Domain] | None = None, *, title: str | None = None
    ) -> Profile:
        wanted = tuple(domains) if domains is not None else DEFAULT_DOMAINS
        profile = self.client.profile(code, wanted, release=self.version)
        return replace(profile, notices=(*profile.notices, IMPORTANCE_NOTICE))


def open_web_services(source: str, api_key: str | None = None) -> WebServicesSource:
    """``"ws:"`` -> the default service; ``"ws:http://host/"`` -> another base URL (a proxy,
    a test server). The key comes from ``api_key`` or the ONET_API_KEY environment variable."""
    base = source[len(WS_PREFIX) :].strip() if source.startswith(WS_PREFIX) else ""
    client = WebServicesClient(api_key, base_url=base or DEFAULT_BASE_URL)
    return WebServicesSource(client)
