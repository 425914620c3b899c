"""Fixtures of the handover flow tests (the station itself: flow_station.py)."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from flow_station import FAMILY, START, Family, Station, handed_over_family, ready_family
from station_fixtures import FixedClock, StationDb, data_key

from apdu.transport.pcsc import PcscTransport
from card_station.applications import ApplicationFile, sample
from card_station.card.compose import Issuer
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    folder: Path = tmp_path_factory.mktemp("flow-keys") / "store"
    return FileKeyStore.create_development(folder, "flow-test-passphrase", START - timedelta(days=30))


@pytest.fixture(scope="session")
def issuer() -> Issuer:
    return Issuer("DL-STN-01", load_rule_parameters(), load_reference_data(default_fixtures_dir()))


@pytest.fixture
def station(station_db: StationDb, keys: FileKeyStore, issuer: Issuer) -> Station:
    return Station(
        station_db.store, FixedClock(START), keys, issuer, data_key(), station_db.ops, io.StringIO()
    )


@pytest.fixture
def family() -> ApplicationFile:
    return sample(FAMILY)


@pytest.fixture
def ready(
    station: Station, family: ApplicationFile, pcsc_transport: PcscTransport, pcsc_transport_t0: PcscTransport
) -> Family:
    """The family's two cards (the 64 KB T=1 and T=0 cards) personalised and recorded: ready for the OTP."""
    return ready_family(station, family, pcsc_transport, pcsc_transport_t0)


@pytest.fixture
def handed(
    station: Station, family: ApplicationFile, pcsc_transport: PcscTransport, pcsc_transport_t0: PcscTransport
) -> Family:
    """The family's two cards handed over at 11:00 IST: active from 13:00 IST."""
    return handed_over_family(station, family, pcsc_transport, pcsc_transport_t0)
