"""The card stock this station personalises, recognised from the ATR before any write.

Why a table: ISO/IEC 7816 offers no standard command that says how much EEPROM a chip has, so a station
knows its supplier's chips by the card issuer's data of the ATR historical bytes (ISO/IEC 7816-4
§12.1.1.5) and refuses any other card before writing to it (issue 4: "a 32 KB card given a 64 KB layout
gets a clear error before any write"). The emulated cards name themselves there (docs/emulator.md "ATR").
A new chip type is a new row, after it has been qualified.
"""

from __future__ import annotations

from dataclasses import dataclass

from apdu.atr import AtrError, parse_atr
from card_station.card.operation_errors import WrongCard
from card_station.card.profile import BLANK_CARD_USAGE, CardProfile


@dataclass(frozen=True)
class Chip:
    """A qualified chip: its name, its card issuer's data in the ATR, its size and the blank card's use."""

    name: str
    issuer_data: bytes
    profile: CardProfile
    blank_usage: int = BLANK_CARD_USAGE

    @property
    def free_when_blank(self) -> int:
        return self.profile.capacity - self.blank_usage


CHIPS: tuple[Chip, ...] = (
    Chip("Card Station emulated 64 KB card (development)", b"CSEMU64K", CardProfile.K64),
    Chip("Card Station emulated 32 KB card (development)", b"CSEMU32K", CardProfile.K32),
)


def chip_from_atr(atr: bytes) -> Chip:
    """The qualified chip this ATR belongs to; ``WrongCard`` for any other card."""
    try:
        parsed = parse_atr(atr)
    except AtrError as exc:
        raise WrongCard(
            f"the card's ATR is not valid ({exc}); use a card from the station's card stock"
        ) from None
    for chip in CHIPS:
        if parsed.issuer_data == chip.issuer_data:
            return chip
    known = "; ".join(chip.name for chip in CHIPS)
    raise WrongCard(
        f"this card (ATR {atr.hex(' ').upper()}) is not a chip type the station knows ({known}): "
        "its memory size cannot be confirmed, so it is not personalised"
    )
