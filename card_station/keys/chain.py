"""Station certificate verification against the one trusted scheme root (RFC 5280 §6, reduced to a chain
of exactly two).

Why a hand-written check and not a general path builder: a counter trusts exactly one root and accepts
exactly one kind of leaf, so the whole policy fits in a page and each failed check can raise its own typed
error with a message saying what failed. The time is a parameter (a counter's clock, or a test's), never
read here.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec

from card_station.keys.errors import (
    CertificateExpired,
    CertificateNotYetValid,
    MalformedCertificate,
    RootNotTrustworthy,
    UntrustedIssuer,
    WrongCertificateProfile,
)
from card_station.keys.profiles import EKU_SOD_SIGNING, CertificateInfo, certificate_info, check_aware

_E = TypeVar("_E", bound=x509.ExtensionType)


def parse_certificate(der: bytes, what: str) -> x509.Certificate:
    """A DER certificate, or MalformedCertificate naming which certificate was unreadable."""
    if not isinstance(der, bytes | bytearray) or not der:
        raise MalformedCertificate(f"the {what} certificate is empty or not bytes")
    try:
        cert = x509.load_der_x509_certificate(bytes(der))
        # cryptography parses fields lazily: read every field the checks use now, so that a damaged
        # certificate fails here as MalformedCertificate and not later as a library error.
        _ = (cert.version, cert.issuer, cert.subject, cert.extensions, cert.signature_hash_algorithm)
        cert.public_key()
    except (ValueError, x509.InvalidVersion, x509.DuplicateExtension, UnsupportedAlgorithm) as exc:
        raise MalformedCertificate(
            f"the {what} certificate is not a usable X.509 certificate ({exc})"
        ) from None
    return cert


def _extension(cert: x509.Certificate, kind: type[_E]) -> _E | None:
    try:
        return cert.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None


def _check_validity(cert: x509.Certificate, what: str, now: datetime) -> None:
    if now < cert.not_valid_before_utc:
        raise CertificateNotYetValid(
            f"the {what} certificate is valid only from {cert.not_valid_before_utc.isoformat()}, "
            f"checked at {now.isoformat()}"
        )
    if now > cert.not_valid_after_utc:
        raise CertificateExpired(
            f"the {what} certificate expired at {cert.not_valid_after_utc.isoformat()}, "
            f"checked at {now.isoformat()}"
        )


def _check_root(root: x509.Certificate, now: datetime) -> None:
    constraints = _extension(root, x509.BasicConstraints)
    if constraints is None or not constraints.ca:
        raise RootNotTrustworthy(
            f"the root {root.subject.rfc4514_string()} is not a CA certificate "
            "(basicConstraints CA=true missing)"
        )
    usage = _extension(root, x509.KeyUsage)
    if usage is None or not usage.key_cert_sign:
        raise RootNotTrustworthy(
            f"the root {root.subject.rfc4514_string()} may not sign certificates (keyCertSign missing)"
        )
    try:
        root.verify_directly_issued_by(root)
    except (ValueError, InvalidSignature, TypeError):
        raise RootNotTrustworthy(f"the root {root.subject.rfc4514_string()} is not self-signed") from None
    _check_validity(root, "root", now)


def _check_issued_by_root(station: x509.Certificate, root: x509.Certificate) -> None:
    if station.issuer != root.subject:
        raise UntrustedIssuer(
            f"the station certificate was issued by {station.issuer.rfc4514_string()}, "
            f"not by the trusted root {root.subject.rfc4514_string()}"
        )
    try:
        station.verify_directly_issued_by(root)
    except (ValueError, InvalidSignature, TypeError):
        raise UntrustedIssuer(
            "the station certificate names the trusted root as issuer, but its signature does not verify "
            "under the root's key: it is forged or damaged"
        ) from None


def _check_station_profile(station: x509.Certificate) -> None:
    key = station.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        raise WrongCertificateProfile("the station certificate's key is not an ECDSA P-256 key")
    constraints = _extension(station, x509.BasicConstraints)
    if constraints is None or constraints.ca:
        raise WrongCertificateProfile("the station certificate must say basicConstraints CA=false")
    usage = _extension(station, x509.KeyUsage)
    if usage is None or not usage.digital_signature:
        raise WrongCertificateProfile("the station certificate's key usage lacks digitalSignature")
    eku = _extension(station, x509.ExtendedKeyUsage)
    if eku is None or EKU_SOD_SIGNING not in eku:
        raise WrongCertificateProfile(
            f"the station certificate lacks the extended key usage {EKU_SOD_SIGNING.dotted_string} "
            "(ECHS card security object signing)"
        )


def verify_chain(station_cert_der: bytes, root_cert_der: bytes, now: datetime) -> CertificateInfo:
    """The station certificate's facts if it chains to the root and fits the station profile at ``now``.

    Raises a ChainError subclass naming the failed check: MalformedCertificate, RootNotTrustworthy,
    UntrustedIssuer, CertificateNotYetValid, CertificateExpired or WrongCertificateProfile.
    """
    moment = check_aware(now, "the verification time")
    root = parse_certificate(root_cert_der, "root")
    station = parse_certificate(station_cert_der, "station")
    _check_root(root, moment)
    _check_issued_by_root(station, root)
    _check_validity(station, "station", moment)
    _check_station_profile(station)
    return certificate_info(station)
