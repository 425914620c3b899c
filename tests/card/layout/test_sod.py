"""EF.SOD: built with a development key store, verified against its root; every forgery is refused."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from layout_samples import CONTENT, NOW, OTHER_SERIAL, SERIAL

from apdu.tlv import decode_one
from card_station.card.codecs import sod as sod_codec
from card_station.card.content import CardContent
from card_station.card.errors import SecurityObjectError
from card_station.card.files.decl import FileData
from card_station.card.layout import SIGNED_FILES, CardProfile, declaration, decode_file, encode_content
from card_station.card.sod import SodCheck, build_sod, file_digest, verify_sod
from card_station.keys import FileKeyStore

AT = NOW + timedelta(days=1)


def signed_files(content: CardContent = CONTENT) -> dict[str, FileData]:
    files = encode_content(content, CardProfile.K64)
    return {name: files[name] for name in SIGNED_FILES}


@pytest.fixture(scope="module")
def files() -> dict[str, FileData]:
    return signed_files()


@pytest.fixture(scope="module")
def sod(files: dict[str, FileData], store: FileKeyStore) -> bytes:
    return build_sod(files, SERIAL, store, NOW)


def test_a_genuine_card_verifies(sod: bytes, files: dict[str, FileData], store: FileKeyStore) -> None:
    verdict = verify_sod(sod, files, SERIAL, store.root_certificate(), AT)
    assert verdict.ok, verdict.reasons
    assert verdict.checked == SIGNED_FILES
    assert verdict.unchecked == ()
    assert verdict.signer is not None and verdict.signer.is_development
    assert verdict.signed_at == NOW
    assert len(sod) <= declaration("EF.SOD").size(CardProfile.K64).size


def test_the_security_object_holds_what_the_layout_documents(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    decoded = decode_file("EF.SOD", sod)
    assert decoded.layout_version == 1
    assert decoded.serial == SERIAL
    assert decoded.certificate == store.station_certificate()
    assert dict(decoded.hashes) == {
        declaration(name).fid: file_digest(name, files[name]) for name in SIGNED_FILES
    }
    outer = decode_one(sod)
    assert [child.tag for child in outer.children] == [sod_codec.TAG_SIGNED, sod_codec.TAG_SIGNATURE]
    assert decoded.signed_content == outer.children[0].to_bytes()


def test_photos_not_read_are_unchecked_not_failed(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    without_photos = {name: data for name, data in files.items() if name != "EF.PHOTO"}
    verdict = verify_sod(sod, without_photos, SERIAL, store.root_certificate(), AT)
    assert verdict.ok
    assert verdict.unchecked == ("EF.PHOTO",)


def test_files_read_with_their_padding_verify(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    padded = {
        name: tuple(r + b"\xff" * 3 for r in data) if isinstance(data, tuple) else data + bytes(64)
        for name, data in files.items()
        if name != "EF.STATUS"
    }
    padded["EF.STATUS"] = files["EF.STATUS"]
    assert verify_sod(sod, padded, SERIAL, store.root_certificate(), AT).ok


def _flips(data: FileData) -> list[FileData]:
    if isinstance(data, bytes):
        return [data[:i] + bytes((data[i] ^ 0x01,)) + data[i + 1 :] for i in range(len(data))]
    return [
        (*data[:n], flipped, *data[n + 1 :]) for n, record in enumerate(data) for flipped in _flips(record)
    ]


def test_any_single_byte_flipped_in_any_file_is_not_genuine(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    root = store.root_certificate()
    tried = 0
    for name in SIGNED_FILES:
        for damaged in _flips(files[name]):
            verdict = verify_sod(sod, {**files, name: damaged}, SERIAL, root, AT)
            assert not verdict.ok
            assert [failure.check for failure in verdict.failures] == [SodCheck.FILE_HASH]
            assert name in verdict.failures[0].detail
            tried += 1
    assert tried > 1000


def test_any_single_byte_flipped_in_ef_sod_is_not_genuine(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    root = store.root_certificate()
    for damaged in _flips(sod):
        assert not verify_sod(damaged, files, SERIAL, root, AT).ok


def test_a_file_copied_from_another_card_is_not_genuine(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    other = dataclasses.replace(CONTENT.member, name="Shyam Lal")
    other_files = signed_files(dataclasses.replace(CONTENT, member=other))
    verdict = verify_sod(
        sod, {**files, "EF.MEMBER": other_files["EF.MEMBER"]}, SERIAL, store.root_certificate(), AT
    )
    assert not verdict.ok
    assert verdict.failures[0].check is SodCheck.FILE_HASH
    assert verdict.failures[0].detail == "EF.MEMBER was changed or copied from another card"


def test_ef_sod_copied_to_a_card_with_another_serial_is_not_genuine(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    verdict = verify_sod(sod, files, OTHER_SERIAL, store.root_certificate(), AT)
    assert [failure.check for failure in verdict.failures] == [SodCheck.SERIAL]
    assert verdict.reasons == (
        "EF.SOD is bound to this card's serial: NO, signed for card 8027688311000000004A, "
        "this card is 8027688311000000004B",
    )


def test_a_certificate_not_from_the_root_is_not_genuine(
    files: dict[str, FileData], store: FileKeyStore, foreign_store: FileKeyStore
) -> None:
    forged = build_sod(files, SERIAL, foreign_store, NOW)
    verdict = verify_sod(forged, files, SERIAL, store.root_certificate(), AT)
    assert [failure.check for failure in verdict.failures] == [SodCheck.CERTIFICATE]
    assert "root" in verdict.failures[0].detail


def test_a_signature_by_another_key_under_a_genuine_certificate_is_not_genuine(
    files: dict[str, FileData], store: FileKeyStore, foreign_store: FileKeyStore
) -> None:
    class Impostor:
        """Shows the genuine station certificate but signs with another key."""

        def station_certificate(self) -> bytes:
            return store.station_certificate()

        def sign(self, data: bytes) -> bytes:
            return foreign_store.sign(data)

    verdict = verify_sod(
        build_sod(files, SERIAL, Impostor(), NOW), files, SERIAL, store.root_certificate(), AT
    )
    assert [failure.check for failure in verdict.failures] == [SodCheck.SIGNATURE]


def test_an_expired_station_certificate_is_not_genuine(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    verdict = verify_sod(sod, files, SERIAL, store.root_certificate(), NOW + timedelta(days=5 * 365))
    assert [failure.check for failure in verdict.failures] == [SodCheck.CERTIFICATE]
    assert "expired" in verdict.failures[0].detail


def test_a_malformed_ef_sod_says_so_and_checks_nothing_else(
    files: dict[str, FileData], store: FileKeyStore
) -> None:
    verdict = verify_sod(b"\xe6\x05\x00", files, SERIAL, store.root_certificate(), AT)
    assert [failure.check for failure in verdict.failures] == [SodCheck.FORMAT]
    assert verdict.reasons[0].startswith("EF.SOD is well-formed: NO, EF.SOD is malformed: ")


def test_a_file_ef_sod_does_not_sign_is_a_failure(
    sod: bytes, files: dict[str, FileData], store: FileKeyStore
) -> None:
    verdict = verify_sod(sod, {**files, "EF.DIR": (b"\x61\x00",)}, SERIAL, store.root_certificate(), AT)
    assert verdict.reasons == (
        "each file read matches its hash in EF.SOD: NO, EF.DIR is not a file EF.SOD signs",
    )


def test_build_sod_needs_exactly_the_signed_files(files: dict[str, FileData], store: FileKeyStore) -> None:
    partial = {name: data for name, data in files.items() if name != "EF.PHOTO"}
    with pytest.raises(SecurityObjectError, match=r"missing: EF\.PHOTO; not signed: none"):
        build_sod(partial, SERIAL, store, NOW)
    with pytest.raises(SecurityObjectError, match=r"missing: none; not signed: EF\.DIR"):
        build_sod({**files, "EF.DIR": (b"\x61\x00",)}, SERIAL, store, NOW)
    with pytest.raises(SecurityObjectError, match="the card serial is empty"):
        build_sod(files, b"", store, NOW)
