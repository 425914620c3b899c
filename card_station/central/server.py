"""Running the central service on uvicorn: in the foreground (``card-station central serve``) or in a
background thread on a loopback socket (tests, the store benchmark's drain measurement).

Why the thread runner binds the socket itself: the caller gets a free port chosen by the kernel with no
race, and can bind a port before the service starts (a bound socket that is not listening refuses
connections: the "centre is down" case), then start the service on it.
"""

from __future__ import annotations

import socket
import threading
from types import TracebackType

import uvicorn
from starlette.types import ASGIApp

from card_station.central.app import create_app
from card_station.central.store import CentralStore

LOOPBACK = "127.0.0.1"
_START_TIMEOUT_S = 30.0
_STOP_TIMEOUT_S = 30.0


class ServiceError(RuntimeError):
    """The service could not start or stop."""


def _config(app: ASGIApp, **options: object) -> uvicorn.Config:
    return uvicorn.Config(app, lifespan="off", log_level="warning", access_log=False, **options)


def serve(
    store: CentralStore,
    host: str,
    port: int,
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> None:
    """Serve until interrupted (SIGINT/SIGTERM stop it cleanly)."""
    tls = {"ssl_certfile": ssl_certfile, "ssl_keyfile": ssl_keyfile}
    uvicorn.Server(_config(create_app(store), host=host, port=port, **tls)).run()


def bind_loopback(port: int = 0) -> socket.socket:
    """A TCP socket bound to 127.0.0.1 (a free port if 0), not yet listening."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((LOOPBACK, port))
    return sock


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()


class ServiceThread:
    """The central service on a loopback socket in a daemon thread; a context manager.

    ``url`` is known as soon as the object exists; the service answers after ``start()``. ``app`` replaces
    the service's own application, for wrapping it in middleware (the sync tests inject faults so).
    """

    def __init__(
        self, store: CentralStore, sock: socket.socket | None = None, *, app: ASGIApp | None = None
    ) -> None:
        self.store = store
        self.socket = sock or bind_loopback()
        host, port = self.socket.getsockname()
        self.url = f"http://{host}:{port}"
        self._server = _Server(_config(app or create_app(store)))
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self.socket]}, name="central-service", daemon=True
        )

    def start(self) -> ServiceThread:
        self._thread.start()
        if not self._server.ready.wait(_START_TIMEOUT_S) or not self._thread.is_alive():
            raise ServiceError(f"the central service did not start on {self.url}")
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.should_exit = True
            self._thread.join(_STOP_TIMEOUT_S)
            if self._thread.is_alive():
                raise ServiceError(f"the central service on {self.url} did not stop")
        self.socket.close()

    def __enter__(self) -> ServiceThread:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
