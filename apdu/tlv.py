"""BER-TLV data objects as ISO/IEC 7816-4:2020 §6.3 uses them (ISO/IEC 8825-1 tag and length rules).

Strict by design: the card is untrusted input at a counter. Every decoding failure raises ``TlvError``
naming the byte offset and the fault (truncated tag, length or value; indefinite, over-long or non-minimal
length; trailing bytes), and never IndexError. Strictness also makes encoding canonical, so
``encode(decode(b)) == b`` for every accepted ``b``.

Tags are held as the integer of their bytes (``0x5F20``, ``0x9F7F``); bit 6 of the first byte marks a
constructed object, whose value is a tuple of child objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from apdu.status import ApduError

MAX_LENGTH_BYTES = 4


class TlvError(ApduError):
    """Bytes that are not well-formed BER-TLV."""

    def __init__(self, offset: int, problem: str) -> None:
        self.offset = offset
        self.problem = problem
        super().__init__(f"malformed BER-TLV at byte {offset}: {problem}")


def tag_bytes(tag: int) -> bytes:
    """The bytes of a tag held as an integer, checked to be one well-formed BER tag."""
    if tag <= 0:
        raise ValueError(f"tag {tag:#x} is not a BER tag")
    raw = tag.to_bytes((tag.bit_length() + 7) // 8, "big")
    try:
        end = _tag_end(raw, 0)
    except TlvError as exc:
        raise ValueError(f"tag {tag:#x} is not a BER tag: {exc.problem}") from None
    if end != len(raw):
        raise ValueError(f"tag {tag:#x} is not a single well-formed BER tag")
    return raw


def is_constructed(tag: int) -> bool:
    return bool(tag_bytes(tag)[0] & 0x20)


def encode_length(length: int) -> bytes:
    """Minimal definite length: short form below 128, else 81..84 followed by 1 to 4 bytes."""
    if length < 0:
        raise ValueError("a length cannot be negative")
    if length < 0x80:
        return bytes((length,))
    size = (length.bit_length() + 7) // 8
    if size > MAX_LENGTH_BYTES:
        raise ValueError(f"length {length} needs more than {MAX_LENGTH_BYTES} length bytes")
    return bytes((0x80 | size,)) + length.to_bytes(size, "big")


@dataclass(frozen=True)
class Tlv:
    """One data object: primitive (``value`` is bytes) or constructed (``value`` is a tuple of Tlv)."""

    tag: int
    value: bytes | tuple[Tlv, ...]

    def __post_init__(self) -> None:
        constructed = is_constructed(self.tag)
        if constructed and not isinstance(self.value, tuple):
            raise ValueError(f"tag {self.tag:X} is constructed: its value must be a tuple of Tlv")
        if not constructed and not isinstance(self.value, bytes):
            raise ValueError(f"tag {self.tag:X} is primitive: its value must be bytes")

    @property
    def constructed(self) -> bool:
        return isinstance(self.value, tuple)

    @property
    def children(self) -> tuple[Tlv, ...]:
        if not isinstance(self.value, tuple):
            raise TypeError(f"tag {self.tag:X} is primitive and has no children")
        return self.value

    @property
    def data(self) -> bytes:
        """The value bytes as they appear on the wire (encoded children for a constructed object)."""
        if isinstance(self.value, tuple):
            return encode(self.value)
        return self.value

    def to_bytes(self) -> bytes:
        data = self.data
        return tag_bytes(self.tag) + encode_length(len(data)) + data

    def find(self, tag: int) -> Tlv | None:
        """The first direct child with ``tag``."""
        return next((child for child in self.children if child.tag == tag), None)

    def find_all(self, tag: int) -> list[Tlv]:
        return [child for child in self.children if child.tag == tag]


def encode(objects: Iterable[Tlv]) -> bytes:
    return b"".join(obj.to_bytes() for obj in objects)


def decode(data: bytes) -> tuple[Tlv, ...]:
    """Every data object in ``data``; the bytes must hold whole objects and nothing else."""
    return tuple(_decode_all(bytes(data), 0, len(data)))


def decode_one(data: bytes) -> Tlv:
    """Exactly one data object filling ``data``."""
    data = bytes(data)
    obj, end = _decode_at(data, 0, len(data))
    if end != len(data):
        raise TlvError(end, f"{len(data) - end} trailing bytes after the data object")
    return obj


def _decode_all(data: bytes, start: int, stop: int) -> Iterator[Tlv]:
    pos = start
    while pos < stop:
        obj, pos = _decode_at(data, pos, stop)
        yield obj


def _tag_end(data: bytes, pos: int, stop: int | None = None) -> int:
    """Offset just past the tag starting at ``pos`` (ISO/IEC 8825-1 §8.1.2).

    Two-byte tags with a tag number below 31 (EMV's ``9F02``, ``BF0C``) are accepted although ISO/IEC
    8825-1 would use the one-byte form: cards in the field carry them, and a tag is kept as its bytes, so
    accepting them does not break ``encode(decode(b)) == b``.
    """
    stop = len(data) if stop is None else stop
    if pos >= stop:
        raise TlvError(pos, "truncated: tag expected")
    first = data[pos]
    if first in (0x00, 0xFF):
        raise TlvError(pos, f"byte {first:02X} is padding, not a tag")
    pos += 1
    if first & 0x1F != 0x1F:
        return pos
    if pos < stop and data[pos] == 0x80:
        raise TlvError(pos, "non-minimal tag number encoding")
    while True:
        if pos >= stop:
            raise TlvError(pos, "truncated: multi-byte tag not finished")
        byte = data[pos]
        pos += 1
        if not byte & 0x80:
            break
    return pos


def _decode_at(data: bytes, pos: int, stop: int) -> tuple[Tlv, int]:
    tag_start = pos
    pos = _tag_end(data, pos, stop)
    tag_raw = data[tag_start:pos]
    tag = int.from_bytes(tag_raw, "big")
    if pos >= stop:
        raise TlvError(pos, f"truncated: length of tag {tag:X} expected")
    first = data[pos]
    pos += 1
    if first < 0x80:
        length = first
    elif first == 0x80:
        raise TlvError(pos - 1, "indefinite length is not allowed")
    else:
        size = first & 0x7F
        if size > MAX_LENGTH_BYTES:
            raise TlvError(pos - 1, f"length field of {size} bytes exceeds {MAX_LENGTH_BYTES}")
        if pos + size > stop:
            raise TlvError(pos, f"truncated: {size} length bytes of tag {tag:X} expected")
        length = int.from_bytes(data[pos : pos + size], "big")
        if length < 0x80 or length.bit_length() <= 8 * (size - 1):
            raise TlvError(pos - 1, f"non-minimal length encoding for length {length}")
        pos += size
    if pos + length > stop:
        raise TlvError(pos, f"truncated: tag {tag:X} declares {length} value bytes, {stop - pos} remain")
    end = pos + length
    if tag_raw[0] & 0x20:
        return Tlv(tag, tuple(_decode_all(data, pos, end))), end
    return Tlv(tag, data[pos:end]), end
