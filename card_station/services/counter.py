"""Read a card at a polyclinic counter (issue 4 "Read at a counter"; issue 6 "The counter"): no key, one
decision.

Order (issue 6): read and verify the card, then check the hotlist, then decide. The card's own decision
(``card.decision.decide``) comes first; the counter then words it for the operator and the beneficiary:

- a card that was never electronically handed over is refused with ``NOT_HANDED_OVER_TEXT``: seed 000 §4
  ("the cards do not get activated and are not functional") and §5(b) ("visit parent polyclinic with
  OTP and ask the staff to enter the OTP");
- a genuine card whose chip serial is on the hotlist (blocked cards the central service sends back,
  docs/sync.md) is refused as blocked, whatever its EF.STATUS still says: a lost card is blocked at the
  centre long before anyone could write on it. A card that is not genuine stays "NOT GENUINE": the
  hotlist names genuine cards only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import select

from apdu.iso7816 import Iso7816
from apdu.transport import Transport
from card_station.card.decision import CardVerdict, CounterDecision, decide
from card_station.card.reader import read_card
from card_station.card.reading import VerifiedReading, verify_reading
from card_station.services.clock import Clock
from card_station.store.database import Store
from card_station.store.models.centre import HotlistEntry

NOT_HANDED_OVER_TEXT = (
    "not electronically handed over: the beneficiary must bring the OTP to the parent polyclinic"
)
"""Seed 000 §4 and §5(b): cards given out without the OTP are not functional."""

Hotlist = Callable[[str], str | None]
"""Looks a chip serial (upper-case hex) up in the hotlist: the reason it is blocked, or None."""


def no_hotlist(serial: str) -> None:
    """A counter with no hotlist yet (before its first sync): only what the card says counts."""
    return None


def store_hotlist(store: Store) -> Hotlist:
    """The hotlist the station's store holds (pulled from the central service, docs/sync.md)."""

    def lookup(serial: str) -> str | None:
        with store.read() as session:
            row = session.scalar(select(HotlistEntry).where(HotlistEntry.card_serial == serial))
        if row is None:
            return None
        reason = row.data.get("reason") if isinstance(row.data, dict) else None
        return str(reason) if reason else "blocked"

    return lookup


@dataclass(frozen=True)
class CounterRead:
    """The decision and what it was made from (the content, for display; photos when asked for), and the
    chip serial in upper-case hex (None for a card without one: blank or not an ECHS card)."""

    decision: CounterDecision
    checked: VerifiedReading

    @property
    def serial(self) -> str | None:
        serial = self.checked.reading.serial
        return None if serial is None else serial.hex().upper()


def counter_decision(decision: CounterDecision, hotlisted: str | None) -> CounterDecision:
    """The card's decision as the counter gives it: the hotlist applied, the handover refusal worded for
    the beneficiary (seed 000 §4, §5(b)). Pure."""
    if hotlisted is not None and decision.genuine and decision.verdict is not CardVerdict.BLOCKED:
        return replace(
            decision,
            verdict=CardVerdict.BLOCKED,
            reasons=(f"the card is on the hotlist: {hotlisted}",),
        )
    if decision.verdict is CardVerdict.NOT_HANDED_OVER:
        return replace(decision, reasons=(NOT_HANDED_OVER_TEXT,))
    return decision


class CounterService:
    """Reads cards and decides, trusting only the scheme root certificate it is given and the hotlist."""

    def __init__(self, root_certificate: bytes, clock: Clock, *, hotlist: Hotlist = no_hotlist) -> None:
        self._root = root_certificate
        self._clock = clock
        self._hotlist = hotlist

    def read(self, transport: Transport, *, photos: bool = False) -> CounterRead:
        now = self._clock()
        checked = verify_reading(read_card(Iso7816(transport), photos=photos), self._root, now)
        serial = checked.reading.serial
        hotlisted = None if serial is None or not checked.genuine else self._hotlist(serial.hex().upper())
        return CounterRead(counter_decision(decide(checked, now), hotlisted), checked)
