"""The background sync the station app runs: a round every interval until told to stop.

Why it stops on a refusal but not on an outage: an unavailable centre is retried inside each round with
backoff, and the next round comes after the interval, for as long as the app runs; a refused credential or
batch would be refused again, so the loop ends and its status says why (the GUI shows it, a technician
acts). Every wait is on the stop event, so stopping takes effect at once, even mid-backoff.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum

from card_station.sync.backoff import Backoff
from card_station.sync.client import CentralClient
from card_station.sync.engine import StationSide, Syncer, SyncReport
from card_station.sync.errors import CentralRefused, CentralUnavailable, SyncStopped

log = logging.getLogger(__name__)


class LoopState(Enum):
    NOT_STARTED = "not started"
    SYNCED = "synced"
    UNAVAILABLE = "central service unavailable"
    REFUSED = "refused by the central service"
    STOPPED = "stopped"


@dataclass(frozen=True)
class LoopStatus:
    state: LoopState
    rounds: int = 0
    last_report: SyncReport | None = None
    last_synced_at: datetime | None = None
    error: str | None = None


class SyncLoop:
    """Call ``run()`` in a thread; set ``stop`` to end it. ``status`` is safe to read from any thread."""

    def __init__(
        self,
        station: StationSide,
        client: CentralClient,
        stop: threading.Event,
        *,
        interval_s: float = 60.0,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        max_rounds: int | None = None,
        batch_size: int | None = None,
    ) -> None:
        self.stop = stop
        self.interval_s = interval_s
        self.clock = clock
        self.max_rounds = max_rounds
        options = {} if batch_size is None else {"batch_size": batch_size}
        self.syncer = Syncer(station, client, sleep=stop.wait, backoff=backoff, rng=rng, **options)
        self._lock = threading.Lock()
        self._status = LoopStatus(LoopState.NOT_STARTED)

    @property
    def status(self) -> LoopStatus:
        with self._lock:
            return self._status

    def _set(self, status: LoopStatus) -> None:
        with self._lock:
            self._status = status

    def run(self) -> LoopStatus:
        """Sync rounds until ``stop`` is set, a refusal, or ``max_rounds``; returns the final status."""
        rounds = 0
        status = self.status
        while not self.stop.is_set() and (self.max_rounds is None or rounds < self.max_rounds):
            rounds += 1
            try:
                report = self.syncer.run_once()
            except SyncStopped:
                break
            except CentralRefused as exc:
                log.error("sync stopped: %s", exc)
                status = replace(status, state=LoopState.REFUSED, rounds=rounds, error=str(exc))
                self._set(status)
                return status
            except CentralUnavailable as exc:
                log.warning("sync round %d: %s", rounds, exc)
                status = replace(status, state=LoopState.UNAVAILABLE, rounds=rounds, error=str(exc))
            else:
                status = LoopStatus(LoopState.SYNCED, rounds, report, self.clock())
            self._set(status)
            if self.max_rounds is not None and rounds >= self.max_rounds:
                return status
            if self.stop.wait(self.interval_s):
                break
        status = replace(status, state=LoopState.STOPPED, rounds=rounds)
        self._set(status)
        return status
