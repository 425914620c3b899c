"""One sync round: drain the outbox to the centre, then pull what the centre sends back.

Why it cannot lose or duplicate an event: an event leaves the outbox (is marked sent) only after the
centre acknowledged its ID, in a transaction of its own; a crash before that leaves it pending, and the
next round sends it again, which the centre acknowledges without storing it twice (its idempotency by
event ID). Batches go oldest first, so each member's events reach the centre in order. Pulled items and
the new cursor are applied in one transaction, so a crash re-pulls a page rather than skipping one.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from card_station.central.batch import MAX_BATCH_EVENTS, WireEvent
from card_station.sync.backoff import Backoff, Sleep, with_retries
from card_station.sync.client import CentralClient, FeedUpdate
from card_station.sync.errors import CentralRefused

DEFAULT_BATCH = 1000
DEFAULT_PAGE = 1000


class StationSide(Protocol):
    """What the sync needs from the station's store (``card_station.sync.station`` adapts part A's)."""

    def pending(self, limit: int) -> Sequence[WireEvent]:
        """Unsent events, oldest first (so each member's in order)."""
        ...

    def mark_sent(self, event_ids: Sequence[str]) -> None: ...

    def cursor(self) -> int: ...

    def apply(self, items: Sequence[FeedUpdate], cursor: int) -> None:
        """Apply pulled items and store the new cursor, in one transaction."""
        ...


@dataclass(frozen=True)
class SyncReport:
    sent: int
    batches: int
    received: int
    cursor: int


class Syncer:
    """Runs sync rounds for one station against one centre."""

    def __init__(
        self,
        station: StationSide,
        client: CentralClient,
        *,
        sleep: Sleep,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
        batch_size: int = DEFAULT_BATCH,
        page_size: int = DEFAULT_PAGE,
        max_batches: int = 10_000,
    ) -> None:
        if not 1 <= batch_size <= MAX_BATCH_EVENTS:
            raise ValueError(f"batch_size must be 1 to {MAX_BATCH_EVENTS} (the centre's limit): {batch_size}")
        self.station = station
        self.client = client
        self.sleep = sleep
        self.backoff = backoff or Backoff()
        self.rng = rng or random.Random()
        self.batch_size = batch_size
        self.page_size = page_size
        self.max_batches = max_batches

    def push(self) -> tuple[int, int]:
        """Send pending events in batches until the outbox is empty (or ``max_batches`` were sent, so that
        a station writing faster than it sends still gets to pull); returns (events, batches)."""
        sent = batches = 0
        while batches < self.max_batches:
            events = list(self.station.pending(self.batch_size))
            if not events:
                break
            acknowledged = with_retries(
                lambda events=events: self.client.post_events(events), self.backoff, self.sleep, self.rng
            )
            ids = [e.id for e in events]
            missing = [i for i in ids if i not in acknowledged]
            if missing:
                raise CentralRefused(
                    f"the centre answered a batch of {len(ids)} without acknowledging {len(missing)} of "
                    f"them (first {missing[0]}); they stay in the outbox"
                )
            self.station.mark_sent(ids)
            sent += len(ids)
            batches += 1
        return sent, batches

    def pull(self) -> tuple[int, int]:
        """Fetch and apply feed pages until the centre has no more; returns (items, cursor)."""
        cursor = self.station.cursor()
        received = 0
        while True:
            page = with_retries(
                lambda cursor=cursor: self.client.updates(cursor, self.page_size),
                self.backoff,
                self.sleep,
                self.rng,
            )
            if page.items:
                self.station.apply(page.items, page.cursor)
                received += len(page.items)
            if not page.more or page.cursor == cursor:
                return received, page.cursor
            cursor = page.cursor

    def run_once(self) -> SyncReport:
        sent, batches = self.push()
        received, cursor = self.pull()
        return SyncReport(sent, batches, received, cursor)
