"""Station credentials: how a station proves who it is to the central service.

Why a bearer token holding a random secret, stored at the centre only as its SHA-256: the secret is 256
random bits, so a fast hash is as strong as a slow KDF against guessing, and a leaked central database
cannot be replayed against the centre (an HMAC scheme would need the centre to keep the key itself). The
token travels in ``Authorization: Bearer`` (RFC 6750), so the service is deployed behind TLS
(docs/sync.md). Checks use ``hmac.compare_digest``. The secret never appears in a repr or a log line.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field

TOKEN_PREFIX = "cs1"  # noqa: S105 -- a format tag, not a secret
_STATION_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{43}")
_SECRET_BYTES = 32


class CredentialError(ValueError):
    """A credential or station ID that is malformed; the message says what the right form is."""


def check_station_id(station_id: str) -> str:
    """A station ID is 1-40 of lower-case letters, digits and '-', starting with a letter or digit."""
    if not _STATION_ID.fullmatch(station_id):
        raise CredentialError(
            f"station ID {station_id!r} is not valid: use 1-40 lower-case letters, digits or '-', "
            "starting with a letter or digit (for example 'stn-hq-lucknow')"
        )
    return station_id


def hash_secret(secret: str) -> bytes:
    """What the centre stores: SHA-256 of the secret's text."""
    return hashlib.sha256(secret.encode("ascii")).digest()


def secret_matches(secret: str, stored_hash: bytes) -> bool:
    """Constant-time comparison of a presented secret with the stored hash."""
    return hmac.compare_digest(hash_secret(secret), stored_hash)


@dataclass(frozen=True)
class Credential:
    """A station's ID and secret; ``repr`` hides the secret."""

    station_id: str
    secret: str = field(repr=False)

    def __post_init__(self) -> None:
        check_station_id(self.station_id)
        if not _SECRET.fullmatch(self.secret):
            raise CredentialError(
                f"the secret for station {self.station_id!r} is malformed: expected 43 URL-safe base64 "
                "characters as printed by 'card-station central station add'"
            )

    @classmethod
    def new(cls, station_id: str) -> Credential:
        return cls(station_id, secrets.token_urlsafe(_SECRET_BYTES))

    @property
    def token(self) -> str:
        """The text the station keeps and sends: ``cs1:<station ID>:<secret>``."""
        return f"{TOKEN_PREFIX}:{self.station_id}:{self.secret}"

    @classmethod
    def parse(cls, token: str) -> Credential:
        parts = token.strip().split(":")
        if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
            raise CredentialError(
                f"a station credential has the form '{TOKEN_PREFIX}:<station ID>:<secret>' "
                "(as printed once by 'card-station central station add'); this one does not"
            )
        return cls(parts[1], parts[2])
