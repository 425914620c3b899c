"""ECDSA P-256 with SHA-256 signatures for the card security object (EF.SOD), DER-encoded (RFC 3279 §2.2.3).

Why DER and not raw r||s: it is what X.509 and CMS carry, so a later switch of EF.SOD to a CMS SignedData
(as ICAO 9303-10 does) needs no conversion. A counter calls ``verify_signed``: chain first, then the
signature, so a signature by a key the root never certified is refused however well-formed it is.
"""

from __future__ import annotations

from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from card_station.keys.chain import parse_certificate, verify_chain
from card_station.keys.errors import KeyInputError, SignatureMismatch
from card_station.keys.profiles import CURVE_NAME, CertificateInfo

SIGNATURE_ALGORITHM = ec.ECDSA(hashes.SHA256())


def sign_with(private_key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    """The DER ECDSA-SHA256 signature of ``data``."""
    if not isinstance(private_key, ec.EllipticCurvePrivateKey) or private_key.curve.name != CURVE_NAME:
        raise KeyInputError("the signing key must be an ECDSA P-256 private key")
    return private_key.sign(bytes(data), SIGNATURE_ALGORITHM)


def verify_signature(station_cert_der: bytes, data: bytes, signature: bytes) -> None:
    """Raise SignatureMismatch unless ``signature`` is the certificate key's signature of ``data``.

    This checks the signature only; ``verify_signed`` also checks that the certificate chains to the root.
    """
    public_key = parse_certificate(station_cert_der, "station").public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise SignatureMismatch("the station certificate does not hold an ECDSA public key")
    try:
        public_key.verify(bytes(signature), bytes(data), SIGNATURE_ALGORITHM)
    except InvalidSignature:
        raise SignatureMismatch(
            "the signature does not verify under the station certificate's key: "
            "the data was changed, or another key signed it"
        ) from None


def verify_signed(
    data: bytes, signature: bytes, station_cert_der: bytes, root_cert_der: bytes, now: datetime
) -> CertificateInfo:
    """The signer's certificate facts if the station certificate chains to the root at ``now`` and signed."""
    info = verify_chain(station_cert_der, root_cert_der, now)
    verify_signature(station_cert_der, data, signature)
    return info
