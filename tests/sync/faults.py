"""Fault injection for the central service: ASGI middleware that, per request, answers 500, drops the
connection before or after the service handled the request, or holds the answer until the client gives
up (a slow centre). The service itself is real; only what reaches the client is spoiled."""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from enum import Enum

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_HOLD_LIMIT_S = 60.0


class Fault(Enum):
    ERROR_500 = "answer 500 without handling"
    DROP_BEFORE = "drop the connection before the service sees the request"
    DROP_AFTER = "let the service handle the request, then drop the connection mid-answer"
    SLOW = "let the service handle the request, hold the answer until the client gives up"


class _Dropped(Exception):
    """Raised inside the ASGI app after a partial answer, so that uvicorn closes the connection."""


class FaultInjector:
    """Wraps the service; ``plan(...)`` queues faults for the next requests to ``path_prefix``."""

    def __init__(self, app: ASGIApp, path_prefix: str = "/v1/") -> None:
        self.app = app
        self.path_prefix = path_prefix
        self._plan: deque[Fault] = deque()
        self._lock = threading.Lock()
        self.injected: list[Fault] = []
        self.swallowed: list[bytes] = []

    def plan(self, *faults: Fault) -> None:
        with self._lock:
            self._plan.extend(faults)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._plan)

    def _next(self, scope: Scope) -> Fault | None:
        if scope["type"] != "http" or not scope["path"].startswith(self.path_prefix):
            return None
        with self._lock:
            fault = self._plan.popleft() if self._plan else None
            if fault is not None:
                self.injected.append(fault)
            return fault

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        fault = self._next(scope)
        if fault is None:
            await self.app(scope, receive, send)
            return
        if fault is Fault.ERROR_500:
            body = b'{"error":"internal","detail":"injected fault"}'
            headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
            await send({"type": "http.response.start", "status": 500, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        if fault is not Fault.DROP_BEFORE:
            swallowed: list[Message] = []

            async def swallow(message: Message) -> None:
                swallowed.append(message)

            await self.app(scope, receive, swallow)
            self.swallowed.append(b"".join(m.get("body", b"") for m in swallowed))
        if fault is Fault.SLOW:
            await asyncio.wait_for(self._until_disconnect(receive), _HOLD_LIMIT_S)
            return
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1000")]})
        await send({"type": "http.response.body", "body": b'{"ackno', "more_body": True})
        raise _Dropped("injected connection drop")

    @staticmethod
    async def _until_disconnect(receive: Receive) -> None:
        while (await receive())["type"] != "http.disconnect":
            pass
