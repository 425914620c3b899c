"""Fixtures for the emulator tests: a blank card behind a LoopbackTransport."""

from __future__ import annotations

import pytest
from emu_helpers import Host

from apdu.emulator import CardSize, EmulatedCard
from apdu.transport.loopback import LoopbackTransport


@pytest.fixture(params=[CardSize.K64], ids=["64K"])
def card(request: pytest.FixtureRequest) -> EmulatedCard:
    return EmulatedCard(request.param, serial=bytes.fromhex("0102030405060708"))


@pytest.fixture
def host(card: EmulatedCard) -> Host:
    transport = LoopbackTransport(card, name="emu0")
    transport.connect()
    return Host(transport)


@pytest.fixture
def keyed(host: Host) -> Host:
    """A card whose transport key was replaced by CARD_KEY, authenticated in the MF."""
    host.install_card_key()
    return host
