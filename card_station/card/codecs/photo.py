"""EF.PHOTO: the photos of the member and dependants (template E5 of A1 entries), JPEG.

Why one transparent file and not one per person: the file is created once at its profile's size; a
counter that wants one photo reads the header and walks the entries. Entries are in person order (the
member, then dependants by number), each ``A1 { 80 person id, 81 JPEG }``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from apdu.tlv import Tlv
from card_station.card.codecs.extent import FileFault
from card_station.card.codecs.framing import Fields, single_object, text
from card_station.card.content import MEMBER_ID

TAG_PHOTOS = 0xE5
TAG_ENTRY = 0xA1
TAG_PERSON = 0x80
TAG_JPEG = 0x81
JPEG_START = b"\xff\xd8"
MAX_PERSON_ID = 4


def person_order(person_id: str) -> tuple[int, str]:
    """The member first, then dependants by number (D2 before D10)."""
    if person_id == MEMBER_ID:
        return (0, "")
    number = person_id[1:]
    return (int(number), "") if person_id[:1] == "D" and number.isdigit() else (1 << 16, person_id)


def encode(photos: Mapping[str, bytes]) -> bytes:
    entries = []
    for person in sorted(photos, key=person_order):
        jpeg = bytes(photos[person])
        if not jpeg.startswith(JPEG_START):
            raise FileFault(f"the photo of {person} is not a JPEG (it must start with FF D8)")
        entries.append(
            Tlv(TAG_ENTRY, (text(TAG_PERSON, person, MAX_PERSON_ID, "person id"), Tlv(TAG_JPEG, jpeg)))
        )
    return Tlv(TAG_PHOTOS, tuple(entries)).to_bytes()


def decode(raw: bytes) -> Mapping[str, bytes]:
    photos: dict[str, bytes] = {}
    for index, entry in enumerate(single_object(raw, TAG_PHOTOS).children, 1):
        if entry.tag != TAG_ENTRY:
            continue
        fields = Fields(entry, (TAG_PERSON, TAG_JPEG), f"photo entry {index}")
        person = fields.text(TAG_PERSON, "person id")
        jpeg = fields.raw(TAG_JPEG, "JPEG")
        if person in photos:
            raise FileFault(f"photo entry {index}: a second photo of {person}")
        if not jpeg.startswith(JPEG_START):
            raise FileFault(f"photo entry {index}: the photo of {person} is not a JPEG")
        photos[person] = jpeg
    return MappingProxyType(photos)
