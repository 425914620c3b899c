"""The base of every transport decorator: hold an inner ``Transport`` and pass every call through.

Why a base class: counting, tracing, progress reporting and the tests' fault injection each change one or
two calls (usually ``transmit``) and must forward the rest unchanged; written out each time, the five
forwarding members drift (one forgets ``reset``, another ``atr``). A decorator overrides what it changes
and inherits the rest, as pySim's transport layers and pyscard's CardConnectionDecorator do.
"""

from __future__ import annotations

from apdu.transport import Transport


class TransportDecorator:
    """A ``Transport`` that forwards everything to ``inner``; subclasses override what they add to."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.inner!r})"

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def atr(self) -> bytes:
        return self.inner.atr

    def connect(self) -> None:
        self.inner.connect()

    def disconnect(self) -> None:
        self.inner.disconnect()

    def reset(self) -> bytes:
        return self.inner.reset()

    def transmit(self, command: bytes) -> bytes:
        return self.inner.transmit(command)
