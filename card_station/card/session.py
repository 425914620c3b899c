"""What every write session shares: the card serial, recognising the card's key from what the card SHOWS,
authenticating once, and the EF.STATUS bracket (docs/card-operations.md "State machine").

Why INTERNAL AUTHENTICATE to recognise the key: after a torn personalisation key 1 may still be the
transport key or already the card's own key, and nothing else on the card records which (the key record
is written by one atomic UPDATE RECORD). Trying one key and then the other would burn a try of the card's
retry counter on every torn card (issue 4: "a failed authentication is never retried automatically").
INTERNAL AUTHENTICATE has no retry counter and no access condition (docs/emulator.md): the card answers
CMAC_K(02 || RND.IFD) with whatever key it holds, and the station compares that, in constant time, with
what each candidate key gives. The direction byte 02 makes the answer useless as an EXTERNAL
AUTHENTICATE cryptogram (01 || RND.ICC), so asking costs nothing. Only then does the station authenticate,
once, with the key the card showed.

The EF.STATUS bracket (the eGK EF.StatusVD pattern, gemSpec_eGK_Fach_VSDM): a session first rewrites
EF.STATUS with the update flag open and the counter advanced, then writes its files and EF.SOD, then
rewrites EF.STATUS closed. EF.STATUS is 32 bytes at offset 0, inside one 64-byte EEPROM page, so each of
the two writes lands whole or not at all.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from apdu import auth
from apdu.iso7816 import Iso7816
from apdu.status import StatusError
from apdu.tlv import TlvError, decode_one
from card_station.card.content import CardStatus
from card_station.card.files.access import CARD_AUTHENTICATION_KEY_REF, CARD_WRITE_KEY_REF
from card_station.card.operation_errors import UnknownCardKey, WrongCard
from card_station.keys import KeyPurpose, KeyStore

EF_GDO = 0x2F02
TAG_SERIAL = 0x5A
KEY_FILE = 0x0001
"""The MF's key EF (docs/emulator.md "Key model"): record n holds key reference n."""
KEY_KIND_AES = 0x01
CARD_KEY_RETRIES = 10
REFERENCE_NOT_FOUND = 0x6A88

DEVELOPMENT_TRANSPORT_KEY = b"CS-DEV-TRANSPORT"
"""The transport key of the development (emulated) blank cards, public by design (docs/emulator.md "Blank
card"). A production station gets its transport keys from the card supplier, batch by batch."""


class KeyHeld(Enum):
    """Which key the card holds under key reference 1."""

    TRANSPORT = "the transport key"
    CARD = "the card's own write key"


@dataclass(frozen=True, repr=False)
class CardKeys:
    """The two keys derived for one card (docs/keys.md "Key hierarchy"); never shown in a repr."""

    write: bytes
    authentication: bytes

    @classmethod
    def derive(cls, keys: KeyStore, serial: bytes) -> CardKeys:
        return cls(
            keys.derive_card_key(KeyPurpose.CARD_WRITE, serial),
            keys.derive_card_key(KeyPurpose.CARD_AUTHENTICATION, serial),
        )

    def __repr__(self) -> str:
        return "CardKeys(<redacted>)"


def key_record(ref: int, key: bytes) -> bytes:
    """A key EF record installing AES key ``ref``: kind 01, reference, retry limit, length, key
    (docs/emulator.md "Key model")."""
    return bytes((KEY_KIND_AES, ref, CARD_KEY_RETRIES, len(key))) + bytes(key)


def read_serial(card: Iso7816) -> bytes:
    """The ICC serial number from EF.GDO (2F02 under the MF, tag 5A), written at manufacture."""
    card.select_path([EF_GDO])
    raw = card.read_binary()
    try:
        found = decode_one(raw)
    except TlvError:
        found = None
    if found is None or found.tag != TAG_SERIAL or not found.data:
        raise WrongCard(f"EF.GDO (2F02) holds no ICC serial number (tag 5A): {raw.hex().upper()}")
    return found.data


def key_held(card: Iso7816, ref: int, candidates: Mapping[KeyHeld, bytes]) -> KeyHeld | None:
    """Which candidate key the card holds under ``ref``, asked by INTERNAL AUTHENTICATE (no retry
    counter); None when the card holds no key ``ref`` (6A88). ``UnknownCardKey`` for a key that is none
    of the candidates."""
    challenge = os.urandom(auth.RANDOM_LENGTH)
    try:
        answer = card.internal_authenticate(ref, challenge)
    except StatusError as exc:
        if exc.sw == REFERENCE_NOT_FOUND:
            return None
        raise
    for held, key in candidates.items():
        if auth.verify_internal_response(key, challenge, answer):
            return held
    names = " or ".join(held.value for held in candidates)
    raise UnknownCardKey(
        f"key {ref} of this card is not {names}: it belongs to another issuer or another card stock. "
        "Nothing was written and no authentication was tried"
    )


def authenticate(card: Iso7816, key: bytes) -> None:
    """EXTERNAL AUTHENTICATE with key 1, once; a failure propagates and is never retried."""
    card.authenticate(CARD_WRITE_KEY_REF, key)


def install_card_keys(card: Iso7816, keys: CardKeys) -> None:
    """Replace the transport key with the card write key, prove it, then add the authentication key.

    Called authenticated with the transport key. Key 1 goes first: until it is replaced the card shows
    the transport key; once it is, the card shows its own key and key 2 is added (or found) next, so
    every torn state is recognisable by ``key_held``.
    """
    card.select_fid(KEY_FILE, fcp=False)
    card.update_record(CARD_WRITE_KEY_REF, key_record(CARD_WRITE_KEY_REF, keys.write))
    authenticate(card, keys.write)
    card.append_record(key_record(CARD_AUTHENTICATION_KEY_REF, keys.authentication))


def ensure_authentication_key(card: Iso7816, keys: CardKeys) -> None:
    """After a tear between key 1 and key 2: add key 2 unless the card already shows it."""
    held = key_held(card, CARD_AUTHENTICATION_KEY_REF, {KeyHeld.CARD: keys.authentication})
    if held is None:
        card.select_fid(KEY_FILE, fcp=False)
        card.append_record(key_record(CARD_AUTHENTICATION_KEY_REF, keys.authentication))


def opened(status: CardStatus, now: datetime) -> CardStatus:
    """The status a session writes first: flag open, counter advanced, state unchanged."""
    return replace(status, update_open=True, update_counter=status.update_counter + 1, updated_at=now)


def closed(status: CardStatus) -> CardStatus:
    """The status a session writes last (and signs in EF.SOD): the same with the flag closed."""
    return replace(status, update_open=False)
