"""EF.DIR records: application templates (ISO/IEC 7816-4 §8.2.1.1, tag 61 with 4F AID and 50 label).

Why keep every record: EF.DIR belongs to the card, not to this application; another application's
entry is read and left alone, ours is found by its AID.
"""

from __future__ import annotations

from dataclasses import dataclass

from apdu.tlv import Tlv
from card_station.card.codecs.extent import FileFault
from card_station.card.codecs.framing import Fields, record_object, template, text

TAG_APPLICATION = 0x61
TAG_AID = 0x4F
TAG_LABEL = 0x50
MAX_LABEL = 16


@dataclass(frozen=True)
class DirEntry:
    """One application template of EF.DIR."""

    aid: bytes
    label: str
    unknown: tuple[Tlv, ...] = ()


def encode(entries: tuple[DirEntry, ...]) -> tuple[bytes, ...]:
    records = []
    for entry in entries:
        if not 5 <= len(entry.aid) <= 16:
            raise FileFault(f"AID {entry.aid.hex().upper()} must have 5 to 16 bytes (ISO/IEC 7816-4 §12.2.3)")
        obj = template(
            TAG_APPLICATION,
            (Tlv(TAG_AID, entry.aid), text(TAG_LABEL, entry.label, MAX_LABEL, "application label")),
            entry.unknown,
        )
        records.append(obj.to_bytes())
    return tuple(records)


def decode(raw: tuple[bytes, ...]) -> tuple[DirEntry, ...]:
    entries = []
    for number, record in enumerate(raw, 1):
        fields = Fields(
            record_object(record, TAG_APPLICATION, number), (TAG_AID, TAG_LABEL), f"record {number}"
        )
        aid = fields.raw(TAG_AID, "AID")
        if not 5 <= len(aid) <= 16:
            raise FileFault(f"record {number}: AID of {len(aid)} bytes, expected 5 to 16")
        entries.append(DirEntry(aid, fields.text(TAG_LABEL, "application label"), fields.unknown))
    return tuple(entries)
