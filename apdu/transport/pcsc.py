"""The PC/SC transport: a card in a reader managed by pcscd, through pyscard's thin ``smartcard.scard`` API.

Thin on purpose: ``transmit`` is one ``SCardTransmit`` plus a two-byte look at the status word, so that
its cost stays within 10 % of a bare pyscard loop (benchmarks/apdu_roundtrip.py). What it adds:

- exclusive connect, with T=1 if the ATR offers it, else T=0 (ISO/IEC 7816-3 §8.2.3: the TDi bytes name
  the protocols; without TD1 only T=0 is offered; ``apdu.atr`` reads them);
- T=1-like exchanges for every caller: 61xx is answered with GET RESPONSE until the card has given all
  its data, 6Cxx with the same command resent with Le = xx (ISO/IEC 7816-4 §5.3.4 / 7816-3 §10.3.5);
- PC/SC return codes turned into the typed errors of ``apdu.transport``, each naming the reader and
  saying what to do;
- reader and card events with ``SCardGetStatusChange`` (blocking in pcscd, never sleep-polling).

libpcsclite reads ``PCSCLITE_CSOCK_NAME`` once per process, at the first PC/SC call: a process that is to
use a private pcscd must set it before calling anything here.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from types import TracebackType

from smartcard import scard

from apdu.atr import AtrError, parse_atr
from apdu.command import CommandApdu
from apdu.transport import CardRemoved, NoCard, NoPcscService, NoReader, TransportError

DEFAULT_SOCKET = "/run/pcscd/pcscd.comm"
PNP_NOTIFICATION = "\\\\?PnP?\\Notification"
"""pcsc-lite's pseudo reader: SCardGetStatusChange on it returns when a reader is added or removed."""
_MAX_RESPONSE = 65536 + 2
_GET_RESPONSE = 0xC0

_NO_SERVICE = frozenset({scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED})
_READER_GONE = frozenset(
    {
        scard.SCARD_E_UNKNOWN_READER,
        scard.SCARD_E_READER_UNAVAILABLE,
        scard.SCARD_E_NO_READERS_AVAILABLE,
    }
)
_CARD_GONE = frozenset(
    {
        scard.SCARD_W_REMOVED_CARD,
        scard.SCARD_E_NO_SMARTCARD,
        scard.SCARD_W_UNPOWERED_CARD,
        scard.SCARD_W_UNRESPONSIVE_CARD,
        scard.SCARD_E_NOT_TRANSACTED,
        scard.SCARD_F_COMM_ERROR,
        scard.SCARD_E_INVALID_HANDLE,
    }
)


class WaitTimeout(TransportError, TimeoutError):
    """``wait_for_card`` / ``wait_for_removal`` ran out of time before the event happened."""


class CardWasReset(TransportError):
    """Another application reset the card: its selected files and security state are gone.

    The transport has already reconnected; the caller must redo its selection and authentication rather
    than have a command silently run against the card's default state.
    """


@dataclass(frozen=True)
class ReaderInfo:
    name: str
    card_present: bool
    atr: bytes
    """Empty when no card is present."""


def socket_path() -> str:
    """The pcscd socket this process talks to (libpcsclite's own rule)."""
    return os.environ.get("PCSCLITE_CSOCK_NAME", DEFAULT_SOCKET)


def _preferred_protocol(atr: bytes) -> int:
    """T=1 if the ATR offers it, else T=0; for an ATR we cannot parse, let the reader choose."""
    try:
        protocols = parse_atr(atr).protocols
    except AtrError:
        return scard.SCARD_PROTOCOL_Tx
    return scard.SCARD_PROTOCOL_T1 if 1 in protocols else scard.SCARD_PROTOCOL_T0


def _describe(code: int) -> str:
    return f"{scard.SCardGetErrorMessage(code).strip()} ({code & 0xFFFFFFFF:08X})"


def _no_service(code: int) -> NoPcscService:
    return NoPcscService(
        f"PC/SC service not reachable at {socket_path()} ({_describe(code)}): start pcscd "
        "(systemctl start pcscd.socket) or run `card-station emulator`"
    )


_State = tuple[str, int, bytes]
"""(reader name, SCARD_STATE_* bits, ATR) as SCardGetStatusChange reports it."""


class _Context:
    """One SCardEstablishContext/SCardReleaseContext pair."""

    def __init__(self) -> None:
        code, self.handle = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if code != scard.SCARD_S_SUCCESS:
            if code in _NO_SERVICE:
                raise _no_service(code)
            raise TransportError(f"cannot open a PC/SC context at {socket_path()}: {_describe(code)}")

    def release(self) -> None:
        scard.SCardReleaseContext(self.handle)

    def __enter__(self) -> _Context:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def reader_names(self) -> list[str]:
        code, names = scard.SCardListReaders(self.handle, [])
        if code == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if code in _NO_SERVICE:
            raise _no_service(code)
        if code != scard.SCARD_S_SUCCESS:
            raise TransportError(f"cannot list PC/SC readers: {_describe(code)}")
        return list(names)

    def states(self, names: list[str], known: dict[str, int], timeout_ms: int) -> list[_State]:
        """SCardGetStatusChange: returns when any reader's state differs from ``known`` (or on timeout)."""
        request = [(name, known.get(name, scard.SCARD_STATE_UNAWARE)) for name in names]
        code, result = scard.SCardGetStatusChange(self.handle, timeout_ms, request)
        if code == scard.SCARD_E_TIMEOUT:
            return []
        if code in _NO_SERVICE:
            raise _no_service(code)
        if code in _READER_GONE:
            return [(name, scard.SCARD_STATE_UNAVAILABLE, b"") for name in names]
        if code != scard.SCARD_S_SUCCESS:
            raise TransportError(f"cannot watch PC/SC readers {names}: {_describe(code)}")
        return [(name, state, bytes(atr)) for name, state, atr in result]


def _info(name: str, state: int, atr: bytes) -> ReaderInfo:
    present = bool(state & scard.SCARD_STATE_PRESENT) and not state & scard.SCARD_STATE_MUTE
    return ReaderInfo(name, present, atr if present else b"")


def _unknown_reader(reader: str, present: list[str]) -> NoReader:
    listed = ", ".join(repr(name) for name in present) or "none"
    return NoReader(f"no reader named {reader!r} at {socket_path()}; readers present: {listed}")


def list_readers() -> list[ReaderInfo]:
    """Every reader pcscd knows, with whether it holds a card and that card's ATR."""
    with _Context() as context:
        names = context.reader_names()
        if not names:
            return []
        return [_info(*state) for state in context.states(names, {}, 0)]


def _timeout_ms(deadline: float | None) -> int:
    if deadline is None:
        return scard.INFINITE
    return max(0, int((deadline - time.monotonic()) * 1000))


def _deadline(timeout: float | None) -> float | None:
    return None if timeout is None else time.monotonic() + timeout


def wait_for_card(reader: str | None = None, timeout: float | None = 30.0) -> ReaderInfo:
    """Block until a card is in ``reader`` (or, without a name, in any reader; readers may come and go).

    Returns at once if a card is already there. Raises ``NoReader`` for an unknown named reader and
    ``WaitTimeout`` after ``timeout`` seconds (None waits for ever).
    """
    deadline = _deadline(timeout)
    with _Context() as context:
        known: dict[str, int] = {}
        while True:
            names = context.reader_names()
            if reader is not None:
                if reader not in names:
                    raise _unknown_reader(reader, names)
                names = [reader]
            watched = [*names, PNP_NOTIFICATION] if reader is None else names
            for name, state, atr in context.states(watched, known, 0 if not known else _timeout_ms(deadline)):
                known[name] = state & ~scard.SCARD_STATE_CHANGED
                info = _info(name, state, atr)
                if name != PNP_NOTIFICATION and info.card_present:
                    return info
                if reader is not None and state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
                    raise NoReader(f"reader {reader!r} went away while waiting for a card: reconnect it")
            if deadline is not None and _timeout_ms(deadline) == 0:
                where = repr(reader) if reader is not None else "any reader"
                raise WaitTimeout(f"no card was inserted in {where} within {timeout} s: insert a card")


def wait_for_removal(reader: str, timeout: float | None = 30.0) -> None:
    """Block until ``reader`` holds no card (returns at once if it is already empty, or gone)."""
    deadline = _deadline(timeout)
    with _Context() as context:
        names = context.reader_names()
        if reader not in names:
            raise _unknown_reader(reader, names)
        known: dict[str, int] = {}
        while True:
            for name, state, _ in context.states([reader], known, 0 if not known else _timeout_ms(deadline)):
                if not state & scard.SCARD_STATE_PRESENT:
                    return
                known[name] = state & ~scard.SCARD_STATE_CHANGED
            if deadline is not None and _timeout_ms(deadline) == 0:
                raise WaitTimeout(f"the card in {reader!r} was not removed within {timeout} s: remove it")


class PcscTransport:
    """A ``Transport`` to the card in one PC/SC reader (exclusive while connected).

    ``shared=True`` connects in shared mode instead, for diagnostics next to another application; the
    station itself always connects exclusively, so no other program can interleave commands mid-update.
    """

    def __init__(self, reader_name: str, *, shared: bool = False) -> None:
        self._name = reader_name
        self._share = scard.SCARD_SHARE_SHARED if shared else scard.SCARD_SHARE_EXCLUSIVE
        self._context: _Context | None = None
        self._card = 0
        self._protocol = 0
        self._atr = b""

    def __repr__(self) -> str:
        state = f"T={0 if self._protocol == scard.SCARD_PROTOCOL_T0 else 1}" if self._context else "closed"
        return f"PcscTransport({self._name!r}, {state})"

    def __enter__(self) -> PcscTransport:
        self.connect()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.disconnect()

    @property
    def name(self) -> str:
        return self._name

    @property
    def atr(self) -> bytes:
        """The card's ATR while connected, empty before ``connect`` (so that isinstance checks against
        the runtime-checkable ``Transport`` protocol, which read every attribute, never raise)."""
        return self._atr

    @property
    def protocol(self) -> int:
        """0 or 1: the transmission protocol in use (ISO/IEC 7816-3)."""
        self._require_connection()
        return 0 if self._protocol == scard.SCARD_PROTOCOL_T0 else 1

    def connect(self) -> None:
        if self._context is not None:
            return
        context = _Context()
        try:
            names = context.reader_names()
            if self._name not in names:
                raise _unknown_reader(self._name, names)
            states = context.states([self._name], {}, 0)
            atr = states[0][2] if states else b""
            if not states or not states[0][1] & scard.SCARD_STATE_PRESENT:
                raise NoCard(f"no card in reader {self._name!r}: insert a card")
            wanted = _preferred_protocol(atr)
            code, card, protocol = scard.SCardConnect(context.handle, self._name, self._share, wanted)
            if code != scard.SCARD_S_SUCCESS:
                raise self._connect_error(code, names)
        except BaseException:
            context.release()
            raise
        self._context, self._card, self._protocol = context, card, protocol
        self._atr = self._read_atr()

    def disconnect(self) -> None:
        context, self._context = self._context, None
        if context is None:
            return
        scard.SCardDisconnect(self._card, scard.SCARD_LEAVE_CARD)
        context.release()
        self._card, self._protocol, self._atr = 0, 0, b""

    def reset(self) -> bytes:
        """Warm-reset the card (SCardReconnect with SCARD_RESET_CARD) and return its new ATR."""
        self._require_connection()
        self._reconnect(scard.SCARD_RESET_CARD)
        return self._atr

    def transmit(self, command: bytes) -> bytes:
        if not self._card:
            raise TransportError(f"not connected to reader {self._name!r}: call connect() first")
        code, response = scard.SCardTransmit(self._card, self._protocol, list(command))
        if code != scard.SCARD_S_SUCCESS:
            raise self._transmit_error(code)
        if len(response) < 2:
            raise self._no_answer(len(response))
        sw1 = response[-2]
        if sw1 in (0x61, 0x6C):
            return self._complete(bytes(command), bytes(response))
        return bytes(response)

    def _complete(self, command: bytes, response: bytes) -> bytes:
        """Finish a T=0-style exchange: resend on 6Cxx once, then GET RESPONSE while 61xx."""
        if response[-2] == 0x6C:
            response = self._send(_with_le(command, response[-1]))
        data = bytearray()
        while response[-2] == 0x61:
            data += response[:-2]
            if len(data) > _MAX_RESPONSE:
                raise TransportError(
                    f"card in {self._name!r} kept answering 61xx past {_MAX_RESPONSE} bytes: reset the card"
                )
            get_response = bytes((command[0] & 0x03, _GET_RESPONSE, 0, 0, response[-1]))
            response = self._send(get_response)
            if response[-2] == 0x6C:
                response = self._send(_with_le(get_response, response[-1]))
        return bytes(data) + response

    def _send(self, command: bytes) -> bytes:
        code, response = scard.SCardTransmit(self._card, self._protocol, list(command))
        if code != scard.SCARD_S_SUCCESS:
            raise self._transmit_error(code)
        if len(response) < 2:
            raise self._no_answer(len(response))
        return bytes(response)

    def _require_connection(self) -> None:
        if self._context is None:
            raise TransportError(f"not connected to reader {self._name!r}: call connect() first")

    def _read_atr(self) -> bytes:
        code, _, _, _, atr = scard.SCardStatus(self._card)
        if code != scard.SCARD_S_SUCCESS:
            raise self._transmit_error(code)
        return bytes(atr)

    def _reconnect(self, initialization: int) -> None:
        code, protocol = scard.SCardReconnect(
            self._card, self._share, self._protocol or scard.SCARD_PROTOCOL_Tx, initialization
        )
        if code != scard.SCARD_S_SUCCESS:
            raise self._transmit_error(code)
        self._protocol = protocol
        self._atr = self._read_atr()

    def _no_answer(self, size: int) -> CardRemoved:
        """vpcd (and readers whose card lost contact) report success with fewer bytes than SW1 SW2."""
        return CardRemoved(
            f"the card in reader {self._name!r} gave no status word ({size} bytes) mid-command: it was "
            "removed or lost power; reinsert it; an interrupted write must be finished or redone"
        )

    def _connect_error(self, code: int, names: list[str]) -> TransportError:
        if code in _NO_SERVICE:
            return _no_service(code)
        if code in _READER_GONE:
            return _unknown_reader(self._name, names)
        if code in _CARD_GONE:
            return NoCard(f"no working card in reader {self._name!r} ({_describe(code)}): reinsert the card")
        if code == scard.SCARD_E_SHARING_VIOLATION:
            return TransportError(
                f"reader {self._name!r} is in use by another application ({_describe(code)}): close it"
            )
        return TransportError(f"cannot connect to the card in {self._name!r}: {_describe(code)}")

    def _transmit_error(self, code: int) -> TransportError:
        if self._context is None:
            return TransportError(f"not connected to reader {self._name!r}: call connect() first")
        if code == scard.SCARD_W_RESET_CARD:
            self._reconnect(scard.SCARD_LEAVE_CARD)
            return CardWasReset(
                f"the card in {self._name!r} was reset by another application: select and authenticate again"
            )
        if code in _NO_SERVICE:
            return _no_service(code)
        if code in _CARD_GONE or code in _READER_GONE:
            return CardRemoved(
                f"the card in reader {self._name!r} was removed or stopped answering mid-command "
                f"({_describe(code)}): reinsert it; an interrupted write must be finished or redone"
            )
        return TransportError(f"command to the card in {self._name!r} failed: {_describe(code)}")


def _with_le(command: bytes, le: int) -> bytes:
    """The same command with Ne = ``le`` (ISO/IEC 7816-4 §5.2; short Le 00 means 256)."""
    return CommandApdu.parse(command).with_ne(le or 256).to_bytes()
