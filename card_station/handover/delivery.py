"""Deliver a handover OTP by SMS and say which portal status follows (seed 000 §2, §5(b)).

Why a result and not an exception: the caller always records a status. "SMS OTP sent" only when the
gateway accepted the SMS; otherwise "OTP not sent" with the gateway's reason (issue 6), after which the
clerk can resend, or the polyclinic can raise the fallback OTP request (otp_replace.py). The OTP record
is kept either way, so that the fallback has a record to replace.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from card_station.handover.otp import OtpChannel, OtpError, OtpRecord
from card_station.handover.otp_secret import PlainOtp
from card_station.sms.message import SmsGateway, SmsMessage, SmsNotSent, SmsReceipt
from card_station.sms.template import OtpSmsTemplate


class DeliveryStatus(Enum):
    """The portal-style status of seed 000 §5(b) ("SMS OTP sent"), or its failure."""

    SENT = "SMS OTP sent"
    NOT_SENT = "OTP not sent"


@dataclass(frozen=True)
class OtpDelivery:
    status: DeliveryStatus
    receipt: SmsReceipt | None = None
    reason: str | None = None

    @property
    def status_text(self) -> str:
        """'SMS OTP sent', or 'OTP not sent: <reason>'."""
        if self.reason is None:
            return self.status.value
        return f"{self.status.value}: {self.reason}"


def send_otp_sms(
    gateway: SmsGateway, template: OtpSmsTemplate, mobile: str, otp: PlainOtp, record: OtpRecord
) -> OtpDelivery:
    """Send `otp` (of `record`) to the primary beneficiary's registered mobile."""
    if record.channel is not OtpChannel.SMS:
        raise OtpError(
            f"OTP {record.id} was issued to an operator's screen ({record.channel.value}); "
            "it is never sent by SMS"
        )
    message = SmsMessage(mobile, template.render(otp.digits, record.expires_at), template.template_id)
    try:
        receipt = gateway.send(message)
    except SmsNotSent as failure:
        return OtpDelivery(DeliveryStatus.NOT_SENT, reason=failure.reason)
    return OtpDelivery(DeliveryStatus.SENT, receipt=receipt)
