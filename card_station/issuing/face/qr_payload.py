"""The card face's QR code: the card number and chip serial, signed by the issuing station, checkable
offline by a counter that holds only the scheme root certificate (issue 8 "Card face").

Why the station certificate travels in the code: a counter that has only the root (docs/keys.md) must
find the signer's public key somewhere, and the printed face has no chip to read it from. The certificate
is the same one EF.SOD carries (card_station/keys, ECDSA P-256), so one root checks both the chip and the
print. The payload is a signed code (``card.signed_code``: BER-TLV, compact and strict to parse):

    'E' 'Q' version(1)
    A0 { 80 card number (ASCII)  [81 chip serial]  82 person id ("M", "D1"..)  83 issued on (YYYYMMDD) }
    9E signature  90 station certificate

A copied QR on another card's face names another card number and serial; an edited one fails the
signature; one signed by a station the root never certified fails the chain. The chip serial is left out
only when a face is printed before its chip is known (``card-station face`` from an application file).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import date, datetime

from apdu.tlv import Tlv
from card_station.card.signed_code import TAG_SIGNED, CodeScheme, code_day
from card_station.keys import KeyStore
from card_station.keys.profiles import CertificateInfo

TAG_CARD_NUMBER = 0x80
TAG_SERIAL = 0x81
TAG_PERSON = 0x82
TAG_ISSUED_ON = 0x83


class FaceQrError(ValueError):
    """A QR payload that is not a genuine card face code: says what is wrong with it."""


@dataclass(frozen=True)
class FaceClaim:
    """What a card face's QR code asserts. ``serial`` is the chip's (EF.GDO), empty when not yet known."""

    card_number: str
    serial: bytes
    person_id: str
    issued_on: date


@dataclass(frozen=True)
class VerifiedFace:
    """A claim whose signature and certificate chain checked out, with the signing station's facts."""

    claim: FaceClaim
    station: CertificateInfo

    def require_card(self, card_number: str, serial: bytes) -> None:
        """Raise FaceQrError unless this face's code names the card in the reader (a genuine code copied
        onto another card's face names another card number or chip serial)."""
        if self.claim.card_number != card_number:
            raise FaceQrError(
                f"the printed QR code is for card {self.claim.card_number}, the chip is card {card_number}: "
                "the card face does not belong to this chip"
            )
        if self.claim.serial and not hmac.compare_digest(self.claim.serial, bytes(serial)):
            raise FaceQrError(
                f"the printed QR code is for chip {self.claim.serial.hex().upper()}, this chip is "
                f"{bytes(serial).hex().upper()}: the card face does not belong to this chip"
            )


SCHEME = CodeScheme(b"EQ", 1, "an ECHS card face code", FaceQrError)


def _claim_tlv(claim: FaceClaim) -> Tlv:
    return Tlv(
        TAG_SIGNED,
        (
            Tlv(TAG_CARD_NUMBER, claim.card_number.encode("ascii")),
            *((Tlv(TAG_SERIAL, claim.serial),) if claim.serial else ()),
            Tlv(TAG_PERSON, claim.person_id.encode("ascii")),
            Tlv(TAG_ISSUED_ON, code_day(claim.issued_on)),
        ),
    )


def sign_claim(claim: FaceClaim, keys: KeyStore) -> bytes:
    """The QR payload for ``claim``, signed with the station key of ``keys``."""
    if not claim.card_number.isascii() or not claim.person_id.isascii():
        raise FaceQrError(f"card number {claim.card_number!r} and person id must be ASCII")
    return SCHEME.sign(_claim_tlv(claim), keys)


def _parse_claim(signed: Tlv) -> FaceClaim:
    try:
        number = SCHEME.field(signed, TAG_CARD_NUMBER, "card number").decode("ascii")
        person = SCHEME.field(signed, TAG_PERSON, "person id").decode("ascii")
    except UnicodeDecodeError as exc:
        raise FaceQrError(f"the QR code's signed part has a malformed field ({exc})") from None
    issued = SCHEME.day(signed, TAG_ISSUED_ON, "issue date")
    serial = SCHEME.field(signed, TAG_SERIAL, "chip serial") if signed.find(TAG_SERIAL) is not None else b""
    return FaceClaim(number, serial, person, issued)


def verify_face_qr(payload: bytes, root_certificate: bytes, now: datetime) -> VerifiedFace:
    """Check a scanned QR payload against the scheme root at ``now``; raises ``FaceQrError`` saying why
    it is not genuine (wrong format, edited, or signed by a station the root did not certify)."""
    return VerifiedFace(*SCHEME.verify(payload, root_certificate, now, _parse_claim))
