"""DDO/TO codes, user IDs and card numbers of SECTS (seed 001 annexures 1 and 2).

Seed 001 annexure 2, bullet 3 asks each employee for the "डी0डी0ओ0/टी0ओ0 कोड" of the officer they register
under; annexure 1, bullet 11 and annexure 2, bullet 7(a) send a "यूजर आई०डी०" (user ID) to the DDO/TO and
to the employee. The circular fixes no format for any of them, so the station uses these (a configuration
of the central service can change them; the card and the forms carry them as text):

- DDO/TO code: ``DDO-tttt-nnnnn`` or ``TO-tttt-nnnnn``: the office kind, the 4-digit treasury code and a
  5-digit serial within that treasury. The kind is in the code so that an employee's form names which kind
  of officer will verify it, and a DDO code can never be mistaken for a TO code.
- DDO/TO user ID: the code itself; the officer already knows it and it is unique.
- Employee/pensioner user ID: ``UPE`` (employee) or ``UPP`` (pensioner) and 8 digits, assigned in order.
- Card number: the user ID, a dash and the 2-digit member number (01 is the employee or pensioner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from card_station.sects.errors import InvalidEntry

_CODE = re.compile(r"(DDO|TO)-(\d{4})-(\d{5})")
_USER_ID = re.compile(r"UP([EP])(\d{8})")
_CARD_NUMBER = re.compile(r"(UP[EP]\d{8})-(\d{2})")


class OfficerKind(Enum):
    """Who registers first (seed 001 letter, para 1: "आहरण एवं वितरण अधिकारियों/कोषाधिकारियों")."""

    DDO = "आहरण एवं वितरण अधिकारी (Drawing and Disbursing Officer)"
    TO = "कोषाधिकारी (Treasury Officer)"


class BeneficiaryKind(Enum):
    """Who registers under a DDO/TO (seed 001 annexure 2 title: "राज्य कर्मचारी/पेंशनर्स")."""

    EMPLOYEE = "राज्य कर्मचारी (state employee)"
    PENSIONER = "पेंशनर (pensioner)"

    @property
    def letter(self) -> str:
        return "E" if self is BeneficiaryKind.EMPLOYEE else "P"


@dataclass(frozen=True)
class OfficerCode:
    """A DDO/TO code, parsed: ``OfficerCode.parse("DDO-6601-00023")``."""

    kind: OfficerKind
    treasury: str
    serial: str

    @classmethod
    def parse(cls, text: str) -> OfficerCode:
        match = _CODE.fullmatch(text.strip().upper())
        if match is None:
            raise InvalidEntry(
                "DDO/TO code",
                f"{text.strip()!r} is not a DDO/TO code; write DDO-tttt-nnnnn or TO-tttt-nnnnn "
                "(4-digit treasury code, 5-digit serial), e.g. DDO-6601-00023",
            )
        return cls(OfficerKind[match.group(1)], match.group(2), match.group(3))

    def __str__(self) -> str:
        return f"{self.kind.name}-{self.treasury}-{self.serial}"


def user_id(kind: BeneficiaryKind, sequence: int) -> str:
    """The user ID of the ``sequence``-th registration of ``kind``: ``UPE00000042``."""
    if not 0 < sequence < 10**8:
        raise ValueError(f"a user ID sequence is 1..99999999, got {sequence}")
    return f"UP{kind.letter}{sequence:08d}"


def parse_user_id(text: str) -> str:
    """A user ID as typed at the self-print login, upper-cased; ``InvalidEntry`` if it cannot be one."""
    candidate = text.strip().upper()
    if _USER_ID.fullmatch(candidate) is None:
        raise InvalidEntry(
            "user ID", "a user ID is UPE or UPP and 8 digits, as sent by SMS (e.g. UPE00000042)"
        )
    return candidate


def card_number(user: str, member_number: int) -> str:
    """The card number of family member ``member_number`` (1 = the employee) of registration ``user``."""
    if not 0 < member_number < 100:
        raise ValueError(f"a member number is 1..99, got {member_number}")
    return f"{user}-{member_number:02d}"


def parse_card_number(text: str) -> tuple[str, int]:
    """(user ID, member number) of a card number; ``InvalidEntry`` if it is not one."""
    match = _CARD_NUMBER.fullmatch(text.strip().upper())
    if match is None:
        raise InvalidEntry(
            "card number", "a SECTS card number is a user ID, a dash and 2 digits: UPE00000042-01"
        )
    return match.group(1), int(match.group(2))
