"""EF.ENDORSE: one linear-fixed record per endorsement (template E4), in the order they were made.

Why linear fixed and not cyclic: an FMA "No OPD" endorsement (seed 003 §11) must stay on the card for
good; a cyclic file would overwrite the oldest record when full. An endorsement appends one record, so it
writes a few dozen bytes (issue 4: an endorsement writes under 5% of a personalisation).
"""

from __future__ import annotations

from card_station.card.codecs.framing import Fields, bcd_date, code, record_object, template, text
from card_station.card.content import Endorsement, EndorsementKind

TAG_ENDORSEMENT = 0xE4
TAG_KIND = 0x80
TAG_EFFECTIVE = 0x81
TAG_TEXT = 0x82
TAG_STATION = 0x83
KNOWN = (TAG_KIND, TAG_EFFECTIVE, TAG_TEXT, TAG_STATION)

MAX_TEXT = 64
MAX_STATION = 32


def encode_one(endorsement: Endorsement) -> bytes:
    return template(
        TAG_ENDORSEMENT,
        (
            code(TAG_KIND, endorsement.kind),
            bcd_date(TAG_EFFECTIVE, endorsement.effective_on),
            text(TAG_TEXT, endorsement.text, MAX_TEXT, "endorsement text"),
            text(TAG_STATION, endorsement.station_id, MAX_STATION, "station id"),
        ),
        endorsement.unknown,
    ).to_bytes()


def encode(endorsements: tuple[Endorsement, ...]) -> tuple[bytes, ...]:
    return tuple(encode_one(e) for e in endorsements)


def decode_one(raw: bytes, number: int) -> Endorsement:
    fields = Fields(record_object(raw, TAG_ENDORSEMENT, number), KNOWN, f"record {number}")
    return Endorsement(
        kind=fields.code(TAG_KIND, EndorsementKind, "kind"),
        effective_on=fields.date(TAG_EFFECTIVE, "effective date"),
        text=fields.text(TAG_TEXT, "text"),
        station_id=fields.text(TAG_STATION, "station id"),
        unknown=fields.unknown,
    )


def decode(raw: tuple[bytes, ...]) -> tuple[Endorsement, ...]:
    return tuple(decode_one(record, number) for number, record in enumerate(raw, 1))
