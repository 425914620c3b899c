"""Which step a reader's card is at (writing, verifying), for a display that shows each reader live.

Why a transport decorator: ``card.personalise`` writes every file and then, after ACTIVATE FILE on the MF
(ISO/IEC 7816-9 §7.3, INS 44, the last write of a personalisation), reads everything back to verify it
(docs/card-operations.md "Personalisation state machine"). Watching the commands tells the display when
the read-back starts without the card code knowing about displays (gui/clerk/progress_transport.py does
the same for the clerk's single card).
"""

from __future__ import annotations

from collections.abc import Callable

from apdu.transport import Transport
from apdu.transport.decorator import TransportDecorator

INS_ACTIVATE_FILE = 0x44


class VerifyingSignal(TransportDecorator):
    """Passes every command to ``inner``; calls ``verifying()`` once, when the card has been activated and
    the read-back begins."""

    def __init__(self, inner: Transport, verifying: Callable[[], None]) -> None:
        super().__init__(inner)
        self._verifying = verifying
        self._told = False

    def transmit(self, command: bytes) -> bytes:
        response = self.inner.transmit(command)
        if not self._told and len(command) > 1 and command[1] == INS_ACTIVATE_FILE:
            self._told = True
            self._verifying()
        return response
