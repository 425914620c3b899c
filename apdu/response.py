"""Response APDUs (ISO/IEC 7816-4:2020 §5.1): response data followed by the trailer SW1 SW2."""

from __future__ import annotations

from dataclasses import dataclass

from apdu.status import ApduError, describe, raise_for_status


class MalformedResponse(ApduError):
    """Fewer than the two trailer bytes came back."""


@dataclass(frozen=True)
class ResponseApdu:
    data: bytes
    sw: int

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @classmethod
    def parse(cls, raw: bytes) -> ResponseApdu:
        raw = bytes(raw)
        if len(raw) < 2:
            raise MalformedResponse(f"a response APDU ends with SW1 SW2, got {len(raw)} bytes")
        return cls(raw[:-2], int.from_bytes(raw[-2:], "big"))

    def to_bytes(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")

    def check(self, command: str = "") -> ResponseApdu:
        """Return self, or raise the typed error for the status word."""
        raise_for_status(self.sw, command)
        return self

    @property
    def meaning(self) -> str:
        return describe(self.sw)
