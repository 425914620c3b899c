"""The file key store: first-run development store, save/load round trip, passphrase, tampering, layout."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from keys_pki import NOW, make_pki

from card_station.keys.chain import verify_chain
from card_station.keys.diversification import KeyPurpose
from card_station.keys.errors import (
    KeyInputError,
    KeyStoreExists,
    KeyStoreIncomplete,
    KeyStoreNotFound,
    TamperedKeyFile,
    WrongPassphrase,
)
from card_station.keys.file_store import (
    DEVELOPMENT_ROOT_KEY_FILE,
    MASTER_KEY_FILE,
    ROOT_CERT_FILE,
    STATION_CERT_FILE,
    STATION_KEY_FILE,
    FileKeyStore,
)
from card_station.keys.profiles import DEVELOPMENT_MARKER, is_development_certificate
from card_station.keys.signing import verify_signed
from card_station.keys.store import KeyStore

PASSPHRASE = "correct horse battery staple"
SERIAL = bytes.fromhex("80276883110000000042")


@pytest.fixture(scope="module")
def created(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FileKeyStore]:
    """One development store, created once; tests that change files work on a copy."""
    directory = tmp_path_factory.mktemp("created") / "keys"
    return directory, FileKeyStore.create_development(directory, PASSPHRASE, NOW, "Station HQ Delhi")


@pytest.fixture
def copy(created: tuple[Path, FileKeyStore], tmp_path: Path) -> Path:
    target = tmp_path / "keys"
    shutil.copytree(created[0], target)
    return target


def test_first_run_creates_then_reopens_the_same_store(tmp_path: Path) -> None:
    directory = tmp_path / "station" / "keys"
    first = FileKeyStore.open_or_create_development(directory, PASSPHRASE, NOW)
    second = FileKeyStore.open_or_create_development(directory, PASSPHRASE, NOW)
    assert second.station_certificate() == first.station_certificate()
    assert second.master_key_kcv == first.master_key_kcv


def test_round_trip_keeps_every_key(created: tuple[Path, FileKeyStore]) -> None:
    directory, store = created
    reopened = FileKeyStore.open(directory, PASSPHRASE)
    for purpose in KeyPurpose:
        assert reopened.derive_card_key(purpose, SERIAL) == store.derive_card_key(purpose, SERIAL)
    assert reopened.root_certificate() == store.root_certificate()
    assert reopened.station_certificate() == store.station_certificate()
    signature = reopened.sign(b"EF.SOD content")
    info = verify_signed(
        b"EF.SOD content", signature, store.station_certificate(), store.root_certificate(), NOW
    )
    assert info == store.station_info


def test_the_store_satisfies_the_key_store_interface(created: tuple[Path, FileKeyStore]) -> None:
    assert isinstance(created[1], KeyStore)


def test_development_keys_are_labelled_everywhere(created: tuple[Path, FileKeyStore]) -> None:
    directory, store = created
    assert store.is_development
    assert FileKeyStore.open(directory, PASSPHRASE).is_development
    assert store.station_info.is_development and store.root_info.is_development
    assert DEVELOPMENT_MARKER in store.station_info.subject
    assert "Station HQ Delhi" in store.station_info.subject
    assert DEVELOPMENT_MARKER in store.root_info.subject
    assert json.loads((directory / MASTER_KEY_FILE).read_text())["development"] is True
    root = x509.load_der_x509_certificate(store.root_certificate())
    assert is_development_certificate(root)


def test_created_chain_verifies_within_its_validity(created: tuple[Path, FileKeyStore]) -> None:
    store = created[1]
    verify_chain(store.station_certificate(), store.root_certificate(), NOW)


def test_files_holding_secrets_are_private(created: tuple[Path, FileKeyStore]) -> None:
    directory = created[0]
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    for name in (MASTER_KEY_FILE, STATION_KEY_FILE, DEVELOPMENT_ROOT_KEY_FILE):
        assert stat.S_IMODE((directory / name).stat().st_mode) == 0o600, name
    assert b"ENCRYPTED PRIVATE KEY" in (directory / STATION_KEY_FILE).read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in (directory / DEVELOPMENT_ROOT_KEY_FILE).read_bytes()
    assert sorted(p.name for p in directory.parent.iterdir()) == ["keys"]


def test_wrong_passphrase_is_a_clear_error(created: tuple[Path, FileKeyStore]) -> None:
    with pytest.raises(WrongPassphrase, match="passphrase does not open the key store") as caught:
        FileKeyStore.open(created[0], "Correct horse battery staple")
    assert "Correct horse" not in str(caught.value)


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyInputError, match="at least 8 characters"):
        FileKeyStore.create_development(tmp_path / "keys", "short", NOW)


def test_naive_creation_time_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyInputError, match="timezone-aware"):
        FileKeyStore.create_development(tmp_path / "keys", PASSPHRASE, NOW.replace(tzinfo=None))


def _edit_master(directory: Path, field: str, value: object) -> None:
    path = directory / MASTER_KEY_FILE
    document = json.loads(path.read_text())
    document[field] = value
    path.write_text(json.dumps(document))


def test_tampered_master_key_ciphertext_is_detected(copy: Path) -> None:
    ciphertext = json.loads((copy / MASTER_KEY_FILE).read_text())["ciphertext"]
    flipped = f"{int(ciphertext[0], 16) ^ 1:x}" + ciphertext[1:]
    _edit_master(copy, "ciphertext", flipped)
    with pytest.raises(TamperedKeyFile, match=r"fails authentication.*Restore the key store from its backup"):
        FileKeyStore.open(copy, PASSPHRASE)


def test_clearing_the_development_flag_is_detected(copy: Path) -> None:
    _edit_master(copy, "development", False)
    with pytest.raises(TamperedKeyFile, match=MASTER_KEY_FILE):
        FileKeyStore.open(copy, PASSPHRASE)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("ciphertext", "zz", "not hexadecimal"), ("kdf", "scrypt", "not dict"), ("version", 2, "version 1")],
)
def test_malformed_master_key_fields_are_named(copy: Path, field: str, value: object, message: str) -> None:
    _edit_master(copy, field, value)
    with pytest.raises(TamperedKeyFile, match=message):
        FileKeyStore.open(copy, PASSPHRASE)


def test_master_key_file_that_is_not_json_is_detected(copy: Path) -> None:
    (copy / MASTER_KEY_FILE).write_bytes(b"\xff\x00garbage")
    with pytest.raises(TamperedKeyFile, match="not a JSON document"):
        FileKeyStore.open(copy, PASSPHRASE)


def test_tampered_station_key_is_detected(copy: Path) -> None:
    path = copy / STATION_KEY_FILE
    lines = path.read_bytes().splitlines(keepends=True)
    body = bytearray(lines[2])
    body[10] = ord("A") if body[10] != ord("A") else ord("B")
    lines[2] = bytes(body)
    path.write_bytes(b"".join(lines))
    with pytest.raises(TamperedKeyFile, match=STATION_KEY_FILE):
        FileKeyStore.open(copy, PASSPHRASE)


def test_a_station_certificate_for_another_key_is_detected(copy: Path) -> None:
    other = make_pki()
    (copy / STATION_CERT_FILE).write_bytes(other.station.public_bytes(Encoding.PEM))
    with pytest.raises(TamperedKeyFile, match="not for the station's key"):
        FileKeyStore.open(copy, PASSPHRASE)


def test_a_replaced_root_is_detected(copy: Path) -> None:
    other = make_pki()
    (copy / ROOT_CERT_FILE).write_bytes(other.root.public_bytes(Encoding.PEM))
    with pytest.raises(TamperedKeyFile, match="did not issue the station certificate"):
        FileKeyStore.open(copy, PASSPHRASE)


def test_a_certificate_file_that_is_not_pem_is_detected(copy: Path) -> None:
    (copy / ROOT_CERT_FILE).write_text("not a certificate")
    with pytest.raises(TamperedKeyFile, match=r"not a PEM X\.509 certificate"):
        FileKeyStore.open(copy, PASSPHRASE)


def test_an_incomplete_store_is_refused_not_recreated(copy: Path) -> None:
    (copy / STATION_KEY_FILE).unlink()
    with pytest.raises(KeyStoreIncomplete, match=STATION_KEY_FILE):
        FileKeyStore.open_or_create_development(copy, PASSPHRASE, NOW)


def test_opening_where_there_is_no_store_says_so(tmp_path: Path) -> None:
    with pytest.raises(KeyStoreNotFound, match="there is no key store"):
        FileKeyStore.open(tmp_path, PASSPHRASE)


def test_creating_over_existing_files_is_refused(copy: Path) -> None:
    with pytest.raises(KeyStoreExists, match="not empty"):
        FileKeyStore.create_development(copy, PASSPHRASE, NOW)


def test_creating_in_an_existing_empty_directory_works(tmp_path: Path) -> None:
    directory = tmp_path / "empty"
    directory.mkdir()
    store = FileKeyStore.create_development(directory, PASSPHRASE, NOW)
    assert FileKeyStore.open(directory, PASSPHRASE).master_key_kcv == store.master_key_kcv
