"""EF.DEPENDANTS: one linear-fixed record per eligible dependant (template E3), docs/card-layout.md.

Why records and not one TLV list: a change of one dependant's data rewrites one record (issue 4 "write
only what changed"), and a counter reads only the records that exist (a record never written answers
6A83, which ends the walk). Record n holds the dependant numbered n.
"""

from __future__ import annotations

from apdu.tlv import Tlv
from card_station.card.codecs.extent import FileFault
from card_station.card.codecs.framing import Fields, bcd_date, record_object, template, text, uint
from card_station.card.codecs.tables import DISABILITY, GENDER, RELATION
from card_station.card.content import DependantOnCard

TAG_DEPENDANT = 0xE3
TAG_NUMBER = 0x80
TAG_NAME = 0x81
TAG_RELATION = 0x82
TAG_BIRTH = 0x83
TAG_GENDER = 0x84
TAG_BASIS = 0x85
TAG_VALID_UNTIL = 0x86
TAG_DISABILITY = 0x87
KNOWN = (
    TAG_NUMBER,
    TAG_NAME,
    TAG_RELATION,
    TAG_BIRTH,
    TAG_GENDER,
    TAG_BASIS,
    TAG_VALID_UNTIL,
    TAG_DISABILITY,
)

MAX_NAME = 99
MAX_BASIS = 32


def encode_one(dependant: DependantOnCard) -> bytes:
    disability = dependant.disability
    return template(
        TAG_DEPENDANT,
        (
            uint(TAG_NUMBER, dependant.number, 1, "dependant number"),
            text(TAG_NAME, dependant.name, MAX_NAME, f"dependant {dependant.number} name"),
            Tlv(TAG_RELATION, RELATION.encode(dependant.relation)),
            bcd_date(TAG_BIRTH, dependant.date_of_birth),
            Tlv(TAG_GENDER, GENDER.encode(dependant.gender)),
            text(TAG_BASIS, dependant.basis, MAX_BASIS, f"dependant {dependant.number} basis of eligibility"),
            bcd_date(TAG_VALID_UNTIL, dependant.valid_until),
            None if disability is None else Tlv(TAG_DISABILITY, DISABILITY.encode(disability)),
        ),
        dependant.unknown,
    ).to_bytes()


def encode(dependants: tuple[DependantOnCard, ...]) -> tuple[bytes, ...]:
    return tuple(encode_one(d) for d in dependants)


def decode_one(raw: bytes, number: int) -> DependantOnCard:
    """Record ``number``; its number tag must agree with where it was read."""
    what = f"record {number}"
    fields = Fields(record_object(raw, TAG_DEPENDANT, number), KNOWN, what)
    written = fields.uint(TAG_NUMBER, 1, "dependant number")
    if written != number:
        raise FileFault(f"{what} holds dependant number {written}: records and numbers must agree")
    disability = fields.optional_raw(TAG_DISABILITY, "disability")
    return DependantOnCard(
        number=number,
        name=fields.text(TAG_NAME, "name"),
        relation=RELATION.decode(fields.raw(TAG_RELATION, "relation"), f"{what}: relation (tag 82)"),
        date_of_birth=fields.date(TAG_BIRTH, "date of birth"),
        gender=GENDER.decode(fields.raw(TAG_GENDER, "gender"), f"{what}: gender (tag 84)"),
        basis=fields.text(TAG_BASIS, "basis of eligibility"),
        valid_until=fields.optional_date(TAG_VALID_UNTIL, "valid until"),
        disability=None
        if disability is None
        else DISABILITY.decode(disability, f"{what}: disability (tag 87)"),
        unknown=fields.unknown,
    )


def decode(raw: tuple[bytes, ...]) -> tuple[DependantOnCard, ...]:
    return tuple(decode_one(record, number) for number, record in enumerate(raw, 1))
