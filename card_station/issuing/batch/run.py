"""A run across readers (issue 8 "Batches across readers"): one worker thread per reader over one ledger.

Why threads: a worker spends its time waiting (for pcscd to see a card arrive or leave, for APDU round
trips through pcscd), not computing, and pyscard releases the GIL while it waits; so the readers' waits
overlap, and the little Python work per card (key derivation, ECDSA signing, encoding) interleaves
between them. benchmarks/batch.py measures how far that carries.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from card_station.issuing.batch.faces import FacePrinter
from card_station.issuing.batch.feed import CardFeed
from card_station.issuing.batch.ledger import Item, Ledger, Progress
from card_station.issuing.batch.readers import Readers
from card_station.issuing.batch.worker import Event, EventKind, Personaliser, ReaderWorker, Station
from card_station.services.clock import Clock

_JOIN_SLICE_S = 0.2


@dataclass(frozen=True)
class Rate:
    """The progress display's numbers for this session: the counts in the store, and cards per minute."""

    progress: Progress
    issued_now: int
    elapsed_s: float

    @property
    def per_minute(self) -> float:
        return 60.0 * self.issued_now / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def line(self) -> str:
        p = self.progress
        return (
            f"done {p.done}, failed {p.failed}, remaining {p.remaining}"
            f"{f' ({p.interrupted} interrupted)' if p.interrupted else ''}, refused {p.refused}, "
            f"rate {self.per_minute:.1f} cards/min"
        )


@dataclass(frozen=True)
class Summary:
    """How a run (this session of it) ended: every application's state, and the cards refused."""

    rate: Rate
    items: tuple[Item, ...]
    refusals: tuple[tuple[str, str | None, str], ...]
    readers_gone: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.rate.progress.remaining == 0


class BatchRun:
    """Issue the ledger's applications on ``readers``; ``report`` gets every worker's events (from the
    workers' threads, one at a time); ``phases``, if given, each step of a card in hand (worker.PHASES:
    writing, verifying, printing the face), from the worker's thread, for a live display per reader."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        personaliser: Personaliser,
        faces: FacePrinter,
        feed: CardFeed,
        readers: Readers,
        clock: Clock,
        report: Callable[[Event, Rate], None] | None = None,
        phases: Callable[[Event], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ledger = ledger
        self._report = report
        self._monotonic = monotonic
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._issued = 0
        self._started = 0.0
        self._gone: list[str] = []
        self._station = Station(ledger, personaliser, faces, feed, readers, clock, self._event, phase=phases)
        self._clock = clock

    def __repr__(self) -> str:
        return f"BatchRun({self._ledger!r})"

    def stop(self) -> None:
        """Ask every worker to stop after the card in hand (a stop never cuts a write short)."""
        self._stop.set()

    def rate(self) -> Rate:
        with self._lock:
            issued = self._issued
        return Rate(self._ledger.progress(), issued, self._monotonic() - self._started)

    def run(self, reader_names: Sequence[str]) -> Summary:
        """Work until no application waits for a card, every reader is gone, or ``stop``; then summarise.

        Applications a previous process left mid-write are marked interrupted first (``Ledger.recover``).
        """
        if not reader_names:
            raise ValueError("a run needs at least one reader: connect a reader, or name one with --readers")
        self._ledger.recover(self._clock())
        self._started = self._monotonic()
        workers = [ReaderWorker(name, self._station, self._stop) for name in reader_names]
        threads = [threading.Thread(target=w.run, name=f"batch {w.reader}", daemon=True) for w in workers]
        for thread in threads:
            thread.start()
        try:
            for thread in threads:
                while thread.is_alive():
                    thread.join(_JOIN_SLICE_S)
        except KeyboardInterrupt:
            self.stop()
            for thread in threads:
                thread.join()
            raise
        rate = self.rate()
        if rate.progress.remaining == 0:
            self._ledger.mark_finished(self._clock())
        return Summary(rate, tuple(self._ledger.items()), tuple(self._ledger.refusals()), tuple(self._gone))

    def _event(self, event: Event) -> None:
        with self._lock:
            if event.kind is EventKind.ISSUED:
                self._issued += 1
            if event.kind is EventKind.READER_GONE:
                self._gone.append(event.reader)
        if self._report is not None:
            rate = self.rate()
            with self._lock:
                self._report(event, rate)
