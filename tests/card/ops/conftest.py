"""Card operations run over loopback to an in-process emulated card AND over the real PC/SC stack
(pyscard -> private pcscd -> vpcd -> emulator, tests/conftest.py), like the conformance suite.

A ``Station`` bundles what a station has (a development key store, the issuer, a fixed clock) and runs
the services on a ``Slot`` (one card connection, traced so that tests can count APDUs and bytes).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ops_helpers import NOW, Slot, Station

from apdu.emulator import CardSize, EmulatedCard
from apdu.transport import Transport
from apdu.transport.loopback import LoopbackTransport
from card_station.card.compose import Issuer
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore

PATHS = ["loopback", pytest.param("pcsc", marks=pytest.mark.pcsc)]
SERIAL_64K = bytes.fromhex("8027688311000042")
SERIAL_32K = bytes.fromhex("8027688311000043")


@pytest.fixture(scope="session")
def issuer() -> Issuer:
    return Issuer("DL-STN-01", load_rule_parameters(), load_reference_data(default_fixtures_dir()))


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    folder: Path = tmp_path_factory.mktemp("ops-keys") / "store"
    return FileKeyStore.create_development(folder, "ops-test-passphrase", NOW - timedelta(days=1))


@pytest.fixture(scope="session")
def other_root_keys(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    """A second development store: another master key, another root (a station the scheme never
    certified)."""
    folder: Path = tmp_path_factory.mktemp("ops-other-keys") / "store"
    return FileKeyStore.create_development(folder, "ops-test-passphrase", NOW - timedelta(days=1))


@pytest.fixture
def station(keys: FileKeyStore, issuer: Issuer) -> Station:
    return Station(keys, issuer, NOW)


def _slot(request: pytest.FixtureRequest, pcsc_fixture: str, card: EmulatedCard) -> Iterator[Slot]:
    transport: Transport
    if request.param == "loopback":
        loopback = LoopbackTransport(card, name="loopback")
        loopback.connect()
        transport = loopback
        yield Slot(transport, card)
        loopback.disconnect()
    else:
        transport = request.getfixturevalue(pcsc_fixture)
        yield Slot(transport, None)


@pytest.fixture(params=PATHS)
def blank_64k(request: pytest.FixtureRequest) -> Iterator[Slot]:
    yield from _slot(request, "pcsc_transport", EmulatedCard(CardSize.K64, serial=SERIAL_64K))


@pytest.fixture(params=PATHS)
def blank_32k(request: pytest.FixtureRequest) -> Iterator[Slot]:
    yield from _slot(request, "pcsc_transport_32k", EmulatedCard(CardSize.K32, serial=SERIAL_32K))


@pytest.fixture
def loopback_64k() -> Iterator[Slot]:
    card = EmulatedCard(CardSize.K64, serial=SERIAL_64K)
    transport = LoopbackTransport(card, name="loopback")
    transport.connect()
    yield Slot(transport, card)


@pytest.fixture
def loopback_32k() -> Iterator[Slot]:
    card = EmulatedCard(CardSize.K32, serial=SERIAL_32K)
    transport = LoopbackTransport(card, name="loopback")
    transport.connect()
    yield Slot(transport, card)


@pytest.fixture
def later() -> datetime:
    """A moment after personalisation, handover and activation."""
    return datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
