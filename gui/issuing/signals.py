"""The run's news, carried to the GUI thread by Qt signals (docs/gui.md: never touch a widget from a
worker thread).

The batch package's worker threads call ``RunSignals``' methods; each emits a signal, and the screen's
slots are connected with ``Qt.QueuedConnection``, so they run on the GUI thread's event loop, in the
order each worker emitted. ``RunSignals`` has no Qt parent: it belongs to the running batch, so a worker
that reports after the screen was closed emits into a connection Qt has already dropped, not into a
deleted object.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from card_station.issuing.batch.feed import CardFeed, Outcome
from card_station.issuing.batch.run import Rate
from card_station.issuing.batch.worker import Event


class RunSignals(QObject):
    event = Signal(object, object)
    """(Event, Rate | None): an outcome of a worker (with the counts), or a step of a card in hand."""
    insert = Signal(str, object)
    """(reader, tuple of interrupted chip serials): the reader wants its next card."""
    take = Signal(str, object)
    """(reader, Outcome): the run is done with the card in the reader."""
    ended = Signal(object)
    """(Summary): the run's threads have all ended."""
    crashed = Signal(object)
    """(BaseException): the run could not go on (no reader, the store refused)."""

    def report(self, event: Event, rate: Rate) -> None:
        self.event.emit(event, rate)

    def phase(self, event: Event) -> None:
        self.event.emit(event, None)


class PromptingFeed:
    """A ``CardFeed`` that tells the screen what the operator must do, and passes each request on to
    ``inner`` (a card printer's hopper; the emulated hopper in tests), or to nobody when the operator is
    the feed."""

    def __init__(self, signals: RunSignals, inner: CardFeed | None) -> None:
        self._signals = signals
        self._inner = inner

    def __repr__(self) -> str:
        return f"PromptingFeed({self._inner!r})"

    def feed(self, reader: str, wanted: Sequence[str]) -> bool:
        self._signals.insert.emit(reader, tuple(wanted))
        return True if self._inner is None else self._inner.feed(reader, wanted)

    def take(self, reader: str, outcome: Outcome) -> None:
        self._signals.take.emit(reader, outcome)
        if self._inner is not None:
            self._inner.take(reader, outcome)
