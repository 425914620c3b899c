"""Helpers of the card operation tests: a station with a fixed clock and a traced card slot."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from apdu.emulator import EmulatedCard
from apdu.iso7816 import Iso7816
from apdu.transport import Transport
from apdu.transport.decorator import TransportDecorator
from apdu.transport.tracing import Trace, TracingTransport
from card_station.applications import sample
from card_station.card.compose import Issuer
from card_station.card.decision import CounterDecision
from card_station.card.personalise import Personalised
from card_station.card.profile import CardProfile
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY, CardKeys
from card_station.card.update import Updated
from card_station.keys import FileKeyStore
from card_station.services.counter import CounterRead, CounterService
from card_station.services.endorsement import EndorsementService
from card_station.services.personalisation import PersonalisationService

NOW = datetime(2026, 1, 10, 6, 0, tzinfo=UTC)
"""Personalisation time of the tests (10 Jan 2026, 11:30 IST)."""
FAMILY = "family-six-dependants"


class Counting(TransportDecorator):
    """A transport wrapper that counts the response data bytes (status words excluded)."""

    def __init__(self, inner: Transport, slot: Slot) -> None:
        super().__init__(inner)
        self._slot = slot

    def transmit(self, command: bytes) -> bytes:
        response = self.inner.transmit(command)
        self._slot.received += max(0, len(response) - 2)
        return response


@dataclass
class Slot:
    """One card connection; ``card`` is the emulated card when in-process (loopback). ``traced`` counts
    APDUs (``trace``) and response bytes (``received``)."""

    transport: Transport
    card: EmulatedCard | None
    trace: Trace = field(default_factory=Trace)
    received: int = 0

    @property
    def traced(self) -> Counting:
        return Counting(TracingTransport(self.transport, self.trace), self)

    def iso(self) -> Iso7816:
        return Iso7816(self.traced)

    def fresh_trace(self) -> Trace:
        self.trace = Trace()
        self.received = 0
        return self.trace


@dataclass
class Station:
    keys: FileKeyStore
    issuer: Issuer
    now: datetime

    def clock(self) -> datetime:
        return self.now

    def personalise(self, slot: Slot, name: str = FAMILY, profile: CardProfile | None = None) -> Personalised:
        service = PersonalisationService(self.keys, self.issuer, DEVELOPMENT_TRANSPORT_KEY, self.clock)
        return service.personalise(slot.traced, sample(name), profile)

    def updates(self) -> EndorsementService:
        return EndorsementService(self.keys, self.issuer.station_id, self.issuer.rules, self.clock)

    def hand_over(self, slot: Slot) -> Updated:
        return self.updates().hand_over(slot.traced, self.now)

    def endorse_fma(self, slot: Slot, commences_on: date) -> Updated:
        return self.updates().endorse_fma(slot.traced, commences_on)

    def read(
        self, slot: Slot, at: datetime, *, photos: bool = False, root: bytes | None = None
    ) -> CounterRead:
        counter = CounterService(root or self.keys.root_certificate(), lambda: at)
        return counter.read(slot.traced, photos=photos)

    def decide(self, slot: Slot, at: datetime) -> CounterDecision:
        return self.read(slot, at).decision

    def card_keys(self, serial: bytes) -> CardKeys:
        return CardKeys.derive(self.keys, serial)
