"""The vpcd bridge: puts an in-process emulated card into a virtual reader of a real pcscd.

vsmartcard's ``vpcd`` driver makes pcscd show a reader whose card lives at the other end of a TCP
connection: vpcd listens, the card connects (= card inserted) and disconnects (= card removed). The wire
protocol is one framing both ways, a 2-byte big-endian length then the payload. A 1-byte payload from vpcd
is a control (00 power off, 01 power on, 02 reset, 04 "send the ATR", only 04 wants a reply); anything
longer is a command APDU, answered with response data + SW1 SW2 (ISO/IEC 7816-4 §5.1).

Why TCP_QUICKACK before every ``recv``: Debian 12's vpcd writes the length and the APDU in two writes with
Nagle's algorithm on, so delayed ACKs on our side stall every APDU by 40-88 ms. The option is not sticky,
hence set again before each read (measured: 0.13 ms per READ BINARY with it). See docs/pcsc.md.
"""

from __future__ import annotations

import logging
import socket
import threading
from typing import Protocol

from apdu.emulator import PowerLost
from apdu.status import ApduError

_log = logging.getLogger(__name__)

_POWER_OFF = 0x00
_POWER_ON = 0x01
_RESET = 0x02
_SEND_ATR = 0x04
_NO_PRECISE_DIAGNOSIS = b"\x6f\x00"
_CONNECT_TIMEOUT_S = 5.0


class VpcdCard(Protocol):
    """What the bridge needs from a card (``apdu.emulator.EmulatedCard`` is one)."""

    @property
    def atr(self) -> bytes: ...

    def power_on(self) -> bytes: ...

    def power_off(self) -> None: ...

    def process(self, apdu: bytes) -> bytes: ...


class BridgeError(ApduError):
    """The bridge could not put its card into the vpcd reader."""


class VpcdBridge:
    """One emulated card in one vpcd reader slot, served from a daemon thread.

    ``insert`` connects to vpcd (pcscd sees the card arrive at its next poll, about 0.4 s later),
    ``remove`` disconnects (the card leaves). When the card raises ``PowerLost`` (tearing injection) the
    bridge drops the connection without answering, exactly like a card pulled mid-write, and the card
    stays out until ``insert`` is called again.
    """

    def __init__(self, card: VpcdCard | None, port: int, host: str = "127.0.0.1") -> None:
        self._card = card
        self._port = port
        self._host = host
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"VpcdBridge({self._host}:{self._port}, inserted={self.inserted})"

    @property
    def card(self) -> VpcdCard | None:
        return self._card

    @property
    def port(self) -> int:
        return self._port

    @property
    def inserted(self) -> bool:
        """True while the card is connected to vpcd (pcscd may not have polled it yet)."""
        thread = self._thread
        return thread is not None and thread.is_alive()

    def insert(self) -> None:
        """Connect the card to vpcd. Does nothing if it is already in."""
        with self._lock:
            if self.inserted:
                return
            card = self._card
            if card is None:
                raise BridgeError(f"no card to insert at vpcd {self._host}:{self._port}: call swap(card)")
            try:
                sock = socket.create_connection((self._host, self._port), timeout=_CONNECT_TIMEOUT_S)
            except OSError as exc:
                raise BridgeError(
                    f"cannot reach vpcd at {self._host}:{self._port} ({exc}): is the private pcscd with its "
                    "vpcd readers running (apdu.emulator.stack.PrivatePcscd / `card-station emulator`)?"
                ) from exc
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            thread = threading.Thread(
                target=self._serve, args=(sock, card), name=f"vpcd-{self._port}", daemon=True
            )
            self._sock, self._thread = sock, thread
            thread.start()

    def remove(self) -> None:
        """Disconnect the card from vpcd (pcscd reports it removed) and wait for the thread to end."""
        with self._lock:
            sock, thread = self._sock, self._thread
            self._sock, self._thread = None, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                _log.debug("vpcd port %d: connection already closed", self._port)
        if thread is not None:
            thread.join()

    def wait_out(self, timeout: float | None = None) -> bool:
        """Wait until the card is out of the reader (vpcd hung up or the card tore); False on timeout."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return not self.inserted

    def swap(self, card: VpcdCard) -> None:
        """Take the current card out (if any) and insert ``card`` instead."""
        self.remove()
        self._card = card
        self.insert()

    def stop(self) -> None:
        """End the bridge: the card is removed; ``insert`` may start it again."""
        self.remove()

    def _serve(self, sock: socket.socket, card: VpcdCard) -> None:
        try:
            while True:
                message = _receive(sock)
                if message is None:
                    _log.debug("vpcd port %d closed the connection", self._port)
                    return
                reply = self._answer(card, message)
                if reply is not None:
                    sock.sendall(len(reply).to_bytes(2, "big") + reply)
        except PowerLost:
            _log.info(
                "card at vpcd port %d lost power mid-command: out of the reader until insert()", self._port
            )
        except OSError as exc:
            _log.debug("vpcd port %d connection ended: %s", self._port, exc)
        except Exception:
            _log.exception(
                "card at vpcd port %d failed on a power control; it is out of the reader", self._port
            )
        finally:
            sock.close()

    def _answer(self, card: VpcdCard, message: bytes) -> bytes | None:
        if len(message) != 1:
            try:
                return card.process(message)
            except PowerLost:
                raise
            except Exception:
                _log.exception("card at vpcd port %d failed on a command; answering 6F00", self._port)
                return _NO_PRECISE_DIAGNOSIS
        control = message[0]
        if control == _SEND_ATR:
            return card.atr
        if control == _POWER_ON:
            card.power_on()
        elif control == _POWER_OFF:
            card.power_off()
        elif control == _RESET:
            card.power_off()
            card.power_on()
        else:
            _log.debug("vpcd port %d: ignoring unknown control %02X", self._port, control)
        return None


def _receive(sock: socket.socket) -> bytes | None:
    """One vpcd message, or None when vpcd closed the connection."""
    header = _receive_exactly(sock, 2)
    if header is None:
        return None
    return _receive_exactly(sock, int.from_bytes(header, "big"))


def _receive_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks = bytearray()
    while len(chunks) < size:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(size - len(chunks))
        if not chunk:
            return None
        chunks += chunk
    return bytes(chunks)
