"""Transports: how APDU bytes reach a card.

One small interface (``Transport``) with a PC/SC implementation on pyscard (``apdu.transport.pcsc``), a
loopback to the in-process emulator (``apdu.transport.loopback``), and decorators that wrap any transport
(``apdu.transport.tracing``: redacted traces, save and replay). Layers above hold a ``Transport`` and never
know which one: the seam that lets every test run the same code over loopback and over real PC/SC.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from apdu.status import ApduError


class TransportError(ApduError):
    """The bytes did not reach the card or its answer did not come back."""


class NoPcscService(TransportError):
    """pcscd is not running or not reachable."""


class NoReader(TransportError):
    """No reader, or not the named one."""


class NoCard(TransportError):
    """The reader has no card (or it was removed)."""


class CardRemoved(TransportError):
    """The card or the reader went away while a command was in flight."""


@runtime_checkable
class Transport(Protocol):
    """A connection to one card in one reader.

    ``transmit`` takes a complete command APDU and returns the complete response APDU (data + SW1 SW2),
    after any T=0 GET RESPONSE / 6Cxx resend the transport needs, so callers see T=1-like exchanges.
    """

    @property
    def name(self) -> str:
        """The reader's name (used in every error message)."""
        ...

    @property
    def atr(self) -> bytes: ...

    def connect(self) -> None: ...

    def disconnect(self) -> None: ...

    def reset(self) -> bytes:
        """Warm-reset the card and return the new ATR."""
        ...

    def transmit(self, command: bytes) -> bytes: ...
