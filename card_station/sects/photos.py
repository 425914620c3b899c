"""Family member photos on SECTS forms (seed 001 annexure 2, bullet 3: "... आधार कार्ड नम्बर एवं फोटो").

Why only JPEG and PNG, and a size cap: the photo is printed on the form and the health card and may go onto
a chip, so it must be a format the printers and the card face renderer read, and small enough to keep the
database and the card within budget. The cap is a default a station can change.
"""

from __future__ import annotations

from enum import Enum

from card_station.sects.errors import InvalidEntry

MAX_PHOTO_BYTES = 200 * 1024


class PhotoFormat(Enum):
    JPEG = "image/jpeg"
    PNG = "image/png"


def photo_format(data: bytes, *, person: str) -> PhotoFormat:
    """The format of a photo from its magic bytes; ``InvalidEntry`` when it is missing, unknown or too big."""
    if not data:
        raise InvalidEntry(f"{person}: photo", "every family member needs a photo (seed 001 annexure 2)")
    if len(data) > MAX_PHOTO_BYTES:
        raise InvalidEntry(
            f"{person}: photo",
            f"the photo is {len(data)} bytes, over the {MAX_PHOTO_BYTES}-byte limit; scan it smaller",
        )
    if data.startswith(b"\xff\xd8\xff"):
        return PhotoFormat.JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PhotoFormat.PNG
    raise InvalidEntry(f"{person}: photo", "the photo must be a JPEG or PNG file")
