"""EF.SOD: the security object (template E6), the same idea as the ICAO 9303-10 EF.SOD, simpler.

Structure (docs/card-layout.md "EF.SOD")::

    E6  security object
      E7  signed content: the signature covers these bytes exactly, tag and length included
        80 01     layout version
        5A nn     card serial (EF.GDO 2F02 tag 5A)
        81 07     signing time, BCD YYYYMMDDhhmmss UTC
        06 09     hash algorithm: OID 2.16.840.1.101.3.4.2.1 (SHA-256)
        A2 ..     file hashes, one per signed file:
          A3 ..     83 02 FID, 84 20 SHA-256 of the file's content
        82 ..     station certificate, X.509 DER
      85 ..     ECDSA P-256 / SHA-256 signature of E7, DER (RFC 3279 §2.2.3)

Why the certificate is inside the signed content: it binds the signer to the object, as ICAO's
signed attributes do, and costs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from apdu.tlv import Tlv
from card_station.card.codecs.extent import FileFault
from card_station.card.codecs.framing import Fields, bcd_time_bytes, single_object, uint

TAG_SOD = 0xE6
TAG_SIGNED = 0xE7
TAG_VERSION = 0x80
TAG_SERIAL = 0x5A
TAG_SIGNED_AT = 0x81
TAG_ALGORITHM = 0x06
TAG_HASHES = 0xA2
TAG_HASH_ENTRY = 0xA3
TAG_FID = 0x83
TAG_DIGEST = 0x84
TAG_CERTIFICATE = 0x82
TAG_SIGNATURE = 0x85

SHA256_OID = bytes.fromhex("608648016503040201")
DIGEST_SIZE = 32


@dataclass(frozen=True)
class SecurityObject:
    """A decoded EF.SOD. ``signed_content`` is the E7 object's bytes, which the signature covers."""

    layout_version: int
    serial: bytes
    signed_at: datetime
    hashes: Mapping[int, bytes]
    certificate: bytes
    signature: bytes
    signed_content: bytes

    def __post_init__(self) -> None:
        object.__setattr__(self, "hashes", MappingProxyType(dict(self.hashes)))


def signed_content(
    layout_version: int, serial: bytes, signed_at: datetime, hashes: Mapping[int, bytes], certificate: bytes
) -> bytes:
    """The E7 object a station signs."""
    entries = tuple(
        Tlv(TAG_HASH_ENTRY, (Tlv(TAG_FID, fid.to_bytes(2, "big")), Tlv(TAG_DIGEST, digest)))
        for fid, digest in sorted(hashes.items())
    )
    return Tlv(
        TAG_SIGNED,
        (
            uint(TAG_VERSION, layout_version, 1, "layout version"),
            Tlv(TAG_SERIAL, bytes(serial)),
            Tlv(TAG_SIGNED_AT, bcd_time_bytes(signed_at)),
            Tlv(TAG_ALGORITHM, SHA256_OID),
            Tlv(TAG_HASHES, entries),
            Tlv(TAG_CERTIFICATE, bytes(certificate)),
        ),
    ).to_bytes()


def encode(sod: SecurityObject) -> bytes:
    return Tlv(
        TAG_SOD, (single_object(sod.signed_content, TAG_SIGNED), Tlv(TAG_SIGNATURE, bytes(sod.signature)))
    ).to_bytes()


def _hashes(hashes: Tlv) -> dict[int, bytes]:
    result: dict[int, bytes] = {}
    for index, entry in enumerate(hashes.children, 1):
        if entry.tag != TAG_HASH_ENTRY:
            raise FileFault(f"file hash entry {index} has tag {entry.tag:X}, expected A3")
        fields = Fields(entry, (TAG_FID, TAG_DIGEST), f"file hash entry {index}")
        fid = fields.uint(TAG_FID, 2, "FID")
        digest = fields.raw(TAG_DIGEST, "SHA-256")
        if len(digest) != DIGEST_SIZE:
            raise FileFault(f"file hash entry {index} (FID {fid:04X}): {len(digest)}-byte hash, expected 32")
        if fid in result:
            raise FileFault(f"file hash entry {index}: FID {fid:04X} is hashed twice")
        result[fid] = digest
    return result


def decode(raw: bytes) -> SecurityObject:
    outer = Fields(single_object(raw, TAG_SOD), (TAG_SIGNED, TAG_SIGNATURE), "security object")
    signed = outer.constructed(TAG_SIGNED, "signed content")
    fields = Fields(
        signed,
        (TAG_VERSION, TAG_SERIAL, TAG_SIGNED_AT, TAG_ALGORITHM, TAG_HASHES, TAG_CERTIFICATE),
        "signed content",
    )
    algorithm = fields.raw(TAG_ALGORITHM, "hash algorithm")
    if algorithm != SHA256_OID:
        raise FileFault(f"hash algorithm OID {algorithm.hex().upper()} is not SHA-256 (608648016503040201)")
    return SecurityObject(
        layout_version=fields.uint(TAG_VERSION, 1, "layout version"),
        serial=fields.raw(TAG_SERIAL, "card serial"),
        signed_at=fields.time(TAG_SIGNED_AT, "signing time"),
        hashes=_hashes(fields.constructed(TAG_HASHES, "file hashes")),
        certificate=fields.raw(TAG_CERTIFICATE, "station certificate"),
        signature=outer.raw(TAG_SIGNATURE, "signature"),
        signed_content=signed.to_bytes(),
    )
