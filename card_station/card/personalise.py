"""Personalise a blank ECHS card, resumably (issue 4 "Personalise"; docs/card-operations.md).

The card's own markers carry the state, so a torn personalisation is finished by running it again:

* the MF life cycle (ISO/IEC 7816-4 §7.4.10): CREATION until the first CREATE FILE, INITIALISATION while
  personalisation is under way, OPERATIONAL once the last step, ACTIVATE FILE on the MF, has run;
* key 1, shown by INTERNAL AUTHENTICATE (``session.key_held``): the transport key until the card's own
  key is installed;
* EF.STATUS in the application, written "update open" first and closed before the MF is activated.

Before any write: the chip must be of the profile's size (``chips``), the content must fit, and the card
must be blank or a torn personalisation of this application. A torn one (MF in INITIALISATION) has its
application files deleted and written again from the start: simpler to prove than a merge, and the card
was never genuine. After writing, everything is read back and EF.SOD verified before success is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from apdu.fcp import LifeCycle
from apdu.iso7816 import Iso7816
from apdu.status import FileNotFound
from card_station.card import file_io
from card_station.card.chips import chip_from_atr
from card_station.card.content import CardContent
from card_station.card.files import application, card, declaration, dir, sod, status
from card_station.card.files.decl import FileData
from card_station.card.layout import (
    APPLICATION_AID,
    DECLARATIONS,
    SIGNED_FILES,
    decode_content,
    encode_content,
)
from card_station.card.operation_errors import VerificationFailed, WrongCard
from card_station.card.personalisation_steps import bracket, create_and_write, delete_partial, take_over_keys
from card_station.card.reader import read_card
from card_station.card.reading import verify_reading
from card_station.card.session import read_serial
from card_station.card.sod import SodVerdict, verify_sod
from card_station.keys import KeyStore

MF = 0x3F00
_SIGNED = tuple(declaration(name) for name in SIGNED_FILES)


@dataclass(frozen=True)
class Personalised:
    """The outcome: the content written and verified, what was written, and whether a torn
    personalisation was finished."""

    serial: bytes
    content: CardContent
    files: Mapping[str, FileData]
    bytes_written: int
    resumed: bool
    verdict: SodVerdict


def _dir_entries(card_io: Iso7816) -> tuple[bytes, ...] | None:
    """EF.DIR's records, or None when the card has no EF.DIR."""
    try:
        return file_io.read_records(card_io, dir.DECL)
    except FileNotFound:
        return None


class Start(Enum):
    """Where a personalisation starts, from what the card shows."""

    BLANK = "blank"
    TORN = "torn personalisation: start again"
    PERSONALISED = "personalised as an ECHS card"


def _check_card_state(card_io: Iso7816, life_cycle: LifeCycle) -> Start:
    """Refuse a card this personalisation must not touch."""
    if life_cycle is LifeCycle.CREATION:
        return Start.BLANK
    records = _dir_entries(card_io)
    ours = records is not None and any(APPLICATION_AID in record for record in records)
    if life_cycle is LifeCycle.INITIALISATION:
        if records and not ours:
            raise WrongCard(
                "this card is being personalised for another application (its EF.DIR does not name the ECHS "
                "application): use a blank card"
            )
        return Start.TORN
    if life_cycle is LifeCycle.TERMINATED:
        raise WrongCard("this card has been terminated and can never be written again: use a blank card")
    if ours:
        return Start.PERSONALISED
    raise WrongCard("this card already holds another application: use a blank ECHS card")


def personalise(
    card_io: Iso7816,
    build: Callable[[bytes], CardContent],
    keys: KeyStore,
    transport_key: bytes,
    now: datetime,
    *,
    reserved_bytes: int = 0,
) -> Personalised:
    """Personalise the card on ``card_io`` with ``build(serial)`` (the content for this chip's serial),
    signing EF.SOD at ``now`` with the station key of ``keys``; finishes a torn personalisation.

    ``reserved_bytes`` > 0 keeps that much EEPROM free for a second application (docs/sects-card.md
    "Both applications on one card"): the layout may then be of a smaller profile than the chip (the
    32 KB layout on a 64 KB chip), and the capacity check counts the reserve as used.

    Raises ``WrongCard`` (nothing written) for a card that is not blank stock of the content's size,
    ``CapacityError`` when the content does not fit, ``VerificationFailed`` when the read-back differs.
    """
    chip = chip_from_atr(card_io.transport.atr)
    mf = card_io.select_mf()
    assert mf is not None
    serial = read_serial(card_io)
    content = build(serial)
    profile = content.info.size
    if content.info.serial != serial:
        raise ValueError("the content was built for another card serial")
    shares_chip = reserved_bytes > 0 and chip.profile.capacity > profile.capacity
    if chip.profile is not profile and not shares_chip:
        raise WrongCard(
            f"this is a {chip.profile.label} card ({chip.name}) and the application is laid out for a "
            f"{profile.label} card: insert a {profile.label} card or choose the {chip.profile.label} layout"
        )
    files = encode_content(content, profile, chip.free_when_blank - reserved_bytes)
    start = _check_card_state(card_io, mf.life_cycle)
    if start is Start.PERSONALISED:
        return _already_done(card_io, content, serial, keys.root_certificate(), now)
    resumed = start is Start.TORN

    take_over_keys(card_io, keys, serial, transport_key)
    if resumed:
        delete_partial(card_io, (application.DECL.fid, card.DECL.fid, dir.DECL.fid))

    plan = bracket(
        files,
        content.status,
        signed=_SIGNED,
        status_decl=status.DECL,
        sod_decl=sod.DECL,
        serial=serial,
        keys=keys,
        now=now,
    )
    written = create_and_write(card_io, DECLARATIONS, plan.files, profile)
    written += plan.close(card_io)
    card_io.activate_file(MF)
    verdict = _verify(card_io, plan.final, serial, keys.root_certificate(), now)
    return Personalised(serial, replace(content, status=plan.status), plan.final, written, resumed, verdict)


def _already_done(
    card_io: Iso7816, content: CardContent, serial: bytes, root: bytes, now: datetime
) -> Personalised:
    """A card already personalised: done if it is genuine and carries this very application (the power was
    lost after the last write landed, before its answer came), else refused."""
    checked = verify_reading(read_card(card_io, photos=True), root, now)
    found = checked.content
    if (
        found is None
        or checked.verdict is None
        or not checked.genuine
        or (found.member, found.dependants) != (content.member, content.dependants)
    ):
        raise WrongCard(
            "this card is already personalised as an ECHS card: use a blank card; to change its data use the "
            "update operations, and an interrupted update is finished by running that update again"
        )
    return Personalised(serial, found, dict(checked.reading.files), 0, True, checked.verdict)


def _read_back(card_io: Iso7816, files: dict[str, FileData]) -> dict[str, FileData]:
    """Every file, read by SFI with the lengths written: the MF's first, then the application's."""
    read: dict[str, FileData] = {}
    for decl in DECLARATIONS:
        if decl.is_df:
            card_io.select_aid(APPLICATION_AID, fcp=False)
            continue
        written = files[decl.name]
        if isinstance(written, tuple):
            read[decl.name] = file_io.read_records(card_io, decl, len(written))
        else:
            read[decl.name] = card_io.read_binary(0, len(written), sfi=decl.sfi)
    return read


def _verify(
    card_io: Iso7816, files: dict[str, FileData], serial: bytes, root: bytes, now: datetime
) -> SodVerdict:
    """Read everything back, compare with what was written, decode it, and verify EF.SOD."""
    read = _read_back(card_io, files)
    differing = [name for name, data in files.items() if read[name] != data]
    if differing:
        raise VerificationFailed(
            f"read back after personalisation, {', '.join(differing)} differ from what was written: "
            "the card or the reader is faulty; do not issue this card"
        )
    decode_content(read)
    signed = {name: data for name, data in read.items() if name in SIGNED_FILES}
    verdict = verify_sod(read[sod.DECL.name], signed, serial, root, now)  # type: ignore[arg-type]
    if not verdict.ok:
        raise VerificationFailed(
            "the personalised card does not verify as genuine: " + "; ".join(verdict.reasons)
        )
    return verdict
