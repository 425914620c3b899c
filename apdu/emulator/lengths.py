"""How much response data a command may return (Ne), with this card's I/O buffer (ISO 7816-4 §5.1)."""

from __future__ import annotations

from apdu.command import EXTENDED_MAX_NE, SHORT_MAX_NE, CommandApdu
from apdu.emulator.config import IO_BUFFER
from apdu.emulator.errors import CardError


def response_limit(apdu: CommandApdu) -> tuple[int, bool]:
    """(most bytes to return, whether Le asked for "all available").

    Le = 00 (short) or 0000 (extended) asks for everything available up to the limit, so a shorter answer
    is not a warning (§5.1: "all the available bytes should be returned"). Extended Le 0000 is capped at
    the I/O buffer; other extended Le values above it were already refused with 6700.
    """
    if apdu.ne is None:
        raise CardError(0x6700, "this command returns data: Le is required")
    if apdu.extended:
        if apdu.ne == EXTENDED_MAX_NE:
            return IO_BUFFER, True
        return apdu.ne, False
    return apdu.ne, apdu.ne == SHORT_MAX_NE


def no_data(apdu: CommandApdu) -> None:
    if apdu.data:
        raise CardError(0x6700, "this command takes no data field")
