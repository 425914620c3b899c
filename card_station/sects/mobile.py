"""The registered mobile of a DDO/TO: CUG preferred, personal only without CUG (seed 001 annexure 1).

Seed 001 annexure 1, last bullet: "फॉर्म भरते समय सी०यू०जी० मोबाइल नम्बर अंकित करें। सी०यू०जी० नम्बर उपलब्ध न
होने पर ही व्यक्तिगत मोबाइल नम्बर अंकित करें।" (enter the CUG mobile number; enter a personal mobile number
ONLY when no CUG number is available). Why it matters: the OTP that releases the form and the user ID and
password go to this number (annexure 1, bullets 6 and 11); a CUG number stays with the office when the
officer is transferred, a personal one leaves with the officer. So a form carrying both is refused rather
than silently keeping one: the officer must say there is no CUG number.
"""

from __future__ import annotations

import re
from enum import Enum

from card_station.sects.errors import InvalidEntry

_MOBILE = re.compile(r"[6-9]\d{9}")
_SEPARATORS = re.compile(r"[\s-]")


class MobileKind(Enum):
    CUG = "CUG (सी०यू०जी०)"
    PERSONAL = "personal (व्यक्तिगत)"


def normalise_mobile(text: str, *, field: str = "mobile number") -> str:
    """A 10-digit Indian mobile number; spaces, dashes and a +91 or 0 prefix are dropped."""
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+91"):
        digits = digits[3:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    if not _MOBILE.fullmatch(digits):
        raise InvalidEntry(field, "a mobile number is 10 digits starting with 6, 7, 8 or 9 (+91 allowed)")
    return digits


def choose_registered_mobile(cug: str | None, personal: str | None) -> tuple[str, MobileKind]:
    """The number the OTP and credentials go to: the CUG number, or the personal one when there is no CUG.

    seed 001 annexure 1: "सी०यू०जी० नम्बर उपलब्ध न होने पर ही व्यक्तिगत मोबाइल नम्बर अंकित करें".
    """
    cug = cug.strip() if cug else None
    personal = personal.strip() if personal else None
    if cug and personal:
        raise InvalidEntry(
            "personal mobile number",
            "enter a personal number only when there is no CUG number (seed 001 annexure 1); leave it empty",
        )
    if cug:
        return normalise_mobile(cug, field="CUG mobile number"), MobileKind.CUG
    if personal:
        return normalise_mobile(personal, field="personal mobile number"), MobileKind.PERSONAL
    raise InvalidEntry(
        "CUG mobile number", "a DDO/TO registers with a CUG mobile number, or a personal one if none"
    )


def mask_mobile(digits: str) -> str:
    """'XXXXXX1234': how a mobile number is shown; the full number goes only to the SMS gateway."""
    return "X" * (len(digits) - 4) + digits[-4:]
