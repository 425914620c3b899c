"""Key and PIN records: the content of a DF's internal key EF (FCP descriptor 0A, ISO 7816-4 §7.4.5).

Each DF may hold one internal linear-fixed EF. Each of its records installs one secret::

    kind (1) | reference (1) | retry limit (1) | secret length (1) | secret

``kind`` 01 = AES key (16, 24 or 32 bytes) for EXTERNAL / INTERNAL / MUTUAL AUTHENTICATE, 02 = PIN
(4 to 16 bytes, compared as given) for VERIFY. ``reference`` is 1..15, the key or PIN number that access
conditions (apdu.fcp tag 86) and P2 of the authentication commands name. ``retry limit`` is 1..15.

The host writes records with UPDATE RECORD / APPEND RECORD under the key EF's UPDATE / APPEND access
condition; the card never lets them be read. Writing a record resets its retry counter to the limit and
forgets any earlier successful verification of that reference (the new secret must be proved). The
builders below are public so that a personaliser encodes records the same way the card parses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from apdu.auth import AES_KEY_LENGTHS

RECORD_HEADER = 4
MAX_SECRET = 32
KEY_RECORD_LENGTH = RECORD_HEADER + MAX_SECRET
MAX_RETRIES = 15
PIN_LENGTHS = range(4, 17)

DEV_TRANSPORT_KEY = b"CS-DEV-TRANSPORT"
"""DEVELOPMENT VALUE, public in the source: the transport key (MF key 1) of every blank emulated card.
Real cards arrive from the manufacturer with a secret transport key; never personalise a real card with
this one."""


class SecretKind(IntEnum):
    AES_KEY = 0x01
    PIN = 0x02


class KeyRecordError(ValueError):
    """Bytes that are not a valid key or PIN record."""


@dataclass(frozen=True)
class KeyRecord:
    kind: SecretKind
    ref: int
    retry_limit: int
    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not 1 <= self.ref <= 15:
            raise KeyRecordError(f"key/PIN reference must be 1..15, got {self.ref}")
        if not 1 <= self.retry_limit <= MAX_RETRIES:
            raise KeyRecordError(f"retry limit must be 1..{MAX_RETRIES}, got {self.retry_limit}")
        if self.kind is SecretKind.AES_KEY and len(self.secret) not in AES_KEY_LENGTHS:
            raise KeyRecordError(f"an AES key has 16, 24 or 32 bytes, got {len(self.secret)}")
        if self.kind is SecretKind.PIN and len(self.secret) not in PIN_LENGTHS:
            raise KeyRecordError(f"a PIN has 4 to 16 bytes, got {len(self.secret)}")

    def to_bytes(self) -> bytes:
        return bytes((self.kind, self.ref, self.retry_limit, len(self.secret))) + self.secret

    @classmethod
    def parse(cls, raw: bytes) -> KeyRecord:
        raw = bytes(raw)
        if len(raw) < RECORD_HEADER:
            raise KeyRecordError(f"a key record has a {RECORD_HEADER}-byte header, got {len(raw)} bytes")
        try:
            kind = SecretKind(raw[0])
        except ValueError:
            raise KeyRecordError(f"key record kind {raw[0]:02X} is not 01 (AES key) or 02 (PIN)") from None
        if raw[3] != len(raw) - RECORD_HEADER:
            held = len(raw) - RECORD_HEADER
            raise KeyRecordError(f"key record says {raw[3]} secret bytes but holds {held}")
        return cls(kind, raw[1], raw[2], raw[RECORD_HEADER:])


def key_record(ref: int, key: bytes, retry_limit: int = 3) -> bytes:
    """The record that installs AES key ``ref``."""
    return KeyRecord(SecretKind.AES_KEY, ref, retry_limit, bytes(key)).to_bytes()


def pin_record(ref: int, pin: bytes, retry_limit: int = 3) -> bytes:
    """The record that installs PIN ``ref``."""
    return KeyRecord(SecretKind.PIN, ref, retry_limit, bytes(pin)).to_bytes()
