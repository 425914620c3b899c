"""The layout version rule (docs/card-layout.md "Versions").

Every card carries two numbers, in EF.CARD and in EF.STATUS: the layout version that wrote it, and the
oldest layout version whose readers can still read it ("readable from"), like SQLite's read-compatibility
version. A writer that only ADDS tags (which older readers keep and skip) leaves "readable from" alone; a
writer that changes the meaning of something raises it. A reader refuses a card only when its own version
is below the card's "readable from", so additions never lock out the counters in the field.
"""

from __future__ import annotations

from card_station.card.errors import MalformedFile, UnknownLayoutVersion

LAYOUT_VERSION = 1
READABLE_FROM = 1


def check_readable(file: str, version: int, readable_from: int) -> None:
    """Raise UnknownLayoutVersion if this station cannot read a card of that version."""
    if not 1 <= readable_from <= version:
        raise MalformedFile(
            file, f"layout version {version} readable from version {readable_from} is not a valid pair"
        )
    if readable_from > LAYOUT_VERSION:
        raise UnknownLayoutVersion(file, version, readable_from, LAYOUT_VERSION)
