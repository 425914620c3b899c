"""The central service's HTTP API (Starlette on any ASGI server; ``card-station central serve`` runs it
on uvicorn). Endpoints, bodies and error answers are specified in docs/sync.md.

Why authentication is middleware and not a check in each endpoint: every request, including one to a path
that does not exist, is refused without a valid station credential, so a new endpoint cannot forget it.
Why the store is called through a thread pool: SQLAlchemy sessions block, and the event loop must keep
serving other stations while one batch commits.
"""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from card_station.central.batch import MAX_BATCH_BYTES, BatchError, parse_batch
from card_station.central.store import CentralStore, CentreBusy, OrderConflict, Unauthorized

log = logging.getLogger(__name__)

DEFAULT_PAGE = 500
MAX_PAGE = 5000


def _error(status: int, error: str, detail: str) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail}, status_code=status)


class StationAuthentication:
    """Pure ASGI middleware: a request goes on only with a valid ``Authorization: Bearer`` credential;
    the station it proves is put in ``request.state.station_id``."""

    def __init__(self, app: ASGIApp, store: CentralStore) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = Request(scope).headers.get("authorization")
        try:
            station_id = await run_in_threadpool(self.store.authenticate, header)
        except Unauthorized as exc:
            log.warning("refused %s %s from %s: %s", scope["method"], scope["path"], scope.get("client"), exc)
            response = _error(401, "unauthorized", str(exc))
            response.headers["WWW-Authenticate"] = 'Bearer realm="card-station-central"'
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})["station_id"] = station_id
        await self.app(scope, receive, send)


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BATCH_BYTES:
        raise _TooLarge(int(declared))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BATCH_BYTES:
            raise _TooLarge(size)
        chunks.append(chunk)
    return b"".join(chunks)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(f"the body is at least {size} bytes; send at most {MAX_BATCH_BYTES} per request")


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    text = request.query_params.get(name)
    if text is None:
        return default
    if not text.isdigit() or not low <= int(text) <= high:
        raise BatchError(f"query parameter '{name}' must be an integer from {low} to {high}, got {text!r}")
    return int(text)


def create_app(store: CentralStore) -> Starlette:
    """The ASGI application serving ``store``."""

    async def ping(request: Request) -> JSONResponse:
        return JSONResponse({"station": request.state.station_id})

    async def post_events(request: Request) -> JSONResponse:
        station_id = request.state.station_id
        try:
            events = parse_batch(await _body(request))
            ack = await run_in_threadpool(store.accept, station_id, events)
        except _TooLarge as exc:
            return _error(413, "too_large", str(exc))
        except CentreBusy as exc:
            return _error(503, "busy", str(exc))
        except OrderConflict as exc:
            log.error("batch from %s refused: %s", station_id, exc)
            return _error(409, "order_conflict", str(exc))
        except BatchError as exc:
            log.error("batch from %s malformed: %s", station_id, exc)
            return _error(422, "malformed_batch", str(exc))
        log.info("batch from %s: %d stored, %d held before", station_id, len(ack.stored), len(ack.duplicates))
        return JSONResponse(
            {
                "acknowledged": list(ack.acknowledged),
                "stored": len(ack.stored),
                "duplicates": len(ack.duplicates),
            }
        )

    async def get_updates(request: Request) -> JSONResponse:
        try:
            since = _int_param(request, "since", 0, 0, 2**63 - 1)
            limit = _int_param(request, "limit", DEFAULT_PAGE, 1, MAX_PAGE)
        except BatchError as exc:
            return _error(400, "bad_query", str(exc))
        page = await run_in_threadpool(store.updates_since, since, limit)
        return JSONResponse(
            {"items": [item.to_json() for item in page.items], "cursor": page.cursor, "more": page.more}
        )

    async def get_fma(request: Request) -> JSONResponse:
        items = await run_in_threadpool(store.fma_list, request.state.station_id)
        return JSONResponse({"items": [{"member_key": key, "data": data} for key, data in items]})

    async def not_found(request: Request, exc: Exception) -> JSONResponse:
        return _error(404, "not_found", f"no endpoint {request.method} {request.url.path}; see docs/sync.md")

    async def wrong_method(request: Request, exc: Exception) -> JSONResponse:
        return _error(405, "method_not_allowed", f"{request.method} is not allowed on {request.url.path}")

    app = Starlette(
        routes=[
            Route("/v1/ping", ping, methods=["GET"]),
            Route("/v1/events", post_events, methods=["POST"]),
            Route("/v1/updates", get_updates, methods=["GET"]),
            Route("/v1/fma", get_fma, methods=["GET"]),
        ],
        exception_handlers={404: not_found, 405: wrong_method},
    )
    app.add_middleware(StationAuthentication, store=store)
    return app
