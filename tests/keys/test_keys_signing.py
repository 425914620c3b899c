"""Signing and verifying for EF.SOD: chain first, then signature; an uncertified key is refused."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, utils
from keys_pki import NOW, Pki, make_pki

from card_station.keys.errors import KeyInputError, SignatureMismatch, UntrustedIssuer
from card_station.keys.signing import sign_with, verify_signature, verify_signed

DATA = b"hashes of every EF bound to serial 80276883110000000042"


def test_a_station_signature_verifies(pki: Pki) -> None:
    signature = sign_with(pki.station_key, DATA)
    utils.decode_dss_signature(signature)
    info = verify_signed(DATA, signature, pki.station_der, pki.root_der, NOW)
    assert info.subject == pki.station.subject.rfc4514_string()


def test_changed_data_is_refused(pki: Pki) -> None:
    signature = sign_with(pki.station_key, DATA)
    with pytest.raises(SignatureMismatch, match="the data was changed, or another key signed it"):
        verify_signed(DATA + b"!", signature, pki.station_der, pki.root_der, NOW)


def test_a_signature_by_a_non_certified_key_is_refused(pki: Pki) -> None:
    rogue = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(SignatureMismatch):
        verify_signed(DATA, sign_with(rogue, DATA), pki.station_der, pki.root_der, NOW)


def test_a_valid_signature_under_a_certificate_from_another_root_is_refused(pki: Pki) -> None:
    other = make_pki("Other Root")
    signature = sign_with(other.station_key, DATA)
    verify_signature(other.station_der, DATA, signature)
    with pytest.raises(UntrustedIssuer):
        verify_signed(DATA, signature, other.station_der, pki.root_der, NOW)


def test_garbage_signature_is_a_mismatch(pki: Pki) -> None:
    with pytest.raises(SignatureMismatch):
        verify_signature(pki.station_der, DATA, b"\x30\x00")


def test_only_p256_keys_sign() -> None:
    with pytest.raises(KeyInputError, match="P-256"):
        sign_with(ec.generate_private_key(ec.SECP384R1()), DATA)
