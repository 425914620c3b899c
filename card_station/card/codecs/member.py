"""EF.MEMBER: the primary beneficiary (template E2), docs/card-layout.md "EF.MEMBER"."""

from __future__ import annotations

from apdu.tlv import Tlv
from card_station.card.codecs.framing import Fields, bcd_date, single_object, template, text
from card_station.card.codecs.tables import BLOOD_GROUP, GENDER, SERVICE
from card_station.card.content import MemberOnCard

TAG_MEMBER = 0xE2
TAG_CARD_NUMBER = 0x80
TAG_SERVICE = 0x81
TAG_SERVICE_NUMBER = 0x82
TAG_RANK = 0x83
TAG_NAME = 0x84
TAG_BIRTH = 0x85
TAG_GENDER = 0x86
TAG_PPO = 0x87
TAG_CATEGORY = 0x88
TAG_REGIONAL_CENTRE = 0x89
TAG_POLYCLINIC = 0x8A
TAG_WARD = 0x8B
TAG_BLOOD_GROUP = 0x8C
TAG_ALLERGIES = 0x8D
TAG_VALID_UNTIL = 0x8E

TEXT_LIMITS = {
    TAG_CARD_NUMBER: ("card number", 20),
    TAG_SERVICE_NUMBER: ("service number", 16),
    TAG_RANK: ("rank", 40),
    TAG_NAME: ("name", 99),
    TAG_PPO: ("PPO number", 32),
    TAG_CATEGORY: ("category", 32),
    TAG_REGIONAL_CENTRE: ("Regional Centre", 48),
    TAG_POLYCLINIC: ("parent polyclinic", 64),
    TAG_WARD: ("ward entitlement", 24),
    TAG_ALLERGIES: ("allergies", 120),
}
KNOWN = (*TEXT_LIMITS, TAG_SERVICE, TAG_BIRTH, TAG_GENDER, TAG_BLOOD_GROUP, TAG_VALID_UNTIL)


def _text(tag: int, value: str | None) -> Tlv | None:
    what, limit = TEXT_LIMITS[tag]
    return text(tag, value, limit, what)


def encode(member: MemberOnCard) -> bytes:
    blood = (
        None if member.blood_group is None else Tlv(TAG_BLOOD_GROUP, BLOOD_GROUP.encode(member.blood_group))
    )
    return template(
        TAG_MEMBER,
        (
            _text(TAG_CARD_NUMBER, member.card_number),
            Tlv(TAG_SERVICE, SERVICE.encode(member.service)),
            _text(TAG_SERVICE_NUMBER, member.service_number),
            _text(TAG_RANK, member.rank),
            _text(TAG_NAME, member.name),
            bcd_date(TAG_BIRTH, member.date_of_birth),
            Tlv(TAG_GENDER, GENDER.encode(member.gender)),
            _text(TAG_PPO, member.ppo_number),
            _text(TAG_CATEGORY, member.category),
            _text(TAG_REGIONAL_CENTRE, member.regional_centre),
            _text(TAG_POLYCLINIC, member.parent_polyclinic),
            _text(TAG_WARD, member.ward_entitlement),
            blood,
            _text(TAG_ALLERGIES, member.allergies),
            bcd_date(TAG_VALID_UNTIL, member.valid_until),
        ),
        member.unknown,
    ).to_bytes()


def decode(raw: bytes) -> MemberOnCard:
    fields = Fields(single_object(raw, TAG_MEMBER), KNOWN, "member template")
    blood_raw = fields.optional_raw(TAG_BLOOD_GROUP, "blood group")
    return MemberOnCard(
        card_number=fields.text(TAG_CARD_NUMBER, "card number"),
        service=SERVICE.decode(fields.raw(TAG_SERVICE, "service"), "service (tag 81)"),
        service_number=fields.text(TAG_SERVICE_NUMBER, "service number"),
        rank=fields.text(TAG_RANK, "rank"),
        name=fields.text(TAG_NAME, "name"),
        date_of_birth=fields.date(TAG_BIRTH, "date of birth"),
        gender=GENDER.decode(fields.raw(TAG_GENDER, "gender"), "gender (tag 86)"),
        ppo_number=fields.optional_text(TAG_PPO, "PPO number"),
        category=fields.text(TAG_CATEGORY, "category"),
        regional_centre=fields.text(TAG_REGIONAL_CENTRE, "Regional Centre"),
        parent_polyclinic=fields.text(TAG_POLYCLINIC, "parent polyclinic"),
        ward_entitlement=fields.text(TAG_WARD, "ward entitlement"),
        blood_group=None if blood_raw is None else BLOOD_GROUP.decode(blood_raw, "blood group (tag 8C)"),
        allergies=fields.optional_text(TAG_ALLERGIES, "allergies"),
        valid_until=fields.optional_date(TAG_VALID_UNTIL, "valid until"),
        unknown=fields.unknown,
    )
