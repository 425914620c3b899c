"""Operator passwords: scrypt (RFC 7914) from the cryptography package, per-operator salt, constant-time
verify (issue 5, "Roles and audit").

Why these parameters: N=2**15, r=8, p=1 is the RFC 7914 §2 interactive-login setting (about 32 MiB and a
fraction of a second), which makes an offline guess at a stolen database costly while a login stays quick.
"""

from __future__ import annotations

import hmac
import os

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

SALT_BYTES = 16
HASH_BYTES = 32
_N, _R, _P = 2**15, 8, 1
MIN_PASSWORD_LENGTH = 10


class WeakPassword(ValueError):
    """The new password is refused; the message says why (never the password itself)."""


def _derive(salt: bytes, password: str) -> bytes:
    return Scrypt(salt=salt, length=HASH_BYTES, n=_N, r=_R, p=_P).derive(password.encode("utf-8"))


def check_strength(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if username.lower() in password.lower():
        raise WeakPassword("a password must not contain the username")


def hash_password(password: str) -> tuple[bytes, bytes]:
    """(salt, hash) for a new password, with a fresh random salt."""
    salt = os.urandom(SALT_BYTES)
    return salt, _derive(salt, password)


def password_matches(password: str, salt: bytes, expected: bytes) -> bool:
    return hmac.compare_digest(_derive(salt, password), expected)
