"""Issue and check the handover OTP of seed 000 §2: the SMS OTP the beneficiary gives to the card issuing
authority, so that the cards are electronically handed over.

Pure functions over frozen records; the clock is passed in, never read; the store persists the records.
The OTP comes from `secrets` (a cryptographic source), is kept at rest only as an HMAC (otp_secret.py) and
is compared with `hmac.compare_digest`, so the time a comparison takes does not depend on how many bytes
matched. Expected failures (wrong, locked, expired, used, replaced, another family's) are results with a
message for the operator, not exceptions. An accepted OTP is marked used at once: a replay fails.
Wrong attempts are counted only when a well-formed OTP is compared; a malformed entry, an expired, used,
replaced or locked OTP, and a record of another family compare nothing and count nothing.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum

from card_station.domain.handover import IST
from card_station.handover.otp_policy import OtpPolicy
from card_station.handover.otp_secret import OTP_DIGITS, OtpSecret, PlainOtp, is_otp_text

MAC_BYTES = 32


class OtpError(ValueError):
    """A programming or data error around an OTP record (a naive clock, a malformed stored record)."""


class OtpChannel(Enum):
    """How the plaintext reached a person: by SMS (seed 000 §2), or shown to the polyclinic operator who
    raised an OTP request (seed 000 §5(b)-(c))."""

    SMS = "sms"
    OPERATOR_REQUEST = "operator request"


class OtpState(Enum):
    ACTIVE = "active"
    USED = "used"
    LOCKED = "locked"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"


def require_aware(moment: datetime, what: str) -> datetime:
    """Refuse naive datetimes: the collection window and activation are on the IST clock."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise OtpError(f"{what} {moment.isoformat()} has no time zone; pass an aware datetime")
    return moment


def ist_text(moment: datetime) -> str:
    """'2026-12-23 13:00 IST': how the operator reads a time."""
    return moment.astimezone(IST).strftime("%Y-%m-%d %H:%M IST")


@dataclass(frozen=True)
class OtpRecord:
    """What the station keeps of one OTP. `id` is random and assigned at issue so that the MAC binds it.

    `requested_by` is the operator who raised a fallback OTP request (channel OPERATOR_REQUEST), the only
    person the plaintext was shown to; None for an OTP sent by SMS.
    """

    id: str
    family_key: str
    mac: bytes = field(repr=False)
    channel: OtpChannel
    issued_at: datetime
    expires_at: datetime
    attempts: int = 0
    locked_at: datetime | None = None
    used_at: datetime | None = None
    superseded_at: datetime | None = None
    requested_by: str | None = None

    def __post_init__(self) -> None:
        if not self.id or not self.family_key:
            raise OtpError("an OTP record needs an id and a family key")
        if len(self.mac) != MAC_BYTES:
            raise OtpError(f"OTP record {self.id}: the MAC must be {MAC_BYTES} bytes, got {len(self.mac)}")
        if self.attempts < 0:
            raise OtpError(f"OTP record {self.id}: attempts must be zero or more, got {self.attempts}")
        for name in ("issued_at", "expires_at", "locked_at", "used_at", "superseded_at"):
            value = getattr(self, name)
            if value is not None:
                require_aware(value, f"OTP record {self.id}: {name}")

    def state_at(self, now: datetime) -> OtpState:
        """The record's state at `now`; a used OTP stays used and a replaced one stays replaced."""
        if self.used_at is not None:
            return OtpState.USED
        if self.superseded_at is not None:
            return OtpState.SUPERSEDED
        if self.locked_at is not None:
            return OtpState.LOCKED
        if require_aware(now, "the time") >= self.expires_at:
            return OtpState.EXPIRED
        return OtpState.ACTIVE


class OtpOutcome(Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    EXPIRED = "expired"
    ALREADY_USED = "already used"
    SUPERSEDED = "superseded"
    OTHER_FAMILY = "other family"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class OtpCheck:
    """The result of one check: the outcome, the operator's message, and wrong attempts left."""

    outcome: OtpOutcome
    message: str
    attempts_left: int

    @property
    def accepted(self) -> bool:
        return self.outcome is OtpOutcome.ACCEPTED


def draw_otp() -> PlainOtp:
    """Six digits, uniform over 000000-999999, from the operating system's cryptographic source."""
    return PlainOtp(f"{secrets.randbelow(10**OTP_DIGITS):0{OTP_DIGITS}d}")


def new_record(
    family_key: str,
    now: datetime,
    expires_at: datetime,
    secret: OtpSecret,
    *,
    channel: OtpChannel,
    requested_by: str | None,
) -> tuple[PlainOtp, OtpRecord]:
    """A fresh OTP and its record with a given end of validity (shared by issue and replacement)."""
    if not family_key:
        raise OtpError("an OTP must belong to a family: the family key is empty")
    require_aware(now, "the issue time")
    otp = draw_otp()
    otp_id = secrets.token_hex(16)
    mac = secret.mac(family_key=family_key, otp_id=otp_id, otp=otp.digits)
    record = OtpRecord(
        id=otp_id,
        family_key=family_key,
        mac=mac,
        channel=channel,
        issued_at=now,
        expires_at=expires_at,
        requested_by=requested_by,
    )
    return otp, record


def issue_otp(
    family_key: str, now: datetime, policy: OtpPolicy, secret: OtpSecret
) -> tuple[PlainOtp, OtpRecord]:
    """The first OTP of a family's ready cards, to be sent by SMS (seed 000 §2); valid for the window."""
    return new_record(
        family_key, now, policy.expires_at(now), secret, channel=OtpChannel.SMS, requested_by=None
    )


def _locked_message(policy: OtpPolicy) -> str:
    return f"locked after {policy.max_attempts} wrong attempts: a verifier must issue a new OTP"


def check_otp(
    record: OtpRecord,
    candidate: str,
    *,
    family_key: str,
    now: datetime,
    secret: OtpSecret,
    policy: OtpPolicy,
) -> tuple[OtpCheck, OtpRecord]:
    """Check what the beneficiary gave for the family whose cards are being handed over.

    Returns the result and the record to store (unchanged when nothing was compared).
    """
    require_aware(now, "the check time")
    left = max(policy.max_attempts - record.attempts, 0)
    if family_key != record.family_key:
        return OtpCheck(OtpOutcome.OTHER_FAMILY, "this OTP belongs to another family", left), record
    if record.used_at is not None:
        return OtpCheck(OtpOutcome.ALREADY_USED, f"already used on {ist_text(record.used_at)}", 0), record
    if record.superseded_at is not None:
        replaced = ist_text(record.superseded_at)
        message = f"replaced by a newer OTP on {replaced}: ask the beneficiary for the latest one"
        return OtpCheck(OtpOutcome.SUPERSEDED, message, 0), record
    if record.locked_at is not None:
        return OtpCheck(OtpOutcome.LOCKED, _locked_message(policy), 0), record
    if now >= record.expires_at:
        message = f"expired on {ist_text(record.expires_at)}: a verifier must issue a new OTP"
        return OtpCheck(OtpOutcome.EXPIRED, message, 0), record
    entered = candidate.strip()
    if not is_otp_text(entered):
        message = f"an OTP is {OTP_DIGITS} digits 0-9; check what was typed (not counted as an attempt)"
        return OtpCheck(OtpOutcome.MALFORMED, message, left), record
    expected = secret.mac(family_key=family_key, otp_id=record.id, otp=entered)
    if hmac.compare_digest(expected, record.mac):
        return OtpCheck(OtpOutcome.ACCEPTED, "OTP accepted", left), replace(record, used_at=now)
    attempts = record.attempts + 1
    if attempts >= policy.max_attempts:
        locked = replace(record, attempts=attempts, locked_at=now)
        return OtpCheck(OtpOutcome.LOCKED, _locked_message(policy), 0), locked
    left = policy.max_attempts - attempts
    noun = "attempt" if left == 1 else "attempts"
    return OtpCheck(OtpOutcome.WRONG, f"wrong OTP: {left} {noun} left", left), replace(
        record, attempts=attempts
    )
