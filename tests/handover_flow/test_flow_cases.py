"""Issue 6, the cases around the flow: an expired OTP, another family's OTP, a gateway that fails ("OTP not
sent: <reason>"), the fallback OTP request of seed 000 §5(b)-(c) (visible to the requesting operator
alone, request and view audited), an FMA member (IPD referral only, seed 003 §7), a blocked card on the
hotlist, the portal statuses, and every role tried on the services it must not use."""

from __future__ import annotations

import json
import socket
from datetime import date, timedelta

import pytest
from flow_station import MOBILE, START, Family, Station
from sqlalchemy import select

from apdu.transport.pcsc import PcscTransport
from card_station.applications import ApplicationFile, sample
from card_station.card.decision import OPD_NOT_ALLOWED, CardVerdict
from card_station.handover import OtpOutcome, Refused
from card_station.services import applications
from card_station.services.endorsement import EndorsementService
from card_station.services.handover import HandoverError
from card_station.services.status import (
    BLOCKED_CHANGE_OF_DATA,
    CARD_BLOCKED,
    SMS_OTP_SENT,
    StatusNotFound,
    portal_status,
)
from card_station.services.tokens import Care
from card_station.sms import HttpGateway, HttpMethod, HttpSmsSettings
from card_station.store.centre import apply_hotlist
from card_station.store.lifecycle import ApplicationState
from card_station.store.models import AuditRow, OtpRow
from card_station.store.models.people import ApplicationRow
from card_station.store.roles import PermissionDenied

pcsc = pytest.mark.pcsc


def _audit(station: Station, action: str) -> list[AuditRow]:
    with station.store.read() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def _state(station: Station, key: str) -> ApplicationState:
    with station.store.read() as session:
        row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == key))
        assert row is not None
        return row.state


def _unreachable_gateway() -> HttpGateway:
    """The real HTTP gateway aimed at a local port nobody listens on: the provider is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = HttpSmsSettings(
        url_template=f"http://127.0.0.1:{port}/v1/sms?to={{mobile}}&text={{text}}",
        sender_id="ECHSHQ",
        entity_id="1101161234567890123",
        method=HttpMethod.GET,
        connect_timeout_s=1.0,
        max_attempts=1,
    )
    return HttpGateway(settings, sleep=lambda _: None)


def _record_cards(station: Station, key: str, serials: list[str]) -> None:
    """Cards of a second family recorded as personalised (their chips are not needed for an OTP check)."""
    with station.store.transaction() as session:
        applications.record_card_personalised(
            session, station.ops["clerk"], key, serials=serials, layout_version=1, now=station.clock.now()
        )


@pcsc
def test_an_expired_otp_fails_and_a_verifier_reopens_the_window(station: Station, ready: Family) -> None:
    clerk = station.ops["clerk"]
    ready.service.send_otp(clerk, ready.key)
    otp = station.last_sms_otp()
    station.clock.advance(timedelta(days=30))
    check = ready.service.enter_otp(clerk, ready.key, otp).check
    assert check.outcome is OtpOutcome.EXPIRED
    assert check.message == "expired on 2026-12-23 10:00 IST: a verifier must issue a new OTP"
    assert "expired" in portal_status(station.store, ready.card_number, station.clock.now()).lines[0]
    assert isinstance(ready.service.resend_otp(clerk, ready.key), Refused)
    reissued = ready.service.reissue_otp(station.ops["verifier"], ready.key)
    assert not isinstance(reissued, Refused)
    assert reissued.expires_at == station.clock.now() + timedelta(days=30)
    assert ready.service.enter_otp(clerk, ready.key, station.last_sms_otp()).check.accepted


@pcsc
def test_another_familys_otp_fails(station: Station, ready: Family) -> None:
    clerk = station.ops["clerk"]
    other_key = station.enter_application(sample("war-widow"))
    _record_cards(station, other_key, ["AA0000000001"])
    ready.service.send_otp(clerk, ready.key)
    mine = station.last_sms_otp()
    ready.service.send_otp(clerk, other_key)
    theirs = station.last_sms_otp()
    assert mine != theirs
    check = ready.service.enter_otp(clerk, ready.key, theirs).check
    assert check.outcome is OtpOutcome.WRONG and not check.accepted
    assert ready.service.progress(ready.key) is None
    assert _state(station, ready.key) is ApplicationState.OTP_SENT
    assert ready.service.enter_otp(clerk, other_key, theirs).check.accepted


@pcsc
def test_a_gateway_failure_leaves_otp_not_sent_then_the_polyclinic_requests_the_otp(
    station: Station, ready: Family, pcsc_transport: PcscTransport, pcsc_transport_t0: PcscTransport
) -> None:
    failing = station.handover(_unreachable_gateway())
    result = failing.send_otp(station.ops["clerk"], ready.key)
    assert not result.sent
    assert result.status_text.startswith("OTP not sent: ") and "SMS OTP sent" not in result.status_text
    assert _state(station, ready.key) is ApplicationState.CARD_PERSONALISED
    status = portal_status(station.store, ready.card_number, station.clock.now())
    assert status.headline == result.status_text
    assert _audit(station, "otp.sent") == []
    assert station.sms.getvalue() == ""

    counter, counter2 = station.ops["counter"], station.ops["counter2"]
    station.clock.advance(timedelta(days=2))
    fallback = failing.request_fallback_otp(counter, ready.key)
    assert not isinstance(fallback, Refused)
    assert fallback.requested_by == "counter" and len(fallback.otp.digits) == 6
    assert repr(fallback.otp) == "PlainOtp(<hidden>)" and str(fallback.otp) == "******"
    requested, viewed = _audit(station, "otp.request"), _audit(station, "otp.view")
    assert [(a.operator, a.subject) for a in requested + viewed] == [("counter", ready.key)] * 2
    for entry in requested + viewed:
        assert fallback.otp.digits not in entry.details
        assert set(json.loads(entry.details)) == {"otp_id", "replaces"}
    with station.store.read() as session:
        macs = [row.otp_hmac for row in session.scalars(select(OtpRow))]
    assert all(fallback.otp.digits.encode() not in mac for mac in macs)
    assert (
        portal_status(station.store, ready.card_number, station.clock.now())
        .lines[0]
        .startswith("OTP requested at the parent polyclinic")
    )

    with pytest.raises(PermissionDenied, match="may enter only an OTP he requested"):
        failing.enter_otp(counter2, ready.key, fallback.otp.digits)
    run = failing.hand_over(counter, ready.key, fallback.otp.digits, [pcsc_transport, pcsc_transport_t0])
    assert run.check is not None and run.check.accepted and run.progress is not None
    assert run.progress.complete
    handover = _audit(station, "handover")
    assert [a.operator for a in handover] == ["counter"]


@pcsc
@pytest.mark.usefixtures("handed")
def test_an_fma_member_gets_ipd_referral_only(station: Station, pcsc_transport: PcscTransport) -> None:
    updates = EndorsementService(
        station.keys, station.issuer.station_id, station.issuer.rules, station.clock.now
    )
    updates.endorse_fma(pcsc_transport, date(2026, 11, 1))
    station.clock.set(START.replace(hour=15))
    read = station.counter().read(pcsc_transport)
    member = read.decision.persons[0]
    assert read.decision.verdict is CardVerdict.ACTIVE and not member.opd_allowed
    assert member.opd_text.startswith(OPD_NOT_ALLOWED)
    tokens = station.tokens()
    assert tokens.allowed_care(read, "M") == (Care.IPD,)
    opd = tokens.issue(station.ops["counter"], read, person_id="M", care=Care.OPD)
    assert not opd.issued and opd.token_no is None
    assert opd.reason.startswith("OPD Treatment Not Allowed: No OPD – 01 NOV 2026")
    ipd = tokens.issue(station.ops["counter"], read, person_id="M", care=Care.IPD)
    assert ipd.issued and ipd.token_no == 1 and OPD_NOT_ALLOWED in ipd.reason


@pcsc
def test_a_blocked_card_on_the_hotlist_is_refused(
    station: Station, handed: Family, pcsc_transport: PcscTransport, pcsc_transport_t0: PcscTransport
) -> None:
    station.clock.set(START.replace(hour=15))
    with station.store.transaction() as session:
        apply_hotlist(session, handed.serials[0], {"reason": "lost"}, seq=1, now=station.clock.now())
    counter = station.counter()
    read = counter.read(pcsc_transport)
    assert read.decision.verdict is CardVerdict.BLOCKED
    assert read.decision.reasons == ("the card is on the hotlist: lost",)
    assert station.tokens().allowed_care(read, "M") == ()
    refused = station.tokens().issue(station.ops["counter"], read, person_id="M", care=Care.OPD)
    assert not refused.issued and "hotlist: lost" in refused.reason
    assert counter.read(pcsc_transport_t0).decision.verdict is CardVerdict.ACTIVE, "only that card is listed"


@pcsc
def test_portal_status_blocked_and_blocked_due_to_change_in_data(
    station: Station, family: ApplicationFile, handed: Family
) -> None:
    clerk = station.ops["clerk"]
    station.clock.set(START.replace(hour=15))
    now = station.clock.now()
    by_service_no = portal_status(station.store, family.application.member.service_number, now)
    assert by_service_no.headline == "Cards handed over" and by_service_no.name == "Rajesh Kumar"
    assert by_service_no.card_numbers == (handed.card_number,)
    with station.store.transaction() as session:
        applications.activate_application(session, clerk, handed.key, now=now)
        applications.block_card(session, clerk, handed.serials[1], reason="change of data", now=now)
    assert portal_status(station.store, handed.card_number, now).headline == BLOCKED_CHANGE_OF_DATA
    with station.store.transaction() as session:
        applications.report_card_lost(session, clerk, handed.serials[0], now=now)
    lost = portal_status(station.store, handed.card_number, now)
    assert lost.headline == BLOCKED_CHANGE_OF_DATA
    assert f"card {handed.serials[0]}: reported lost" in lost.lines
    with pytest.raises(StatusNotFound, match="no card number or service number 'XX99'"):
        portal_status(station.store, "XX99", now)


def test_portal_status_before_the_otp_and_a_plain_block(station: Station) -> None:
    key = station.enter_application(sample("war-widow"))
    number = sample("war-widow").application.member.service_number
    status = portal_status(station.store, number, station.clock.now())
    assert status.headline == "Application verified"
    applied = sample("war-widow").application.applied_on
    assert applied.year < 2025, "the sample was applied for long ago: its 6-month slip has run out"
    assert status.lines == (
        f"temporary slip: NOT valid (the slip expired on {applied.year + 1}-04-15; extend it)",
    )
    _record_cards(station, key, ["AB0000000001"])
    assert (
        portal_status(station.store, number, station.clock.now()).headline == "Cards ready, OTP not yet sent"
    )
    service = station.handover()
    assert service.send_otp(station.ops["clerk"], key).sent
    assert portal_status(station.store, number, station.clock.now()).headline == SMS_OTP_SENT
    assert MOBILE[-4:] in station.sms.getvalue()
    with station.store.transaction() as session:
        applications.report_card_lost(session, station.ops["clerk"], "AB0000000001", now=station.clock.now())
    assert portal_status(station.store, number, station.clock.now()).headline == CARD_BLOCKED


@pcsc
def test_every_role_is_refused_the_services_it_must_not_use(
    station: Station, ready: Family, pcsc_transport: PcscTransport
) -> None:
    service, key, ops = ready.service, ready.key, station.ops
    not_senders = ("verifier", "counter", "technician", "admin")
    for name in not_senders:
        with pytest.raises(PermissionDenied, match="may not send the handover OTP"):
            service.send_otp(ops[name], key)
    assert _state(station, key) is ApplicationState.CARD_PERSONALISED
    assert service.send_otp(ops["clerk"], key).sent
    station.clock.advance(timedelta(minutes=5))
    for name in not_senders:
        with pytest.raises(PermissionDenied):
            service.resend_otp(ops[name], key)
    for name in ("clerk", "counter", "technician", "admin"):
        with pytest.raises(PermissionDenied, match="may not verify"):
            service.reissue_otp(ops[name], key)
    for name in ("clerk", "verifier", "technician", "admin"):
        with pytest.raises(PermissionDenied, match="may not request the handover OTP"):
            service.request_fallback_otp(ops[name], key)
    otp = station.last_sms_otp()
    for name in ("verifier", "technician", "admin", "counter"):
        with pytest.raises(PermissionDenied):
            service.enter_otp(ops[name], key, otp)
    with pytest.raises(HandoverError, match="has not been accepted"):
        service.write_card(ops["clerk"], key, pcsc_transport)
    assert service.enter_otp(ops["clerk"], key, otp).check.accepted
    for name in ("verifier", "technician", "admin", "counter"):
        with pytest.raises(PermissionDenied):
            service.write_card(ops[name], key, pcsc_transport)
    assert service.progress(key).pending == ready.serials  # type: ignore[union-attr]
    station.clock.set(START + timedelta(days=1))
    read = station.counter().read(pcsc_transport)
    tokens = station.tokens()
    for name in ("clerk", "verifier", "technician", "admin"):
        with pytest.raises(PermissionDenied, match="may not issue a counter token"):
            tokens.issue(ops[name], read, person_id="M", care=Care.OPD)
