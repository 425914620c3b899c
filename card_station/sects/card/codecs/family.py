"""EF.FAMILY: one linear-fixed record per family member (template E9), docs/sects-card.md "EF.FAMILY".

Record n holds family member n (as ECHS EF.DEPENDANTS: a change rewrites one record, a reader stops at the
first record never written).
"""

from __future__ import annotations

from apdu.tlv import Tlv
from card_station.card.codecs.extent import FileFault
from card_station.card.codecs.framing import Fields, bcd_date, record_object, template, text, uint
from card_station.sects.card.codecs.holder import aadhaar_field, aadhaar_tlv
from card_station.sects.card.codecs.tables import GENDER, RELATION
from card_station.sects.card.content import FamilyMemberOnCard

TAG_MEMBER = 0xE9
TAG_NUMBER = 0x80
TAG_CARD_NUMBER = 0x81
TAG_NAME = 0x82
TAG_RELATION = 0x83
TAG_BIRTH = 0x84
TAG_GENDER = 0x85
TAG_AADHAAR = 0x86
KNOWN = (TAG_NUMBER, TAG_CARD_NUMBER, TAG_NAME, TAG_RELATION, TAG_BIRTH, TAG_GENDER, TAG_AADHAAR)

MAX_CARD_NUMBER = 24
MAX_NAME = 99


def encode_one(member: FamilyMemberOnCard) -> bytes:
    who = f"family member {member.number}"
    return template(
        TAG_MEMBER,
        (
            uint(TAG_NUMBER, member.number, 1, "family member number"),
            text(TAG_CARD_NUMBER, member.card_number, MAX_CARD_NUMBER, f"{who} card number"),
            text(TAG_NAME, member.name, MAX_NAME, f"{who} name"),
            Tlv(TAG_RELATION, RELATION.encode(member.relation)),
            bcd_date(TAG_BIRTH, member.date_of_birth),
            Tlv(TAG_GENDER, GENDER.encode(member.gender)),
            aadhaar_tlv(TAG_AADHAAR, member.aadhaar_last_four, who),
        ),
        member.unknown,
    ).to_bytes()


def encode(family: tuple[FamilyMemberOnCard, ...]) -> tuple[bytes, ...]:
    return tuple(encode_one(member) for member in family)


def decode_one(raw: bytes, number: int) -> FamilyMemberOnCard:
    """Record ``number``; its number tag must agree with where it was read."""
    what = f"record {number}"
    fields = Fields(record_object(raw, TAG_MEMBER, number), KNOWN, what)
    written = fields.uint(TAG_NUMBER, 1, "family member number")
    if written != number:
        raise FileFault(f"{what} holds family member {written}: records and numbers must agree")
    return FamilyMemberOnCard(
        number=number,
        card_number=fields.text(TAG_CARD_NUMBER, "card number"),
        name=fields.text(TAG_NAME, "name"),
        relation=RELATION.decode(fields.raw(TAG_RELATION, "relation"), f"{what}: relation (tag 83)"),
        date_of_birth=fields.date(TAG_BIRTH, "date of birth"),
        gender=GENDER.decode(fields.raw(TAG_GENDER, "gender"), f"{what}: gender (tag 85)"),
        aadhaar_last_four=aadhaar_field(fields, TAG_AADHAAR, what),
        unknown=fields.unknown,
    )


def decode(raw: tuple[bytes, ...]) -> tuple[FamilyMemberOnCard, ...]:
    return tuple(decode_one(record, number) for number, record in enumerate(raw, 1))
