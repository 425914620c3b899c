"""How one file of the card application is declared: as data (issue 4 "declared as data").

Why data and not code: personalisation creates files from these declarations (``fcp(profile)``), the
capacity check sums them, docs/card-layout.md describes them and the round-trip test iterates over them;
32 KB and 64 KB are two entries of ``sizes`` in the same declaration, never two code paths.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Any

from apdu.fcp import Condition, Fcp, FileKind, LifeCycle, Operation
from apdu.tlv import TlvError
from card_station.card.codecs.extent import FileFault, check_padding, object_extent
from card_station.card.errors import EncodeError, MalformedFile
from card_station.card.profile import CardProfile

FileData = bytes | tuple[bytes, ...]
"""A transparent file's bytes, or a record file's records in record-number order."""

HEADER_OVERHEAD = 32
"""EEPROM each file costs besides its data (its header; docs/emulator.md "Memory model")."""


class Parent(Enum):
    """Where a file lives: directly under the MF, or in the application DF."""

    MF = "MF"
    APPLICATION = "application DF"


@dataclass(frozen=True)
class Codec:
    """Both directions between a file's content (a domain value) and its bytes."""

    encode: Callable[[Any], FileData]
    decode: Callable[[Any], Any]


@dataclass(frozen=True)
class FileSize:
    """Size of a file on one profile: ``size`` for a transparent EF, record length and count otherwise."""

    size: int = 0
    record_length: int = 0
    record_count: int = 0

    @property
    def data_size(self) -> int:
        return self.size or self.record_length * self.record_count


@dataclass(frozen=True)
class FileDecl:
    """One file of the application: identity, kind, size per profile, access conditions and codec.

    ``signed`` marks the files whose SHA-256 EF.SOD carries. ``tlv_framed`` is false for a fixed binary
    file (EF.STATUS), whose whole size is its content.
    """

    name: str
    fid: int
    sfi: int | None
    kind: FileKind
    parent: Parent
    sizes: Mapping[CardProfile, FileSize]
    access: Mapping[Operation, Condition]
    codec: Codec | None
    signed: bool
    meaning: str
    tlv_framed: bool = True
    df_name: bytes | None = None
    life_cycle: LifeCycle = LifeCycle.OPERATIONAL_ACTIVATED

    def __post_init__(self) -> None:
        object.__setattr__(self, "sizes", MappingProxyType(dict(self.sizes)))
        object.__setattr__(self, "access", MappingProxyType(dict(self.access)))
        missing = [p.name for p in CardProfile if p not in self.sizes]
        if missing:
            raise ValueError(f"{self.name} declares no size for {', '.join(missing)}")
        for profile in CardProfile:
            self.fcp(profile)

    @property
    def is_df(self) -> bool:
        return self.kind is FileKind.DF

    @property
    def is_record(self) -> bool:
        return self.kind.is_record

    def size(self, profile: CardProfile) -> FileSize:
        return self.sizes[profile]

    def cost(self, profile: CardProfile) -> int:
        """EEPROM bytes the file takes on a card: its data plus the header."""
        return HEADER_OVERHEAD + self.sizes[profile].data_size

    def fcp(self, profile: CardProfile) -> Fcp:
        """The FCP template CREATE FILE sends for this file on a card of ``profile``."""
        sized = self.sizes[profile]
        return Fcp(
            fid=self.fid,
            kind=self.kind,
            size=sized.size,
            record_length=sized.record_length,
            record_count=sized.record_count,
            sfi=self.sfi,
            df_name=self.df_name,
            life_cycle=self.life_cycle,
            access=self.access,
        )

    def encode(self, value: object) -> FileData:
        if self.codec is None:
            raise TypeError(f"{self.name} is a DF and holds no content")
        try:
            return self.codec.encode(value)
        except FileFault as fault:
            raise EncodeError(self.name, str(fault)) from None

    def _check_shape(self, raw: FileData) -> None:
        if self.is_record != isinstance(raw, tuple):
            shape = "a tuple of records" if self.is_record else "bytes"
            raise MalformedFile(self.name, f"expected {shape}, got {type(raw).__name__}")

    def canonical(self, raw: FileData) -> FileData:
        """The content as written, without padding: what EF.SOD hashes (docs/card-layout.md "EF.SOD").

        A reader may pass a whole transparent file or padded records; bytes after each data object must
        be uniform padding, else MalformedFile (so a changed padding byte is not silently ignored).
        """
        self._check_shape(raw)
        if not self.tlv_framed:
            return raw
        try:
            if isinstance(raw, tuple):
                return tuple(_object_bytes(record) for record in raw)
            return _object_bytes(raw)
        except FileFault as fault:
            raise MalformedFile(self.name, str(fault)) from None

    def decode(self, raw: FileData) -> Any:
        """The file's content; any fault raises MalformedFile naming this file (never IndexError)."""
        if self.codec is None:
            raise TypeError(f"{self.name} is a DF and holds no content")
        self._check_shape(raw)
        try:
            return self.codec.decode(raw)
        except MalformedFile:
            raise
        except FileFault as fault:
            raise MalformedFile(self.name, str(fault)) from None
        except TlvError as exc:
            raise MalformedFile(self.name, str(exc)) from None


def _object_bytes(raw: bytes) -> bytes:
    end = object_extent(raw)
    if end is None or end > len(raw):
        raise FileFault(f"truncated: {len(raw)} bytes do not hold the whole data object")
    check_padding(raw, end)
    return bytes(raw[:end])
