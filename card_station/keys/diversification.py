"""Per-card key diversification: the templates, as data, and the two-step derivation.

Why two steps: a counter should be able to check that a card is genuine (INTERNAL AUTHENTICATE with the
card-authentication key) without being able to write to it. If every card key came straight from the
issuer master key, the counter would need the master key and could derive the write keys too. So each
purpose first gets its own BRANCH key, and card keys come from the branch key:

    branch key(purpose) = KDF(issuer master key, Label = branch label, Context = empty)
    card key(purpose, serial) = KDF(branch key(purpose), Label = card label, Context = card serial)

KDF is NIST SP 800-108r1 counter mode with AES-CMAC (card_station.keys.kdf), L = 128 bits. A counter is
given only the CARD_AUTHENTICATION branch key; an issuing station holds the issuer master key. The
templates are immutable and published in docs/keys.md; changing one changes every card's key, so each is
pinned by a key check value in tests/keys (in the spirit of GlobalPlatformPro's PlaintextKeys templates).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from types import MappingProxyType

from card_station.keys.errors import KeyInputError
from card_station.keys.kdf import fixed_input, kbkdf_cmac_counter
from card_station.keys.secret import SecretKey

AES128_BYTES = 16
MIN_SERIAL_BYTES = 1
MAX_SERIAL_BYTES = 32


class KeyPurpose(enum.Enum):
    """What a diversified card key is for."""

    CARD_WRITE = "card-write"
    """The card's EXTERNAL AUTHENTICATE key: every write to the application needs it."""

    CARD_AUTHENTICATION = "card-authentication"
    """The card's INTERNAL AUTHENTICATE key: proves the chip is genuine to a counter, grants no writes."""


@dataclass(frozen=True)
class DerivationTemplate:
    """The fixed SP 800-108 inputs for one key purpose; ``key_bytes`` is both L/8 steps' output length."""

    purpose: KeyPurpose
    branch_label: bytes
    card_label: bytes
    key_bytes: int = AES128_BYTES


TEMPLATES: MappingProxyType[KeyPurpose, DerivationTemplate] = MappingProxyType(
    {
        KeyPurpose.CARD_WRITE: DerivationTemplate(
            purpose=KeyPurpose.CARD_WRITE,
            branch_label=b"ECHS card write branch",
            card_label=b"ECHS card write key",
        ),
        KeyPurpose.CARD_AUTHENTICATION: DerivationTemplate(
            purpose=KeyPurpose.CARD_AUTHENTICATION,
            branch_label=b"ECHS card authentication branch",
            card_label=b"ECHS card authentication key",
        ),
    }
)


def template_for(purpose: KeyPurpose) -> DerivationTemplate:
    """The template of a purpose; anything that is not a KeyPurpose is refused by name."""
    if not isinstance(purpose, KeyPurpose):
        known = ", ".join(p.name for p in KeyPurpose)
        raise KeyInputError(f"unknown key purpose {purpose!r}; use one of {known}")
    return TEMPLATES[purpose]


def check_serial(serial: bytes) -> bytes:
    """The card serial as bytes (the ICC serial number, tag 5A of EF.GDO), after checking its length."""
    if not isinstance(serial, bytes | bytearray):
        raise KeyInputError(f"a card serial is bytes (tag 5A of EF.GDO), got {type(serial).__name__}")
    if not MIN_SERIAL_BYTES <= len(serial) <= MAX_SERIAL_BYTES:
        raise KeyInputError(
            f"a card serial has {MIN_SERIAL_BYTES} to {MAX_SERIAL_BYTES} bytes, got {len(serial)}; "
            "read it from the card's EF.GDO"
        )
    return bytes(serial)


def _check_master(master: SecretKey) -> SecretKey:
    if not isinstance(master, SecretKey):
        raise KeyInputError(f"the issuer master key is a SecretKey, got {type(master).__name__}")
    if len(master.reveal()) != AES128_BYTES:
        raise KeyInputError(f"the issuer master key is an AES-128 key of {AES128_BYTES} bytes")
    return master


def derive_branch_key(master: SecretKey, purpose: KeyPurpose) -> SecretKey:
    """The purpose's branch key: what a station or counter needs to derive that purpose's card keys."""
    template = template_for(purpose)
    fixed = fixed_input(template.branch_label, b"", template.key_bytes * 8)
    material = kbkdf_cmac_counter(_check_master(master).reveal(), fixed, template.key_bytes)
    return SecretKey(material, f"{purpose.value} branch key", length=template.key_bytes)


def derive_card_key_from_branch(branch: SecretKey, purpose: KeyPurpose, serial: bytes) -> bytes:
    """The card key for one card serial, from the purpose's branch key (what a counter does)."""
    template = template_for(purpose)
    card_serial = check_serial(serial)
    if not isinstance(branch, SecretKey):
        raise KeyInputError(f"a branch key is a SecretKey, got {type(branch).__name__}")
    fixed = fixed_input(template.card_label, card_serial, template.key_bytes * 8)
    return kbkdf_cmac_counter(branch.reveal(), fixed, template.key_bytes)


def derive_card_key(master: SecretKey, purpose: KeyPurpose, serial: bytes) -> bytes:
    """The card key for one purpose and card serial, from the issuer master key (what a station does).

    The serial is checked before any derivation so that a bad serial fails fast with its own message.
    """
    card_serial = check_serial(serial)
    return derive_card_key_from_branch(derive_branch_key(master, purpose), purpose, card_serial)
