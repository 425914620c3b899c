"""EF.CARD: the card's identity (template E1), docs/card-layout.md "EF.CARD"."""

from __future__ import annotations

from apdu.tlv import Tlv
from card_station.card.codecs.extent import FileFault
from card_station.card.codecs.framing import Fields, bcd_date, code, single_object, template, text, uint
from card_station.card.content import CardInfo
from card_station.card.profile import CardProfile
from card_station.card.version import check_readable

TAG_CARD = 0xE1
TAG_SERIAL = 0x5A
TAG_SIZE = 0x80
TAG_VERSION = 0x81
TAG_READABLE_FROM = 0x82
TAG_ISSUER = 0x83
TAG_PERSONALISED_ON = 0x84
TAG_STATION = 0x85
KNOWN = (TAG_SERIAL, TAG_SIZE, TAG_VERSION, TAG_READABLE_FROM, TAG_ISSUER, TAG_PERSONALISED_ON, TAG_STATION)

MAX_SERIAL = 32
MAX_ISSUER = 64
MAX_STATION = 32


def encode(info: CardInfo) -> bytes:
    if not 1 <= len(info.serial) <= MAX_SERIAL:
        raise FileFault(f"the card serial has {len(info.serial)} bytes, expected 1 to {MAX_SERIAL}")
    return template(
        TAG_CARD,
        (
            Tlv(TAG_SERIAL, bytes(info.serial)),
            code(TAG_SIZE, info.size),
            uint(TAG_VERSION, info.layout_version, 1, "layout version"),
            uint(TAG_READABLE_FROM, info.readable_from, 1, "readable-from version"),
            text(TAG_ISSUER, info.issuer, MAX_ISSUER, "issuer"),
            bcd_date(TAG_PERSONALISED_ON, info.personalised_on),
            text(TAG_STATION, info.station_id, MAX_STATION, "station id"),
        ),
        info.unknown,
    ).to_bytes()


def decode(raw: bytes) -> CardInfo:
    fields = Fields(single_object(raw, TAG_CARD), KNOWN, "card template")
    version = fields.uint(TAG_VERSION, 1, "layout version")
    readable_from = fields.uint(TAG_READABLE_FROM, 1, "readable-from version")
    check_readable("EF.CARD", version, readable_from)
    serial = fields.raw(TAG_SERIAL, "card serial")
    if not 1 <= len(serial) <= MAX_SERIAL:
        raise FileFault(f"the card serial has {len(serial)} bytes, expected 1 to {MAX_SERIAL}")
    return CardInfo(
        serial=serial,
        size=fields.code(TAG_SIZE, CardProfile, "card size"),
        layout_version=version,
        issuer=fields.text(TAG_ISSUER, "issuer"),
        personalised_on=fields.date(TAG_PERSONALISED_ON, "personalisation date"),
        station_id=fields.text(TAG_STATION, "station id"),
        readable_from=readable_from,
        unknown=fields.unknown,
    )
