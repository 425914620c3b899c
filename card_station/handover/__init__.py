"""The handover OTP of seed 000: issue, check, replace (resend, reissue, fallback request) and deliver by
SMS (docs/otp.md). Pure logic; the store persists OtpRecord, the services call these functions."""

from card_station.handover.delivery import DeliveryStatus, OtpDelivery, send_otp_sms
from card_station.handover.otp import (
    OtpChannel,
    OtpCheck,
    OtpError,
    OtpOutcome,
    OtpRecord,
    OtpState,
    check_otp,
    issue_otp,
)
from card_station.handover.otp_policy import MAX_WRONG_ATTEMPTS, RESEND_COOLDOWN, OtpPolicy, OtpPolicyError
from card_station.handover.otp_replace import (
    OtpAuditEvent,
    OtpAuditKind,
    Refused,
    Replaced,
    reissue_otp,
    request_fallback_otp,
    resend_otp,
)
from card_station.handover.otp_secret import OtpSecret, OtpSecretError, PlainOtp

__all__ = [
    "MAX_WRONG_ATTEMPTS",
    "RESEND_COOLDOWN",
    "DeliveryStatus",
    "OtpAuditEvent",
    "OtpAuditKind",
    "OtpChannel",
    "OtpCheck",
    "OtpDelivery",
    "OtpError",
    "OtpOutcome",
    "OtpPolicy",
    "OtpPolicyError",
    "OtpRecord",
    "OtpSecret",
    "OtpSecretError",
    "OtpState",
    "PlainOtp",
    "Refused",
    "Replaced",
    "check_otp",
    "issue_otp",
    "reissue_otp",
    "request_fallback_otp",
    "resend_otp",
    "send_otp_sms",
]
