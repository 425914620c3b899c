"""What of an Aadhaar number goes on a SECTS card: its last four digits, never the whole number.

Why the last four and not a keyed hash (issue 9: "never the full number (masked or a keyed hash) — decide
and document"; docs/sects-card.md "Aadhaar"): the chip and the card face are read offline by any counter,
so a keyed hash would need its key on every counter, and whoever holds that key recovers the number by
trying the 10^11 valid Aadhaar numbers. The last four digits are what UIDAI's own masked Aadhaar shows
("XXXX XXXX 1234"): enough for a counter to compare with the Aadhaar letter in the patient's hand, useless
to rebuild the number. The full number stays encrypted in the station's store (seed 001 annexure 2: the
Aadhaar number of each family member is collected at registration).
"""

from __future__ import annotations

from card_station.sects.aadhaar import mask_aadhaar, normalise_aadhaar

LAST_DIGITS = 4


def aadhaar_last_four(aadhaar: str) -> str:
    """The last four digits of a valid Aadhaar number (12 digits, Verhoeff check digit; ``InvalidEntry``
    otherwise), which is all a card ever carries."""
    return normalise_aadhaar(aadhaar)[-LAST_DIGITS:]


def is_last_four(text: str) -> bool:
    """True for exactly four ASCII digits: the only Aadhaar form a card may hold."""
    return len(text) == LAST_DIGITS and text.isascii() and text.isdigit()


def masked_aadhaar(last_four: str) -> str:
    """UIDAI's masked form for display and print: ``"XXXX XXXX 1234"``."""
    if not is_last_four(last_four):
        raise ValueError(f"expected the last four Aadhaar digits, got {len(last_four)} characters")
    return mask_aadhaar(last_four)
