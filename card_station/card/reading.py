"""What a counter read from a card, and its verification against the scheme root (issue 4 "Read at a
counter"). Values only: ``reader`` does the I/O, ``decision`` judges; this module checks, raising nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from types import MappingProxyType

from card_station.card.content import CardContent
from card_station.card.errors import CardLayoutError
from card_station.card.files import sod
from card_station.card.files.decl import FileData
from card_station.card.layout import SIGNED_FILES, decode_content
from card_station.card.sod import SodVerdict, verify_sod


class Presence(Enum):
    """What the card is, from the MF life cycle and EF.DIR alone."""

    BLANK = "a blank card: it has not been personalised"
    PERSONALISATION_INCOMPLETE = "personalisation of this card was interrupted: it is incomplete"
    TERMINATED = "this card has been terminated"
    OTHER_APPLICATION = "this is not an ECHS card (no ECHS application on it)"
    UPDATE_INCOMPLETE = "an update of this card was interrupted: it is incomplete"
    ECHS = "an ECHS card"


def _frozen(files: Mapping[str, FileData]) -> Mapping[str, FileData]:
    return MappingProxyType(dict(files))


@dataclass(frozen=True)
class CardReading:
    """The files as read (raw), the chip serial, and what the card is. ``files`` holds only what was
    read: nothing for a blank card, EF.CARD and EF.STATUS for an incomplete one."""

    presence: Presence
    serial: bytes | None = None
    files: Mapping[str, FileData] = field(default_factory=lambda: _frozen({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "files", _frozen(self.files))


@dataclass(frozen=True)
class VerifiedReading:
    """A reading checked against the scheme root: the SOD verdict and, if the files decode, the content."""

    reading: CardReading
    verdict: SodVerdict | None
    content: CardContent | None
    problems: tuple[str, ...]

    @property
    def genuine(self) -> bool:
        return self.verdict is not None and self.verdict.ok and self.content is not None and not self.problems

    @property
    def mismatched_files(self) -> tuple[str, ...]:
        """The signed files read whose hash did not match EF.SOD."""
        if self.verdict is None:
            return ()
        read = [name for name in self.reading.files if name in SIGNED_FILES]
        return tuple(name for name in read if name not in self.verdict.checked)


def verify_reading(reading: CardReading, root_certificate: bytes, now: datetime) -> VerifiedReading:
    """Check EF.SOD (hashes of the files read, serial, signature, chain to the root at ``now``) and decode
    the content; every fault is listed, none raises. A reading without EF.SOD (blank, incomplete) has no
    verdict."""
    if sod.DECL.name not in reading.files or reading.serial is None:
        return VerifiedReading(reading, None, None, ())
    files = reading.files
    signed = {name: data for name, data in files.items() if name in SIGNED_FILES}
    raw_sod = files[sod.DECL.name]
    assert isinstance(raw_sod, bytes)
    verdict = verify_sod(raw_sod, signed, reading.serial, root_certificate, now)
    problems: list[str] = []
    content = None
    try:
        content = decode_content(files)
    except CardLayoutError as exc:
        problems.append(str(exc))
    if content is not None and content.info.serial != reading.serial:
        problems.append(
            f"EF.CARD names card {content.info.serial.hex().upper()}, "
            f"the chip is {reading.serial.hex().upper()}"
        )
    return VerifiedReading(reading, verdict, content, tuple(problems))
