"""Crypto known-answer tests: the primitives the station's keys and cards rely on give the published
answers on this machine (a broken or substituted crypto library is found before a card is written).

Vectors: NIST CAVP SP 800-108 KBKDF, CMAC-AES128, counter before fixed data, r = 32, COUNT 0 (as in
pyca/cryptography's vectors); RFC 4493 §4 example 2 (AES-CMAC, 16-byte message); RFC 4231 §4.2 test case
1 (HMAC-SHA-256). ECDSA has no fixed answer (its signatures are randomised): a P-256 signature made here
must verify, and must fail on one changed byte (FIPS 186-5 §6.4).
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from apdu.auth import aes_cmac
from card_station.keys.kdf import kbkdf_cmac_counter
from card_station.selftest.result import CheckResult, CheckStatus

_KDF = (
    "c10b152e8c97b77e18704e0f0bd38305",
    "98cd4cbbbebe15d17dc86e6dbad800a2dcbd64f7c7ad0e78e9cf94ffdba89d03e97eadf6c4f7b806caf52aa38f09d0eb"
    "71d71f497bcc6906b48d36c4",
    "26faf61908ad9ee881b8305c221db53f",
)
_CMAC = (
    "2b7e151628aed2a6abf7158809cf4f3c",
    "6bc1bee22e409f96e93d7e117393172a",
    "070a16b46b4d4144f79bdd9dd04a287c",
)
_HMAC = ("0b" * 20, b"Hi There".hex(), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")


def _kat(name: str, got: bytes, expected_hex: str) -> str | None:
    return (
        None
        if hmac.compare_digest(got.hex(), expected_hex)
        else f"{name}: got {got.hex()}, expected {expected_hex}"
    )


def _ecdsa() -> str | None:
    key = ec.generate_private_key(ec.SECP256R1())
    data = b"card station self-test"
    signature = key.sign(data, ec.ECDSA(hashes.SHA256()))
    public = key.public_key()
    try:
        public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return "ECDSA P-256: a signature made here does not verify"
    try:
        public.verify(signature, data + b"!", ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return None
    return "ECDSA P-256: a signature verified over changed data"


def check_crypto() -> CheckResult:
    problems = [
        _kat("KDF (SP 800-108 CMAC counter)", kbkdf_cmac_counter(*map(bytes.fromhex, _KDF[:2]), 16), _KDF[2]),
        _kat("AES-CMAC (RFC 4493)", aes_cmac(*map(bytes.fromhex, _CMAC[:2])), _CMAC[2]),
        _kat(
            "HMAC-SHA-256 (RFC 4231)",
            hmac.new(bytes.fromhex(_HMAC[0]), bytes.fromhex(_HMAC[1]), hashlib.sha256).digest(),
            _HMAC[2],
        ),
        _ecdsa(),
    ]
    failures = tuple(p for p in problems if p is not None)
    names = ("KDF", "AES-CMAC", "ECDSA sign/verify", "HMAC")
    if failures:
        return CheckResult(
            "crypto", "Crypto known-answer tests", CheckStatus.FAIL, "a known answer differs", failures
        )
    return CheckResult(
        "crypto", "Crypto known-answer tests", CheckStatus.PASS, ", ".join(names) + ": correct"
    )
