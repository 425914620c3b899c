"""LoopbackTransport: the Transport protocol over an EmulatedCard."""

from __future__ import annotations

import pytest

from apdu.emulator import EmulatedCard
from apdu.transport import Transport, TransportError
from apdu.transport.loopback import LoopbackTransport


def test_is_a_transport_named_for_its_reader() -> None:
    card = EmulatedCard()
    transport = LoopbackTransport(card)
    assert isinstance(transport, Transport)
    assert transport.name == "loopback"
    assert LoopbackTransport(card, name="bench 2").name == "bench 2"
    assert transport.atr == card.atr


def test_must_connect_before_transmitting() -> None:
    transport = LoopbackTransport(EmulatedCard(), name="emu9")
    with pytest.raises(TransportError, match="emu9"):
        transport.transmit(bytes.fromhex("00A4000C023F00"))
    transport.connect()
    assert transport.transmit(bytes.fromhex("00A4000C023F00")) == b"\x90\x00"
    transport.disconnect()
    with pytest.raises(TransportError):
        transport.transmit(bytes.fromhex("00A4000C023F00"))


def test_reset_clears_volatile_state_and_returns_the_atr() -> None:
    card = EmulatedCard()
    transport = LoopbackTransport(card)
    transport.connect()
    assert transport.transmit(bytes.fromhex("00A4000C022F01")) == b"\x90\x00"
    assert transport.transmit(bytes.fromhex("00B0000002")) == b"\x47\x03\x90\x00"
    assert transport.reset() == card.atr
    assert transport.transmit(bytes.fromhex("00B0000002")) == b"\x69\x86"
