"""A transport straight to an in-process ``EmulatedCard``: no PC/SC, no threads, for fast tests.

It behaves like the PC/SC transport: for a card whose ATR offers T=0 only it sends GET RESPONSE after
61xx (collecting all the data) and resends the command with Le = xx after 6Cxx, so callers see T=1-like
exchanges either way. A ``PowerLost`` from the card (tearing injection) becomes ``CardRemoved`` naming the
reader, and the card stays unpowered until ``connect()`` or ``reset()``.
"""

from __future__ import annotations

from apdu.atr import parse_atr
from apdu.command import SHORT_MAX_NE, CommandApdu, MalformedApdu
from apdu.emulator import EmulatedCard, PowerLost
from apdu.transport import CardRemoved, TransportError

GET_RESPONSE_HEADER = bytes((0x00, 0xC0, 0x00, 0x00))


class LoopbackTransport:
    def __init__(self, card: EmulatedCard, name: str = "loopback") -> None:
        self._card = card
        self._name = name
        self._connected = False

    @property
    def name(self) -> str:
        return self._name

    @property
    def card(self) -> EmulatedCard:
        return self._card

    @property
    def atr(self) -> bytes:
        return self._card.atr

    @property
    def connected(self) -> bool:
        return self._connected

    def connect(self) -> None:
        """Power the card on (cold reset), as inserting it into a reader would."""
        self._card.power_on()
        self._connected = True

    def disconnect(self) -> None:
        """Power the card off: its volatile state (selection, authentication) is gone."""
        self._card.power_off()
        self._connected = False

    def reset(self) -> bytes:
        atr = self._card.power_on()
        self._connected = True
        return atr

    def transmit(self, command: bytes) -> bytes:
        if not self._connected:
            raise TransportError(f"reader {self._name}: not connected to the card; call connect() first")
        try:
            response = self._exchange(bytes(command))
        except PowerLost as lost:
            self._connected = False
            message = f"reader {self._name}: the card lost power during the command ({lost})"
            raise CardRemoved(message) from None
        return response

    def _exchange(self, command: bytes) -> bytes:
        response = self._card.process(command)
        if not parse_atr(self._card.atr).t0_only:
            return response
        sw1, sw2 = response[-2], response[-1]
        if sw1 == 0x6C:
            try:
                resend = CommandApdu.parse(command).with_ne(sw2 or SHORT_MAX_NE)
            except MalformedApdu:
                return response
            response = self._card.process(resend.to_bytes())
            sw1, sw2 = response[-2], response[-1]
        data = bytearray(response[:-2])
        while sw1 == 0x61:
            response = self._card.process(GET_RESPONSE_HEADER + bytes((sw2,)))
            data += response[:-2]
            sw1, sw2 = response[-2], response[-1]
        return bytes(data) + bytes((sw1, sw2))
