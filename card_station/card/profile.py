"""The two card sizes the layout is declared for (design "The card application": data profiles of one
layout, not code branches).

Why a separate enum from the domain's ``CardSize``: the domain records what the member asked for (seed
003 §13 "Type of ECHS Card (32/64 kb)"); this enum keys the file sizes of the layout, and the emulator's
own ``CardSize`` stays in ``apdu`` (which card_station never imports outside tests).
"""

from __future__ import annotations

from enum import Enum

from card_station.domain.records import CardSize

CAPACITY_BYTES = {"K32": 32 * 1024, "K64": 64 * 1024}

BLANK_CARD_USAGE = 298
"""EEPROM a blank card has already used before personalisation: MF, key EF 0001, EF.ATR/INFO and EF.GDO
with an 8-byte serial (docs/emulator.md "Memory model": a blank 64 KB card has 65 238 bytes free)."""


class CardProfile(Enum):
    """A card size; the value is the byte written in EF.CARD tag 81."""

    K32 = 0x20
    K64 = 0x40

    @property
    def capacity(self) -> int:
        """Total EEPROM bytes of the chip."""
        return CAPACITY_BYTES[self.name]

    @property
    def nominal_free(self) -> int:
        """Bytes free on a blank card of this size (the capacity less the blank card's own files)."""
        return self.capacity - BLANK_CARD_USAGE

    @property
    def label(self) -> str:
        return f"{self.capacity // 1024} KB"

    @classmethod
    def for_card_size(cls, size: CardSize) -> CardProfile:
        """The profile of the card generation an application asked for."""
        return {CardSize.KB32: cls.K32, CardSize.KB64: cls.K64}[size]
