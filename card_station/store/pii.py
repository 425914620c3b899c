"""Mobile and Aadhaar numbers: checked, encrypted at rest with the station data key, masked for display.

Why AES-GCM with the member's key as associated data: a copied database reveals no number, and a
ciphertext moved to another member's row fails to decrypt instead of showing the wrong person's number.
Why masks keep the last four digits: that is the form UIDAI prescribes for a masked Aadhaar
("XXXX-XXXX-1234") and what a clerk needs to confirm a number with the beneficiary. The data key is a
32-byte file under the data directory, created on first use with mode 0600, or passed in by the caller;
sub-keys for encryption and for the OTP HMAC are derived from it by HMAC-SHA-256 with distinct labels, so
one key never serves two purposes.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from card_station.domain import verhoeff

KEY_BYTES = 32
NONCE_BYTES = 12
_MOBILE = re.compile(r"[6-9]\d{9}")
_AADHAAR = re.compile(r"[2-9]\d{11}")


class PiiError(ValueError):
    """A number is malformed, or a ciphertext does not decrypt under this station's key."""


def normalise_mobile(text: str) -> str:
    """A 10-digit Indian mobile number; spaces, dashes and a +91 / 0 prefix are dropped."""
    digits = re.sub(r"[\s-]", "", text)
    digits = digits.removeprefix("+91") if digits.startswith("+91") else digits
    if len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    if not _MOBILE.fullmatch(digits):
        raise PiiError("a mobile number must be 10 digits starting with 6, 7, 8 or 9 (+91 prefix allowed)")
    return digits


def normalise_aadhaar(text: str) -> str:
    """A 12-digit Aadhaar number with a valid Verhoeff check digit; spaces and dashes are dropped."""
    digits = re.sub(r"[\s-]", "", text)
    if not _AADHAAR.fullmatch(digits):
        raise PiiError("an Aadhaar number must be 12 digits and cannot start with 0 or 1")
    if not verhoeff.is_valid(digits):
        raise PiiError("the Aadhaar number's check digit is wrong; re-read it from the card or letter")
    return digits


def mask(digits: str) -> str:
    """All but the last four digits replaced by X: '9876541234' -> 'XXXXXX1234'."""
    return "X" * max(len(digits) - 4, 0) + digits[-4:]


class DataKey:
    """The station data key. Never printed: its repr names only the key check value."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise PiiError(f"the station data key must be {KEY_BYTES} bytes, got {len(key)}")
        self._aead = AESGCM(self._sub_key(key, b"card-station pii aes-256-gcm"))
        self._otp = self._sub_key(key, b"card-station otp hmac-sha256")
        self.check_value = self._sub_key(key, b"card-station key check value")[:3].hex()

    @staticmethod
    def _sub_key(key: bytes, label: bytes) -> bytes:
        return hmac.new(key, label, hashlib.sha256).digest()

    def __repr__(self) -> str:
        return f"DataKey(kcv={self.check_value})"

    @classmethod
    def load_or_create(cls, path: Path) -> DataKey:
        """Read the key file, creating it (0600, exclusive) with a random key if it does not exist."""
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return cls(path.read_bytes())
        with os.fdopen(descriptor, "wb") as handle:
            key = os.urandom(KEY_BYTES)
            handle.write(key)
            handle.flush()
            os.fsync(handle.fileno())
        return cls(key)

    def encrypt(self, plaintext: str, *, field: str, owner: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext.encode(), f"{field}:{owner}".encode())

    def decrypt(self, blob: bytes, *, field: str, owner: str) -> str:
        try:
            plain = self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], f"{field}:{owner}".encode())
        except InvalidTag:
            raise PiiError(
                f"the {field} of {owner} does not decrypt: wrong station data key, or the value was moved"
            ) from None
        return plain.decode()

    @property
    def otp_key(self) -> bytes:
        """The OTP HMAC sub-key, for ``handover.OtpSecret`` (docs/otp.md "Wiring for the store")."""
        return self._otp

    def otp_mac(self, otp: str, *, application_key: str) -> bytes:
        """HMAC-SHA-256 of an OTP bound to its application; the store keeps only this."""
        return hmac.new(self._otp, f"{application_key}:{otp}".encode(), hashlib.sha256).digest()
