"""No object that holds a key shows key bytes in repr() or str(), in any common encoding."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from keys_pki import NOW

from card_station.keys.diversification import KeyPurpose, derive_branch_key
from card_station.keys.errors import WrongPassphrase
from card_station.keys.file_store import MASTER_KEY_FILE, FileKeyStore
from card_station.keys.secret import SecretKey
from card_station.keys.wrapping import unwrap_key, wrap_key

PASSPHRASE = "correct horse battery staple"
SERIAL = bytes.fromhex("80276883110000000042")


def _encodings(secret: bytes) -> list[str]:
    return [
        secret.hex(),
        secret.hex().upper(),
        repr(secret),
        base64.b64encode(secret).decode(),
        str(list(secret)),
    ]


def _assert_hidden(text: str, secret: bytes) -> None:
    for encoding in _encodings(secret):
        assert encoding not in text, f"key material appears in {text!r}"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    return FileKeyStore.create_development(tmp_path_factory.mktemp("repr") / "keys", PASSPHRASE, NOW)


def test_secret_key_shows_name_and_kcv_only() -> None:
    key = SecretKey(bytes(range(16)), "issuer master key")
    assert repr(key) == "SecretKey(name='issuer master key', kcv=C35280)"
    assert str(key) == repr(key)
    _assert_hidden(repr(key), key.reveal())


def test_secret_keys_compare_by_value_and_are_unhashable() -> None:
    assert SecretKey(bytes(16), "a") == SecretKey(bytes(16), "b")
    assert SecretKey(bytes(16), "a") != SecretKey(bytes(range(16)), "a")
    with pytest.raises(TypeError):
        hash(SecretKey(bytes(16), "a"))


def test_file_key_store_repr_hides_every_key(store: FileKeyStore) -> None:
    master = store._master.reveal()
    station_scalar = store._station_key.private_numbers().private_value.to_bytes(32, "big")
    station_pkcs8 = store._station_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    for text in (repr(store), str(store)):
        assert "development=True" in text
        for secret in (
            master,
            station_scalar,
            station_pkcs8,
            store.derive_card_key(KeyPurpose.CARD_WRITE, SERIAL),
        ):
            _assert_hidden(text, secret)
        for purpose in KeyPurpose:
            _assert_hidden(text, derive_branch_key(store._master, purpose).reveal())


def test_branch_key_repr_hides_the_key(store: FileKeyStore) -> None:
    branch = derive_branch_key(store._master, KeyPurpose.CARD_AUTHENTICATION)
    _assert_hidden(repr(branch), branch.reveal())


def test_unwrapped_key_and_certificate_info_repr_hide_keys(store: FileKeyStore, tmp_path: Path) -> None:
    path = tmp_path / MASTER_KEY_FILE
    unwrapped = unwrap_key(wrap_key(store._master, PASSPHRASE, development=True), PASSPHRASE, path)
    _assert_hidden(repr(unwrapped), store._master.reveal())
    _assert_hidden(repr(store.station_info), store._master.reveal())


def test_errors_never_show_the_passphrase(store: FileKeyStore) -> None:
    with pytest.raises(WrongPassphrase) as caught:
        FileKeyStore.open(store.directory, "wrong passphrase 123")
    assert "wrong passphrase 123" not in str(caught.value)
    assert PASSPHRASE not in str(caught.value)
