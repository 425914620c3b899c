"""A holder for a symmetric secret key that never shows the key.

Why a class and not plain bytes: bytes print themselves in full in a traceback, a log line, a debugger or
a dataclass repr. This holder's repr and str show only its name and key check value; equality is
constant-time (``hmac.compare_digest``); the material is reached only through ``reveal()``, so every place
that lets a key leave the process is greppable.
"""

from __future__ import annotations

import hmac

from card_station.keys.errors import KeyInputError
from card_station.keys.kcv import key_check_value


class SecretKey:
    """An AES key with a name for messages; ``repr`` shows the name and KCV only."""

    __slots__ = ("_material", "name")

    def __init__(self, material: bytes, name: str, *, length: int = 16) -> None:
        if not isinstance(material, bytes | bytearray):
            raise KeyInputError(f"the {name} is bytes, got {type(material).__name__}")
        if len(material) != length:
            raise KeyInputError(f"the {name} must be {length} bytes (AES-{length * 8}), not {len(material)}")
        self._material = bytes(material)
        self.name = name

    def reveal(self) -> bytes:
        """The key bytes: only for deriving, wrapping into storage, or importing into a token."""
        return self._material

    @property
    def kcv(self) -> str:
        """The GlobalPlatform key check value as upper-case hex, safe to show and log."""
        return key_check_value(self._material).hex().upper()

    def __repr__(self) -> str:
        return f"SecretKey(name={self.name!r}, kcv={self.kcv})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SecretKey):
            return NotImplemented
        return hmac.compare_digest(self._material, other._material)

    __hash__ = None  # unhashable on purpose: a key is not a dictionary key or set member
