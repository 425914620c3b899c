"""The reader watcher: a thread blocked in ``SCardGetStatusChange`` that reports readers plugged or
pulled and cards inserted or removed (PC/SC part 5 / pcsc-lite: the ``\\\\?PnP?\\Notification`` pseudo
reader wakes the call when the reader list changes).

Why our own loop and not pyscard's ``CardMonitor`` / ``ReaderMonitor``: those poll on timers in daemon
threads that outlive the window and cannot be stopped cleanly, and one of them per screen would mean
several PC/SC contexts racing. Here one thread waits in pcscd (no sleep-polling) and ``SCardCancel``
from the GUI thread wakes it to stop; each wait is bounded (``WAIT_MS``) so a stop is never missed. The
watcher only observes; connections belong to the job thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal
from smartcard import scard

from apdu.transport.pcsc import PNP_NOTIFICATION, socket_path
from gui.worker.state import ReaderState

SERVICE_RETRY_S = 1.0
"""How long to wait before asking pcscd again after it became unreachable (it has no event for "back")."""
WAIT_MS = 500
"""The longest one ``SCardGetStatusChange`` waits. ``SCardCancel`` wakes a wait in progress only: a stop
that lands between two waits would otherwise leave the next one blocked for ever (a GUI that never quits),
so each wait is bounded and the stop flag is checked again after it."""

_NO_SERVICE = frozenset({scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED})
_RELIST = frozenset(
    {scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE, scard.SCARD_E_NO_READERS_AVAILABLE}
)


def _present(state: int) -> bool:
    return bool(state & scard.SCARD_STATE_PRESENT) and not state & scard.SCARD_STATE_MUTE


class ReaderWatcher(QThread):
    """Emits ``snapshot`` (a tuple of ``ReaderState``) whenever it differs from the last one, and
    ``service`` (reachable, message) when pcscd goes away or comes back."""

    snapshot = Signal(object)
    service = Signal(bool, str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card-station reader watcher")
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._context: int | None = None

    def stop(self) -> None:
        """Ask the thread to end and wait for it."""
        self.request_stop()
        self.wait()

    def request_stop(self) -> None:
        """Ask the thread to end without waiting: wake a wait in progress (``SCardCancel``); a thread
        between two waits sees the flag within ``WAIT_MS``."""
        self._stop.set()
        with self._lock:
            if self._context is not None:
                scard.SCardCancel(self._context)

    def run(self) -> None:
        last: tuple[ReaderState, ...] | None = None
        reachable: bool | None = None
        while not self._stop.is_set():
            code, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if code != scard.SCARD_S_SUCCESS:
                if reachable is not False:
                    reachable = False
                    self.service.emit(False, f"PC/SC service not reachable at {socket_path()}: start pcscd")
                    last = ()
                    self.snapshot.emit(last)
                self._stop.wait(SERVICE_RETRY_S)
                continue
            if reachable is not True:
                reachable = True
                self.service.emit(True, f"PC/SC service at {socket_path()}")
            with self._lock:
                self._context = context
            try:
                last = self._watch(context, last)
            finally:
                with self._lock:
                    self._context = None
                scard.SCardReleaseContext(context)
            if not self._stop.is_set():
                reachable = False
                self.service.emit(False, f"PC/SC service at {socket_path()} went away: start pcscd")
                last = ()
                self.snapshot.emit(last)
                self._stop.wait(SERVICE_RETRY_S)

    def _watch(self, context: int, last: tuple[ReaderState, ...] | None) -> tuple[ReaderState, ...] | None:
        """Report changes until cancelled or pcscd goes away (a reader state UNAWARE returns at once)."""
        known: dict[str, int] = {}
        atrs: dict[str, bytes] = {}
        while not self._stop.is_set():
            code, listed = scard.SCardListReaders(context, [])
            if code in _NO_SERVICE:
                return last
            names = list(listed) if code == scard.SCARD_S_SUCCESS else []
            watched = [*names, PNP_NOTIFICATION]
            request = [(name, known.get(name, scard.SCARD_STATE_UNAWARE)) for name in watched]
            code, result = scard.SCardGetStatusChange(context, WAIT_MS, request)
            if code == scard.SCARD_E_CANCELLED or code in _NO_SERVICE:
                return last
            if code == scard.SCARD_E_TIMEOUT:
                continue
            known = {name: state for name, state in known.items() if name in watched}
            if code in _RELIST:
                continue
            if code != scard.SCARD_S_SUCCESS:
                return last
            for name, state, atr in result:
                known[name] = state & ~scard.SCARD_STATE_CHANGED
                atrs[name] = bytes(atr) if _present(state) else b""
            current = tuple(
                ReaderState(name, _present(known[name]), atrs.get(name, b""))
                for name in names
                if name in known
            )
            if current != last:
                last = current
                self.snapshot.emit(current)
        return last
