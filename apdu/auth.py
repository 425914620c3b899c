"""Symmetric challenge-response with AES-CMAC (NIST SP 800-38B, RFC 4493), shared by host and card.

The card proves nothing by echoing data: every cryptogram is a CMAC over a one-byte direction tag
followed by the challenges, so a value computed for one purpose is useless for another:

====  ==========================================  =====================================================
tag   cryptogram                                   sent by / in
====  ==========================================  =====================================================
01    CMAC_K(01 || RND.ICC)                        host, EXTERNAL AUTHENTICATE (ISO 7816-4 §11.5.4)
02    CMAC_K(02 || RND.IFD)                        card, INTERNAL AUTHENTICATE response (§11.5.2)
03    CMAC_K(03 || RND.ICC || RND.IFD)             host, MUTUAL AUTHENTICATE data (INS 82, 24 bytes)
04    CMAC_K(04 || RND.IFD || RND.ICC)             card, MUTUAL AUTHENTICATE response
====  ==========================================  =====================================================

The direction tags stop reflection attacks: an attacker who lets the card answer INTERNAL AUTHENTICATE
with a chosen RND.IFD equal to the card's own RND.ICC gets CMAC_K(02 || RND.ICC), which is not the
CMAC_K(01 || RND.ICC) that EXTERNAL AUTHENTICATE wants; likewise the card's mutual response (04) cannot be
replayed as a host request (03). Random numbers are 8 bytes and single use (the card forgets RND.ICC after
the next command). Verification compares in constant time (``hmac.compare_digest``).
"""

from __future__ import annotations

import hmac

from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.ciphers import algorithms

RANDOM_LENGTH = 8
CRYPTOGRAM_LENGTH = 16
AES_KEY_LENGTHS = (16, 24, 32)

EXTERNAL = 0x01
INTERNAL = 0x02
MUTUAL_REQUEST = 0x03
MUTUAL_RESPONSE = 0x04


class AuthInputError(ValueError):
    """A key or random number of the wrong length was passed to a challenge-response function."""


def check_key(key: bytes) -> bytes:
    """The key itself, after checking it is an AES-128/192/256 key. The message never shows the key."""
    if len(key) not in AES_KEY_LENGTHS:
        raise AuthInputError(f"an AES key has 16, 24 or 32 bytes, got {len(key)}")
    return bytes(key)


def _check_random(name: str, value: bytes) -> bytes:
    if len(value) != RANDOM_LENGTH:
        raise AuthInputError(f"{name} must be {RANDOM_LENGTH} bytes, got {len(value)}")
    return bytes(value)


def aes_cmac(key: bytes, message: bytes) -> bytes:
    """The full 16-byte AES-CMAC of ``message`` (RFC 4493)."""
    mac = cmac.CMAC(algorithms.AES(check_key(key)))
    mac.update(bytes(message))
    return mac.finalize()


def external_cryptogram(key: bytes, rnd_icc: bytes) -> bytes:
    """What the host sends in EXTERNAL AUTHENTICATE to prove it holds ``key``."""
    return aes_cmac(key, bytes((EXTERNAL,)) + _check_random("RND.ICC", rnd_icc))


def verify_external_cryptogram(key: bytes, rnd_icc: bytes, cryptogram: bytes) -> bool:
    """Card side of EXTERNAL AUTHENTICATE, in constant time."""
    return hmac.compare_digest(external_cryptogram(key, rnd_icc), bytes(cryptogram))


def internal_response(key: bytes, rnd_ifd: bytes) -> bytes:
    """What the card answers to INTERNAL AUTHENTICATE with the host's ``rnd_ifd``."""
    return aes_cmac(key, bytes((INTERNAL,)) + _check_random("RND.IFD", rnd_ifd))


def verify_internal_response(key: bytes, rnd_ifd: bytes, response: bytes) -> bool:
    """Host side of INTERNAL AUTHENTICATE: is the card genuine? Constant time."""
    return hmac.compare_digest(internal_response(key, rnd_ifd), bytes(response))


def mutual_request(key: bytes, rnd_icc: bytes, rnd_ifd: bytes) -> bytes:
    """The 24-byte data field of MUTUAL AUTHENTICATE: RND.IFD || CMAC_K(03 || RND.ICC || RND.IFD)."""
    rnd_icc = _check_random("RND.ICC", rnd_icc)
    rnd_ifd = _check_random("RND.IFD", rnd_ifd)
    return rnd_ifd + aes_cmac(key, bytes((MUTUAL_REQUEST,)) + rnd_icc + rnd_ifd)


def verify_mutual_request(key: bytes, rnd_icc: bytes, request: bytes) -> bytes | None:
    """Card side: the host's RND.IFD if ``request`` is a valid mutual request, else None."""
    if len(request) != RANDOM_LENGTH + CRYPTOGRAM_LENGTH:
        return None
    rnd_ifd = bytes(request[:RANDOM_LENGTH])
    expected = mutual_request(key, rnd_icc, rnd_ifd)
    return rnd_ifd if hmac.compare_digest(expected, bytes(request)) else None


def mutual_response(key: bytes, rnd_icc: bytes, rnd_ifd: bytes) -> bytes:
    """The card's 16-byte MUTUAL AUTHENTICATE answer: CMAC_K(04 || RND.IFD || RND.ICC)."""
    rnd_icc = _check_random("RND.ICC", rnd_icc)
    rnd_ifd = _check_random("RND.IFD", rnd_ifd)
    return aes_cmac(key, bytes((MUTUAL_RESPONSE,)) + rnd_ifd + rnd_icc)


def verify_mutual_response(key: bytes, rnd_icc: bytes, rnd_ifd: bytes, response: bytes) -> bool:
    """Host side: did the card that issued ``rnd_icc`` answer with the right key? Constant time."""
    return hmac.compare_digest(mutual_response(key, rnd_icc, rnd_ifd), bytes(response))
