"""Read an ECHS card WITHOUT any key, as a counter does (issue 4 "Read at a counter").

Order, each step free (reads need no key, docs/card-layout.md "Access"): the MF's life cycle (blank,
personalisation under way, terminated), EF.DIR for the application (ISO/IEC 7816-4 §8.2.1.1), the chip
serial from EF.GDO (which EF.SOD must be bound to), EF.CARD, then into the application by its AID:
EF.STATUS first (an open update means incomplete: nothing more is read), then EF.MEMBER, EF.DEPENDANTS,
EF.ENDORSE and EF.SOD, and EF.PHOTO only when asked for. EF.SOD holds one hash per file, so the files
read are checked and the photos' hash is merely carried by the signature when they are not read.

This module only reads; ``reading.verify_reading`` checks what was read; ``decision.decide`` judges it.
"""

from __future__ import annotations

from apdu.fcp import LifeCycle
from apdu.iso7816 import Iso7816
from apdu.status import FileNotFound
from card_station.card import file_io
from card_station.card.codecs.dir import DirEntry
from card_station.card.errors import CardLayoutError, MalformedFile
from card_station.card.files import card, dependants, dir, endorse, member, photo, sod, status
from card_station.card.files.decl import FileData
from card_station.card.layout import APPLICATION_AID
from card_station.card.profile import CardProfile
from card_station.card.reading import CardReading, Presence
from card_station.card.session import read_serial

APPLICATION_FILES = (member.DECL, dependants.DECL, endorse.DECL)


def _presence_from_mf(life_cycle: LifeCycle) -> Presence | None:
    if life_cycle is LifeCycle.CREATION:
        return Presence.BLANK
    if life_cycle is LifeCycle.INITIALISATION:
        return Presence.PERSONALISATION_INCOMPLETE
    if life_cycle is LifeCycle.TERMINATED:
        return Presence.TERMINATED
    return None


def _has_application(card_io: Iso7816) -> bool:
    try:
        records = file_io.read_records(card_io, dir.DECL)
    except FileNotFound:
        return False
    try:
        entries: tuple[DirEntry, ...] = dir.DECL.decode(records)
    except MalformedFile:
        return False
    return any(entry.aid == APPLICATION_AID for entry in entries)


def read_card(card_io: Iso7816, *, photos: bool = False, stop_when_open: bool = True) -> CardReading:
    """Read the card as a counter does; photos only when ``photos``. Never authenticates.

    With EF.STATUS open the counter stops there (``stop_when_open``); a station finishing the torn update
    reads on."""
    mf = card_io.select_mf()
    assert mf is not None
    early = _presence_from_mf(mf.life_cycle)
    if early is not None:
        return CardReading(early)
    if not _has_application(card_io):
        return CardReading(Presence.OTHER_APPLICATION)
    serial = read_serial(card_io)
    files: dict[str, FileData] = {
        card.DECL.name: file_io.read_transparent(card_io, card.DECL, CardProfile.K64)
    }
    card_io.select_aid(APPLICATION_AID, fcp=False)
    files[status.DECL.name] = file_io.read_transparent(card_io, status.DECL, CardProfile.K64)
    profile = _profile(files[card.DECL.name])
    presence = Presence.UPDATE_INCOMPLETE if _update_open(files[status.DECL.name]) else Presence.ECHS
    if presence is Presence.UPDATE_INCOMPLETE and stop_when_open:
        return CardReading(presence, serial, files)
    for decl in APPLICATION_FILES:
        files[decl.name] = file_io.read_file(card_io, decl, profile)
    if photos:
        files[photo.DECL.name] = file_io.read_transparent(card_io, photo.DECL, profile)
    files[sod.DECL.name] = file_io.read_transparent(card_io, sod.DECL, profile)
    return CardReading(presence, serial, files)


def _profile(raw_card: FileData) -> CardProfile:
    """The card's size from EF.CARD; a malformed EF.CARD reads EF.PHOTO as a 64 KB card's (the largest),
    and the verification then refuses the card anyway."""
    try:
        return card.DECL.decode(raw_card).size
    except CardLayoutError:
        return CardProfile.K64


def _update_open(raw_status: FileData) -> bool:
    """EF.STATUS byte 0 (docs/card-layout.md "EF.STATUS"): ASCII "1" while an update is open. A damaged
    status counts as open: the card is then refused as incomplete, never shown."""
    return not isinstance(raw_status, bytes) or raw_status[:1] != b"\x30"
