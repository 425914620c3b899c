"""Where a data object ends in bytes read from a card, and what may follow it (ISO/IEC 7816-4 §6.3:
bytes 00 and FF before, between or after data objects are padding).

Why its own module: the file declarations (to find a file's content for EF.SOD) and the codecs both need
it, and a reader uses ``object_extent`` to read a transparent file's header first and then exactly the
rest, never the whole padded file.
"""

from __future__ import annotations

PADDING = (0x00, 0xFF)


class FileFault(Exception):
    """Raised by a codec with the fault only; ``FileDecl.encode`` / ``decode`` add the file name."""


def object_extent(prefix: bytes) -> int | None:
    """Total length (tag + length + value) of the data object starting ``prefix``, or None if ``prefix``
    is too short to tell. A reader reads a few header bytes, asks this, then reads exactly the rest.
    """
    data = bytes(prefix)
    pos = 0
    if not data:
        return None
    if data[0] in PADDING:
        raise FileFault("the file is empty (it starts with padding, not a data object)")
    if data[0] & 0x1F == 0x1F:
        pos = 1
        while pos < len(data) and data[pos] & 0x80:
            pos += 1
        if pos >= len(data):
            return None
    pos += 1
    if pos >= len(data):
        return None
    first = data[pos]
    pos += 1
    if first < 0x80:
        return pos + first
    size = first & 0x7F
    if size == 0 or size > 4:
        raise FileFault(f"length byte {first:02X} at offset {pos - 1} is not a definite length of 1-4 bytes")
    if pos + size > len(data):
        return None
    return pos + size + int.from_bytes(data[pos : pos + size], "big")


def check_padding(data: bytes, end: int) -> None:
    """Bytes from ``end`` on must all be 00 or all be FF."""
    tail = data[end:]
    if tail and (tail[0] not in PADDING or tail.count(tail[0]) != len(tail)):
        raise FileFault(f"{len(tail)} bytes after the data object at offset {end} are not uniform padding")
