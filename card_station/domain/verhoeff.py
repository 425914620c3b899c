"""The Verhoeff check digit, the checksum of the Aadhaar number.

Why a neutral module in the domain: both schemes take Aadhaar numbers (ECHS members in ``store.pii``,
SECTS employees and their families, seed 001 annexure 2: "आधार कार्ड नम्बर"), and UIDAI numbers Aadhaar
with a Verhoeff check digit in the last place (UIDAI, "Aadhaar numbering"); one algorithm serves both. The
check catches every single-digit error and every swap of adjacent digits, the two mistakes a clerk makes
copying a number. ``check_digit`` is here as well as ``is_valid`` so that tests and demo data can build
valid numbers instead of hard-coding real people's numbers. Pure: no I/O, no clock.
"""

from __future__ import annotations

_MULTIPLY = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
"""The multiplication table of the dihedral group D5."""

_PERMUTE = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
"""The position permutation, applied (position mod 8) times."""

_INVERSE = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def _checksum(digits: str, offset: int) -> int:
    check = 0
    for position, digit in enumerate(reversed(digits)):
        check = _MULTIPLY[check][_PERMUTE[(position + offset) % 8][int(digit)]]
    return check


def is_valid(digits: str) -> bool:
    """True when the last digit of ``digits`` (decimal digits only) is their Verhoeff check digit."""
    if not digits.isdecimal() or not digits.isascii():
        raise ValueError("the Verhoeff check takes decimal digits only")
    return _checksum(digits, 0) == 0


def check_digit(digits: str) -> str:
    """The Verhoeff check digit to append to ``digits``."""
    if not digits.isdecimal() or not digits.isascii():
        raise ValueError("the Verhoeff check takes decimal digits only")
    return str(_INVERSE[_checksum(digits, 1)])
