"""Read a SECTS card WITHOUT any key, as a hospital counter does, and check it (issue 9: "Counters verify
a SECTS card ... offline"; docs/sects-card.md "Reading").

Order, each step free (reads need no key): the MF life cycle, EF.DIR for the SECTS AID (ISO/IEC 7816-4
§8.2.1.1; a card holding ECHS and SECTS lists both), the chip serial from EF.GDO (EF.SOD is bound to it),
then into DF.SECTS by its AID: EF.INFO, EF.STATUS (an open update means incomplete: nothing more is read,
the eGK EF.StatusVD rule), EF.HOLDER, EF.FAMILY, EF.SOD, and EF.PHOTO only when asked for. The check is
the ECHS ``verify_sod`` over the SECTS declarations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from types import MappingProxyType

from apdu.fcp import LifeCycle
from apdu.iso7816 import Iso7816
from apdu.status import FileNotFound
from card_station.card import file_io
from card_station.card.codecs.dir import DirEntry
from card_station.card.errors import CardLayoutError, MalformedFile
from card_station.card.files.decl import FileData
from card_station.card.profile import CardProfile
from card_station.card.session import read_serial
from card_station.card.sod import SodVerdict, verify_sod
from card_station.sects.card.content import SectsContent
from card_station.sects.card.files import DIR, FAMILY, HOLDER, INFO, PHOTO, SECTS_AID, SIGNED, SOD, STATUS
from card_station.sects.card.layout import SIGNED_NAMES, decode_content


class SectsPresence(Enum):
    """What the card is, as far as the SECTS application goes."""

    BLANK = "a blank card: it has not been personalised"
    PERSONALISATION_INCOMPLETE = "personalisation of this card was interrupted: it is incomplete"
    TERMINATED = "this card has been terminated"
    NOT_SECTS = "this is not a SECTS card (no SECTS application on it)"
    UPDATE_INCOMPLETE = "an update of the SECTS application was interrupted: it is incomplete"
    SECTS = "a SECTS card"


_EARLY = {
    LifeCycle.CREATION: SectsPresence.BLANK,
    LifeCycle.INITIALISATION: SectsPresence.PERSONALISATION_INCOMPLETE,
    LifeCycle.TERMINATED: SectsPresence.TERMINATED,
}


def _frozen(files: Mapping[str, FileData]) -> Mapping[str, FileData]:
    return MappingProxyType(dict(files))


@dataclass(frozen=True)
class SectsReading:
    """The files as read (raw), the chip serial, and what the card is."""

    presence: SectsPresence
    serial: bytes | None = None
    files: Mapping[str, FileData] = field(default_factory=lambda: _frozen({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "files", _frozen(self.files))


def dir_entries(card_io: Iso7816) -> tuple[DirEntry, ...]:
    """EF.DIR's application templates (the MF must be current); none when there is no EF.DIR or it does
    not decode."""
    try:
        return DIR.decode(file_io.read_records(card_io, DIR))
    except (FileNotFound, MalformedFile):
        return ()


def has_sects(card_io: Iso7816) -> bool:
    return any(entry.aid == SECTS_AID for entry in dir_entries(card_io))


def read_sects(card_io: Iso7816, *, photos: bool = False) -> SectsReading:
    """Read the SECTS application as a counter does (photos only when ``photos``); never authenticates."""
    mf = card_io.select_mf()
    assert mf is not None
    early = _EARLY.get(mf.life_cycle)
    if early is not None:
        return SectsReading(early)
    if not has_sects(card_io):
        return SectsReading(SectsPresence.NOT_SECTS)
    serial = read_serial(card_io)
    card_io.select_aid(SECTS_AID, fcp=False)
    profile = CardProfile.K64
    files: dict[str, FileData] = {
        INFO.name: file_io.read_transparent(card_io, INFO, profile),
        STATUS.name: file_io.read_transparent(card_io, STATUS, profile),
    }
    raw_status = files[STATUS.name]
    if not isinstance(raw_status, bytes) or raw_status[:1] != b"\x30":
        return SectsReading(SectsPresence.UPDATE_INCOMPLETE, serial, files)
    files[HOLDER.name] = file_io.read_transparent(card_io, HOLDER, profile)
    files[FAMILY.name] = file_io.read_records(card_io, FAMILY)
    if photos:
        files[PHOTO.name] = file_io.read_transparent(card_io, PHOTO, profile)
    files[SOD.name] = file_io.read_transparent(card_io, SOD, profile)
    return SectsReading(SectsPresence.SECTS, serial, files)


@dataclass(frozen=True)
class VerifiedSects:
    """A reading checked against the scheme root: the SOD verdict and, if the files decode, the content."""

    reading: SectsReading
    verdict: SodVerdict | None
    content: SectsContent | None
    problems: tuple[str, ...]

    @property
    def genuine(self) -> bool:
        return self.verdict is not None and self.verdict.ok and self.content is not None and not self.problems


def verify_sects(reading: SectsReading, root_certificate: bytes, now: datetime) -> VerifiedSects:
    """Check EF.SOD (hashes, serial, signature, chain to the root at ``now``) and decode the content;
    every fault is listed, none raises. A reading without EF.SOD has no verdict."""
    raw_sod = reading.files.get(SOD.name)
    if raw_sod is None or reading.serial is None:
        return VerifiedSects(reading, None, None, ())
    assert isinstance(raw_sod, bytes)
    signed = {name: data for name, data in reading.files.items() if name in SIGNED_NAMES}
    verdict = verify_sod(raw_sod, signed, reading.serial, root_certificate, now, signed_files=SIGNED)
    problems: list[str] = []
    content = None
    try:
        content = decode_content(reading.files)
    except CardLayoutError as exc:
        problems.append(str(exc))
    if content is not None and content.info.serial != reading.serial:
        problems.append(
            f"EF.INFO names card {content.info.serial.hex().upper()}, "
            f"the chip is {reading.serial.hex().upper()}"
        )
    return VerifiedSects(reading, verdict, content, tuple(problems))
