"""An SMS, its receipt, the one gateway interface, and the typed failure of a send.

Why a Protocol with one method: the station sends one kind of SMS (the handover OTP of seed 000 §2)
through whichever provider a deployment contracts; the caller must not care which. Why `SmsNotSent`
is an exception with a reason: a failed send must leave the status "OTP not sent" with the reason, never
"SMS OTP sent" (issue 6), and an exception cannot be ignored by accident the way a flag can.
Why the text is hidden from repr and the mobile masked: the text carries the OTP, and the mobile number
is personal data (the store keeps it encrypted; docs/store.md); masks keep the last four digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

_MOBILE = re.compile(r"[6-9][0-9]{9}")
_DLT_ID = re.compile(r"[0-9]{1,30}")


class SmsError(ValueError):
    """An SMS that cannot be built or a gateway setting that cannot work (a configuration fault)."""


class SmsNotSent(Exception):
    """The gateway did not hand the SMS to the provider; `reason` says why and what to do."""

    def __init__(self, reason: str, *, attempts: int = 1) -> None:
        self.reason = reason
        self.attempts = attempts
        super().__init__(f"SMS not sent: {reason}")


def mask_mobile(mobile: str) -> str:
    """'9876541234' -> 'XXXXXX1234': enough for a clerk to confirm the number with the beneficiary."""
    return "X" * max(len(mobile) - 4, 0) + mobile[-4:]


def check_dlt_id(value: str, what: str) -> str:
    """A TRAI DLT id (principal entity id, content template id) is a string of digits, usually 19."""
    if not _DLT_ID.fullmatch(value):
        raise SmsError(f"the DLT {what} must be digits as registered on the DLT portal, got {value!r}")
    return value


@dataclass(frozen=True, repr=False)
class SmsMessage:
    """One SMS to an Indian mobile number (10 digits, starting 6-9), with its DLT content template id."""

    mobile: str
    text: str = field(repr=False)
    template_id: str

    def __post_init__(self) -> None:
        if not _MOBILE.fullmatch(self.mobile):
            raise SmsError(
                f"mobile number {mask_mobile(self.mobile)} is not a 10-digit Indian mobile number "
                "starting with 6-9; correct the registered mobile"
            )
        if not self.text:
            raise SmsError("an SMS needs text")
        check_dlt_id(self.template_id, "template id")

    def __repr__(self) -> str:
        return (
            f"SmsMessage(to={mask_mobile(self.mobile)}, template_id={self.template_id}, "
            f"text=<{len(self.text)} characters hidden>)"
        )


@dataclass(frozen=True)
class SmsReceipt:
    """The provider accepted the SMS: which gateway, to whom (masked), after how many tries, its reference."""

    gateway: str
    to: str
    attempts: int
    provider_reference: str | None = None


class SmsGateway(Protocol):
    """Send one SMS, or raise SmsNotSent with the reason."""

    @property
    def name(self) -> str: ...

    def send(self, message: SmsMessage) -> SmsReceipt: ...
