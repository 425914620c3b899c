"""A signed code printed on a card face (the QR codes of issue 8 "Card face" and issue 9 SECTS cards): the
claim, signed by the issuing station's key and carrying its certificate, so that a counter holding only
the scheme root checks it offline. The key and certificate are those EF.SOD uses (``card.sod``), so one
root checks both the chip and the print. BER-TLV (ISO/IEC 7816-4 §5.2, ``apdu.tlv``):

    magic(2) version(1)
    A0 { the scheme's claim }
    9E signature: ECDSA-SHA256 (DER) over the bytes of the whole A0 object, by the station key
    90 station certificate (DER)

Each scheme has its own magic and its own error, and a code is opened only as the scheme its magic names:
an ECHS code ("EQ") never passes as a SECTS one ("SQ"), nor the reverse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from apdu.tlv import Tlv, TlvError, decode, encode
from card_station.card.sod import UNREADABLE_CERTIFICATE
from card_station.keys import KeyStore
from card_station.keys.profiles import CertificateInfo
from card_station.keys.signing import verify_signed

TAG_SIGNED = 0xA0
TAG_SIGNATURE = 0x9E
TAG_CERTIFICATE = 0x90

Claim = TypeVar("Claim")


def code_day(value: date) -> bytes:
    """A date as the codes carry it: ASCII ``YYYYMMDD``."""
    return value.strftime("%Y%m%d").encode("ascii")


@dataclass(frozen=True)
class CodeScheme:
    """One scheme's signed code: its magic and version, what it is called in errors (with its article),
    and the error it raises."""

    magic: bytes
    version: int
    name: str
    error: type[ValueError]

    def sign(self, claim: Tlv, keys: KeyStore) -> bytes:
        """The code for the A0 ``claim``, signed with the station key of ``keys``."""
        signed = claim.to_bytes()
        return (
            self.magic
            + bytes([self.version])
            + signed
            + encode(
                [Tlv(TAG_SIGNATURE, keys.sign(signed)), Tlv(TAG_CERTIFICATE, keys.station_certificate())]
            )
        )

    def verify(
        self, payload: bytes, root_certificate: bytes, now: datetime, parse: Callable[[Tlv], Claim]
    ) -> tuple[Claim, CertificateInfo]:
        """The claim ``parse`` reads from a scanned code, and the signing station's facts, once the
        signature and certificate chain check out against the scheme root at ``now``; ``error`` says why
        the code is not genuine (another scheme's code, damaged, edited, or signed by a station the root
        did not certify)."""
        header = len(self.magic) + 1
        if payload[: len(self.magic)] != self.magic:
            magic = self.magic.decode("ascii")
            raise self.error(f"this QR code is not {self.name} (it does not start with '{magic}')")
        if len(payload) < header or payload[header - 1] != self.version:
            raise self.error(f"unknown version of {self.name} (this station reads version {self.version})")
        try:
            objects = decode(payload[header:])
        except TlvError as exc:
            raise self.error(f"the QR code's data is damaged: {exc}") from None
        tags = [obj.tag for obj in objects]
        if tags != [TAG_SIGNED, TAG_SIGNATURE, TAG_CERTIFICATE]:
            raise self.error(
                f"the QR code holds objects {[f'{t:02X}' for t in tags]}, expected A0, 9E, 90 in that order"
            )
        signed, signature, certificate = objects
        claim = parse(signed)
        try:
            station = verify_signed(
                signed.to_bytes(), signature.data, certificate.data, root_certificate, now
            )
        except UNREADABLE_CERTIFICATE as exc:
            raise self.error(f"the QR code's signature is not genuine: {exc}") from None
        return claim, station

    def field(self, signed: Tlv, tag: int, what: str) -> bytes:
        """The value of the primitive ``tag`` in the signed part, which must be there."""
        found = signed.find(tag)
        if found is None or found.constructed:
            raise self.error(f"the QR code's signed part has no {what} (tag {tag:02X})")
        return found.data

    def day(self, signed: Tlv, tag: int, what: str) -> date:
        """The ``YYYYMMDD`` date of ``tag`` in the signed part."""
        raw = self.field(signed, tag, what)
        try:
            return datetime.strptime(raw.decode("ascii"), "%Y%m%d").date()
        except (UnicodeDecodeError, ValueError):
            raise self.error(f"the QR code's {what} (tag {tag:02X}) is not a YYYYMMDD date") from None
