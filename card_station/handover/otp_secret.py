"""The station secret that turns an OTP into the HMAC kept at rest, and the plaintext OTP's wrapper.

Why an HMAC and not a hash: six digits have only 10^6 values, so a plain SHA-256 of them is reversed by
trying them all; an HMAC under a station secret that is not in the database cannot be. Why the family key
and the OTP's id go into the MAC input: the same six digits issued to another family, or an old OTP's
record, give a different MAC, so an OTP verifies only against its own record for its own family
(issue 6, "an OTP belongs to one family's cards and fails for any other"). The fields are length-prefixed
so that no two different (family, id, OTP) triples can produce the same input.

Why `PlainOtp` hides its digits from repr and str: an OTP that ends up in an f-string, a log record or a
traceback must show as masked; reading `.digits` is the one deliberate act that reveals it (for the SMS
text, or the fallback operator's screen).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field

SECRET_MIN_BYTES = 32
OTP_DIGITS = 6
_OTP_PATTERN = re.compile(rf"[0-9]{{{OTP_DIGITS}}}")
_MAC_LABEL = b"card-station handover otp v1"


class OtpSecretError(ValueError):
    """The station OTP secret is unusable (too short)."""


def is_otp_text(text: str) -> bool:
    """Whether `text` is exactly six ASCII digits (leading zeros allowed)."""
    return _OTP_PATTERN.fullmatch(text) is not None


@dataclass(frozen=True, repr=False)
class PlainOtp:
    """The six digits of an OTP, held only between issue and delivery (SMS or the fallback screen)."""

    digits: str = field(repr=False)

    def __post_init__(self) -> None:
        if not is_otp_text(self.digits):
            raise ValueError(f"an OTP is exactly {OTP_DIGITS} digits 0-9")

    def __repr__(self) -> str:
        return "PlainOtp(<hidden>)"

    def __str__(self) -> str:
        return "*" * OTP_DIGITS


def _field(value: str) -> bytes:
    encoded = value.encode("utf-8")
    return len(encoded).to_bytes(4, "big") + encoded


class OtpSecret:
    """The station's HMAC-SHA-256 key for OTPs: 32 bytes or more (RFC 2104 §3)."""

    __slots__ = ("_key",)

    def __init__(self, key: bytes) -> None:
        if len(key) < SECRET_MIN_BYTES:
            raise OtpSecretError(
                f"the station OTP secret must be at least {SECRET_MIN_BYTES} bytes, got {len(key)}; "
                "generate one with secrets.token_bytes(32)"
            )
        self._key = bytes(key)

    def __repr__(self) -> str:
        return "OtpSecret(<redacted>)"

    def mac(self, *, family_key: str, otp_id: str, otp: str) -> bytes:
        """The MAC stored for `otp`, bound to the family and to the OTP record's id."""
        message = _MAC_LABEL + _field(family_key) + _field(otp_id) + _field(otp)
        return hmac.new(self._key, message, hashlib.sha256).digest()
