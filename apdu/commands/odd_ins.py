"""The data objects of the odd-INS READ BINARY (B1) and UPDATE BINARY (D7), ISO/IEC 7816-4:2020 §11.3.3:
the offset travels in DO ``54`` because P1-P2 only hold 15 bits (0..32767), and the file data in the
discretionary data DO ``53``. Chunk sizes must leave room for their tags and lengths."""

from __future__ import annotations

from apdu.tlv import Tlv, TlvError, decode_one, encode_length

TAG_OFFSET = 0x54
TAG_DATA = 0x53


def offset_object(offset: int) -> bytes:
    """DO 54 with the offset in the fewest bytes (at least one)."""
    return Tlv(TAG_OFFSET, offset.to_bytes(max(1, (offset.bit_length() + 7) // 8), "big")).to_bytes()


def data_object(data: bytes) -> bytes:
    return Tlv(TAG_DATA, bytes(data)).to_bytes()


def data_overhead(length: int) -> int:
    """Bytes that tag 53 and its length field add to ``length`` bytes of data."""
    return 1 + len(encode_length(length))


def largest_payload(room: int) -> int:
    """The most data bytes whose DO 53 fits in ``room`` bytes."""
    payload = max(0, room - 2)
    while payload and payload + data_overhead(payload) > room:
        payload -= 1
    return payload


def unwrap_data(response: bytes) -> bytes:
    """The file data of an odd-INS READ BINARY response: exactly one DO 53."""
    obj = decode_one(response)
    if obj.tag != TAG_DATA:
        raise TlvError(0, f"odd-INS READ BINARY answered tag {obj.tag:X}, expected discretionary data 53")
    return obj.data
