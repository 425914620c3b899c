"""Personalise the SECTS application onto a blank card, or beside the ECHS application on a card that
already holds it; resumably (issue 9 "The health card"; docs/sects-card.md "Personalisation").

What the card shows decides where personalisation starts, before any write:

* MF in CREATION (blank): EF.DIR with the SECTS entry, DF.SECTS and its files are created, and the MF is
  activated last (ISO/IEC 7816-4 §7.4.10), as the ECHS personalisation does;
* MF in INITIALISATION with no ECHS entry in EF.DIR: a torn SECTS personalisation; what it created is
  deleted and written again (a torn ECHS personalisation is refused: finish it as ECHS first);
* MF OPERATIONAL, EF.DIR naming ECHS and not SECTS: the SECTS DF is created beside ECHS and its EF.DIR
  entry APPENDED LAST, so an ECHS or SECTS reader sees the new application only once it is complete. A
  DF.SECTS found without its EF.DIR entry is a torn one, deleted and written again;
* EF.DIR naming SECTS: already personalised; done if the card is genuine and carries this very holder and
  family, else refused.

Keys, the EF.STATUS bracket and EF.SOD are the ECHS personalisation's own steps
(``card.personalisation_steps``, over ``card.session`` and ``card.sod``): key 1 of the MF is the card's
own write key, derived from the issuer master key and the chip serial, shared by both applications of a
card. Everything is read back and verified before success is reported.
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
from card_station.card.chips import Chip, chip_from_atr
from card_station.card.files import card as echs_card
from card_station.card.files.application import APPLICATION_AID as ECHS_AID
from card_station.card.files.decl import FileData
from card_station.card.layout import layout as echs_layout
from card_station.card.operation_errors import VerificationFailed, WrongCard
from card_station.card.personalisation_steps import bracket, create_and_write, delete_partial, take_over_keys
from card_station.card.profile import CardProfile
from card_station.card.session import read_serial
from card_station.card.sod import SodVerdict
from card_station.keys import KeyStore
from card_station.sects.card.content import SectsContent
from card_station.sects.card.files import (
    APPLICATION,
    APPLICATION_FILES,
    DECLARATIONS,
    DIR,
    SIGNED,
    SOD,
    STATUS,
)
from card_station.sects.card.layout import encode_content
from card_station.sects.card.reader import dir_entries, read_sects, verify_sects

MF = 0x3F00


class Start(Enum):
    """Where a SECTS personalisation starts, from what the card shows."""

    BLANK = "blank card"
    TORN = "torn SECTS personalisation of a blank card: start again"
    BESIDE = "an ECHS card: add SECTS beside it"
    TORN_BESIDE = "torn SECTS addition to an ECHS card: start the addition again"
    PERSONALISED = "already holds the SECTS application"


class Placement(Enum):
    """Where the caller means the SECTS application to go (issue 9: "beside or instead of the ECHS one"),
    checked against the card before any write so that the wrong card in the reader is refused untouched."""

    ALONE = "on a card of its own"
    BESIDE_ECHS = "beside the ECHS application"


_PLACED = {
    Start.BLANK: Placement.ALONE,
    Start.TORN: Placement.ALONE,
    Start.BESIDE: Placement.BESIDE_ECHS,
    Start.TORN_BESIDE: Placement.BESIDE_ECHS,
}
_MISPLACED = {
    Placement.ALONE: "this card holds the ECHS application: add SECTS beside ECHS, or use a blank card",
    Placement.BESIDE_ECHS: "this card holds no ECHS application: personalise SECTS on it alone, or put the "
    "ECHS card in the reader",
}
_TORN = {Start.TORN: (APPLICATION.fid, DIR.fid), Start.TORN_BESIDE: (APPLICATION.fid,)}
"""What a torn SECTS personalisation created, deleted from the MF before it starts again (never anything
of ECHS)."""


@dataclass(frozen=True)
class SectsPersonalised:
    """The outcome: the content written and verified, the files, and how the card was found."""

    serial: bytes
    content: SectsContent
    files: Mapping[str, FileData]
    bytes_written: int
    start: Start
    verdict: SodVerdict


def _has_df(card_io: Iso7816) -> bool:
    try:
        card_io.select_fid(APPLICATION.fid, fcp=False)
    except FileNotFound:
        return False
    finally:
        card_io.select_mf(fcp=False)
    return True


def _start(card_io: Iso7816, life_cycle: LifeCycle) -> Start:
    """Refuse a card this personalisation must not touch (nothing written)."""
    if life_cycle is LifeCycle.CREATION:
        return Start.BLANK
    if life_cycle is LifeCycle.TERMINATED:
        raise WrongCard("this card has been terminated and can never be written again: use a blank card")
    aids = {entry.aid for entry in dir_entries(card_io)}
    if life_cycle is LifeCycle.INITIALISATION:
        if ECHS_AID in aids:
            raise WrongCard(
                "this card's ECHS personalisation was interrupted: finish it by personalising the ECHS card "
                "again, then add SECTS"
            )
        return Start.TORN
    if APPLICATION.df_name in aids:
        return Start.PERSONALISED
    if ECHS_AID not in aids:
        raise WrongCard("this card already holds another application: use a blank card or an ECHS card")
    return Start.TORN_BESIDE if _has_df(card_io) else Start.BESIDE


def _free_beside_echs(card_io: Iso7816, chip: Chip) -> int:
    """EEPROM left on a card personalised as ECHS: the blank chip's free bytes less the ECHS layout of
    the profile its EF.CARD records (the ECHS 32 KB layout on a 64 KB chip leaves room for SECTS)."""
    echs_profile = echs_card.DECL.decode(
        file_io.read_transparent(card_io, echs_card.DECL, CardProfile.K64)
    ).size
    return chip.free_when_blank - echs_layout(echs_profile).total_bytes


def personalise_sects(
    card_io: Iso7816,
    build: Callable[[bytes, CardProfile], SectsContent],
    keys: KeyStore,
    transport_key: bytes,
    now: datetime,
    *,
    placement: Placement | None = None,
) -> SectsPersonalised:
    """Put the SECTS application ``build(serial, chip profile)`` on the card, signing EF.SOD at ``now`` with
    the station key of ``keys`` (see the module docstring for where it starts). With ``placement``, a card
    that would take SECTS otherwise (alone when asked beside ECHS, or the reverse) is refused; a card already
    holding SECTS is judged as always.

    Raises ``WrongCard`` (nothing written) for a card it must not touch, ``CapacityError`` when the content
    or the application does not fit (naming what and by how much), ``VerificationFailed`` when the
    read-back differs or does not verify.
    """
    chip = chip_from_atr(card_io.transport.atr)
    mf = card_io.select_mf()
    assert mf is not None
    serial = read_serial(card_io)
    content = build(serial, chip.profile)
    if content.info.serial != serial:
        raise ValueError("the content was built for another card serial")
    start = _start(card_io, mf.life_cycle)
    if placement is not None and _PLACED.get(start, placement) is not placement:
        raise WrongCard(_MISPLACED[placement])
    beside = start in (Start.BESIDE, Start.TORN_BESIDE)
    created = APPLICATION_FILES if beside else DECLARATIONS
    free = _free_beside_echs(card_io, chip) if beside else chip.free_when_blank
    files = encode_content(content, chip.profile, free, created)
    if start is Start.PERSONALISED:
        return _already_done(card_io, content, serial, keys.root_certificate(), now)

    take_over_keys(card_io, keys, serial, transport_key)
    card_io.select_mf(fcp=False)
    delete_partial(card_io, _TORN.get(start, ()))

    plan = bracket(
        files,
        content.status,
        signed=SIGNED,
        status_decl=STATUS,
        sod_decl=SOD,
        serial=serial,
        keys=keys,
        now=now,
    )
    written = create_and_write(card_io, created, plan.files, chip.profile)
    written += plan.close(card_io)
    card_io.select_mf(fcp=False)
    if beside:
        dir_records = files[DIR.name]
        assert isinstance(dir_records, tuple)
        file_io.append_records(card_io, DIR, dir_records)
        written += sum(map(len, dir_records))
    else:
        card_io.activate_file(MF)
    verdict = _verify(card_io, plan.final, serial, keys.root_certificate(), now)
    return SectsPersonalised(
        serial, replace(content, status=plan.status), plan.final, written, start, verdict
    )


def _already_done(
    card_io: Iso7816, content: SectsContent, serial: bytes, root: bytes, now: datetime
) -> SectsPersonalised:
    """A card that already lists SECTS: done if it is genuine and carries this very holder and family (the
    power was lost after the last write landed), else refused."""
    checked = verify_sects(read_sects(card_io, photos=True), root, now)
    found = checked.content
    if (
        found is None
        or checked.verdict is None
        or not checked.genuine
        or (found.holder, found.family) != (content.holder, content.family)
    ):
        raise WrongCard(
            "this card already holds a SECTS application: use a blank card or an ECHS card without SECTS"
        )
    return SectsPersonalised(
        serial, found, dict(checked.reading.files), 0, Start.PERSONALISED, checked.verdict
    )


def _verify(
    card_io: Iso7816, files: Mapping[str, FileData], serial: bytes, root: bytes, now: datetime
) -> SodVerdict:
    """Read the application back as a counter does (photos included), compare it with what was written,
    decode it and verify EF.SOD."""
    checked = verify_sects(read_sects(card_io, photos=True), root, now)
    read = checked.reading.files
    differing = [name for name, data in files.items() if name != DIR.name and read.get(name) != data]
    if differing or checked.verdict is None:
        raise VerificationFailed(
            f"read back after personalisation, {', '.join(differing) or 'the SECTS application'} differ from "
            "what was written: the card or the reader is faulty; do not issue this card"
        )
    if not checked.genuine:
        reasons = [*checked.verdict.reasons, *checked.problems]
        raise VerificationFailed("the personalised card does not verify as genuine: " + "; ".join(reasons))
    return checked.verdict
