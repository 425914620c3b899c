"""The issuer master key at rest: AES-256-GCM under a key derived from the passphrase with scrypt.

Why this shape: scrypt (RFC 7914) makes each passphrase guess cost memory and time; AES-GCM (NIST SP
800-38D) both hides the key and detects any change to it. The file also holds a passphrase CHECK value
(HMAC-SHA256 under a second scrypt output half), so that a wrong passphrase and a damaged file give two
different, clear errors; it tells an attacker nothing the GCM tag would not, at the same scrypt cost. Every
header field is the GCM additional data, so editing the development flag or the KCV is detected too.

File (JSON, UTF-8)::

    {"format": "card-station/wrapped-key", "version": 1, "name": ..., "development": true|false,
     "kcv": "ABCDEF", "kdf": {"name": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": hex16},
     "aead": {"name": "AES-256-GCM", "nonce": hex12}, "check": hex32, "ciphertext": hex}
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from card_station.keys.errors import KeyInputError, TamperedKeyFile, WrongPassphrase
from card_station.keys.secret import SecretKey

FORMAT = "card-station/wrapped-key"
VERSION = 1
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_N = 2**20
SALT_BYTES = 16
NONCE_BYTES = 12
MIN_PASSPHRASE_CHARS = 8
_T = TypeVar("_T")
_CHECK_MESSAGE = b"card-station passphrase check"


@dataclass(frozen=True)
class UnwrappedKey:
    """A key read back from its file, with the header facts that were authenticated with it."""

    key: SecretKey
    development: bool


def check_passphrase(passphrase: str) -> bytes:
    """The passphrase as UTF-8 bytes, after refusing an obviously unusable one."""
    if not isinstance(passphrase, str):
        raise KeyInputError(f"a passphrase is text, got {type(passphrase).__name__}")
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise KeyInputError(f"a key store passphrase has at least {MIN_PASSPHRASE_CHARS} characters")
    return passphrase.encode("utf-8")


def _stretch(passphrase: bytes, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    material = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(passphrase)
    return material[:32], material[32:]


def _check_value(check_key: bytes) -> bytes:
    return hmac.new(check_key, _CHECK_MESSAGE, hashlib.sha256).digest()


def _aad(header: dict[str, object]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def wrap_key(key: SecretKey, passphrase: str, *, development: bool) -> bytes:
    """The JSON document holding ``key`` encrypted under ``passphrase``."""
    secret = check_passphrase(passphrase)
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    aead_key, check_key = _stretch(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    header: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "name": key.name,
        "development": development,
        "kcv": key.kcv,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex()},
        "aead": {"name": "AES-256-GCM", "nonce": nonce.hex()},
        "check": _check_value(check_key).hex(),
    }
    ciphertext = AESGCM(aead_key).encrypt(nonce, key.reveal(), _aad(header))
    return json.dumps({**header, "ciphertext": ciphertext.hex()}, indent=2).encode("utf-8") + b"\n"


class _Document:
    """Typed field access to one parsed wrapped-key document; every defect is a TamperedKeyFile."""

    def __init__(self, fields: object, path: Path, where: str = "") -> None:
        if not isinstance(fields, dict):
            raise TamperedKeyFile(path, f"{where or 'the document'} is not a JSON object")
        self._fields: dict[str, object] = fields
        self._path = path
        self._where = where

    def _get(self, name: str, kind: type[_T]) -> _T:
        value = self._fields.get(name)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TamperedKeyFile(self._path, f'"{self._where}{name}" is missing or not {kind.__name__}')
        return value

    def text(self, name: str) -> str:
        return self._get(name, str)

    def number(self, name: str) -> int:
        return self._get(name, int)

    def flag(self, name: str) -> bool:
        return self._get(name, bool)

    def child(self, name: str) -> _Document:
        return _Document(self._get(name, dict), self._path, f"{self._where}{name}.")

    def hex(self, name: str, length: int | None = None) -> bytes:
        try:
            value = bytes.fromhex(self.text(name))
        except ValueError:
            raise TamperedKeyFile(self._path, f'field "{self._where}{name}" is not hexadecimal') from None
        if length is not None and len(value) != length:
            raise TamperedKeyFile(self._path, f'field "{self._where}{name}" must be {length} bytes')
        return value

    def header(self) -> dict[str, object]:
        return {k: v for k, v in self._fields.items() if k != "ciphertext"}


def _parse(data: bytes, path: Path) -> _Document:
    try:
        document = _Document(json.loads(data.decode("utf-8")), path)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TamperedKeyFile(path, f"not a JSON document ({exc.__class__.__name__})") from None
    if document.text("format") != FORMAT or document.number("version") != VERSION:
        raise TamperedKeyFile(path, f'not a "{FORMAT}" version {VERSION} document')
    return document


def unwrap_key(data: bytes, passphrase: str, path: Path) -> UnwrappedKey:
    """The key in the wrapped-key document read from ``path``.

    Raises WrongPassphrase if the passphrase check fails, TamperedKeyFile if the passphrase is right but
    the document is malformed or fails authentication.
    """
    secret = check_passphrase(passphrase)
    document = _parse(data, path)
    kdf, aead = document.child("kdf"), document.child("aead")
    n, r, p = kdf.number("n"), kdf.number("r"), kdf.number("p")
    if kdf.text("name") != "scrypt" or aead.text("name") != "AES-256-GCM":
        raise TamperedKeyFile(path, "unsupported key-derivation or encryption algorithm")
    if not (2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        raise TamperedKeyFile(path, f"scrypt parameters out of range (n={n}, r={r}, p={p})")
    salt, nonce = kdf.hex("salt", SALT_BYTES), aead.hex("nonce", NONCE_BYTES)
    check, ciphertext = document.hex("check", 32), document.hex("ciphertext")
    name, development, kcv = document.text("name"), document.flag("development"), document.text("kcv")
    aead_key, check_key = _stretch(secret, salt, n, r, p)
    if not hmac.compare_digest(_check_value(check_key), check):
        raise WrongPassphrase(path.parent)
    try:
        material = AESGCM(aead_key).decrypt(nonce, ciphertext, _aad(document.header()))
    except InvalidTag:
        raise TamperedKeyFile(path, "the encrypted key or its header fails authentication") from None
    key = SecretKey(material, name, length=len(material))
    if not hmac.compare_digest(key.kcv, kcv):
        raise TamperedKeyFile(path, "the key does not match its recorded key check value")
    return UnwrappedKey(key=key, development=development)
