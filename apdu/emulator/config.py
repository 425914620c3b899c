"""What kind of card is emulated: EEPROM size, extended length, protocol; and the I/O buffer limits."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

IO_BUFFER = 2048
"""Largest Nc and Ne the card handles with extended length (bytes of command / response data)."""
MAX_COMMAND_APDU = 4 + 3 + IO_BUFFER + 2
"""Largest command APDU (header, extended Lc, data, extended Le), announced in EF.ATR/INFO 7F66."""
MAX_RESPONSE_APDU = IO_BUFFER + 2
"""Largest response APDU (data and SW1 SW2), announced in EF.ATR/INFO 7F66."""


class CardSize(Enum):
    """EEPROM capacity of the emulated chip (the 32 KB and 64 KB cards of the scheme)."""

    K32 = 32 * 1024
    K64 = 64 * 1024

    @property
    def label(self) -> str:
        return f"{self.value // 1024}K"


@dataclass(frozen=True)
class CardConfig:
    size: CardSize
    extended_length: bool
    t0: bool
