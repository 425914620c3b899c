"""Issue, send and check SECTS OTPs (seed 001 annexure 1 bullet 6, annexure 2 bullets 4 and 7(b)).

Reuses the handover OTP's parts: ``handover.otp.new_record`` draws six digits from ``secrets`` and keeps
only an HMAC (``OtpSecret`` under the data key's OTP sub-key) bound to the record id and to
"<purpose>:<subject>", so an OTP for one form never opens another form or a login; the comparison is
``hmac.compare_digest``. The check is SECTS's own because its limits differ from seed 000's handover
(minutes, not a 30-day window; a locked OTP is replaced by asking for a new one, no verifier involved).

Why a check returns ``OtpCheck`` instead of raising: a wrong attempt must be counted and audited, and the
caller commits the session either way; raising would roll the count back and allow unlimited guesses.
Why a failed SMS is a result too: the registration it belongs to must not be lost with it.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station import audit
from card_station.audit import AuditAction
from card_station.audit.chain import Named
from card_station.handover import OtpCheck, OtpOutcome, OtpSecret
from card_station.handover.otp import OtpChannel, ist_text, new_record
from card_station.handover.otp_secret import OTP_DIGITS, is_otp_text
from card_station.sects.mobile import mask_mobile
from card_station.sects.otp_purpose import OtpPurpose
from card_station.sects.services.desk import SectsDesk
from card_station.sms.message import SmsMessage, SmsNotSent
from card_station.store.models.sects import SectsOtpRow
from card_station.store.outbox import record_event


@dataclass(frozen=True)
class OtpSent:
    """Where the OTP went (masked) and until when; ``reason`` says why the SMS was not sent, if it was not."""

    to: str
    expires_at: datetime
    delivered: bool
    reason: str | None = None

    @property
    def message(self) -> str:
        if self.delivered:
            return f"OTP sent by SMS to {self.to}, valid until {ist_text(self.expires_at)}"
        return f"OTP not sent to {self.to}: {self.reason}; send it again"


def _family(purpose: OtpPurpose, subject: str) -> str:
    return f"sects:{purpose.name}:{subject}"


def send_otp(
    session: Session,
    desk: SectsDesk,
    actor: Named | None,
    *,
    purpose: OtpPurpose,
    subject: str,
    mobile: str,
    now: datetime,
) -> OtpSent:
    """Issue a fresh OTP for ``purpose`` on ``subject``, retire any earlier one, and send it to ``mobile``."""
    for earlier in session.scalars(
        select(SectsOtpRow).where(
            SectsOtpRow.subject == subject,
            SectsOtpRow.purpose == purpose,
            SectsOtpRow.used_at.is_(None),
            SectsOtpRow.superseded_at.is_(None),
        )
    ):
        earlier.superseded_at = now
    secret = OtpSecret(desk.data_key.otp_key)
    otp, record = new_record(
        _family(purpose, subject),
        now,
        now + desk.otp_validity,
        secret,
        channel=OtpChannel.SMS,
        requested_by=None,
    )
    session.add(
        SectsOtpRow(
            uid=record.id,
            purpose=purpose,
            subject=subject,
            mac=record.mac,
            issued_at=now,
            expires_at=record.expires_at,
            attempts=0,
        )
    )
    minutes = int(desk.otp_validity.total_seconds() // 60)
    text, template_id = desk.texts.otp(purpose, otp.digits, minutes)
    to = mask_mobile(mobile)
    try:
        desk.gateway.send(SmsMessage(mobile, text, template_id))
    except SmsNotSent as failure:
        sent = OtpSent(to, record.expires_at, delivered=False, reason=failure.reason)
    else:
        sent = OtpSent(to, record.expires_at, delivered=True)
    audit.record(
        session,
        actor,
        AuditAction.SECTS_OTP_SENT,
        subject,
        {"purpose": purpose.name, "to": to, "delivered": sent.delivered, "reason": sent.reason},
        now=now,
    )
    session.flush()
    return sent


def check_otp(
    session: Session,
    desk: SectsDesk,
    actor: Named | None,
    *,
    purpose: OtpPurpose,
    subject: str,
    candidate: str,
    now: datetime,
) -> OtpCheck:
    """Check ``candidate`` against the latest OTP for ``purpose`` on ``subject``; consume it if it matches.

    Every refusal is audited; the caller commits the session whatever the outcome.
    """
    result = _check(session, desk, purpose=purpose, subject=subject, candidate=candidate, now=now)
    if not result.accepted:
        audit.record(
            session,
            actor,
            AuditAction.SECTS_OTP_REFUSED,
            subject,
            {"purpose": purpose.name, "outcome": result.outcome.name, "attempts_left": result.attempts_left},
            now=now,
        )
    return result


def release_form(
    session: Session,
    desk: SectsDesk,
    actor: Named,
    *,
    purpose: OtpPurpose,
    subject: str,
    candidate: str,
    audited: dict[str, str | int],
    event: str,
    payload: dict[str, str | int],
    now: datetime,
) -> OtpCheck:
    """Check the OTP that releases a filled form for printing (annexure 1 bullet 6, annexure 2 bullet 4);
    once accepted, the release is audited (``audited``) and published to the outbox (``event``,
    ``payload``). The caller marks its form released on ``accepted`` and commits the session either way."""
    result = check_otp(session, desk, actor, purpose=purpose, subject=subject, candidate=candidate, now=now)
    if result.accepted:
        audit.record(session, actor, AuditAction.SECTS_FORM_RELEASED, subject, audited, now=now)
        record_event(session, kind=event, member_key=subject, payload=payload, now=now)
    return result


def _check(
    session: Session, desk: SectsDesk, *, purpose: OtpPurpose, subject: str, candidate: str, now: datetime
) -> OtpCheck:
    row = session.scalars(
        select(SectsOtpRow)
        .where(SectsOtpRow.subject == subject, SectsOtpRow.purpose == purpose)
        .order_by(SectsOtpRow.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return OtpCheck(OtpOutcome.MALFORMED, "no OTP was sent for this step; ask for one first", 0)
    left = max(desk.max_otp_attempts - row.attempts, 0)
    if row.used_at is not None:
        return OtpCheck(OtpOutcome.ALREADY_USED, "this OTP was already used; ask for a new OTP", 0)
    if row.superseded_at is not None:
        return OtpCheck(OtpOutcome.SUPERSEDED, "this OTP was replaced by a newer one; use the latest SMS", 0)
    if row.locked_at is not None:
        return OtpCheck(OtpOutcome.LOCKED, "too many wrong OTPs; ask for a new OTP", 0)
    if now >= row.expires_at:
        return OtpCheck(
            OtpOutcome.EXPIRED, f"the OTP expired at {ist_text(row.expires_at)}; ask for a new OTP", 0
        )
    entered = candidate.strip()
    if not is_otp_text(entered):
        return OtpCheck(
            OtpOutcome.MALFORMED,
            f"an OTP is {OTP_DIGITS} digits 0-9; check what was typed (not counted)",
            left,
        )
    expected = OtpSecret(desk.data_key.otp_key).mac(
        family_key=_family(purpose, subject), otp_id=row.uid, otp=entered
    )
    if hmac.compare_digest(expected, row.mac):
        row.used_at = now
        return OtpCheck(OtpOutcome.ACCEPTED, "OTP accepted", left)
    row.attempts += 1
    if row.attempts >= desk.max_otp_attempts:
        row.locked_at = now
        return OtpCheck(OtpOutcome.LOCKED, f"wrong OTP {row.attempts} times: locked; ask for a new OTP", 0)
    left = desk.max_otp_attempts - row.attempts
    return OtpCheck(
        OtpOutcome.WRONG, f"wrong OTP: {left} {'attempt' if left == 1 else 'attempts'} left", left
    )
