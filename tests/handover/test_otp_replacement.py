"""Resend, verifier reissue and the fallback OTP request of seed 000 §5(b)-(c)."""

from __future__ import annotations

from datetime import timedelta

from card_station.audit import AuditAction
from card_station.audit.chain import FORBIDDEN_DETAIL_KEYS
from card_station.handover import (
    OtpAuditKind,
    OtpChannel,
    OtpOutcome,
    OtpPolicy,
    Refused,
    Replaced,
    check_otp,
    issue_otp,
    reissue_otp,
    request_fallback_otp,
    resend_otp,
)
from tests.handover.conftest import FAMILY, ISSUED_AT


def _lock(record, otp, policy, secret):
    wrong = f"{(int(otp.digits) + 1) % 10**6:06d}"
    for _ in range(policy.max_attempts):
        _, record = check_otp(record, wrong, family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy)
    return record


def _check(record, digits, now, policy, secret):
    return check_otp(record, digits, family_key=FAMILY, now=now, secret=secret, policy=policy)


def test_resend_within_the_cooldown_is_refused(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    refused = resend_otp(record, ISSUED_AT + timedelta(seconds=18), policy, secret)
    assert isinstance(refused, Refused)
    assert refused.reason == "wait 42 s before resending: the last OTP was issued at 2026-11-23 10:00 IST"
    assert refused.retry_after == ISSUED_AT + timedelta(seconds=60)


def test_cooldown_is_configurable(policy, secret):
    patient = OtpPolicy(policy.rules, resend_cooldown=timedelta(minutes=5))
    _, record = issue_otp(FAMILY, ISSUED_AT, patient, secret)
    assert isinstance(resend_otp(record, ISSUED_AT + timedelta(minutes=4), patient, secret), Refused)
    assert isinstance(resend_otp(record, ISSUED_AT + timedelta(minutes=5), patient, secret), Replaced)


def test_resend_issues_a_new_otp_and_the_old_one_fails(policy, secret):
    old_otp, old = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    later = ISSUED_AT + timedelta(seconds=60)
    resent = resend_otp(old, later, policy, secret)
    assert isinstance(resent, Replaced)
    assert resent.record.id != old.id
    assert resent.record.expires_at == old.expires_at
    assert resent.superseded.superseded_at == later
    assert resent.audit == ()
    stale, _ = _check(resent.superseded, old_otp.digits, later, policy, secret)
    assert stale.outcome is OtpOutcome.SUPERSEDED
    assert "replaced by a newer OTP on 2026-11-23 10:01 IST" in stale.message
    fresh, _ = _check(resent.record, resent.otp.digits, later, policy, secret)
    assert fresh.accepted


def test_resend_of_a_locked_otp_is_refused(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    locked = _lock(record, otp, policy, secret)
    refused = resend_otp(locked, ISSUED_AT + timedelta(hours=1), policy, secret)
    assert isinstance(refused, Refused)
    assert "a verifier must issue a new OTP" in refused.reason


def test_verifier_reissue_unlocks(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    locked = _lock(record, otp, policy, secret)
    later = ISSUED_AT + timedelta(hours=2)
    reissued = reissue_otp(locked, later, policy, secret)
    assert isinstance(reissued, Replaced)
    assert reissued.record.attempts == 0
    assert reissued.record.expires_at == later + timedelta(days=policy.rules.collection_window_days)
    result, used = _check(reissued.record, reissued.otp.digits, later, policy, secret)
    assert result.accepted
    assert used.used_at == later


def test_verifier_reissue_reopens_an_expired_window(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    after_window = record.expires_at + timedelta(days=1)
    assert isinstance(resend_otp(record, after_window, policy, secret), Refused)
    reissued = reissue_otp(record, after_window, policy, secret)
    assert isinstance(reissued, Replaced)
    result, _ = _check(reissued.record, reissued.otp.digits, after_window, policy, secret)
    assert result.accepted


def test_nothing_replaces_a_used_otp(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    _, used = _check(record, otp.digits, ISSUED_AT, policy, secret)
    later = ISSUED_AT + timedelta(days=1)
    for attempt in (
        resend_otp(used, later, policy, secret),
        reissue_otp(used, later, policy, secret),
        request_fallback_otp(used, later, policy, secret, operator="pc-delhi-clerk"),
    ):
        assert isinstance(attempt, Refused)
        assert attempt.reason == "already used on 2026-11-23 10:00 IST: the cards were handed over"


def test_a_replaced_otp_cannot_be_replaced_again(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    first = reissue_otp(record, ISSUED_AT, policy, secret)
    assert isinstance(first, Replaced)
    again = reissue_otp(first.superseded, ISSUED_AT, policy, secret)
    assert isinstance(again, Refused)
    assert "replace the newest OTP" in again.reason


def test_fallback_request_shows_a_new_otp_once_to_the_requesting_operator(policy, secret):
    sms_otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    at = ISSUED_AT + timedelta(days=2)
    fallback = request_fallback_otp(record, at, policy, secret, operator="pc-delhi-clerk")
    assert isinstance(fallback, Replaced)
    assert fallback.record.channel is OtpChannel.OPERATOR_REQUEST
    assert fallback.record.requested_by == "pc-delhi-clerk"
    assert fallback.record.expires_at == record.expires_at
    assert fallback.otp.digits not in repr(fallback)
    assert fallback.otp.digits not in repr(fallback.record)
    stale, _ = _check(fallback.superseded, sms_otp.digits, at, policy, secret)
    assert stale.outcome is OtpOutcome.SUPERSEDED
    entered, _ = _check(fallback.record, fallback.otp.digits, at, policy, secret)
    assert entered.accepted


def test_a_second_look_is_a_second_request_that_voids_the_first(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    first = request_fallback_otp(record, ISSUED_AT, policy, secret, operator="pc-delhi-clerk")
    assert isinstance(first, Replaced)
    second = request_fallback_otp(first.record, ISSUED_AT, policy, secret, operator="pc-delhi-oic")
    assert isinstance(second, Replaced)
    assert second.record.requested_by == "pc-delhi-oic"
    voided, _ = _check(second.superseded, first.otp.digits, ISSUED_AT, policy, secret)
    assert voided.outcome is OtpOutcome.SUPERSEDED
    assert len(second.audit) == 2


def test_fallback_request_and_view_are_audit_events_without_the_otp(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    fallback = request_fallback_otp(record, ISSUED_AT, policy, secret, operator="pc-delhi-clerk")
    assert isinstance(fallback, Replaced)
    assert [event.kind for event in fallback.audit] == [OtpAuditKind.REQUEST, OtpAuditKind.VIEW]
    assert {kind.value for kind in OtpAuditKind} == {
        AuditAction.OTP_REQUEST.value,
        AuditAction.OTP_VIEW.value,
    }
    for event in fallback.audit:
        assert event.operator == "pc-delhi-clerk"
        assert event.family_key == FAMILY
        assert event.details() == {"otp_id": fallback.record.id, "replaces": record.id}
        assert not set(event.details()) & FORBIDDEN_DETAIL_KEYS
        assert fallback.otp.digits not in repr(event)


def test_fallback_cannot_bypass_a_lock(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    locked = _lock(record, otp, policy, secret)
    refused = request_fallback_otp(locked, ISSUED_AT, policy, secret, operator="pc-delhi-clerk")
    assert isinstance(refused, Refused)
    assert refused.reason == "locked after 5 wrong attempts: a verifier must issue a new OTP"
