"""The SMS a verification sends its owner: the DDO/TO's user ID and password (seed 001 annexure 1, bullet
11), the employee's user ID (annexure 2, bullet 7(a)).

Why a failed SMS refuses the verification (``StepRefused``) where a failed OTP SMS does not: the caller's
transaction is rolled back with it, so no user ID or password exists that its owner never received; the
verifier verifies again once the gateway works.
"""

from __future__ import annotations

from card_station.sects.errors import StepRefused
from card_station.sects.services.desk import SectsDesk
from card_station.sects.services.protect import open_mobile
from card_station.sms.message import SmsMessage, SmsNotSent


def send_credentials(
    desk: SectsDesk, sms: tuple[str, str], *, mobile_encrypted: bytes, owner: str, subject: str, what: str
) -> None:
    """Send ``sms`` (text, DLT template ID) to the registered mobile sealed under ``owner``; if it is not
    sent, ``StepRefused`` says that ``subject`` was not verified because ``what`` did not go out."""
    text, template_id = sms
    mobile = open_mobile(desk.data_key, mobile_encrypted, owner=owner)
    try:
        desk.gateway.send(SmsMessage(mobile, text, template_id))
    except SmsNotSent as failure:
        raise StepRefused(
            f"{subject} was not verified: the SMS with {what} was not sent ({failure.reason}); "
            "verify again once the SMS gateway works"
        ) from None
