"""Issue 6, the whole flow on the real PC/SC stack with a controlled clock: personalise -> send the OTP
(console gateway) -> five wrong OTPs -> locked -> a verifier reissues -> the right OTP -> every card of
the family handed over on the card and in the store, in one audited operation -> a counter before 13:00
IST refuses as not yet active (seed 000 §5(c)) -> after 13:00 it issues tokens; a replayed OTP fails.
And a card pulled halfway through the handover, finished without a new OTP."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from flow_station import START, Station, handed_over_family, ready_family
from sqlalchemy import select

from apdu.emulator.stack import EmulatorStack
from apdu.iso7816 import Iso7816
from apdu.transport import pcsc
from apdu.transport.pcsc import PcscTransport
from card_station.applications import ApplicationFile
from card_station.card.content import CardState
from card_station.card.decision import CardVerdict
from card_station.card.reader import read_card
from card_station.card.reading import verify_reading
from card_station.handover import OtpOutcome, Refused
from card_station.services.counter import NOT_HANDED_OVER_TEXT
from card_station.services.status import CARDS_HANDED_OVER, SMS_OTP_SENT, portal_status
from card_station.services.tokens import Care
from card_station.store.lifecycle import ApplicationState
from card_station.store.models import AuditRow, CardRow, CardStatus, CounterTokenRow, OutboxEvent
from card_station.store.models.people import ApplicationRow
from card_station.store.roles import PermissionDenied

pytestmark = pytest.mark.pcsc
READER_T0 = 2


def _audit(station: Station, action: str) -> list[AuditRow]:
    with station.store.read() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def _card_writes(station: Station, what: str) -> list[AuditRow]:
    return [a for a in _audit(station, "card.write") if json.loads(a.details)["what"] == what]


def _events(station: Station, kind: str) -> list[OutboxEvent]:
    with station.store.read() as session:
        return list(session.scalars(select(OutboxEvent).where(OutboxEvent.kind == kind)))


def _on_card(station: Station, transport: PcscTransport) -> tuple[CardState, object]:
    checked = verify_reading(
        read_card(Iso7816(transport)), station.keys.root_certificate(), station.clock.now()
    )
    assert checked.genuine and checked.content is not None
    return checked.content.status.state, checked.content.status.active_from


def test_the_whole_flow_from_personalisation_to_a_token(
    station: Station,
    family: ApplicationFile,
    pcsc_transport: PcscTransport,
    pcsc_transport_t0: PcscTransport,
) -> None:
    clerk, verifier, counter = station.ops["clerk"], station.ops["verifier"], station.ops["counter"]
    ready = ready_family(station, family, pcsc_transport, pcsc_transport_t0)
    service, key = ready.service, ready.key
    reader = station.counter()

    before = reader.read(pcsc_transport).decision
    assert before.verdict is CardVerdict.NOT_HANDED_OVER
    assert before.reasons == (NOT_HANDED_OVER_TEXT,)

    sent = service.send_otp(clerk, key)
    assert sent.sent and sent.status_text == "SMS OTP sent"
    sms = station.sms.getvalue()
    assert "[DEVELOPMENT SMS, not sent]" in sms and "XXXXXX1234" in sms and "9876541234" not in sms
    assert portal_status(station.store, ready.card_number, station.clock.now()).headline == SMS_OTP_SENT
    first_otp = station.last_sms_otp()
    wrong = f"{(int(first_otp) + 1) % 1_000_000:06d}"

    outcomes = [service.enter_otp(clerk, key, wrong).check for _ in range(5)]
    assert [c.outcome for c in outcomes] == [OtpOutcome.WRONG] * 4 + [OtpOutcome.LOCKED]
    assert outcomes[0].message == "wrong OTP: 4 attempts left"
    assert "a verifier must issue a new OTP" in outcomes[-1].message
    locked = service.enter_otp(clerk, key, first_otp).check
    assert locked.outcome is OtpOutcome.LOCKED, "the right OTP no longer works once locked"
    assert "locked" in portal_status(station.store, ready.card_number, station.clock.now()).lines[0]

    station.clock.advance(timedelta(minutes=5))
    resend = service.resend_otp(clerk, key)
    assert isinstance(resend, Refused) and "verifier" in resend.reason
    with pytest.raises(PermissionDenied, match="may not verify"):
        service.reissue_otp(clerk, key)
    reissued = service.reissue_otp(verifier, key)
    assert not isinstance(reissued, Refused) and reissued.sent
    new_otp = station.last_sms_otp()
    assert service.progress(key) is None

    station.clock.set(START.replace(hour=11))
    run = service.hand_over(clerk, key, new_otp, [pcsc_transport, pcsc_transport_t0])
    assert run.check is not None and run.check.accepted and run.problem is None
    assert [c.written for c in run.cards] == [True, True]
    assert {c.serial for c in run.cards} == set(ready.serials)
    progress = run.progress
    assert progress is not None and progress.complete
    activation = START.replace(hour=13)
    assert progress.activation_at == activation, "OTP at 11:00 IST: active the same day at 13:00 (§5(c))"
    for transport in (pcsc_transport, pcsc_transport_t0):
        assert _on_card(station, transport) == (CardState.HANDED_OVER, activation)
    with station.store.read() as session:
        application = session.scalar(select(ApplicationRow).where(ApplicationRow.key == key))
        assert application is not None and application.state is ApplicationState.HANDED_OVER
        rows = session.scalars(select(CardRow).where(CardRow.application_id == application.id)).all()
        assert {r.status for r in rows} == {CardStatus.HANDED_OVER}
    assert len(_audit(station, "handover")) == 1
    assert len(_card_writes(station, "hand over")) == 2
    assert len(_events(station, "card.handed_over")) == 2
    assert not any(new_otp in str(a.details) for a in _audit(station, "handover"))

    replay = service.enter_otp(clerk, key, new_otp).check
    assert replay.outcome is OtpOutcome.ALREADY_USED
    status = portal_status(station.store, ready.card_number, station.clock.now())
    assert status.headline == CARDS_HANDED_OVER
    assert status.lines[0] == "Active from 23 NOV 2026 13:00 IST"
    assert "temporary slip: stopped" in status.lines[1]

    tokens = station.tokens()
    station.clock.set(START.replace(hour=12, minute=59))
    early = reader.read(pcsc_transport)
    assert early.decision.verdict is CardVerdict.NOT_YET_ACTIVE
    assert early.decision.reasons == ("the card is active from 23 NOV 2026 13:00 IST",)
    refused = tokens.issue(counter, early, person_id="M", care=Care.OPD)
    assert not refused.issued and refused.token_no is None and "not yet active" in refused.reason

    station.clock.set(START.replace(hour=13, minute=5))
    now_active = reader.read(pcsc_transport)
    assert now_active.decision.verdict is CardVerdict.ACTIVE
    assert tokens.allowed_care(now_active, "M") == (Care.OPD, Care.IPD)
    first = tokens.issue(counter, now_active, person_id="M", care=Care.OPD)
    second = tokens.issue(counter, now_active, person_id="D1", care=Care.OPD)
    add_on = tokens.issue(counter, reader.read(pcsc_transport_t0), person_id="D2", care=Care.IPD)
    assert (first.token_no, second.token_no, add_on.token_no) == (1, 2, 3)
    assert (first.person_name, second.person_name) == ("Rajesh Kumar", "Sunita Devi")
    with station.store.read() as session:
        recorded = session.scalars(select(CounterTokenRow).order_by(CounterTokenRow.id)).all()
    assert [(t.token_no, t.person_id, t.care, t.outcome.value) for t in recorded] == [
        (None, "M", "OPD", "refused"),
        (1, "M", "OPD", "issued"),
        (2, "D1", "OPD", "issued"),
        (3, "D2", "IPD", "issued"),
    ]
    assert {t.card_serial for t in recorded} == set(ready.serials)
    assert len(_events(station, "counter.token_issued")) == 3
    assert len(_events(station, "counter.token_refused")) == 1

    station.clock.set(START + timedelta(days=1))
    next_day = tokens.issue(counter, reader.read(pcsc_transport), person_id="M", care=Care.OPD)
    assert next_day.token_no == 1, "one queue per polyclinic per day"


def test_a_card_pulled_halfway_is_finished_by_resume_without_a_new_otp(
    station: Station,
    family: ApplicationFile,
    pcsc_transport: PcscTransport,
    pcsc_transport_t0: PcscTransport,
    pcsc_stack: EmulatorStack,
) -> None:
    clerk = station.ops["clerk"]
    ready = ready_family(station, family, pcsc_transport, pcsc_transport_t0)
    service, key = ready.service, ready.key
    assert service.send_otp(clerk, key).sent
    station.clock.set(START.replace(hour=14))
    card = pcsc_stack.card(READER_T0)
    assert card is not None
    card.tear_after_writes(4)  # after EF.STATUS "open", within EF.SOD

    run = service.hand_over(clerk, key, station.last_sms_otp(), [pcsc_transport, pcsc_transport_t0])
    assert run.check is not None and run.check.accepted
    assert [c.written for c in run.cards] == [True]
    assert run.problem is not None and "resume the handover: no new OTP is needed" in run.problem
    assert run.progress is not None and run.progress.pending == (ready.serials[1],)
    name = pcsc_stack.reader_names[READER_T0]
    pcsc_transport_t0.disconnect()
    pcsc.wait_for_removal(name, timeout=30)
    pcsc_stack.insert(READER_T0)
    pcsc.wait_for_card(name, timeout=30)
    pcsc_transport_t0.connect()
    incomplete = station.counter().read(pcsc_transport_t0).decision
    assert incomplete.verdict is CardVerdict.INCOMPLETE, "the torn card is refused, never shown"

    again = service.enter_otp(clerk, key, station.last_sms_otp()).check
    assert again.outcome is OtpOutcome.ALREADY_USED
    resumed = service.resume(clerk, key, [pcsc_transport, pcsc_transport_t0])
    assert [c.written for c in resumed.cards] == [False, True], "the finished card is skipped"
    assert resumed.progress is not None and resumed.progress.complete
    next_day = START.replace(hour=13) + timedelta(days=1)
    assert _on_card(station, pcsc_transport_t0) == (CardState.HANDED_OVER, next_day)
    assert _on_card(station, pcsc_transport) == (CardState.HANDED_OVER, next_day)
    twice = service.resume(clerk, key, [pcsc_transport_t0])
    assert [c.written for c in twice.cards] == [False]
    assert len(_audit(station, "handover")) == 1
    assert len(_card_writes(station, "hand over")) == 2


def test_a_handed_over_family_is_active_from_13_00(
    station: Station, family: ApplicationFile, pcsc_transport: PcscTransport, pcsc_transport_t0: PcscTransport
) -> None:
    ready = handed_over_family(station, family, pcsc_transport, pcsc_transport_t0)
    station.clock.set(START.replace(hour=13))
    assert station.counter().read(pcsc_transport_t0).decision.verdict is CardVerdict.ACTIVE
    assert ready.service.progress(ready.key).complete  # type: ignore[union-attr]
