"""Pulling what the centre sends back into the station store, and the background SyncLoop."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime

from card_station.central.models import Feed
from card_station.central.projection import FeedChange
from card_station.central.server import bind_loopback
from card_station.store.centre import get_cursor, is_hotlisted
from card_station.store.database import Store, open_store
from card_station.store.models.centre import DistrictNotice, FmaEntry
from card_station.store.outbox import record_event
from card_station.sync.backoff import Backoff
from card_station.sync.client import CentralClient
from card_station.sync.engine import Syncer
from card_station.sync.loop import LoopState, SyncLoop
from card_station.sync.station import StoreStation
from tests.sync.conftest import Central, assert_held_exactly_once_in_member_order, record_events


def _never(seconds: float) -> bool:
    raise AssertionError(f"no retry expected, asked to wait {seconds} s")


def test_pull_applies_every_feed_page_by_page_and_keeps_the_cursor(central: Central, station_store: Store):
    central.store.publish(
        FeedChange(Feed.HOTLIST, f"SN-{n:03d}", {"reason": "lost"}, None) for n in range(25)
    )
    central.store.publish(
        [FeedChange(Feed.NOTICE, "N-1", {"district": "Kinnaur", "text": "FMA notified"}, None)]
    )
    central.store.publish([FeedChange(Feed.FMA, "m0001", {"applied_on": "2026-05-10"}, "stn-x")])
    with CentralClient(central.url, central.credential) as client:
        syncer = Syncer(StoreStation(station_store), client, sleep=_never, page_size=10)
        first = syncer.run_once()
        central.store.publish([FeedChange(Feed.HOTLIST, "SN-000", None, None, merge=False)])
        second = syncer.run_once()
        third = syncer.run_once()
    assert (first.received, second.received, third.received) == (27, 1, 0)
    assert third.cursor == second.cursor == first.cursor + 1
    with station_store.transaction() as session:
        assert not is_hotlisted(session, "SN-000")
        assert is_hotlisted(session, "SN-024")
        assert session.get(DistrictNotice, "N-1").data["district"] == "Kinnaur"
        assert session.get(FmaEntry, "m0001").data == {"applied_on": "2026-05-10"}
        assert get_cursor(session) == third.cursor


def test_a_block_at_one_station_reaches_another_stations_hotlist(
    central: Central, station_store: Store, tmp_path
):
    with station_store.transaction() as session:
        record_event(
            session,
            kind="card.blocked",
            member_key="m1",
            payload={"card_serial": "SN-77", "reason": "lost"},
            now=datetime.now(UTC),
        )
    counter = open_store(tmp_path / "counter.db")
    try:
        other = central.store.register_station("stn-counter", "polyclinic counter")
        with CentralClient(central.url, central.credential) as a, CentralClient(central.url, other) as b:
            Syncer(StoreStation(station_store), a, sleep=_never).run_once()
            Syncer(StoreStation(counter), b, sleep=_never).run_once()
        with counter.transaction() as session:
            assert is_hotlisted(session, "SN-77")
    finally:
        counter.close()


def test_the_loop_syncs_each_round_until_its_round_limit(central: Central, station_store: Store) -> None:
    ids = record_events(station_store, 120, members=4)
    stop = threading.Event()
    with CentralClient(central.url, central.credential) as client:
        loop = SyncLoop(StoreStation(station_store), client, stop, interval_s=0, max_rounds=2, batch_size=50)
        status = loop.run()
    assert status.state is LoopState.SYNCED and status.rounds == 2
    assert status.last_report is not None and status.last_report.sent == 0
    assert loop.status == status
    assert_held_exactly_once_in_member_order(central.store, station_store, ids)


def test_the_loop_stops_on_a_refused_credential_and_says_why(central: Central, station_store: Store) -> None:
    record_events(station_store, 3, members=1)
    central.store.register_station(central.credential.station_id, "", rotate=True)
    with CentralClient(central.url, central.credential) as client:
        status = SyncLoop(StoreStation(station_store), client, threading.Event(), interval_s=3600).run()
    assert status.state is LoopState.REFUSED and status.rounds == 1
    assert "refused station 'stn-test'" in (status.error or "")


def test_the_loop_stops_when_told_even_while_backing_off_from_a_down_centre(
    central: Central, station_store: Store
):
    record_events(station_store, 3, members=1)
    stop = threading.Event()
    with bind_loopback() as closed:
        url = f"http://127.0.0.1:{closed.getsockname()[1]}"
        with CentralClient(url, central.credential) as client:
            loop = SyncLoop(
                StoreStation(station_store),
                client,
                stop,
                interval_s=3600,
                backoff=Backoff(base_s=600, cap_s=600, attempts=5),
                rng=random.Random(1),
            )
            thread = threading.Thread(target=loop.run)
            thread.start()
            stop.set()
            thread.join(timeout=60)
    assert not thread.is_alive()
    assert loop.status.state is LoopState.STOPPED
