"""Incremental updates of a personalised card: write only what changed (issue 4 "Incremental updates").

Each update is an ``Update``: the files it may change and a pure function from the card's content to the
new content. The session (docs/card-operations.md "Update"):

1. read what a counter reads (no photos) and the chip serial; refuse a card that is not an operational
   ECHS card;
2. verify the old EF.SOD (serial, chain, signature) and the files read. With EF.STATUS closed every file
   must match; with EF.STATUS open (a torn update) only the files this update may change may differ,
   so running the SAME update again finishes it, and a card torn by another kind of update is refused;
3. authenticate once with the card's own key (an operational card holds it: what the card shows);
4. write EF.STATUS "update open"; write the changed files only (new endorsements are appended, changed
   records updated in place); write the new EF.SOD; write EF.STATUS closed.

The new EF.SOD keeps the signed hashes of the files not read (EF.PHOTO): they were just verified under
the station signature, so an endorsement never reads or rewrites photos.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

from apdu.iso7816 import Iso7816
from card_station.card import file_io
from card_station.card.codecs import sod as sod_codec
from card_station.card.codecs.sod import SecurityObject
from card_station.card.content import (
    BlockReason,
    CardContent,
    CardState,
    DependantOnCard,
    Endorsement,
    EndorsementKind,
)
from card_station.card.files import dependants, endorse, member, photo, sod, status
from card_station.card.files.access import CARD_AUTHENTICATION_KEY_REF
from card_station.card.files.decl import FileData, FileDecl
from card_station.card.layout import APPLICATION_AID, SIGNED_FILES, content_files, declaration, decode_content
from card_station.card.operation_errors import InterruptedUpdate, VerificationFailed, WrongCard
from card_station.card.reader import read_card
from card_station.card.reading import CardReading, Presence, VerifiedReading, verify_reading
from card_station.card.session import CardKeys, KeyHeld, authenticate, closed, key_held, opened
from card_station.card.sod import SodCheck, build_sod, file_digest
from card_station.card.version import LAYOUT_VERSION
from card_station.domain.dates import card_date_text
from card_station.keys import KeyStore

REWRITABLE = (member.DECL, dependants.DECL, endorse.DECL)
"""The content files an update may change (EF.CARD and EF.PHOTO are written once, at personalisation)."""


@dataclass(frozen=True)
class Update:
    """One kind of update: a name for messages, the files it may change, and the change itself (pure,
    and idempotent: applied to a card it already changed, it changes nothing more)."""

    name: str
    touches: frozenset[str]
    apply: Callable[[CardContent], CardContent]


@dataclass(frozen=True)
class Updated:
    content: CardContent
    files_written: tuple[str, ...]
    bytes_written: int
    resumed: bool


def _append_once(content: CardContent, endorsement: Endorsement) -> tuple[Endorsement, ...]:
    same = [
        e
        for e in content.endorsements
        if (e.kind, e.effective_on, e.text) == (endorsement.kind, endorsement.effective_on, endorsement.text)
    ]
    return content.endorsements if same else (*content.endorsements, endorsement)


def endorse_fma(commences_on: date, station_id: str, text: str) -> Update:
    """FMA "No OPD" from ``commences_on`` (seed 003 §11); ``text`` is the card marking, e.g.
    ``domain.fma_grant.no_opd_endorsement(grant)`` = "No OPD – 01 JUL 2019"."""
    endorsement = Endorsement(EndorsementKind.FMA_NO_OPD, commences_on, text, station_id)

    def apply(content: CardContent) -> CardContent:
        return replace(content, endorsements=_append_once(content, endorsement))

    return Update(f"FMA endorsement {text}", frozenset({endorse.DECL.name}), apply)


def cease_fma(ceases_on: date, station_id: str) -> Update:
    """FMA ceased, OPD again from ``ceases_on`` (seed 003 §6(d), §8(c))."""
    text = f"FMA ceased, OPD from {card_date_text(ceases_on)}"
    endorsement = Endorsement(EndorsementKind.FMA_CEASED, ceases_on, text, station_id)

    def apply(content: CardContent) -> CardContent:
        return replace(content, endorsements=_append_once(content, endorsement))

    return Update("FMA cessation", frozenset({endorse.DECL.name}), apply)


def block(reason: BlockReason, on: date, station_id: str) -> Update:
    """Block the card (lost, change of data): EF.STATUS says BLOCKED with the reason, EF.ENDORSE keeps
    the history."""
    text = f"Blocked: {reason.name.replace('_', ' ').lower()}"
    endorsement = Endorsement(EndorsementKind.BLOCKED, on, text, station_id)

    def apply(content: CardContent) -> CardContent:
        return replace(
            content,
            status=replace(content.status, state=CardState.BLOCKED, reason=reason),
            endorsements=_append_once(content, endorsement),
        )

    return Update(f"block ({reason.name.lower()})", frozenset({endorse.DECL.name}), apply)


def hand_over(handed_over_at: datetime, active_from: datetime) -> Update:
    """Record the handover (seed 000 §5(c)): EF.STATUS only; ``active_from`` from
    ``domain.handover.activation_time``."""

    def apply(content: CardContent) -> CardContent:
        if content.status.state is CardState.BLOCKED:
            raise WrongCard("a blocked card cannot be handed over")
        new_status = replace(
            content.status,
            state=CardState.HANDED_OVER,
            handed_over_at=handed_over_at,
            active_from=active_from,
        )
        return replace(content, status=new_status)

    return Update("handover", frozenset(), apply)


def change_dependant(new: DependantOnCard, on: date, station_id: str) -> Update:
    """Replace dependant record ``new.number`` (a change of data), recorded in EF.ENDORSE."""
    text = f"Change of data: {new.name} ({new.relation.value})"
    endorsement = Endorsement(EndorsementKind.CHANGE_OF_DATA, on, text, station_id)

    def apply(content: CardContent) -> CardContent:
        if not 1 <= new.number <= len(content.dependants):
            raise WrongCard(
                f"the card has dependants 1..{len(content.dependants)}, not {new.number}: "
                "a dependant is added or removed by issuing a new card"
            )
        people = tuple(new if d.number == new.number else d for d in content.dependants)
        return replace(content, dependants=people, endorsements=_append_once(content, endorsement))

    return Update(f"change of {new.name}'s data", frozenset({dependants.DECL.name, endorse.DECL.name}), apply)


def _check_old_card(checked: VerifiedReading, update: Update) -> CardContent:
    """The content to update, refusing a card that is not a verified (or resumable) ECHS card."""
    reading: CardReading = checked.reading
    torn = reading.presence is Presence.UPDATE_INCOMPLETE
    if reading.presence is not Presence.ECHS and not torn:
        raise WrongCard(f"cannot {update.name}: {reading.presence.value}")
    verdict = checked.verdict
    if checked.content is None or verdict is None:
        raise WrongCard(
            f"cannot {update.name}: the card's files do not decode ({'; '.join(checked.problems)})"
        )
    tolerated = update.touches | {status.DECL.name} if torn else frozenset()
    serious = [f for f in verdict.failures if f.check is not SodCheck.FILE_HASH]
    mismatched = [name for name in checked.mismatched_files if name not in tolerated]
    if serious or mismatched or checked.problems:
        if torn and not serious and not checked.problems:
            raise InterruptedUpdate(
                f"an interrupted update of another kind changed {', '.join(mismatched)}: "
                f"run that update again before the {update.name}"
            )
        reasons = "; ".join([*verdict.reasons, *checked.problems])
        raise WrongCard(f"cannot {update.name}: the card is not genuine ({reasons}); it is not re-signed")
    return checked.content


def resign(old: SecurityObject, changed: dict[str, FileData], keys: KeyStore, now: datetime) -> bytes:
    """A new EF.SOD: the old one's hashes with those of ``changed`` replaced, signed at ``now``."""
    hashes = dict(old.hashes)
    for name, data in changed.items():
        hashes[declaration(name).fid] = file_digest(name, data)
    certificate = keys.station_certificate()
    content = sod_codec.signed_content(LAYOUT_VERSION, old.serial, now, hashes, certificate)
    new = SecurityObject(LAYOUT_VERSION, old.serial, now, hashes, certificate, keys.sign(content), content)
    return sod_codec.encode(new)


def _write_records(card_io: Iso7816, decl: FileDecl, old: tuple[bytes, ...], new: tuple[bytes, ...]) -> int:
    if len(new) < len(old):
        raise WrongCard(f"{decl.name}: records cannot be removed from a card; issue a new card")
    written = 0
    for number, record in enumerate(new, 1):
        if number <= len(old) and old[number - 1] == record:
            continue
        if number <= len(old):
            file_io.update_record(card_io, decl, number, record)
        else:
            file_io.append_records(card_io, decl, (record,))
        written += len(record)
    return written


def _sod_torn(checked: VerifiedReading) -> bool:
    """EF.STATUS open and EF.SOD itself unreadable or unsigned: a session was torn while rewriting it."""
    verdict = checked.verdict
    torn = checked.reading.presence is Presence.UPDATE_INCOMPLETE
    return (
        torn
        and verdict is not None
        and (verdict.failed(SodCheck.FORMAT) or verdict.failed(SodCheck.SIGNATURE))
    )


def _proven_files(card_io: Iso7816, checked: VerifiedReading, card_keys: CardKeys) -> dict[str, FileData]:
    """All files of a card whose EF.SOD was torn, after the chip proved it holds this serial's
    authentication key (INTERNAL AUTHENTICATE, key 2): only stations hold the master key, so what such a
    chip holds was written by a station, and may be signed again. A chip that cannot prove it is refused:
    re-signing whatever a card shows would make the station a signing oracle for forged cards."""
    held = key_held(card_io, CARD_AUTHENTICATION_KEY_REF, {KeyHeld.CARD: card_keys.authentication})
    if held is not KeyHeld.CARD:
        raise WrongCard("the card's EF.SOD is damaged and the chip does not hold its card key: not genuine")
    card_io.select_aid(APPLICATION_AID, fcp=False)
    files = dict(checked.reading.files)
    files[photo.DECL.name] = file_io.read_transparent(card_io, photo.DECL, decode_content(files).info.size)
    return files


def apply_update(card_io: Iso7816, update: Update, keys: KeyStore, now: datetime) -> Updated:
    """Run ``update`` on the card (see the module docstring); finishes the same update if it was torn."""
    reading = read_card(card_io, stop_when_open=False)
    checked = verify_reading(reading, keys.root_certificate(), now)
    if reading.serial is None:
        raise WrongCard(f"cannot {update.name}: {reading.presence.value}")
    card_keys = CardKeys.derive(keys, reading.serial)
    sod_torn = _sod_torn(checked)
    files = _proven_files(card_io, checked, card_keys) if sod_torn else dict(reading.files)
    old_content = decode_content(files) if sod_torn else _check_old_card(checked, update)
    new_content = update.apply(old_content)
    old_files = {d.name: declaration(d.name).canonical(files[d.name]) for d in REWRITABLE}
    encoded = content_files(new_content)
    new_files = {d.name: d.encode(encoded[d.name]) for d in REWRITABLE}
    changed = [d for d in REWRITABLE if new_files[d.name] != old_files[d.name] or d.name in update.touches]
    for decl in changed:
        if decl.name not in update.touches:
            raise ValueError(f"the {update.name} changed {decl.name}, which it does not declare")
    open_status = opened(old_content.status, now)
    final_status = closed(
        replace(new_content.status, update_counter=open_status.update_counter, updated_at=now)
    )
    final_status_bytes = status.DECL.encode(final_status)
    signed_changes: dict[str, FileData] = {d.name: new_files[d.name] for d in changed}
    signed_changes[status.DECL.name] = final_status_bytes
    if sod_torn:
        signed = {name: files[name] for name in SIGNED_FILES} | signed_changes
        new_sod = build_sod(
            {n: declaration(n).canonical(d) for n, d in signed.items()}, reading.serial, keys, now
        )
    else:
        new_sod = resign(sod.DECL.decode(files[sod.DECL.name]), signed_changes, keys, now)

    authenticate(card_io, card_keys.write)
    card_io.update_binary(status.DECL.encode(open_status), 0, sfi=status.DECL.sfi)
    written = 2 * len(final_status_bytes)
    for decl in changed:
        old, new = old_files[decl.name], new_files[decl.name]
        if isinstance(new, tuple) and isinstance(old, tuple):
            written += _write_records(card_io, decl, old, new)
        elif isinstance(new, bytes) and isinstance(old, bytes):
            written += file_io.write_changes(card_io, decl, old, new)
    if sod_torn:
        whole = new_sod + bytes(sod.DECL.size(old_content.info.size).size - len(new_sod))
        card_io.update_binary(whole, 0, sfi=sod.DECL.sfi)
        written += len(whole)
    else:
        old_sod_bytes = sod.DECL.canonical(files[sod.DECL.name])
        assert isinstance(old_sod_bytes, bytes)
        written += file_io.write_changes(card_io, sod.DECL, old_sod_bytes, new_sod)
    card_io.update_binary(final_status_bytes, 0, sfi=status.DECL.sfi)
    after = verify_reading(read_card(card_io), keys.root_certificate(), now)
    if not after.genuine or after.content is None:
        raise VerificationFailed(f"after the {update.name} the card does not verify: {after.problems}")
    return Updated(
        after.content,
        tuple(d.name for d in changed),
        written,
        reading.presence is Presence.UPDATE_INCOMPLETE,
    )
