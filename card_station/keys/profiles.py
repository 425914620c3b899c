"""The two certificate profiles of the scheme (root CA, issuing station) and the facts read back from them.

Why our own profiles and OIDs: counters trust only the scheme root, and a station certificate is good for
one thing, signing a card's security object (EF.SOD, design "The card application"). The extended key
usage says so, so a certificate made for anything else (a TLS server, another CA's leaf) is refused even
if it chains. The OIDs sit under a private arc needing no registration: ITU-T X.667 / ISO/IEC 9834-8
UUID-based OIDs, 2.25.<UUID as an integer>, here UUID 1a6a39dd-4856-460e-a3ba-010d102570fd.

Development certificates carry the development policy OID AND "DEVELOPMENT - NOT FOR ISSUE" in the subject
CN, so that both machines and people see them for what they are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from card_station.keys.errors import KeyInputError

CARD_STATION_ARC = "2.25.35111484986571047385085653638497792253"
EKU_SOD_SIGNING = x509.ObjectIdentifier(f"{CARD_STATION_ARC}.1.1")
POLICY_DEVELOPMENT = x509.ObjectIdentifier(f"{CARD_STATION_ARC}.2.1")
DEVELOPMENT_MARKER = "DEVELOPMENT - NOT FOR ISSUE"
ORGANISATION = "ECHS Card Station"
CURVE_NAME = ec.SECP256R1.name


def check_aware(moment: datetime, what: str) -> datetime:
    """A timezone-aware moment; a naive one is refused, since its meaning depends on the machine's zone."""
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise KeyInputError(f"{what} must be a timezone-aware datetime (datetime.now(UTC)), got {moment!r}")
    return moment


def subject_name(common_name: str, *, development: bool) -> x509.Name:
    """O = ECHS Card Station, CN = the name, with the development marker appended for development keys."""
    if not common_name.strip():
        raise KeyInputError("a certificate common name must not be empty")
    cn = f"{common_name} - {DEVELOPMENT_MARKER}" if development else common_name
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _development_policy() -> x509.CertificatePolicies:
    return x509.CertificatePolicies([x509.PolicyInformation(POLICY_DEVELOPMENT, None)])


def _check_period(not_before: datetime, not_after: datetime) -> None:
    if check_aware(not_after, "not_after") <= check_aware(not_before, "not_before"):
        raise KeyInputError(f"a certificate must end after it starts: {not_before} .. {not_after}")


def issue_root(
    root_key: ec.EllipticCurvePrivateKey,
    common_name: str,
    not_before: datetime,
    not_after: datetime,
    *,
    development: bool,
) -> x509.Certificate:
    """A self-signed scheme root: CA=true, pathlen 0 (it certifies stations only), keyCertSign, cRLSign."""
    _check_period(not_before, not_after)
    name = subject_name(common_name, development=development)
    public = root_key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    if development:
        builder = builder.add_extension(_development_policy(), critical=False)
    return builder.sign(root_key, hashes.SHA256())


def issue_station(
    root_cert: x509.Certificate,
    root_key: ec.EllipticCurvePrivateKey,
    station_public_key: ec.EllipticCurvePublicKey,
    *,
    common_name: str,
    not_before: datetime,
    not_after: datetime,
    development: bool,
) -> x509.Certificate:
    """A station certificate: CA=false, digitalSignature only, EKU "ECHS card security object signing"."""
    _check_period(not_before, not_after)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject_name(common_name, development=development))
        .issuer_name(root_cert.subject)
        .public_key(station_public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([EKU_SOD_SIGNING]), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(station_public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
        )
    )
    if development:
        builder = builder.add_extension(_development_policy(), critical=False)
    return builder.sign(root_key, hashes.SHA256())


def is_development_certificate(cert: x509.Certificate) -> bool:
    """True if the certificate carries the development policy OID or the development marker in its CN."""
    try:
        policies = cert.extensions.get_extension_for_class(x509.CertificatePolicies).value
    except x509.ExtensionNotFound:
        policies = x509.CertificatePolicies([])
    if any(p.policy_identifier == POLICY_DEVELOPMENT for p in policies):
        return True
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return any(DEVELOPMENT_MARKER in str(a.value) for a in names)


@dataclass(frozen=True)
class CertificateInfo:
    """What a caller shows or decides on about a certificate; holds no key material."""

    subject: str
    issuer: str
    serial_number: int
    not_before: datetime
    not_after: datetime
    is_development: bool
    sha256_fingerprint: str


def certificate_info(cert: x509.Certificate) -> CertificateInfo:
    """The CertificateInfo of a parsed certificate."""
    der = cert.public_bytes(serialization.Encoding.DER)
    return CertificateInfo(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        serial_number=cert.serial_number,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        is_development=is_development_certificate(cert),
        sha256_fingerprint=hashlib.sha256(der).hexdigest().upper(),
    )
