"""The sync client against a real central service on loopback that is down, slow, answers 500, drops
connections, or sees the same batch twice: at the end the centre holds every event exactly once, in
per-member order, and the station's outbox is empty."""

from __future__ import annotations

import json
import random

import pytest

from card_station.central.server import ServiceThread, bind_loopback
from card_station.store.database import Store, open_store
from card_station.store.outbox import outbox_depth
from card_station.sync.backoff import Backoff
from card_station.sync.client import CentralClient
from card_station.sync.engine import Syncer
from card_station.sync.errors import CentralRefused, CentralUnavailable, CredentialRefused
from card_station.sync.station import StoreStation
from tests.sync.conftest import Central, assert_held_exactly_once_in_member_order, record_events
from tests.sync.faults import Fault

QUICK = Backoff(base_s=0.001, cap_s=0.01, attempts=8)


class Sleeps:
    """A sleep that records each delay and never waits (the tests assert on counts, not on time)."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> bool:
        self.delays.append(seconds)
        return False


def syncer(
    station: Store, central: Central, sleeps: Sleeps, *, timeout_s: float = 30, batch: int = 250
) -> Syncer:
    client = CentralClient(central.url, central.credential, timeout_s=timeout_s)
    return Syncer(
        StoreStation(station), client, sleep=sleeps, backoff=QUICK, rng=random.Random(5), batch_size=batch
    )


def test_a_healthy_centre_receives_every_event_once_in_member_order(central: Central, station_store: Store):
    ids = record_events(station_store, 2_600, members=37)
    sleeps = Sleeps()
    report = syncer(station_store, central, sleeps, batch=400).run_once()
    assert (report.sent, report.batches) == (2_600, 7)
    assert sleeps.delays == []
    assert_held_exactly_once_in_member_order(central.store, station_store, ids)


@pytest.mark.parametrize(
    "faults",
    [
        [Fault.ERROR_500, Fault.ERROR_500, Fault.ERROR_500],
        [Fault.DROP_BEFORE, Fault.DROP_BEFORE],
        [Fault.DROP_AFTER, Fault.DROP_AFTER, Fault.DROP_AFTER],
        [Fault.SLOW, Fault.SLOW],
        [Fault.DROP_AFTER, Fault.ERROR_500, Fault.SLOW, Fault.DROP_BEFORE, Fault.DROP_AFTER],
    ],
    ids=["500", "drop-before", "drop-after", "slow", "mixed"],
)
def test_faults_are_retried_until_every_event_is_held_exactly_once(
    central: Central, station_store: Store, faults: list[Fault]
) -> None:
    ids = record_events(station_store, 1_000, members=13)
    central.faults.plan(*faults)
    sleeps = Sleeps()
    report = syncer(station_store, central, sleeps, timeout_s=2).run_once()
    assert report.sent == 1_000
    assert central.faults.injected == faults and central.faults.pending == 0
    assert len(sleeps.delays) == len(faults)
    assert_held_exactly_once_in_member_order(central.store, station_store, ids)


def test_a_batch_the_centre_stored_but_could_not_acknowledge_is_resent_and_not_duplicated(
    central: Central, station_store: Store
) -> None:
    ids = record_events(station_store, 300, members=3)
    central.faults.plan(Fault.DROP_AFTER, Fault.SLOW)
    syncer(station_store, central, Sleeps(), timeout_s=2, batch=300).run_once()
    lost_answers = [json.loads(body) for body in central.faults.swallowed]
    assert [(a["stored"], a["duplicates"]) for a in lost_answers] == [(300, 0), (0, 300)]
    assert_held_exactly_once_in_member_order(central.store, station_store, ids)


def test_a_centre_that_comes_up_after_refusing_connections_gets_everything(
    central: Central, station_store: Store
):
    ids = record_events(station_store, 500, members=5)
    closed = bind_loopback()  # bound but not listening: connections are refused
    late = ServiceThread(central.store, closed)
    sleeps = Sleeps()

    def start_on_first_retry(seconds: float) -> bool:
        if not sleeps.delays:
            late.start()
        return sleeps(seconds)

    client = CentralClient(late.url, central.credential)
    try:
        Syncer(StoreStation(station_store), client, sleep=start_on_first_retry, backoff=QUICK).run_once()
    finally:
        late.stop()
    assert len(sleeps.delays) == 1
    assert_held_exactly_once_in_member_order(central.store, station_store, ids)


def test_a_centre_that_stays_down_leaves_the_outbox_untouched(central: Central, station_store: Store) -> None:
    record_events(station_store, 50, members=2)
    with bind_loopback() as closed:
        url = f"http://127.0.0.1:{closed.getsockname()[1]}"
        sleeps = Sleeps()
        client = CentralClient(url, central.credential)
        with pytest.raises(CentralUnavailable, match="gave up after 8 attempts"):
            Syncer(StoreStation(station_store), client, sleep=sleeps, backoff=QUICK).run_once()
    assert len(sleeps.delays) == 7
    assert all(d2 >= d1 / 2 for d1, d2 in zip(sleeps.delays, sleeps.delays[1:], strict=False))
    with station_store.transaction() as session:
        assert outbox_depth(session) == 50
    assert central.store.events() == []


def test_a_refused_credential_is_not_retried(central: Central, station_store: Store) -> None:
    record_events(station_store, 10, members=2)
    central.store.register_station(central.credential.station_id, "", rotate=True)
    sleeps = Sleeps()
    with pytest.raises(CredentialRefused, match="wrong secret"):
        syncer(station_store, central, sleeps).run_once()
    assert sleeps.delays == []
    with station_store.transaction() as session:
        assert outbox_depth(session) == 10


def test_a_restored_station_database_that_renumbers_a_member_is_refused_not_retried(
    central: Central, station_store: Store, tmp_path
) -> None:
    record_events(station_store, 10, members=2)
    syncer(station_store, central, Sleeps()).run_once()
    restored = open_store(tmp_path / "restored.db")  # the same station, its history lost: seqs restart at 1
    try:
        record_events(restored, 4, members=2)
        sleeps = Sleeps()
        with pytest.raises(CentralRefused, match="a place already taken by another event"):
            syncer(restored, central, sleeps).run_once()
        assert sleeps.delays == []
        with restored.transaction() as session:
            assert outbox_depth(session) == 4
    finally:
        restored.close()
    assert len(central.store.events()) == 10


def test_a_crash_between_acknowledgement_and_marking_sent_resends_without_duplicates(
    central: Central, station_store: Store
) -> None:
    ids = record_events(station_store, 900, members=9)

    class CrashingStation(StoreStation):
        marked = 0

        def mark_sent(self, event_ids):  # the process dies after the centre acknowledged its 2nd batch
            if self.marked == 1:
                raise KeyboardInterrupt("simulated crash")
            self.marked += 1
            super().mark_sent(event_ids)

    crashing = CrashingStation(station_store)
    client = CentralClient(central.url, central.credential)
    with pytest.raises(KeyboardInterrupt):
        Syncer(crashing, client, sleep=Sleeps(), batch_size=300).run_once()
    assert len(central.store.events()) == 600
    with station_store.transaction() as session:
        assert outbox_depth(session) == 600
    syncer(station_store, central, Sleeps(), batch=300).run_once()
    assert_held_exactly_once_in_member_order(central.store, station_store, ids)
