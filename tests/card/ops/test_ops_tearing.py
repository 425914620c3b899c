"""Tearing: the power is lost after each EEPROM page write of a personalisation and of an FMA endorsement,
in turn (every write APDU ends on one of them). After each tear the counter must say incomplete or show
the old consistent card, never wrong data as genuine; running the same operation again must finish it.
"""

from __future__ import annotations

from datetime import date
from itertools import count

from ops_helpers import FAMILY, NOW, Slot, Station

from apdu.emulator import EmulatedCard
from apdu.transport import CardRemoved
from card_station.card.decision import CardVerdict
from card_station.card.profile import CardProfile

FMA_FROM = date(2026, 3, 1)
OLD_STATES = {CardVerdict.BLANK, CardVerdict.INCOMPLETE}
MAX_PAGES = 2000


def _torn(card: EmulatedCard, slot: Slot, pages: int, operation: object) -> bool:
    """Run ``operation`` with the power lost after ``pages`` page writes; True if it was torn."""
    card.tear_after_writes(pages)
    try:
        operation()  # type: ignore[operator]
    except CardRemoved:
        slot.transport.reset()
        return True
    card.tear_after_writes(MAX_PAGES * 100)
    return False


def test_personalisation_torn_after_every_page_write_is_refused_then_finished(
    station: Station, loopback_32k: Slot
) -> None:
    card = loopback_32k.card
    assert card is not None
    blank = card.snapshot()
    station.personalise(loopback_32k, FAMILY, CardProfile.K32)
    finished = station.decide(loopback_32k, NOW)
    tears = 0
    for pages in count(1):
        assert pages < MAX_PAGES
        card.restore(blank)
        loopback_32k.transport.reset()
        if not _torn(
            card, loopback_32k, pages, lambda: station.personalise(loopback_32k, FAMILY, CardProfile.K32)
        ):
            break
        tears += 1
        seen = station.decide(loopback_32k, NOW)
        if seen.genuine:  # the last write landed, only its answer was lost
            assert seen == finished, f"torn after {pages} page writes: {seen}"
        else:
            assert seen.verdict in OLD_STATES, f"torn after {pages} page writes: {seen}"
        done = station.personalise(loopback_32k, FAMILY, CardProfile.K32)
        assert done.verdict.ok
        assert station.decide(loopback_32k, NOW) == finished
    assert tears > 40


def test_fma_endorsement_torn_after_every_page_write_is_refused_then_finished(
    station: Station, loopback_64k: Slot
) -> None:
    card = loopback_64k.card
    assert card is not None
    station.personalise(loopback_64k)
    station.hand_over(loopback_64k)
    handed_over = card.snapshot()
    at = NOW.replace(month=4)
    before = station.decide(loopback_64k, at)
    assert before.verdict is CardVerdict.ACTIVE and before.persons[0].opd_allowed
    station.endorse_fma(loopback_64k, FMA_FROM)
    finished = station.decide(loopback_64k, at)
    assert finished.verdict is CardVerdict.ACTIVE and not finished.persons[0].opd_allowed
    tears = 0
    for pages in count(1):
        assert pages < MAX_PAGES
        card.restore(handed_over)
        loopback_64k.transport.reset()
        if not _torn(card, loopback_64k, pages, lambda: station.endorse_fma(loopback_64k, FMA_FROM)):
            break
        tears += 1
        seen = station.decide(loopback_64k, at)
        if seen.verdict is not CardVerdict.INCOMPLETE:  # the old card, or the last write landed
            assert seen in (before, finished), f"torn after {pages} page writes, the card shows {seen}"
        done = station.endorse_fma(loopback_64k, FMA_FROM)
        assert [e.text for e in done.content.endorsements] == ["No OPD – 01 MAR 2026"]
        assert station.decide(loopback_64k, at) == finished
    assert tears > 5
