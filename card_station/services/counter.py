"""Read a card at a polyclinic counter (issue 4 "Read at a counter"): no key, one decision."""

from __future__ import annotations

from dataclasses import dataclass

from apdu.iso7816 import Iso7816
from apdu.transport import Transport
from card_station.card.decision import CounterDecision, decide
from card_station.card.reader import read_card
from card_station.card.reading import VerifiedReading, verify_reading
from card_station.services.clock import Clock


@dataclass(frozen=True)
class CounterRead:
    """The decision and what it was made from (the content, for display; photos when asked for)."""

    decision: CounterDecision
    checked: VerifiedReading


class CounterService:
    """Reads cards and decides, trusting only the scheme root certificate it is given."""

    def __init__(self, root_certificate: bytes, clock: Clock) -> None:
        self._root = root_certificate
        self._clock = clock

    def read(self, transport: Transport, *, photos: bool = False) -> CounterRead:
        now = self._clock()
        checked = verify_reading(read_card(Iso7816(transport), photos=photos), self._root, now)
        return CounterRead(decide(checked, now), checked)
