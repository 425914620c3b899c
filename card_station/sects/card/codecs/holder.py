"""EF.HOLDER: the employee or pensioner (template E8), docs/sects-card.md "EF.HOLDER".

The Aadhaar tag holds exactly four ASCII digits, checked on writing and on reading: the codec itself
refuses a full Aadhaar number, so no caller can put one on a card (``sects.card.aadhaar``).
"""

from __future__ import annotations

from apdu.tlv import Tlv
from card_station.card.codecs.extent import FileFault
from card_station.card.codecs.framing import Fields, bcd_date, single_object, template, text
from card_station.sects.card.aadhaar import is_last_four
from card_station.sects.card.codecs.tables import BENEFICIARY, GENDER
from card_station.sects.card.content import HolderOnCard

TAG_HOLDER = 0xE8
TAG_CARD_NUMBER = 0x80
TAG_KIND = 0x81
TAG_NAME = 0x82
TAG_BIRTH = 0x83
TAG_GENDER = 0x84
TAG_AADHAAR = 0x85
TAG_DDO = 0x86
TAG_DEPARTMENT = 0x87
TAG_DISTRICT = 0x88
TAG_VALID_UNTIL = 0x89

TEXT_LIMITS = {
    TAG_CARD_NUMBER: ("card number", 24),
    TAG_NAME: ("name", 99),
    TAG_DDO: ("DDO/TO code", 24),
    TAG_DEPARTMENT: ("department", 120),
    TAG_DISTRICT: ("district", 48),
}
KNOWN = (*TEXT_LIMITS, TAG_KIND, TAG_BIRTH, TAG_GENDER, TAG_AADHAAR, TAG_VALID_UNTIL)


def _text(tag: int, value: str) -> Tlv | None:
    what, limit = TEXT_LIMITS[tag]
    return text(tag, value, limit, what)


def aadhaar_tlv(tag: int, last_four: str, who: str) -> Tlv:
    if not is_last_four(last_four):
        raise FileFault(f"{who}: only the last four Aadhaar digits go on a card, never the number")
    return Tlv(tag, last_four.encode("ascii"))


def aadhaar_field(fields: Fields, tag: int, who: str) -> str:
    raw = fields.raw(tag, "Aadhaar last four digits")
    value = raw.decode("ascii", errors="replace")
    if not is_last_four(value):
        raise FileFault(f"{who}: the Aadhaar tag {tag:X} holds {len(raw)} bytes, not four ASCII digits")
    return value


def encode(holder: HolderOnCard) -> bytes:
    return template(
        TAG_HOLDER,
        (
            _text(TAG_CARD_NUMBER, holder.card_number),
            Tlv(TAG_KIND, BENEFICIARY.encode(holder.kind)),
            _text(TAG_NAME, holder.name),
            bcd_date(TAG_BIRTH, holder.date_of_birth),
            Tlv(TAG_GENDER, GENDER.encode(holder.gender)),
            aadhaar_tlv(TAG_AADHAAR, holder.aadhaar_last_four, "holder"),
            _text(TAG_DDO, holder.ddo_code),
            _text(TAG_DEPARTMENT, holder.department),
            _text(TAG_DISTRICT, holder.district),
            bcd_date(TAG_VALID_UNTIL, holder.valid_until),
        ),
        holder.unknown,
    ).to_bytes()


def decode(raw: bytes) -> HolderOnCard:
    fields = Fields(single_object(raw, TAG_HOLDER), KNOWN, "holder template")
    return HolderOnCard(
        card_number=fields.text(TAG_CARD_NUMBER, "card number"),
        kind=BENEFICIARY.decode(fields.raw(TAG_KIND, "kind"), "holder kind (tag 81)"),
        name=fields.text(TAG_NAME, "name"),
        date_of_birth=fields.date(TAG_BIRTH, "date of birth"),
        gender=GENDER.decode(fields.raw(TAG_GENDER, "gender"), "gender (tag 84)"),
        aadhaar_last_four=aadhaar_field(fields, TAG_AADHAAR, "holder"),
        ddo_code=fields.text(TAG_DDO, "DDO/TO code"),
        department=fields.text(TAG_DEPARTMENT, "department"),
        district=fields.text(TAG_DISTRICT, "district"),
        valid_until=fields.optional_date(TAG_VALID_UNTIL, "valid until"),
        unknown=fields.unknown,
    )
