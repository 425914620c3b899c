"""Replacing an OTP: the clerk's resend, the verifier's reissue, and the fallback OTP request of seed 000
§5(b)-(c).

Why every replacement is a NEW OTP: the station keeps only the HMAC of an OTP, so it cannot send or show
the old digits again; a new OTP is drawn, the old record is marked superseded (it fails from then on,
with a message that names the replacement), and only the newest OTP of a family works.

- Resend (a clerk, by SMS): refused within the cool-down after the last OTP, and for a locked, expired,
  used or replaced OTP. Keeps the collection window of the OTP it replaces: resending does not extend it.
- Reissue (a verifier, by SMS): the way out of a lock ("five wrong attempts lock it until a verifier
  issues a new one", issue 6) or of an expired window; opens a fresh window from now. Refused only for a
  used or replaced OTP. Who may reissue is checked by the service (roles), not here.
- Fallback OTP request (an authorised polyclinic operator, seed 000 §5(b)-(c): "the parent polyclinic
  will be able to see the OTP in the software module and will enter in the system"): the new OTP's
  plaintext is returned once, in the result, to the requesting operator's session and is never stored;
  the record names the operator. A second look means a second request, which supersedes the first. The
  request and the view are returned as audit events for the service to record (the store's audit trail
  refuses OTP values in details; these events hold ids only). Refused for a locked OTP: the operator may
  not bypass a lock; a verifier reissues first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from card_station.handover.otp import (
    OtpChannel,
    OtpRecord,
    OtpState,
    ist_text,
    new_record,
    require_aware,
)
from card_station.handover.otp_policy import OtpPolicy
from card_station.handover.otp_secret import OtpSecret, PlainOtp


class OtpAuditKind(Enum):
    """Audited OTP acts; the values are card_station.audit.AuditAction's (OTP_REQUEST, OTP_VIEW)."""

    REQUEST = "otp.request"
    VIEW = "otp.view"


@dataclass(frozen=True)
class OtpAuditEvent:
    """One act for the audit trail: who, when, which family, which OTP record (never its value)."""

    kind: OtpAuditKind
    operator: str
    at: datetime
    family_key: str
    otp_id: str
    replaces: str

    def details(self) -> dict[str, str]:
        """The audit details: record ids only."""
        return {"otp_id": self.otp_id, "replaces": self.replaces}


@dataclass(frozen=True)
class Replaced:
    """A new OTP (plaintext to deliver once), its record, the old record now superseded, and what to audit."""

    otp: PlainOtp
    record: OtpRecord
    superseded: OtpRecord
    audit: tuple[OtpAuditEvent, ...] = ()


@dataclass(frozen=True)
class Refused:
    """Why no new OTP was issued; `retry_after` is set when waiting out the cool-down is all it takes."""

    reason: str
    retry_after: datetime | None = None


def _refusal(previous: OtpRecord, policy: OtpPolicy) -> Refused:
    """Why an OTP that is no longer active cannot be replaced (in the order of OtpRecord.state_at)."""
    if previous.used_at is not None:
        return Refused(f"already used on {ist_text(previous.used_at)}: the cards were handed over")
    if previous.superseded_at is not None:
        return Refused("this OTP was already replaced by a newer one; replace the newest OTP instead")
    if previous.locked_at is not None:
        return Refused(f"locked after {policy.max_attempts} wrong attempts: a verifier must issue a new OTP")
    return Refused(
        f"the collection window closed on {ist_text(previous.expires_at)}: a verifier must issue a new OTP"
    )


def _replace(
    previous: OtpRecord,
    now: datetime,
    expires_at: datetime,
    secret: OtpSecret,
    *,
    channel: OtpChannel,
    requested_by: str | None,
) -> tuple[PlainOtp, OtpRecord, OtpRecord]:
    otp, record = new_record(
        previous.family_key, now, expires_at, secret, channel=channel, requested_by=requested_by
    )
    return otp, record, replace(previous, superseded_at=now)


def resend_otp(
    previous: OtpRecord, now: datetime, policy: OtpPolicy, secret: OtpSecret
) -> Replaced | Refused:
    """A clerk resends the OTP by SMS: a new OTP within the same collection window, after the cool-down."""
    require_aware(now, "the resend time")
    if previous.state_at(now) is not OtpState.ACTIVE:
        return _refusal(previous, policy)
    ready_at = previous.issued_at + policy.resend_cooldown
    if now < ready_at:
        seconds = math.ceil((ready_at - now).total_seconds())
        return Refused(
            f"wait {seconds} s before resending: the last OTP was issued at {ist_text(previous.issued_at)}",
            retry_after=ready_at,
        )
    otp, record, old = _replace(
        previous, now, previous.expires_at, secret, channel=OtpChannel.SMS, requested_by=None
    )
    return Replaced(otp, record, old)


def reissue_otp(
    previous: OtpRecord, now: datetime, policy: OtpPolicy, secret: OtpSecret
) -> Replaced | Refused:
    """A verifier issues a new OTP by SMS, unlocking a locked family or reopening an expired window."""
    require_aware(now, "the reissue time")
    if previous.state_at(now) in (OtpState.USED, OtpState.SUPERSEDED):
        return _refusal(previous, policy)
    otp, record, old = _replace(
        previous, now, policy.expires_at(now), secret, channel=OtpChannel.SMS, requested_by=None
    )
    return Replaced(otp, record, old)


def request_fallback_otp(
    previous: OtpRecord, now: datetime, policy: OtpPolicy, secret: OtpSecret, *, operator: str
) -> Replaced | Refused:
    """Seed 000 §5(b)-(c): the SMS did not arrive; a polyclinic operator requests the OTP and sees it once."""
    require_aware(now, "the request time")
    if not operator:
        raise ValueError("a fallback OTP request must name the requesting operator")
    if previous.state_at(now) is not OtpState.ACTIVE:
        return _refusal(previous, policy)
    otp, record, old = _replace(
        previous,
        now,
        previous.expires_at,
        secret,
        channel=OtpChannel.OPERATOR_REQUEST,
        requested_by=operator,
    )
    audit = tuple(
        OtpAuditEvent(kind, operator, now, previous.family_key, record.id, previous.id)
        for kind in (OtpAuditKind.REQUEST, OtpAuditKind.VIEW)
    )
    return Replaced(otp, record, old, audit)
