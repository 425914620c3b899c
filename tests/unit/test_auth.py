"""AES-CMAC challenge-response (apdu.auth): RFC 4493 vectors, pinned known answers, reflection."""

from __future__ import annotations

import pytest

from apdu.auth import (
    AuthInputError,
    aes_cmac,
    external_cryptogram,
    internal_response,
    mutual_request,
    mutual_response,
    verify_external_cryptogram,
    verify_internal_response,
    verify_mutual_request,
    verify_mutual_response,
)

RFC_KEY = bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c")
KEY = bytes(range(16))
RND_ICC = bytes.fromhex("0102030405060708")
RND_IFD = bytes.fromhex("a1a2a3a4a5a6a7a8")
# Pinned outputs for KEY, RND_ICC, RND_IFD: a change here breaks every personalised card.
KNOWN = {
    "external": "53f8aed1579d95847a4b4c0b21b1b43a",
    "internal": "dd117c153b68ad24f6318879976ae1ca",
    "mutual_request": "a1a2a3a4a5a6a7a8058951930a744d1dc244b9d038b13d1b",
    "mutual_response": "5feb44e2449f63064ec93b8d4cfc16d2",
}


@pytest.mark.parametrize(
    ("message", "mac"),
    [
        ("", "bb1d6929e95937287fa37d129b756746"),
        ("6bc1bee22e409f96e93d7e117393172a", "070a16b46b4d4144f79bdd9dd04a287c"),
        (
            "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411",
            "dfa66747de9ae63030ca32611497c827",
        ),
    ],
)
def test_rfc4493_vectors(message: str, mac: str) -> None:
    assert aes_cmac(RFC_KEY, bytes.fromhex(message)).hex() == mac


def test_cryptograms_are_cmacs_over_direction_tag_and_randoms() -> None:
    assert external_cryptogram(KEY, RND_ICC) == aes_cmac(KEY, b"\x01" + RND_ICC)
    assert internal_response(KEY, RND_IFD) == aes_cmac(KEY, b"\x02" + RND_IFD)
    assert mutual_request(KEY, RND_ICC, RND_IFD) == RND_IFD + aes_cmac(KEY, b"\x03" + RND_ICC + RND_IFD)
    assert mutual_response(KEY, RND_ICC, RND_IFD) == aes_cmac(KEY, b"\x04" + RND_IFD + RND_ICC)


def test_known_answers() -> None:
    assert external_cryptogram(KEY, RND_ICC).hex() == KNOWN["external"]
    assert internal_response(KEY, RND_IFD).hex() == KNOWN["internal"]
    assert mutual_request(KEY, RND_ICC, RND_IFD).hex() == KNOWN["mutual_request"]
    assert mutual_response(KEY, RND_ICC, RND_IFD).hex() == KNOWN["mutual_response"]


def test_verifiers_accept_the_right_values_and_refuse_others() -> None:
    assert verify_external_cryptogram(KEY, RND_ICC, external_cryptogram(KEY, RND_ICC))
    assert not verify_external_cryptogram(KEY, RND_ICC, bytes(16))
    assert verify_internal_response(KEY, RND_IFD, internal_response(KEY, RND_IFD))
    assert verify_mutual_request(KEY, RND_ICC, mutual_request(KEY, RND_ICC, RND_IFD)) == RND_IFD
    assert verify_mutual_request(KEY, RND_ICC, mutual_request(KEY, RND_IFD, RND_IFD)) is None
    assert verify_mutual_request(KEY, RND_ICC, b"short") is None
    assert verify_mutual_response(KEY, RND_ICC, RND_IFD, mutual_response(KEY, RND_ICC, RND_IFD))
    assert not verify_mutual_response(KEY, RND_IFD, RND_ICC, mutual_response(KEY, RND_ICC, RND_IFD))


def test_direction_tags_defeat_reflection() -> None:
    # the card's answers can never serve as the host's proofs, even for the same random numbers
    assert internal_response(KEY, RND_ICC) != external_cryptogram(KEY, RND_ICC)
    mirrored = mutual_response(KEY, rnd_icc=RND_IFD, rnd_ifd=RND_ICC)
    assert RND_IFD + mirrored != mutual_request(KEY, RND_ICC, RND_IFD)


def test_bad_inputs_are_refused_without_showing_the_key() -> None:
    secret = b"S" * 15
    with pytest.raises(AuthInputError, match="16, 24 or 32") as caught:
        external_cryptogram(secret, RND_ICC)
    assert "SSS" not in str(caught.value)
    with pytest.raises(AuthInputError, match=r"RND\.ICC"):
        external_cryptogram(KEY, b"1234567")
    with pytest.raises(AuthInputError, match=r"RND\.IFD"):
        internal_response(KEY, b"123456789")
    assert len(external_cryptogram(bytes(24), RND_ICC)) == len(external_cryptogram(bytes(32), RND_ICC)) == 16
