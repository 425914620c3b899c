"""Progress by file, and cancel at a file boundary, for a personalisation run on the worker thread.

Why a transport wrapper: ``card.personalise`` creates each file with CREATE FILE (ISO/IEC 7816-4 §11.6.2,
INS E0, the FCP template carrying the file identifier in tag 83) and writes it while it is current, in
layout order (docs/card-operations.md "Personalisation state machine"). Watching the commands tells the
screen which file is being written without the card code knowing about screens. A cancel is honoured
only just before a CREATE FILE: stopping there leaves a torn personalisation that the next run finishes
(the card shows INITIALISATION and is refused at every counter until then), never a half-sent command.
"""

from __future__ import annotations

from apdu.command import CommandApdu
from apdu.fcp import Fcp
from apdu.transport import Transport
from apdu.transport.decorator import TransportDecorator
from card_station.card.files import DECLARATIONS
from gui.worker import JobControl

INS_CREATE_FILE = 0xE0
INS_ACTIVATE_FILE = 0x44

STEPS = len(DECLARATIONS) + 2
"""Progress steps: authenticate and keys, one per declared file, then the read-back verification."""

_NAMES = {decl.fid: decl.name for decl in DECLARATIONS}


class ProgressTransport(TransportDecorator):
    """Passes every command to ``inner``; reports a step per file created and checks for a cancel there."""

    def __init__(self, inner: Transport, control: JobControl) -> None:
        super().__init__(inner)
        self._control = control
        self._files = 0
        self.current: str = ""

    def transmit(self, command: bytes) -> bytes:
        ins = command[1] if len(command) > 1 else None
        if ins == INS_CREATE_FILE:
            self._control.check()
            fid = Fcp.parse(CommandApdu.parse(command).data).fid
            self._files += 1
            self.current = _NAMES.get(fid, f"file {fid:04X}")
            self._control.progress(self._files, STEPS, self.current)
        elif ins == INS_ACTIVATE_FILE and self._files:
            self.current = "read-back verification"
            self._control.progress(STEPS - 1, STEPS, self.current)
        return self.inner.transmit(command)
