"""Where the cards come from and go: the card feed a worker asks for its next card and hands it back to.

At a station today the feed is the operator (``OperatorFeed``): the worker asks, through the progress
display, for a blank card (or for the chip of an interrupted card) and, when it is done, for the card to be
taken out to the right tray. A card printer with a hopper and an encoder would be another ``CardFeed``.
Emulated card stock for tests, the demo and the benchmark is ``card_station.issuing.batch.emulated``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Protocol


class Outcome(Enum):
    """What became of the card in a reader, which decides the tray it goes to."""

    ISSUED = "issued: to the issued cards"
    FAILED = "failed: put it aside with the run's report"
    REFUSED = "refused without being written: put it aside"
    UNUSED = "not written and still blank: back to the blank stock"
    LEFT = "left the reader mid-write: keep it for this run"


class CardFeed(Protocol):
    def feed(self, reader: str, wanted: Sequence[str]) -> bool:
        """Bring the next card to ``reader``: a blank one, or one of the chips ``wanted`` (serials of
        interrupted cards, which only their own chip can finish). False when no more cards will come."""
        ...

    def take(self, reader: str, outcome: Outcome) -> None:
        """The run is done with the card in ``reader``: take it out, to the tray ``outcome`` names."""
        ...


class OperatorFeed:
    """The operator is the feed: each request is a line for the progress display (``say``)."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self._say = say

    def __repr__(self) -> str:
        return "OperatorFeed()"

    def feed(self, reader: str, wanted: Sequence[str]) -> bool:
        interrupted = f" or the interrupted card with chip {' / '.join(wanted)}" if wanted else ""
        self._say(f"{reader}: insert a blank card{interrupted}")
        return True

    def take(self, reader: str, outcome: Outcome) -> None:
        if outcome is not Outcome.LEFT:
            self._say(f"{reader}: take the card out ({outcome.value})")
