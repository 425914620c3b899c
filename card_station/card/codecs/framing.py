"""Field encodings shared by the file codecs (docs/card-layout.md "Encodings").

Why these encodings: dates are 4-byte BCD ``YYYYMMDD`` and times 7-byte BCD ``YYYYMMDDhhmmss`` in UTC,
readable in a hex dump as on EMV and eGK cards; text is UTF-8 (names in Indian scripts); enums are one
byte from a fixed table, so renaming a Python member never changes a card. A transparent file holds one
data object followed by padding (``00`` or ``FF``, ISO/IEC 7816-4 §6.3 allows both between objects);
a record holds exactly one data object.

``Fields`` reads a template strictly: each known tag at most once, mandatory tags present, values of the
right form; tags it does not know are kept (``unknown``) and skipped, so a newer layout's additions are
not fatal.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import Enum
from typing import TypeVar

from apdu.tlv import Tlv, TlvError, decode_one
from card_station.card.codecs.extent import FileFault, check_padding, object_extent

E = TypeVar("E", bound=Enum)


def single_object(raw: bytes, tag: int) -> Tlv:
    """The one data object ``tag`` at the start of ``raw``, followed only by uniform padding."""
    data = bytes(raw)
    end = object_extent(data)
    if end is None or end > len(data):
        raise FileFault(f"truncated: {len(data)} bytes do not hold the whole data object")
    check_padding(data, end)
    obj = decode_one(data[:end])
    if obj.tag != tag:
        raise FileFault(f"expected template {tag:X}, found tag {obj.tag:X}")
    return obj


def template(tag: int, children: Iterable[Tlv | None], unknown: tuple[Tlv, ...] = ()) -> Tlv:
    """A constructed object of the present children, followed by the kept unknown ones."""
    return Tlv(tag, tuple(child for child in children if child is not None) + tuple(unknown))


def text(tag: int, value: str | None, max_bytes: int, what: str) -> Tlv | None:
    if value is None:
        return None
    data = value.encode("utf-8")
    if not value.strip():
        raise FileFault(f"{what} is empty")
    if len(data) > max_bytes:
        raise FileFault(
            f"{what} is {len(data)} bytes in UTF-8, at most {max_bytes} fit: "
            f"shorten it by {len(data) - max_bytes} bytes"
        )
    return Tlv(tag, data)


def uint(tag: int, value: int, size: int, what: str) -> Tlv:
    if not 0 <= value < 1 << (8 * size):
        raise FileFault(f"{what} {value} does not fit {size} bytes")
    return Tlv(tag, value.to_bytes(size, "big"))


def code(tag: int, value: Enum | None) -> Tlv | None:
    """A one-byte enum code (the enum's value is its code)."""
    return None if value is None else Tlv(tag, bytes((value.value,)))


def _bcd(digits: str) -> bytes:
    return bytes.fromhex(digits)


def bcd_date(tag: int, value: date | None) -> Tlv | None:
    return None if value is None else Tlv(tag, _bcd(f"{value.year:04d}{value.month:02d}{value.day:02d}"))


def bcd_time_bytes(value: datetime) -> bytes:
    """A timezone-aware moment as 7-byte BCD ``YYYYMMDDhhmmss`` in UTC (seconds kept, microseconds not)."""
    if value.tzinfo is None:
        raise FileFault(f"the time {value.isoformat()} has no timezone; card times are written in UTC")
    utc = value.astimezone(UTC)
    return _bcd(f"{utc.year:04d}{utc:%m%d%H%M%S}")


def parse_bcd_date(raw: bytes, what: str) -> date:
    digits = _digits(raw, 4, what)
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError as exc:
        raise FileFault(f"{what} {digits} is not a date ({exc})") from None


def parse_bcd_time(raw: bytes, what: str) -> datetime:
    digits = _digits(raw, 7, what)
    try:
        return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError as exc:
        raise FileFault(f"{what} {digits} is not a time ({exc})") from None


def _digits(raw: bytes, size: int, what: str) -> str:
    if len(raw) != size:
        raise FileFault(f"{what} has {len(raw)} bytes, expected {size} BCD bytes")
    digits = raw.hex()
    if not digits.isdigit():
        raise FileFault(f"{what} {digits.upper()} is not BCD")
    return digits


def enum_from_code(kind: type[E], value: int, what: str) -> E:
    try:
        return kind(value)
    except ValueError:
        raise FileFault(f"{what} code {value:02X} is not defined") from None


class Fields:
    """The children of one template, read by tag (see the module docstring)."""

    def __init__(self, obj: Tlv, known: Iterable[int], what: str) -> None:
        if not obj.constructed:
            raise FileFault(f"{what} (tag {obj.tag:X}) must be a constructed template")
        self._what = what
        known_tags = set(known)
        self._values: dict[int, Tlv] = {}
        unknown: list[Tlv] = []
        for child in obj.children:
            if child.tag not in known_tags:
                unknown.append(child)
            elif child.tag in self._values:
                raise FileFault(f"{what}: tag {child.tag:X} appears twice")
            else:
                self._values[child.tag] = child
        self.unknown = tuple(unknown)

    def _primitive(self, tag: int, what: str) -> bytes | None:
        child = self._values.get(tag)
        if child is None:
            return None
        if child.constructed:
            raise FileFault(f"{self._what}: {what} (tag {tag:X}) must be primitive")
        return child.data

    def _need(self, tag: int, what: str) -> bytes:
        raw = self._primitive(tag, what)
        if raw is None:
            raise FileFault(f"{self._what}: mandatory {what} (tag {tag:X}) is missing")
        return raw

    def constructed(self, tag: int, what: str) -> Tlv:
        child = self._values.get(tag)
        if child is None:
            raise FileFault(f"{self._what}: mandatory {what} (tag {tag:X}) is missing")
        if not child.constructed:
            raise FileFault(f"{self._what}: {what} (tag {tag:X}) must be constructed")
        return child

    def raw(self, tag: int, what: str) -> bytes:
        return self._need(tag, what)

    def optional_raw(self, tag: int, what: str) -> bytes | None:
        return self._primitive(tag, what)

    def text(self, tag: int, what: str) -> str:
        return self._decode_text(self._need(tag, what), tag, what)

    def optional_text(self, tag: int, what: str) -> str | None:
        raw = self._primitive(tag, what)
        return None if raw is None else self._decode_text(raw, tag, what)

    def _decode_text(self, raw: bytes, tag: int, what: str) -> str:
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise FileFault(f"{self._what}: {what} (tag {tag:X}) is not UTF-8 text") from None
        if not value.strip():
            raise FileFault(f"{self._what}: {what} (tag {tag:X}) is empty")
        return value

    def uint(self, tag: int, size: int, what: str) -> int:
        raw = self._need(tag, what)
        if len(raw) != size:
            raise FileFault(f"{self._what}: {what} (tag {tag:X}) has {len(raw)} bytes, expected {size}")
        return int.from_bytes(raw, "big")

    def date(self, tag: int, what: str) -> date:
        return parse_bcd_date(self._need(tag, what), f"{self._what}: {what} (tag {tag:X})")

    def optional_date(self, tag: int, what: str) -> date | None:
        raw = self._primitive(tag, what)
        return None if raw is None else parse_bcd_date(raw, f"{self._what}: {what} (tag {tag:X})")

    def time(self, tag: int, what: str) -> datetime:
        return parse_bcd_time(self._need(tag, what), f"{self._what}: {what} (tag {tag:X})")

    def code(self, tag: int, kind: type[E], what: str) -> E:
        value = self.uint(tag, 1, what)
        return enum_from_code(kind, value, f"{self._what}: {what} (tag {tag:X})")


def record_object(raw: bytes, tag: int, number: int) -> Tlv:
    """The one data object of record ``number``; a fault names the record."""
    try:
        return single_object(raw, tag)
    except (FileFault, TlvError) as exc:
        raise FileFault(f"record {number}: {exc}") from None
