"""The station's HTTP client for the central service (httpx), speaking the protocol of docs/sync.md.

Why it maps every failure to one of two errors: the sync engine only needs to know whether to retry
(``CentralUnavailable``) or to stop and tell someone (``CentralRefused``); the message keeps the centre's
own explanation. The credential goes in the ``Authorization`` header and nowhere else: not in a URL, a
log line or a repr.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx

from card_station.central.batch import WireEvent
from card_station.central.credentials import Credential
from card_station.sync.errors import CentralRefused, CentralUnavailable, CredentialRefused

DEFAULT_TIMEOUT_S = 30.0
_RETRYABLE = frozenset({408, 425, 429})


@dataclass(frozen=True)
class FeedUpdate:
    """One item from the centre's feeds: ``data`` None means the item was withdrawn."""

    seq: int
    feed: str
    key: str
    data: dict[str, Any] | None


@dataclass(frozen=True)
class UpdatePage:
    items: tuple[FeedUpdate, ...]
    cursor: int
    more: bool


class CentralClient:
    """Calls to one central service as one station; a context manager that closes its connections."""

    def __init__(
        self,
        base_url: str,
        credential: Credential,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.station_id = credential.station_id
        self._http = httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {credential.token}"},
            timeout=timeout_s,
            transport=transport,
        )

    def __repr__(self) -> str:
        return f"CentralClient({self.base_url!r}, station={self.station_id!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        what = f"{method} {self.base_url}{path}"
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise CentralUnavailable(f"{what}: no answer in time ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise CentralUnavailable(f"{what}: {type(exc).__name__}: {exc}") from exc
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        detail = body.get("detail") if isinstance(body, dict) else None
        detail = detail if isinstance(detail, str) else response.text[:200]
        if status >= 500 or status in _RETRYABLE:
            raise CentralUnavailable(f"{what}: HTTP {status}: {detail}")
        if status == 401:
            raise CredentialRefused(f"{what}: the centre refused station {self.station_id!r}: {detail}")
        if status >= 400:
            raise CentralRefused(f"{what}: HTTP {status}: {detail}")
        if not isinstance(body, dict):
            raise CentralUnavailable(f"{what}: HTTP {status} but the answer is not a JSON object")
        return body

    def ping(self) -> str:
        """The station ID the centre sees for this credential (a reachability and credential check)."""
        return str(self._call("GET", "/v1/ping").get("station"))

    def post_events(self, events: Sequence[WireEvent]) -> frozenset[str]:
        """Send one batch; return the IDs the centre acknowledged (stored now or held before)."""
        content = json.dumps({"events": [e.to_json() for e in events]}, separators=(",", ":"))
        body = self._call(
            "POST", "/v1/events", content=content.encode(), headers={"Content-Type": "application/json"}
        )
        acknowledged = body.get("acknowledged")
        if not isinstance(acknowledged, list) or not all(isinstance(i, str) for i in acknowledged):
            raise CentralUnavailable("POST /v1/events: the answer has no list of acknowledged event IDs")
        return frozenset(acknowledged)

    def updates(self, cursor: int, limit: int) -> UpdatePage:
        """Feed items changed after ``cursor``."""
        body = self._call("GET", "/v1/updates", params={"since": cursor, "limit": limit})
        try:
            items = tuple(
                FeedUpdate(int(i["seq"]), str(i["feed"]), str(i["key"]), i["data"]) for i in body["items"]
            )
            return UpdatePage(items, int(body["cursor"]), bool(body["more"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise CentralUnavailable(f"GET /v1/updates: the answer is malformed ({exc!r})") from exc

    def fma_list(self) -> list[tuple[str, dict[str, Any]]]:
        """The FMA list the centre holds for this station, as (member key, data)."""
        body = self._call("GET", "/v1/fma")
        try:
            return [(str(i["member_key"]), dict(i["data"])) for i in body["items"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise CentralUnavailable(f"GET /v1/fma: the answer is malformed ({exc!r})") from exc
