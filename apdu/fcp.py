"""File control parameters (FCP, template 62) of ISO/IEC 7816-4:2020 §7.4, built for CREATE FILE and
parsed from SELECT.

Access conditions use the proprietary security attribute tag 86 (§7.4.3, table 12 allows a proprietary
format; SCOSTA uses the same tag). Its value is a list of (operation, condition) byte pairs:

========== ======================  ========== =========================
operation  meaning                 condition  meaning
========== ======================  ========== =========================
01         READ (binary/record)    00         always
02         UPDATE / WRITE          1k         after key k authenticated (k = 1..15)
03         APPEND RECORD           2p         after PIN p verified (p = 1..15)
04         DELETE FILE             FF         never
05         CREATE FILE (in a DF)
06         ACTIVATE FILE
07         DEACTIVATE FILE
08         TERMINATE
========== ======================  ========== =========================

An operation missing from the list is never allowed: a file grants only what it declares.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from types import MappingProxyType

from apdu.tlv import Tlv, TlvError, decode_one

TAG_FCP = 0x62
TAG_FILE_SIZE = 0x80
TAG_DESCRIPTOR = 0x82
TAG_FID = 0x83
TAG_DF_NAME = 0x84
TAG_SECURITY = 0x86
TAG_SFI = 0x88
TAG_LCS = 0x8A

DATA_CODING = 0x21


class FileKind(IntEnum):
    """File descriptor byte, ISO 7816-4 §7.4.5 table 14 (working EFs; DF)."""

    TRANSPARENT = 0x01
    LINEAR_FIXED = 0x02
    CYCLIC = 0x06
    INTERNAL_LINEAR_FIXED = 0x0A
    DF = 0x38

    @property
    def is_record(self) -> bool:
        return self in (FileKind.LINEAR_FIXED, FileKind.CYCLIC, FileKind.INTERNAL_LINEAR_FIXED)


class LifeCycle(IntEnum):
    """Life cycle status byte, ISO 7816-4 §7.4.10 table 15."""

    CREATION = 0x01
    INITIALISATION = 0x03
    OPERATIONAL_ACTIVATED = 0x05
    OPERATIONAL_DEACTIVATED = 0x04
    TERMINATED = 0x0C


class Operation(IntEnum):
    READ = 0x01
    UPDATE = 0x02
    APPEND = 0x03
    DELETE = 0x04
    CREATE = 0x05
    ACTIVATE = 0x06
    DEACTIVATE = 0x07
    TERMINATE = 0x08


class ConditionKind(Enum):
    ALWAYS = "always"
    NEVER = "never"
    KEY = "key"
    PIN = "pin"


class FcpError(TlvError):
    """An FCP template that is well-formed TLV but not a meaningful file description."""


@dataclass(frozen=True)
class Condition:
    kind: ConditionKind
    ref: int = 0

    def __post_init__(self) -> None:
        needs_ref = self.kind in (ConditionKind.KEY, ConditionKind.PIN)
        if needs_ref != (1 <= self.ref <= 15):
            raise ValueError(f"{self.kind.value} condition with reference {self.ref} is not valid")

    def to_byte(self) -> int:
        match self.kind:
            case ConditionKind.ALWAYS:
                return 0x00
            case ConditionKind.NEVER:
                return 0xFF
            case ConditionKind.KEY:
                return 0x10 | self.ref
            case ConditionKind.PIN:
                return 0x20 | self.ref

    @classmethod
    def from_byte(cls, value: int) -> Condition:
        if value == 0x00:
            return ALWAYS
        if value == 0xFF:
            return NEVER
        high, ref = value >> 4, value & 0x0F
        if high == 1 and ref:
            return cls(ConditionKind.KEY, ref)
        if high == 2 and ref:
            return cls(ConditionKind.PIN, ref)
        raise ValueError(f"access condition byte {value:02X} is not defined")

    def __str__(self) -> str:
        return self.kind.value if not self.ref else f"{self.kind.value} {self.ref}"


ALWAYS = Condition(ConditionKind.ALWAYS)
NEVER = Condition(ConditionKind.NEVER)


def key(ref: int) -> Condition:
    return Condition(ConditionKind.KEY, ref)


def pin(ref: int) -> Condition:
    return Condition(ConditionKind.PIN, ref)


def _frozen(access: Mapping[Operation, Condition]) -> Mapping[Operation, Condition]:
    return MappingProxyType(dict(access))


@dataclass(frozen=True)
class Fcp:
    """What CREATE FILE declares and SELECT reports about one file."""

    fid: int
    kind: FileKind
    size: int = 0
    record_length: int = 0
    record_count: int = 0
    sfi: int | None = None
    df_name: bytes | None = None
    life_cycle: LifeCycle = LifeCycle.OPERATIONAL_ACTIVATED
    access: Mapping[Operation, Condition] = field(default_factory=lambda: _frozen({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "access", _frozen(self.access))
        if not 0 <= self.fid <= 0xFFFF:
            raise ValueError(f"FID {self.fid:#x} is not two bytes")
        if self.sfi is not None and not 1 <= self.sfi <= 30:
            raise ValueError(f"short EF identifier {self.sfi} outside 1..30")
        if self.kind.is_record:
            if not (1 <= self.record_length <= 0xFFFF and 1 <= self.record_count <= 0xFF):
                raise ValueError("a record EF needs a record length 1..65535 and a record count 1..255")
            if self.size not in (0, self.record_length * self.record_count):
                raise ValueError("a record EF's size is its record length times its record count")
            object.__setattr__(self, "size", self.record_length * self.record_count)
        if not 0 <= self.data_size <= 0xFFFF:
            raise ValueError(f"file size {self.data_size} outside 0..65535 (tag 80 holds two bytes)")
        if self.df_name is not None and not 1 <= len(self.df_name) <= 16:
            raise ValueError("a DF name (AID) has 1 to 16 bytes")

    @property
    def data_size(self) -> int:
        """Bytes of data the file holds (its share of the card's memory budget)."""
        if self.kind.is_record:
            return self.record_length * self.record_count
        return self.size

    def condition(self, operation: Operation) -> Condition:
        return self.access.get(operation, NEVER)

    def to_tlv(self) -> Tlv:
        descriptor = bytes((self.kind,))
        if self.kind.is_record:
            descriptor += bytes((DATA_CODING,)) + self.record_length.to_bytes(2, "big")
            descriptor += bytes((self.record_count,))
        children = []
        if self.kind is not FileKind.DF:
            children.append(Tlv(TAG_FILE_SIZE, self.data_size.to_bytes(2, "big")))
        children.append(Tlv(TAG_DESCRIPTOR, descriptor))
        children.append(Tlv(TAG_FID, self.fid.to_bytes(2, "big")))
        if self.df_name is not None:
            children.append(Tlv(TAG_DF_NAME, self.df_name))
        if self.sfi is not None:
            children.append(Tlv(TAG_SFI, bytes((self.sfi << 3,))))
        children.append(Tlv(TAG_LCS, bytes((self.life_cycle,))))
        pairs = b"".join(bytes((op, cond.to_byte())) for op, cond in sorted(self.access.items()))
        children.append(Tlv(TAG_SECURITY, pairs))
        return Tlv(TAG_FCP, tuple(children))

    def to_bytes(self) -> bytes:
        return self.to_tlv().to_bytes()

    @classmethod
    def parse(cls, raw: bytes) -> Fcp:
        """Decode an FCP template; raises ``FcpError`` (a TlvError) naming what is missing or wrong."""
        template = decode_one(raw)
        if template.tag != TAG_FCP:
            raise FcpError(0, f"expected FCP template 62, got tag {template.tag:X}")
        fields = {child.tag: child.data for child in template.children}
        try:
            descriptor = fields[TAG_DESCRIPTOR]
            fid_raw = fields[TAG_FID]
        except KeyError as missing:
            raise FcpError(0, f"FCP lacks mandatory tag {missing.args[0]:X}") from None
        if not descriptor or len(fid_raw) != 2:
            raise FcpError(0, "FCP descriptor empty or FID not two bytes")
        try:
            kind = FileKind(descriptor[0])
            record_length = record_count = 0
            if kind.is_record:
                if len(descriptor) != 5:
                    raise FcpError(0, "record EF descriptor must have 5 bytes")
                record_length = int.from_bytes(descriptor[2:4], "big")
                record_count = descriptor[4]
            size = int.from_bytes(fields.get(TAG_FILE_SIZE, b""), "big")
            sfi_raw = fields.get(TAG_SFI)
            sfi = (sfi_raw[0] >> 3) if sfi_raw else None
            lcs = LifeCycle(fields[TAG_LCS][0]) if fields.get(TAG_LCS) else LifeCycle.OPERATIONAL_ACTIVATED
            security = fields.get(TAG_SECURITY, b"")
            if len(security) % 2:
                raise FcpError(0, "security attribute 86 must hold (operation, condition) pairs")
            access = {
                Operation(security[i]): Condition.from_byte(security[i + 1])
                for i in range(0, len(security), 2)
            }
            return cls(
                fid=int.from_bytes(fid_raw, "big"),
                kind=kind,
                size=size,
                record_length=record_length,
                record_count=record_count,
                sfi=sfi or None,
                df_name=fields.get(TAG_DF_NAME),
                life_cycle=lcs,
                access=access,
            )
        except ValueError as exc:
            raise FcpError(0, str(exc)) from None
