"""Per-card key diversification: templates pinned by key check values, separation, fail-fast input checks."""

from __future__ import annotations

import dataclasses

import pytest
from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from card_station.keys.diversification import (
    TEMPLATES,
    KeyPurpose,
    derive_branch_key,
    derive_card_key,
    derive_card_key_from_branch,
)
from card_station.keys.errors import KeyInputError
from card_station.keys.kcv import key_check_value
from card_station.keys.secret import SecretKey

MASTER = SecretKey(bytes(range(16)), "issuer master key")
SERIAL = bytes.fromhex("80276883110000000042")
OTHER_SERIAL = bytes.fromhex("80276883110000000043")

# Pins: changing a template (label, separator, length encoding) changes every card's key in the field.
PINNED_BRANCH_KCV = {KeyPurpose.CARD_WRITE: "BDAEE4", KeyPurpose.CARD_AUTHENTICATION: "1DA3BA"}
PINNED_CARD_KCV = {
    (KeyPurpose.CARD_WRITE, SERIAL): "FAE7BE",
    (KeyPurpose.CARD_WRITE, OTHER_SERIAL): "990F93",
    (KeyPurpose.CARD_AUTHENTICATION, SERIAL): "D71410",
    (KeyPurpose.CARD_AUTHENTICATION, OTHER_SERIAL): "D80048",
}


def test_kcv_is_the_gp_aes_convention() -> None:
    key = bytes(range(16))
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    assert key_check_value(key) == (encryptor.update(b"\x01" * 16) + encryptor.finalize())[:3]
    # Not the zero-block convention: AES-128 under the zero key maps the zero block to 66e94bd4...
    assert key_check_value(bytes(16)) != bytes.fromhex("66e94b")


def test_kcv_refuses_a_non_aes_key() -> None:
    with pytest.raises(KeyInputError, match="AES key"):
        key_check_value(bytes(8))


@pytest.mark.parametrize("purpose", list(KeyPurpose))
def test_branch_keys_are_pinned(purpose: KeyPurpose) -> None:
    assert derive_branch_key(MASTER, purpose).kcv == PINNED_BRANCH_KCV[purpose]


@pytest.mark.parametrize(("purpose", "serial"), list(PINNED_CARD_KCV))
def test_card_keys_are_pinned(purpose: KeyPurpose, serial: bytes) -> None:
    card_key = derive_card_key(MASTER, purpose, serial)
    assert len(card_key) == 16
    assert key_check_value(card_key).hex().upper() == PINNED_CARD_KCV[(purpose, serial)]


def _cmac(key: bytes, message: bytes) -> bytes:
    mac = cmac.CMAC(algorithms.AES(key))
    mac.update(message)
    return mac.finalize()


def test_card_write_key_matches_the_documented_construction_by_hand() -> None:
    branch = _cmac(
        MASTER.reveal(), b"\x00\x00\x00\x01" + b"ECHS card write branch" + b"\x00" + b"\x00\x00\x00\x80"
    )
    card = _cmac(
        branch, b"\x00\x00\x00\x01" + b"ECHS card write key" + b"\x00" + SERIAL + b"\x00\x00\x00\x80"
    )
    assert derive_card_key(MASTER, KeyPurpose.CARD_WRITE, SERIAL) == card


def test_keys_differ_per_serial_and_per_purpose() -> None:
    keys = {derive_card_key(MASTER, purpose, serial) for purpose, serial in PINNED_CARD_KCV}
    assert len(keys) == len(PINNED_CARD_KCV)


def test_keys_differ_per_master_key() -> None:
    other = SecretKey(bytes(range(1, 17)), "issuer master key")
    assert derive_card_key(other, KeyPurpose.CARD_WRITE, SERIAL) != derive_card_key(
        MASTER, KeyPurpose.CARD_WRITE, SERIAL
    )


@pytest.mark.parametrize("purpose", list(KeyPurpose))
def test_a_counter_with_only_the_branch_key_derives_the_same_card_key(purpose: KeyPurpose) -> None:
    branch = derive_branch_key(MASTER, purpose)
    assert derive_card_key_from_branch(branch, purpose, SERIAL) == derive_card_key(MASTER, purpose, SERIAL)


def test_the_authentication_branch_does_not_yield_write_keys() -> None:
    auth_branch = derive_branch_key(MASTER, KeyPurpose.CARD_AUTHENTICATION)
    from_auth_branch = derive_card_key_from_branch(auth_branch, KeyPurpose.CARD_WRITE, SERIAL)
    assert from_auth_branch != derive_card_key(MASTER, KeyPurpose.CARD_WRITE, SERIAL)


def test_templates_are_immutable_and_distinct() -> None:
    with pytest.raises(TypeError):
        TEMPLATES[KeyPurpose.CARD_WRITE] = TEMPLATES[KeyPurpose.CARD_AUTHENTICATION]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        TEMPLATES[KeyPurpose.CARD_WRITE].card_label = b"changed"  # type: ignore[misc]
    labels = [label for t in TEMPLATES.values() for label in (t.branch_label, t.card_label)]
    assert len(set(labels)) == len(labels)
    assert set(TEMPLATES) == set(KeyPurpose)
    assert all(t.purpose is p for p, t in TEMPLATES.items())


@pytest.mark.parametrize("length", [0, 15, 17, 32])
def test_wrong_master_key_length_is_refused(length: int) -> None:
    with pytest.raises(KeyInputError, match=rf"must be 16 bytes \(AES-128\), not {length}"):
        SecretKey(bytes(length), "issuer master key")


def test_a_longer_aes_key_is_not_accepted_as_master() -> None:
    with pytest.raises(KeyInputError, match="AES-128"):
        derive_card_key(SecretKey(bytes(32), "issuer master key", length=32), KeyPurpose.CARD_WRITE, SERIAL)


def test_master_as_plain_bytes_is_refused() -> None:
    with pytest.raises(KeyInputError, match="SecretKey, got bytes"):
        derive_card_key(bytes(16), KeyPurpose.CARD_WRITE, SERIAL)  # type: ignore[arg-type]


@pytest.mark.parametrize("serial", [b"", bytes(33)])
def test_empty_or_oversized_serial_is_refused(serial: bytes) -> None:
    with pytest.raises(KeyInputError, match=rf"1 to 32 bytes, got {len(serial)}"):
        derive_card_key(MASTER, KeyPurpose.CARD_WRITE, serial)


def test_serial_as_text_is_refused() -> None:
    with pytest.raises(KeyInputError, match=r"bytes .* got str"):
        derive_card_key(MASTER, KeyPurpose.CARD_WRITE, "80276883110000000042")  # type: ignore[arg-type]


def test_unknown_purpose_is_refused_by_name() -> None:
    with pytest.raises(KeyInputError, match="unknown key purpose 'card-write'; use one of CARD_WRITE"):
        derive_card_key(MASTER, "card-write", SERIAL)  # type: ignore[arg-type]
