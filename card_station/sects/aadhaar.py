"""Aadhaar numbers on SECTS forms: checked, and masked whenever shown (seed 001 annexure 2).

Seed 001 annexure 2, bullet 3: "फॉर्म भरते समय डी0डी0ओ0/टी0ओ0 कोड एवं राज्य कर्मचारी तथा उनके आश्रित परिवार
के सदस्यों का आधार कार्ड नम्बर एवं फोटो की आवश्यकता होगी" (the DDO/TO code and the Aadhaar number and photo of
the employee and of each dependent family member are needed). Why the checks: an Aadhaar number is 12
digits, never starts with 0 or 1, and ends in a Verhoeff check digit (UIDAI, "Aadhaar numbering"); a number
that fails is a typing error, caught before it is stored. Why the mask keeps four digits in UIDAI's
"XXXX XXXX 1234" form: that is the masked Aadhaar UIDAI itself prints, enough for a person to recognise
their own number and useless to anyone else.
"""

from __future__ import annotations

import re

from card_station.domain import verhoeff
from card_station.sects.errors import InvalidEntry

AADHAAR_DIGITS = 12
_SEPARATORS = re.compile(r"[\s-]")


def normalise_aadhaar(text: str, *, person: str = "Aadhaar number") -> str:
    """The 12 digits of an Aadhaar number, spaces and dashes dropped; ``InvalidEntry`` if it is not one."""
    digits = _SEPARATORS.sub("", text)
    if not digits.isascii() or not digits.isdecimal() or len(digits) != AADHAAR_DIGITS:
        raise InvalidEntry(person, f"an Aadhaar number has exactly {AADHAAR_DIGITS} digits; re-read it")
    if digits[0] in "01":
        raise InvalidEntry(person, "an Aadhaar number never starts with 0 or 1; re-read it from the card")
    if not verhoeff.is_valid(digits):
        raise InvalidEntry(
            person, "the Aadhaar number's check digit is wrong (a digit mistyped or two swapped); re-read it"
        )
    return digits


def mask_aadhaar(digits: str) -> str:
    """'XXXX XXXX 1234': UIDAI's masked Aadhaar, the only form in which a number is shown or printed."""
    return f"XXXX XXXX {digits[-4:]}"
