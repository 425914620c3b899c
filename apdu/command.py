"""Command APDUs: the four cases of ISO/IEC 7816-4:2020 §5.2, in short and extended length.

``ne`` is the maximum number of response bytes expected (Ne), not its encoding (Le): short Le 00 means
Ne = 256, extended Le 0000 means Ne = 65536. ``CommandApdu.parse`` is strict and raises
``MalformedApdu`` with what is wrong; the emulator answers that with 6700 instead of crashing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from apdu.status import ApduError

SHORT_MAX_NC = 255
SHORT_MAX_NE = 256
EXTENDED_MAX_NC = 65535
EXTENDED_MAX_NE = 65536


class MalformedApdu(ApduError):
    """Bytes that are not a command APDU of any of the four cases."""


class Case(Enum):
    """ISO 7816-4 §5.2 command cases: with/without command data, with/without expected response data."""

    CASE_1 = 1
    CASE_2 = 2
    CASE_3 = 3
    CASE_4 = 4


@dataclass(frozen=True)
class CommandApdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    ne: int | None = None
    extended: bool = False

    def __post_init__(self) -> None:
        for name in ("cla", "ins", "p1", "p2"):
            value = getattr(self, name)
            if not 0 <= value <= 0xFF:
                raise MalformedApdu(f"{name.upper()} must be one byte, got {value:#x}")
        max_nc = EXTENDED_MAX_NC if self.extended else SHORT_MAX_NC
        if len(self.data) > max_nc:
            kind = "extended" if self.extended else "short"
            raise MalformedApdu(f"{len(self.data)} data bytes exceed the {kind} maximum of {max_nc}")
        if self.ne is not None:
            max_ne = EXTENDED_MAX_NE if self.extended else SHORT_MAX_NE
            if not 0 < self.ne <= max_ne:
                raise MalformedApdu(f"Ne {self.ne} outside 1..{max_ne}")

    @property
    def case(self) -> Case:
        if self.data:
            return Case.CASE_4 if self.ne is not None else Case.CASE_3
        return Case.CASE_2 if self.ne is not None else Case.CASE_1

    @property
    def header(self) -> bytes:
        return bytes((self.cla, self.ins, self.p1, self.p2))

    def with_ne(self, ne: int) -> CommandApdu:
        """The same command asking for ``ne`` bytes (the resend after 6Cxx)."""
        return CommandApdu(self.cla, self.ins, self.p1, self.p2, self.data, ne, self.extended)

    def to_bytes(self) -> bytes:
        out = bytearray(self.header)
        if self.extended:
            if self.data:
                out += b"\x00" + len(self.data).to_bytes(2, "big") + self.data
            if self.ne is not None:
                if not self.data:
                    out += b"\x00"
                out += (self.ne % EXTENDED_MAX_NE).to_bytes(2, "big")
        else:
            if self.data:
                out += bytes((len(self.data),)) + self.data
            if self.ne is not None:
                out += bytes((self.ne % SHORT_MAX_NE,))
        return bytes(out)

    @classmethod
    def parse(cls, raw: bytes) -> CommandApdu:
        """Decode any of the seven encodings of ISO 7816-4 §5.2 (1, 2S, 3S, 4S, 2E, 3E, 4E)."""
        raw = bytes(raw)
        if len(raw) < 4:
            raise MalformedApdu(f"a command APDU has at least 4 header bytes, got {len(raw)}")
        cla, ins, p1, p2 = raw[:4]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, ne=body[0] or SHORT_MAX_NE)
        if body[0] != 0:
            nc = body[0]
            if len(body) == 1 + nc:
                return cls(cla, ins, p1, p2, body[1:])
            if len(body) == 2 + nc:
                return cls(cla, ins, p1, p2, body[1 : 1 + nc], body[-1] or SHORT_MAX_NE)
            raise MalformedApdu(f"short Lc {nc} does not match {len(body) - 1} following bytes")
        if len(body) == 3:
            le = int.from_bytes(body[1:3], "big")
            return cls(cla, ins, p1, p2, ne=le or EXTENDED_MAX_NE, extended=True)
        if len(body) < 3:
            raise MalformedApdu("truncated extended length field")
        nc = int.from_bytes(body[1:3], "big")
        if nc == 0:
            raise MalformedApdu("extended Lc of 0 is not allowed")
        rest = body[3:]
        if len(rest) == nc:
            return cls(cla, ins, p1, p2, rest, extended=True)
        if len(rest) == nc + 2:
            le = int.from_bytes(rest[nc:], "big")
            return cls(cla, ins, p1, p2, rest[:nc], le or EXTENDED_MAX_NE, extended=True)
        raise MalformedApdu(f"extended Lc {nc} does not match {len(rest)} following bytes")

    def __str__(self) -> str:
        return self.to_bytes().hex(" ").upper()
