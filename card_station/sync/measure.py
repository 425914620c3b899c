"""How fast the station's outbox drains to a central service (for ``benchmarks/store.py``).

Why measured through the real path: the number that matters is events acknowledged by a real centre and
marked sent in the station store, per second of wall time, with the same batches and transactions as
``card-station sync`` (one transaction per batch on each side). Not a test: it times things.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from card_station.central.credentials import Credential
from card_station.central.server import ServiceThread
from card_station.central.store import CentralStore
from card_station.store.database import Store
from card_station.store.outbox import outbox_depth
from card_station.sync.client import CentralClient
from card_station.sync.engine import DEFAULT_BATCH, Syncer
from card_station.sync.station import StoreStation

BENCH_STATION = "stn-benchmark"


class NothingToDrain(RuntimeError):
    """The outbox is empty, so there is no rate to measure."""


def _never_sleep(seconds: float) -> bool:
    raise RuntimeError(f"the drain measurement hit a retry (would wait {seconds:.2f} s): the centre failed")


def drain_rate(
    store: Store, central_url: str, credential: Credential, *, batch_size: int = DEFAULT_BATCH
) -> float:
    """Send every pending event to the centre at ``central_url``; events per second of wall time."""
    with store.transaction() as session:
        pending = outbox_depth(session)
    if pending == 0:
        raise NothingToDrain("the outbox is empty: record events before measuring the drain")
    with CentralClient(central_url, credential) as client:
        syncer = Syncer(StoreStation(store), client, sleep=_never_sleep, batch_size=batch_size)
        started = time.perf_counter()
        sent, _batches = syncer.push()
        elapsed = time.perf_counter() - started
    return sent / elapsed


def loopback_drain_rate(store: Store, *, batch_size: int = DEFAULT_BATCH) -> float:
    """``drain_rate`` to a fresh central service (SQLite store in a temporary directory) on 127.0.0.1."""
    with tempfile.TemporaryDirectory(prefix="cs-central-bench-") as directory:
        central = CentralStore(f"sqlite:///{Path(directory) / 'central.sqlite3'}")
        try:
            credential = central.register_station(BENCH_STATION, "benchmark station")
            with ServiceThread(central) as service:
                return drain_rate(store, service.url, credential, batch_size=batch_size)
        finally:
            central.close()
