"""The card face's QR payload and the counter's offline check: genuine codes verify against the scheme
root; an edited code, a code signed by a station the root never certified, a code whose signature is not
its certificate's key's, and a code copied onto another card are all refused with the reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from face_helpers import NOW, SERIAL

from card_station.issuing.face import FaceClaim, FaceQrError, verify_face_qr
from card_station.issuing.face.qr_payload import sign_claim
from card_station.keys import FileKeyStore
from card_station.sects.face.qr import SectsClaim, sign_sects_claim
from card_station.sects.records import Relation

CLAIM = FaceClaim("DL0101234567", SERIAL, "D2", date(2025, 6, 1))


class _Forger:
    """Signs with one store's key but presents another store's (genuine) certificate."""

    def __init__(self, signer: FileKeyStore, certificate_of: FileKeyStore) -> None:
        self._signer = signer
        self._certificate_of = certificate_of

    def sign(self, data: bytes) -> bytes:
        return self._signer.sign(data)

    def station_certificate(self) -> bytes:
        return self._certificate_of.station_certificate()


def test_a_genuine_code_verifies_and_names_the_card_and_the_station(face_keys: FileKeyStore) -> None:
    verified = verify_face_qr(sign_claim(CLAIM, face_keys), face_keys.root_certificate(), NOW)
    assert verified.claim == CLAIM
    assert "Development station" in verified.station.subject
    verified.require_card("DL0101234567", SERIAL)


def test_a_code_printed_before_the_chip_is_known_carries_no_serial(face_keys: FileKeyStore) -> None:
    claim = FaceClaim("DL0101234567", b"", "M", date(2025, 6, 1))
    payload = sign_claim(claim, face_keys)
    assert verify_face_qr(payload, face_keys.root_certificate(), NOW).claim == claim
    assert len(payload) < len(sign_claim(CLAIM, face_keys))


def test_an_edited_card_number_fails_the_signature(face_keys: FileKeyStore) -> None:
    payload = sign_claim(CLAIM, face_keys)
    tampered = payload.replace(b"DL0101234567", b"DL0101234568")
    assert tampered != payload
    with pytest.raises(FaceQrError, match="not genuine"):
        verify_face_qr(tampered, face_keys.root_certificate(), NOW)


def test_a_flipped_bit_anywhere_in_the_signed_part_is_refused(face_keys: FileKeyStore) -> None:
    payload = sign_claim(CLAIM, face_keys)
    for position in range(3, 3 + 2 + 14 + 10 + 4 + 10):
        tampered = bytearray(payload)
        tampered[position] ^= 0x01
        with pytest.raises(FaceQrError):
            verify_face_qr(bytes(tampered), face_keys.root_certificate(), NOW)


def test_a_code_signed_by_a_station_the_root_never_certified_is_refused(
    face_keys: FileKeyStore, rogue_keys: FileKeyStore
) -> None:
    rogue = sign_claim(CLAIM, rogue_keys)
    assert verify_face_qr(rogue, rogue_keys.root_certificate(), NOW).claim == CLAIM  # genuine under ITS root
    with pytest.raises(FaceQrError, match="not genuine"):
        verify_face_qr(rogue, face_keys.root_certificate(), NOW)


def test_a_genuine_certificate_with_another_keys_signature_is_refused(
    face_keys: FileKeyStore, rogue_keys: FileKeyStore
) -> None:
    forged = sign_claim(CLAIM, _Forger(rogue_keys, face_keys))  # type: ignore[arg-type]
    with pytest.raises(FaceQrError, match="signature does not verify"):
        verify_face_qr(forged, face_keys.root_certificate(), NOW)


def test_a_code_checked_after_the_station_certificate_expired_is_refused(face_keys: FileKeyStore) -> None:
    payload = sign_claim(CLAIM, face_keys)
    with pytest.raises(FaceQrError, match="not genuine"):
        verify_face_qr(payload, face_keys.root_certificate(), NOW + timedelta(days=365 * 30))


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"https://example.org/", "does not start with 'EQ'"),
        (b"EQ\x02", "unknown version of an ECHS card face code"),
        (b"EQ\x01\xa0\x05\x80\x03AB", "damaged"),
        (b"EQ\x01\x9e\x01\x00", "expected A0, 9E, 90"),
    ],
)
def test_a_code_that_is_not_a_card_face_code_says_so(
    payload: bytes, reason: str, face_keys: FileKeyStore
) -> None:
    with pytest.raises(FaceQrError, match=reason):
        verify_face_qr(payload, face_keys.root_certificate(), NOW)


def test_a_genuine_sects_code_is_not_an_echs_card_face_code(face_keys: FileKeyStore) -> None:
    sects = SectsClaim(
        "UP0101234567",
        "Ram",
        Relation.SELF,
        date(1970, 1, 1),
        "4821",
        "DDO-6601-00023",
        NOW.date(),
        NOW.date(),
    )
    with pytest.raises(FaceQrError, match=r"not an ECHS card face code \(it does not start with 'EQ'\)"):
        verify_face_qr(sign_sects_claim(sects, face_keys), face_keys.root_certificate(), NOW)


def test_a_genuine_code_on_another_cards_face_is_refused(face_keys: FileKeyStore) -> None:
    verified = verify_face_qr(sign_claim(CLAIM, face_keys), face_keys.root_certificate(), NOW)
    with pytest.raises(FaceQrError, match="is for card DL0101234567"):
        verified.require_card("DL0109999999", SERIAL)
    with pytest.raises(FaceQrError, match="is for chip 8027688311000042"):
        verified.require_card("DL0101234567", bytes.fromhex("8027688311000043"))
