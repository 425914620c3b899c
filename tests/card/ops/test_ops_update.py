"""Incremental updates on loopback and the real PC/SC stack: only what changed is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from ops_helpers import NOW, Slot, Station

from card_station.card.content import BlockReason, CardState, EndorsementKind
from card_station.card.decision import OPD_NOT_ALLOWED, CardVerdict
from card_station.card.operation_errors import InterruptedUpdate, WrongCard
from card_station.card.profile import CardProfile
from card_station.card.update import apply_update, cease_fma, endorse_fma

PHOTO_SFI_WRITE = ("00D685", "00D785")


def test_handover_then_activation_at_13_ist(station: Station, blank_64k: Slot) -> None:
    station.personalise(blank_64k)
    done = station.hand_over(blank_64k)
    assert done.files_written == ()
    assert done.content.status.state is CardState.HANDED_OVER
    # OTP entered at 11:30 IST: active the same day at 13:00 IST = 07:30 UTC (seed 000 §5(c))
    assert done.content.status.active_from == datetime(2026, 1, 10, 7, 30, tzinfo=NOW.tzinfo)
    assert station.decide(blank_64k, NOW).verdict is CardVerdict.NOT_YET_ACTIVE
    assert station.decide(blank_64k, NOW.replace(hour=8)).verdict is CardVerdict.ACTIVE


def test_fma_endorsement_writes_endorse_sod_and_status_only(
    station: Station, blank_64k: Slot, later: datetime
) -> None:
    personalised = station.personalise(blank_64k)
    station.hand_over(blank_64k)
    blank_64k.fresh_trace()
    done = station.endorse_fma(blank_64k, date(2026, 3, 1))
    assert done.files_written == ("EF.ENDORSE",)
    assert done.bytes_written < 0.05 * personalised.bytes_written
    writes = [e.command for e in blank_64k.trace.exchanges if e.command[2:4] in {"D6", "D7", "DC", "E2"}]
    assert writes and not [c for c in writes if c.startswith(PHOTO_SFI_WRITE)]
    decision = station.decide(blank_64k, later)
    assert decision.verdict is CardVerdict.ACTIVE
    assert all(not p.opd_allowed and p.ipd_allowed for p in decision.persons)
    assert decision.persons[0].opd_text.startswith(f"{OPD_NOT_ALLOWED}: No OPD – 01 MAR 2026")
    assert station.decide(blank_64k, NOW.replace(hour=9)).persons[0].opd_allowed  # before 01 Mar 2026


def test_rerunning_an_endorsement_changes_nothing_more(station: Station, loopback_64k: Slot) -> None:
    station.personalise(loopback_64k)
    station.endorse_fma(loopback_64k, date(2026, 3, 1))
    again = station.endorse_fma(loopback_64k, date(2026, 3, 1))
    assert len(again.content.endorsements) == 1


def test_fma_cessation_allows_opd_again(station: Station, loopback_64k: Slot) -> None:
    station.personalise(loopback_64k)
    station.hand_over(loopback_64k)
    station.endorse_fma(loopback_64k, date(2026, 3, 1))
    apply_update(loopback_64k.iso(), cease_fma(date(2026, 6, 1), "DL-STN-01"), station.keys, NOW)
    at = datetime(2026, 6, 2, 6, 0, tzinfo=NOW.tzinfo)
    assert station.decide(loopback_64k, at).persons[0].opd_allowed
    assert not station.decide(loopback_64k, datetime(2026, 4, 2, tzinfo=NOW.tzinfo)).persons[0].opd_allowed


@pytest.mark.parametrize("reason", [BlockReason.LOST, BlockReason.CHANGE_OF_DATA])
def test_a_blocked_card_is_refused_at_the_counter(
    station: Station, blank_64k: Slot, reason: BlockReason, later: datetime
) -> None:
    station.personalise(blank_64k)
    station.hand_over(blank_64k)
    done = station.updates().block(blank_64k.traced, reason)
    assert done.content.endorsements[-1].kind is EndorsementKind.BLOCKED
    decision = station.decide(blank_64k, later)
    assert decision.verdict is CardVerdict.BLOCKED and not decision.token_allowed
    assert reason.name.replace("_", " ").lower() in decision.reasons[0]


def test_change_of_a_dependants_data(station: Station, blank_32k: Slot) -> None:
    personalised = station.personalise(blank_32k, "war-widow", CardProfile.K32)
    son = personalised.content.dependants[0]
    done = station.updates().change_dependant(blank_32k.traced, replace(son, name="Gurpreet Singh Sandhu"))
    assert done.files_written == ("EF.DEPENDANTS", "EF.ENDORSE")
    assert done.content.dependants[0].name == "Gurpreet Singh Sandhu"
    assert done.content.dependants[1] == personalised.content.dependants[1]
    assert station.decide(blank_32k, NOW).genuine


def test_an_update_of_a_blank_card_is_refused(station: Station, loopback_64k: Slot) -> None:
    with pytest.raises(WrongCard, match="blank card"):
        station.endorse_fma(loopback_64k, date(2026, 3, 1))


def test_a_card_torn_by_another_kind_of_update_is_refused(station: Station, loopback_64k: Slot) -> None:
    card = loopback_64k.card
    assert card is not None
    station.personalise(loopback_64k)
    son = station.decide(loopback_64k, NOW).persons[2]
    assert son.name == "Amit Kumar"
    content = station.read(loopback_64k, NOW).checked.content
    assert content is not None
    changed = replace(content.dependants[1], name="Amit Kumar Verma")
    card.tear_after_writes(4)  # authentication (2 pages), EF.STATUS open, the dependant's record
    with pytest.raises(Exception, match="lost power"):
        station.updates().change_dependant(loopback_64k.traced, changed)
    loopback_64k.transport.reset()
    assert station.decide(loopback_64k, NOW).verdict is CardVerdict.INCOMPLETE
    with pytest.raises(InterruptedUpdate, match=r"EF\.DEPENDANTS"):
        apply_update(
            loopback_64k.iso(), endorse_fma(date(2026, 3, 1), "X", "No OPD – 01 MAR 2026"), station.keys, NOW
        )
    assert station.updates().change_dependant(loopback_64k.traced, changed).resumed
