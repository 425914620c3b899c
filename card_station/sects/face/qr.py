"""The SECTS card face's QR code: who the card is for, signed by the issuing station, checkable offline by
a counter that holds only the scheme root certificate (issue 9: "a signed QR code; counters verify a SECTS
card or its QR offline"; docs/sects-card.md "QR code").

Why more than the ECHS code carries: a self-printed SECTS card (seed 001 annexure 2, bullet 7(b)) has no
chip, so the code itself must say whom it admits; the counter compares the name, relation, date of birth
and the last four Aadhaar digits with the person and the Aadhaar letter in front of it. Never the whole
Aadhaar number (``sects.card.aadhaar``). Why its own magic: an ECHS code ("EQ") must not pass as a SECTS
card, nor the reverse. The format, a signed code as the ECHS one (``card.signed_code``):

    'S' 'Q' version(1)
    A0 { 80 card number  81 name (UTF-8)  82 relation  83 date of birth  84 Aadhaar last four
         85 DDO/TO code  86 valid until  87 issued on  88 chip serial (when the card has a chip) }
    9E signature  90 station certificate

Dates are ASCII ``YYYYMMDD``; the relation is its one-byte card code (``sects.card.codecs.tables``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from apdu.tlv import Tlv
from card_station.card.codecs.extent import FileFault
from card_station.card.signed_code import TAG_SIGNED, CodeScheme, code_day
from card_station.keys import KeyStore
from card_station.keys.profiles import CertificateInfo
from card_station.sects.card.aadhaar import is_last_four
from card_station.sects.card.codecs.tables import RELATION
from card_station.sects.records import Relation

TAG_CARD_NUMBER = 0x80
TAG_NAME = 0x81
TAG_RELATION = 0x82
TAG_BIRTH = 0x83
TAG_AADHAAR = 0x84
TAG_DDO = 0x85
TAG_VALID_UNTIL = 0x86
TAG_ISSUED_ON = 0x87
TAG_SERIAL = 0x88


class SectsQrError(ValueError):
    """A QR payload that is not a genuine SECTS card code: says what is wrong with it."""


@dataclass(frozen=True)
class SectsClaim:
    """What a SECTS card face's QR code asserts about one person."""

    card_number: str
    name: str
    relation: Relation
    date_of_birth: date
    aadhaar_last_four: str
    ddo_code: str
    valid_until: date
    issued_on: date
    serial: bytes | None = None


@dataclass(frozen=True)
class VerifiedClaim:
    """A claim whose signature and certificate chain checked out, with the signing station's facts."""

    claim: SectsClaim
    station: CertificateInfo


SCHEME = CodeScheme(b"SQ", 1, "a SECTS health card code", SectsQrError)


def _claim_tlv(claim: SectsClaim) -> Tlv:
    if not is_last_four(claim.aadhaar_last_four):
        raise SectsQrError(
            f"{claim.name}: only the last four Aadhaar digits go in a QR code, never the number"
        )
    if not claim.card_number.isascii() or not claim.ddo_code.isascii():
        raise SectsQrError(f"card number {claim.card_number!r} and DDO/TO code must be ASCII")
    children = [
        Tlv(TAG_CARD_NUMBER, claim.card_number.encode("ascii")),
        Tlv(TAG_NAME, claim.name.encode("utf-8")),
        Tlv(TAG_RELATION, RELATION.encode(claim.relation)),
        Tlv(TAG_BIRTH, code_day(claim.date_of_birth)),
        Tlv(TAG_AADHAAR, claim.aadhaar_last_four.encode("ascii")),
        Tlv(TAG_DDO, claim.ddo_code.encode("ascii")),
        Tlv(TAG_VALID_UNTIL, code_day(claim.valid_until)),
        Tlv(TAG_ISSUED_ON, code_day(claim.issued_on)),
    ]
    if claim.serial is not None:
        children.append(Tlv(TAG_SERIAL, claim.serial))
    return Tlv(TAG_SIGNED, tuple(children))


def sign_sects_claim(claim: SectsClaim, keys: KeyStore) -> bytes:
    """The QR payload for ``claim``, signed with the station key of ``keys``."""
    return SCHEME.sign(_claim_tlv(claim), keys)


def _parse_claim(signed: Tlv) -> SectsClaim:
    try:
        card_number = SCHEME.field(signed, TAG_CARD_NUMBER, "card number").decode("ascii")
        name = SCHEME.field(signed, TAG_NAME, "name").decode("utf-8")
        aadhaar = SCHEME.field(signed, TAG_AADHAAR, "Aadhaar last four digits").decode("ascii")
        ddo = SCHEME.field(signed, TAG_DDO, "DDO/TO code").decode("ascii")
        relation = RELATION.decode(SCHEME.field(signed, TAG_RELATION, "relation"), "relation (tag 82)")
    except UnicodeDecodeError as exc:
        raise SectsQrError(f"the QR code's signed part has a malformed text field ({exc})") from None
    except FileFault as exc:
        raise SectsQrError(f"the QR code's signed part is malformed: {exc}") from None
    if not is_last_four(aadhaar):
        raise SectsQrError("the QR code's Aadhaar field is not four digits")
    serial = signed.find(TAG_SERIAL)
    return SectsClaim(
        card_number=card_number,
        name=name,
        relation=relation,
        date_of_birth=SCHEME.day(signed, TAG_BIRTH, "date of birth"),
        aadhaar_last_four=aadhaar,
        ddo_code=ddo,
        valid_until=SCHEME.day(signed, TAG_VALID_UNTIL, "validity"),
        issued_on=SCHEME.day(signed, TAG_ISSUED_ON, "issue date"),
        serial=None if serial is None else serial.data,
    )


def verify_sects_qr(payload: bytes, root_certificate: bytes, now: datetime) -> VerifiedClaim:
    """Check a scanned QR payload against the scheme root at ``now``; ``SectsQrError`` says why it is not
    genuine (not a SECTS code, damaged, edited, or signed by a station the root did not certify)."""
    return VerifiedClaim(*SCHEME.verify(payload, root_certificate, now, _parse_claim))
