"""Station certificate chain verification against the one trusted root, at a given time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID
from keys_pki import NOW, Pki, der, make_pki

from card_station.keys.chain import verify_chain
from card_station.keys.errors import (
    CertificateExpired,
    CertificateNotYetValid,
    ChainError,
    KeyInputError,
    MalformedCertificate,
    RootNotTrustworthy,
    UntrustedIssuer,
    WrongCertificateProfile,
)
from card_station.keys.profiles import DEVELOPMENT_MARKER, EKU_SOD_SIGNING, issue_station, subject_name

Customise = Callable[[x509.CertificateBuilder], x509.CertificateBuilder]


def _leaf(pki: Pki, customise: Customise, key: ec.EllipticCurvePrivateKey | None = None) -> bytes:
    """A station-like certificate from the test root with hand-picked extensions."""
    public = (key or pki.station_key).public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject_name("Odd Station", development=True))
        .issuer_name(pki.root.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=1))
    )
    return der(customise(builder).sign(pki.root_key, hashes.SHA256()))


def _ku(*, digital_signature: bool, key_cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def test_good_chain_is_accepted(pki: Pki) -> None:
    info = verify_chain(pki.station_der, pki.root_der, NOW)
    assert info.is_development
    assert DEVELOPMENT_MARKER in info.subject
    assert info.issuer == pki.root.subject.rfc4514_string()
    assert info.not_after == pki.station.not_valid_after_utc


def test_production_profile_is_not_development() -> None:
    production = make_pki("Production Root", development=False)
    assert not verify_chain(production.station_der, production.root_der, NOW).is_development


def test_station_from_another_root_is_refused(pki: Pki) -> None:
    other = make_pki("Other Root")
    with pytest.raises(UntrustedIssuer, match="not by the trusted root"):
        verify_chain(other.station_der, pki.root_der, NOW)


def test_forged_issuer_name_is_refused_by_signature(pki: Pki) -> None:
    impostor = make_pki("Test Root")
    assert impostor.root.subject == pki.root.subject
    with pytest.raises(UntrustedIssuer, match="signature does not verify"):
        verify_chain(impostor.station_der, pki.root_der, NOW)


@pytest.mark.parametrize(
    ("moment", "error", "message"),
    [
        (NOW + timedelta(days=701), CertificateExpired, "station certificate expired"),
        (NOW - timedelta(days=31), CertificateNotYetValid, "station certificate is valid only from"),
        (NOW + timedelta(days=3651), CertificateExpired, "root certificate expired"),
        (NOW - timedelta(days=366), CertificateNotYetValid, "root certificate is valid only from"),
    ],
)
def test_validity_is_checked_at_the_given_time(pki: Pki, moment: datetime, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        verify_chain(pki.station_der, pki.root_der, moment)


def test_validity_bounds_are_inclusive(pki: Pki) -> None:
    verify_chain(pki.station_der, pki.root_der, pki.station.not_valid_after_utc)
    verify_chain(pki.station_der, pki.root_der, pki.station.not_valid_before_utc)


def test_naive_time_is_refused(pki: Pki) -> None:
    with pytest.raises(KeyInputError, match="timezone-aware"):
        verify_chain(pki.station_der, pki.root_der, NOW.replace(tzinfo=None))


def test_a_ca_false_root_is_refused(pki: Pki) -> None:
    # The station certificate offered as a "root" for a certificate it signed itself.
    fake_root_key = pki.station_key
    leaf = x509.CertificateBuilder().subject_name(subject_name("Leaf", development=True))
    leaf = (
        leaf.issuer_name(pki.station.subject)
        .public_key(ec.generate_private_key(ec.SECP256R1()).public_key())
        .serial_number(1)
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(fake_root_key, hashes.SHA256())
    )
    with pytest.raises(RootNotTrustworthy, match="not a CA certificate"):
        verify_chain(der(leaf), pki.station_der, NOW)


def test_a_root_without_key_cert_sign_is_refused() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = subject_name("Weak Root", development=True)
    root = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ku(digital_signature=True, key_cert_sign=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    with pytest.raises(RootNotTrustworthy, match="keyCertSign"):
        verify_chain(der(root), der(root), NOW)


def test_a_root_that_is_not_self_signed_is_refused(pki: Pki) -> None:
    other = make_pki("Cross Root")
    cross = (
        x509.CertificateBuilder()
        .subject_name(pki.root.subject)
        .issuer_name(other.root.subject)
        .public_key(pki.root.public_key())
        .serial_number(3)
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ku(digital_signature=False, key_cert_sign=True), critical=True)
        .sign(other.root_key, hashes.SHA256())
    )
    with pytest.raises(RootNotTrustworthy, match="not self-signed"):
        verify_chain(pki.station_der, der(cross), NOW)


def _with_profile(
    ca: bool | None, digital_signature: bool, eku: list[x509.ObjectIdentifier] | None
) -> Customise:
    def customise(builder: x509.CertificateBuilder) -> x509.CertificateBuilder:
        if ca is not None:
            builder = builder.add_extension(
                x509.BasicConstraints(ca=ca, path_length=None if not ca else 0), critical=True
            )
        builder = builder.add_extension(
            _ku(digital_signature=digital_signature, key_cert_sign=False), critical=True
        )
        if eku is not None:
            builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
        return builder

    return customise


@pytest.mark.parametrize(
    ("customise", "message"),
    [
        (_with_profile(True, True, [EKU_SOD_SIGNING]), "CA=false"),
        (_with_profile(None, True, [EKU_SOD_SIGNING]), "CA=false"),
        (_with_profile(False, False, [EKU_SOD_SIGNING]), "digitalSignature"),
        (_with_profile(False, True, None), "extended key usage"),
        (_with_profile(False, True, [ExtendedKeyUsageOID.SERVER_AUTH]), "extended key usage"),
    ],
)
def test_station_profile_is_enforced(pki: Pki, customise: Customise, message: str) -> None:
    with pytest.raises(WrongCertificateProfile, match=message):
        verify_chain(_leaf(pki, customise), pki.root_der, NOW)


def test_a_station_key_on_another_curve_is_refused(pki: Pki) -> None:
    p384 = ec.generate_private_key(ec.SECP384R1())
    with pytest.raises(WrongCertificateProfile, match="P-256"):
        verify_chain(_leaf(pki, _with_profile(False, True, [EKU_SOD_SIGNING]), p384), pki.root_der, NOW)


def test_the_station_profile_builder_passes_its_own_checks(pki: Pki) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = issue_station(
        pki.root,
        pki.root_key,
        key.public_key(),
        common_name="Second Station",
        not_before=NOW,
        not_after=NOW + timedelta(days=1),
        development=False,
    )
    assert "Second Station" in verify_chain(der(cert), pki.root_der, NOW).subject


@pytest.mark.parametrize(
    ("station", "root", "which"), [(b"\x30\x03junk", None, "station"), (None, b"", "root")]
)
def test_malformed_certificates_are_named(
    pki: Pki, station: bytes | None, root: bytes | None, which: str
) -> None:
    with pytest.raises(MalformedCertificate, match=f"the {which} certificate"):
        verify_chain(
            station if station is not None else pki.station_der,
            root if root is not None else pki.root_der,
            NOW,
        )


def test_a_certificate_period_that_ends_before_it_starts_is_refused(pki: Pki) -> None:
    with pytest.raises(KeyInputError, match="must end after it starts"):
        issue_station(
            pki.root,
            pki.root_key,
            pki.station_key.public_key(),
            common_name="Backwards",
            not_before=NOW,
            not_after=NOW - timedelta(days=1),
            development=True,
        )


def test_an_empty_common_name_is_refused() -> None:
    with pytest.raises(KeyInputError, match="common name"):
        subject_name("  ", development=True)


def test_every_single_byte_flip_in_the_station_certificate_fails_as_a_chain_error(pki: Pki) -> None:
    """cryptography parses certificate fields lazily; a damaged field must still surface as a ChainError
    (MalformedCertificate or a failed check), never as a library exception. The one flip that passes is
    the signature BIT STRING's unused-bits byte, outside what is signed: all but the fingerprint unchanged."""
    station = der(pki.station)
    genuine = verify_chain(station, pki.root_der, NOW)
    accepted = []
    for index in range(len(station)):
        damaged = bytearray(station)
        damaged[index] ^= 0x01
        try:
            facts = verify_chain(bytes(damaged), pki.root_der, NOW)
        except ChainError:
            continue
        assert replace(facts, sha256_fingerprint=genuine.sha256_fingerprint) == genuine
        accepted.append(index)
    assert len(accepted) <= 1
