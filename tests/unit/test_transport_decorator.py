"""Every transport decorator forwards what it does not change (apdu/transport/decorator.py)."""

from __future__ import annotations

from apdu.emulator import CardSize, EmulatedCard
from apdu.transport import Transport
from apdu.transport.counting import CountingTransport
from apdu.transport.decorator import TransportDecorator
from apdu.transport.loopback import LoopbackTransport
from apdu.transport.tracing import TracingTransport

SELECT_MF = bytes.fromhex("00A4000C023F00")


def _loopback() -> LoopbackTransport:
    return LoopbackTransport(EmulatedCard(CardSize.K32))


def test_the_base_forwards_every_member_of_the_transport_interface() -> None:
    inner = _loopback()
    wrapped = TransportDecorator(inner)
    assert isinstance(wrapped, Transport)
    wrapped.connect()
    assert wrapped.name == inner.name
    assert wrapped.atr == inner.atr
    assert wrapped.reset() == inner.atr
    assert wrapped.transmit(SELECT_MF)[-2:] == b"\x90\x00"
    wrapped.disconnect()
    assert repr(wrapped).startswith("TransportDecorator(")


def test_decorators_stack_and_each_sees_the_exchanges() -> None:
    entries: list[object] = []
    counting = CountingTransport(TracingTransport(_loopback(), entries.append))
    counting.connect()
    counting.transmit(SELECT_MF)
    counting.disconnect()
    assert counting.apdus == 1
    assert len(entries) == 3
