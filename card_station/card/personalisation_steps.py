"""The steps the ECHS and SECTS personalisations share (docs/card-operations.md; docs/sects-card.md
"Personalisation"): taking the card over from its transport key, the EF.STATUS bracket around files that
EF.SOD signs, creating and writing files in order, and deleting what a torn personalisation created.

Each application keeps its own decisions (which files, where it starts, how it verifies); these steps send
the same commands in the same order for both, so a fix to the anti-tearing order is made once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from apdu.iso7816 import Iso7816
from apdu.status import FileNotFound
from card_station.card import file_io
from card_station.card.content import CardStatus
from card_station.card.files.access import CARD_WRITE_KEY_REF
from card_station.card.files.decl import FileData, FileDecl
from card_station.card.profile import CardProfile
from card_station.card.session import (
    CardKeys,
    KeyHeld,
    authenticate,
    closed,
    ensure_authentication_key,
    install_card_keys,
    key_held,
    opened,
)
from card_station.card.sod import build_sod
from card_station.keys import KeyStore


def take_over_keys(card_io: Iso7816, keys: KeyStore, serial: bytes, transport_key: bytes) -> None:
    """Authenticate once with the key the card shows under key 1 (``session.key_held``): with the transport
    key, the card's own keys are installed in its place; with the card's own key, key 2 is added if a tear
    came between the two. Either way the card's write key is the authenticated one afterwards."""
    card_keys = CardKeys.derive(keys, serial)
    held = key_held(
        card_io, CARD_WRITE_KEY_REF, {KeyHeld.TRANSPORT: transport_key, KeyHeld.CARD: card_keys.write}
    )
    if held is KeyHeld.TRANSPORT:
        authenticate(card_io, transport_key)
        install_card_keys(card_io, card_keys)
    else:
        authenticate(card_io, card_keys.write)
        ensure_authentication_key(card_io, card_keys)


@dataclass(frozen=True)
class Bracket:
    """A personalisation's files inside the EF.STATUS bracket (``card.session``): ``files`` are written
    with EF.STATUS open and an EF.SOD that signs the files as they stand once EF.STATUS is closed, and
    ``closing`` (the closed EF.STATUS, ``status``) is written last."""

    files: dict[str, FileData]
    status: CardStatus
    closing: bytes
    status_decl: FileDecl

    @property
    def final(self) -> dict[str, FileData]:
        """The files as they stand once the bracket is closed: what the read-back must find."""
        return {**self.files, self.status_decl.name: self.closing}

    def close(self, card_io: Iso7816) -> int:
        """Write the closed EF.STATUS (by SFI, in the application's DF); returns the bytes written."""
        card_io.update_binary(self.closing, 0, sfi=self.status_decl.sfi)
        return len(self.closing)


def bracket(
    files: Mapping[str, FileData],
    current: CardStatus,
    *,
    signed: Sequence[FileDecl],
    status_decl: FileDecl,
    sod_decl: FileDecl,
    serial: bytes,
    keys: KeyStore,
    now: datetime,
) -> Bracket:
    """The bracket for ``files`` (the application's encoded content): EF.STATUS opened from ``current`` at
    ``now``, and EF.SOD over the ``signed`` files with EF.STATUS closed, signed with the station key."""
    open_status = opened(current, now)
    final_status = closed(open_status)
    names = {decl.name for decl in signed}
    to_sign = {name: data for name, data in files.items() if name in names}
    closing = status_decl.encode(final_status)
    to_sign[status_decl.name] = closing
    sod_bytes = build_sod(to_sign, serial, keys, now, signed_files=signed)
    planned = {**files, status_decl.name: status_decl.encode(open_status), sod_decl.name: sod_bytes}
    return Bracket(planned, final_status, closing, status_decl)


def create_and_write(
    card_io: Iso7816, created: Iterable[FileDecl], files: Mapping[str, FileData], profile: CardProfile
) -> int:
    """Create each file in order and write it while it is the current EF (no SELECT needed); returns the
    content bytes written."""
    written = 0
    for decl in created:
        card_io.create_file(decl.fcp(profile))
        if decl.is_df:
            continue
        data = files[decl.name]
        file_io.write_new(card_io, data)
        written += sum(map(len, data)) if isinstance(data, tuple) else len(data)
    return written


def delete_partial(card_io: Iso7816, fids: Iterable[int]) -> None:
    """Delete what a torn personalisation created, from the current DF (a file it never got to is fine)."""
    for fid in fids:
        try:
            card_io.delete_file(fid)
        except FileNotFound:
            continue
