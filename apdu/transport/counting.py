"""A transport decorator that counts what crosses the wire: APDUs, command bytes and response data bytes
(status words excluded). For benchmarks and tests that assert a layer's APDU economy; GET RESPONSE and
6Cxx resends happen below it, in the transport, so only the layer's own commands are counted."""

from __future__ import annotations

from apdu.transport import Transport
from apdu.transport.decorator import TransportDecorator


class CountingTransport(TransportDecorator):
    def __init__(self, inner: Transport) -> None:
        super().__init__(inner)
        self.apdus = 0
        self.sent = 0
        self.received = 0

    def __repr__(self) -> str:
        return f"CountingTransport({self.inner!r}, apdus={self.apdus})"

    def transmit(self, command: bytes) -> bytes:
        response = self.inner.transmit(command)
        self.apdus += 1
        self.sent += len(command)
        self.received += max(0, len(response) - 2)
        return response
