"""One-byte and one-character codes of domain enums on the card (docs/card-layout.md "Codes").

Why fixed tables: the card must not change when a Python enum is renamed or its display text edited;
these codes are part of layout version 1.
"""

from __future__ import annotations

from enum import Enum
from typing import Generic, TypeVar

from card_station.card.codecs.extent import FileFault
from card_station.card.content import BloodGroup
from card_station.domain.records import DisabilityKind, Gender, Relation
from card_station.domain.reference.service import Service

E = TypeVar("E", bound=Enum)


class CodeTable(Generic[E]):
    """A total, one-to-one map between an enum's members and their card bytes."""

    def __init__(self, kind: type[E], codes: dict[E, bytes]) -> None:
        if set(codes) != set(kind) or len(set(codes.values())) != len(codes):
            raise ValueError(f"the code table of {kind.__name__} must map every member to its own code")
        self.kind = kind
        self._codes = dict(codes)
        self._members = {value: member for member, value in codes.items()}

    def encode(self, member: E) -> bytes:
        return self._codes[member]

    def decode(self, raw: bytes, what: str) -> E:
        try:
            return self._members[raw]
        except KeyError:
            raise FileFault(f"{what} code {raw.hex().upper()} is not defined") from None


SERVICE = CodeTable(Service, {Service.ARMY: b"\x01", Service.NAVY: b"\x02", Service.AIR_FORCE: b"\x03"})
GENDER = CodeTable(Gender, {Gender.MALE: b"M", Gender.FEMALE: b"F", Gender.OTHER: b"O"})
RELATION = CodeTable(
    Relation,
    {
        Relation.SPOUSE: b"\x01",
        Relation.SON: b"\x02",
        Relation.DAUGHTER: b"\x03",
        Relation.FATHER: b"\x04",
        Relation.MOTHER: b"\x05",
        Relation.FATHER_IN_LAW: b"\x06",
        Relation.MOTHER_IN_LAW: b"\x07",
        Relation.GRANDPARENT: b"\x08",
        Relation.GRANDCHILD: b"\x09",
    },
)
DISABILITY = CodeTable(DisabilityKind, {DisabilityKind.PHYSICAL: b"\x01", DisabilityKind.MENTAL: b"\x02"})
BLOOD_GROUP = CodeTable(BloodGroup, {group: group.value.encode("ascii") for group in BloodGroup})
