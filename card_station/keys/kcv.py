"""Key check values: a short public fingerprint of a symmetric key.

Why: operators and logs must be able to say WHICH key is in use (after a key ceremony, in a diagnostic
report, in a test pin) without showing the key. The GlobalPlatform convention for AES keys is used (GP
Card Specification v2.3 §B.6, as GlobalPlatformPro's PlaintextKeys checks it): the first 3 bytes of
AES-ECB_K(16 bytes of 0x01), so a GP tool and this station show the same number for the same key. (The
payment-HSM convention encrypts the all-zero block instead; its values differ.)
"""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from card_station.keys.errors import KeyInputError

KCV_LENGTH = 3
_CHECK_BLOCK = b"\x01" * 16
_AES_KEY_LENGTHS = (16, 24, 32)


def key_check_value(key: bytes) -> bytes:
    """The 3-byte KCV of an AES key."""
    if len(key) not in _AES_KEY_LENGTHS:
        raise KeyInputError(f"a key check value needs an AES key of 16, 24 or 32 bytes, got {len(key)} bytes")
    # ECB on one fixed block is the KCV definition itself, not a way of encrypting data.
    encryptor = Cipher(algorithms.AES(bytes(key)), modes.ECB()).encryptor()  # noqa: S305
    return (encryptor.update(_CHECK_BLOCK) + encryptor.finalize())[:KCV_LENGTH]
