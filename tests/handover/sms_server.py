"""A real HTTP server on 127.0.0.1 (random port) that plays an SMS provider for the HTTP gateway tests.

Each request takes the next scripted answer: (status, body), or HANG to never answer (until the test
ends), so that the client's own timeout fires. A request without the expected credentials gets 401.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HANG = (0, "")
API_KEY = "right-key-7f3a"
USERNAME = "echs-station"
PASSWORD = "right-password-9c1e"


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: dict[str, str] | None


@dataclass
class Provider:
    port: int
    answers: list[tuple[int, str]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    auth: str = "header"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _authorised(provider: Provider, headers: dict[str, str]) -> bool:
    if provider.auth == "header":
        return headers.get("x-api-key") == API_KEY
    expected = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
    return headers.get("authorization") == f"Basic {expected}"


def _handler(provider: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            headers = {name.lower(): value for name, value in self.headers.items()}
            provider.seen.append(
                Seen(
                    self.command, parts.path, parse_qs(parts.query), headers, json.loads(raw) if raw else None
                )
            )
            if not _authorised(provider, headers):
                status, body = 401, '{"status": "error", "message": "invalid credentials"}'
            else:
                status, body = provider.answers.pop(0) if provider.answers else (200, "{}")
            if (status, body) == HANG:
                provider.release.wait()
                return
            encoded = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(encoded)))
            self.end_headers()
            self.wfile.write(encoded)

        do_GET = _answer
        do_POST = _answer

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@contextmanager
def provider_server() -> Iterator[Provider]:
    provider = Provider(port=0)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(provider))
    server.daemon_threads = True
    provider.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        provider.release.set()
        server.shutdown()
        server.server_close()
        thread.join()
