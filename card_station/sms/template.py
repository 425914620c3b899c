"""The handover OTP's SMS text (seed 000 §2: "an SMS OTP to the registered mobile number ... that cards are
ready for collection").

Why the text is configurable and tied to a template id: under TRAI's Telecom Commercial Communications
Customer Preference Regulations (the DLT rules), a transactional SMS is delivered only if its text matches
a content template registered by the sender, and the message carries that template's id. The deployment
registers its text with `{#var#}` where this template has `{otp}` and `{valid_until}`, and puts the same
text and the id it was given here. Hindi is an optional second template (sent as Unicode).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from card_station.sms.message import SmsError, check_dlt_id

IST = ZoneInfo("Asia/Kolkata")
PLACEHOLDERS = frozenset({"otp", "valid_until"})

ENGLISH_OTP_TEXT = (
    "ECHS: your ECHS cards are ready for collection. Give OTP {otp} to the card issuing authority when "
    "you collect them, by {valid_until}. Do not share it with anyone else."
)
HINDI_OTP_TEXT = (
    "ECHS: आपके ECHS कार्ड तैयार हैं। कार्ड लेते समय कार्ड जारी करने वाले कार्यालय को OTP {otp} दें, "
    "{valid_until} तक। इसे किसी और को न बताएं।"
)


@dataclass(frozen=True)
class OtpSmsTemplate:
    """A DLT-registered text with the placeholders {otp} (required) and {valid_until} (a date)."""

    template_id: str
    text: str = ENGLISH_OTP_TEXT
    language: str = "en"

    def __post_init__(self) -> None:
        check_dlt_id(self.template_id, "template id")
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(self.text) if name is not None}
        except ValueError as error:
            raise SmsError(
                f"the SMS template text is malformed ({error}); write {{otp}}-style fields"
            ) from None
        unknown = sorted(names - PLACEHOLDERS)
        if unknown:
            raise SmsError(
                f"the SMS template has unknown field(s) {', '.join(unknown)}; "
                f"use only {', '.join(sorted(PLACEHOLDERS))}"
            )
        if "otp" not in names:
            raise SmsError("the SMS template must contain {otp}")

    def render(self, otp_digits: str, valid_until: datetime) -> str:
        """The SMS text; `valid_until` is shown as its IST date, e.g. 23-12-2026."""
        return self.text.format(otp=otp_digits, valid_until=valid_until.astimezone(IST).strftime("%d-%m-%Y"))
