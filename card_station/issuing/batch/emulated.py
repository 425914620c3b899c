"""Emulated card stock for a run on an ``EmulatorStack`` (tests, the demo, benchmarks/batch.py): a hopper
of blank emulated cards that feeds each reader on request and sorts finished cards into trays, as a card
printer's hopper and output trays would.

Why this lives beside the real feed and not in the tests: the benchmark and ``card-station demo`` drive a
run on emulated cards too, and all of them must feed cards the same way a station does (wait until pcscd
has seen the previous card leave, then insert the next).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Sequence

from apdu.emulator import EmulatedCard
from apdu.emulator.stack import EmulatorStack
from card_station.issuing.batch.feed import Outcome


class EmulatedHopper:
    """A ``CardFeed`` over ``stack``'s readers: ``blanks`` are fed in order; cards put back (an
    interrupted card returned by the operator) go first; every card taken out lands in ``trays``."""

    def __init__(self, stack: EmulatorStack, blanks: Iterable[EmulatedCard]) -> None:
        self._stack = stack
        self._index = {name: i for i, name in enumerate(stack.reader_names)}
        self._blanks: deque[EmulatedCard] = deque(blanks)
        self._returned: deque[EmulatedCard] = deque()
        self._lock = threading.Lock()
        self.trays: dict[Outcome, list[EmulatedCard]] = {outcome: [] for outcome in Outcome}
        self.fed: list[EmulatedCard] = []
        """Every card fed, in order (a card fed twice is listed twice)."""

    def __repr__(self) -> str:
        return f"EmulatedHopper(blanks={len(self._blanks)}, returned={len(self._returned)})"

    def add(self, card: EmulatedCard) -> None:
        """Put ``card`` at the end of the stock."""
        with self._lock:
            self._blanks.append(card)

    def put_back(self, card: EmulatedCard) -> None:
        """Return a card (one pulled mid-write) to be fed before any blank."""
        with self._lock:
            self._returned.append(card)

    def feed(self, reader: str, wanted: Sequence[str]) -> bool:
        with self._lock:
            wanted_cards = [card for card in self._returned if card.serial.hex().upper() in wanted]
            if wanted_cards:
                card = wanted_cards[0]
                self._returned.remove(card)
            elif self._returned:
                card = self._returned.popleft()
            elif self._blanks:
                card = self._blanks.popleft()
            else:
                return False
            self.fed.append(card)
        self._stack.insert(self._index[reader], card)
        return True

    def take(self, reader: str, outcome: Outcome) -> None:
        index = self._index[reader]
        card = self._stack.card(index)
        self._stack.remove(index)
        if card is None:
            return
        with self._lock:
            self.trays[outcome].append(card)
            if outcome is Outcome.UNUSED:
                self._blanks.appendleft(card)
