"""Fixtures for the sync tests: a real central service on 127.0.0.1 (uvicorn in a thread, a free port),
optionally behind fault injection, on SQLite or on a private PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from card_station.central.app import create_app
from card_station.central.credentials import Credential
from card_station.central.server import ServiceThread
from card_station.central.store import CentralStore
from card_station.store.database import Store, open_store
from card_station.store.outbox import outbox_depth, record_event
from tests.sync.faults import FaultInjector
from tests.sync.postgres import pg_bin_dir, postgres_server

STATION = "stn-test"


@dataclass(frozen=True)
class Central:
    store: CentralStore
    service: ServiceThread
    credential: Credential
    faults: FaultInjector

    @property
    def url(self) -> str:
        return self.service.url


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    bin_dir = pg_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries are absent: apt-get install postgresql")
    with postgres_server(bin_dir) as url:
        yield url


@pytest.fixture
def central_store(tmp_path: Path) -> Iterator[CentralStore]:
    store = CentralStore(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    yield store
    store.close()


def start_central(store: CentralStore) -> Central:
    credential = store.register_station(STATION, "Test Station HQ")
    faults = FaultInjector(create_app(store))
    service = ServiceThread(store, app=faults).start()
    return Central(store, service, credential, faults)


@pytest.fixture
def central(central_store: CentralStore) -> Iterator[Central]:
    running = start_central(central_store)
    yield running
    running.service.stop()


@pytest.fixture
def station_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "station.db")
    yield store
    store.close()


def record_events(store: Store, count: int, members: int, *, start: int = 0) -> list[str]:
    """``count`` events spread round-robin over ``members`` members, in one transaction; their IDs."""
    now = datetime.now(UTC)
    with store.transaction() as session:
        return [
            record_event(
                session, kind="member.changed", member_key=f"m{n % members:04d}", payload={"n": n}, now=now
            ).id
            for n in range(start, start + count)
        ]


def assert_held_exactly_once_in_member_order(central: CentralStore, station: Store, ids: list[str]) -> None:
    """The centre holds every given event once, each member's as seq 1, 2, 3 ... in order of receipt, and
    the station's outbox has nothing left to send."""
    held = central.events(STATION)
    assert sorted(e.event_id for e in held) == sorted(ids)
    per_member: dict[str, list[int]] = {}
    for e in held:
        per_member.setdefault(e.member_key, []).append(e.member_seq)
    assert all(seqs == list(range(1, len(seqs) + 1)) for seqs in per_member.values())
    with station.transaction() as session:
        assert outbox_depth(session) == 0
