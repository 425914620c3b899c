"""The card operating system's state: the file tree (persistent), the EEPROM, and the session
(volatile), shared by every command handler."""

from __future__ import annotations

from dataclasses import dataclass

from apdu.emulator.config import CardConfig
from apdu.emulator.eeprom import Eeprom
from apdu.emulator.filesystem import DedicatedFile, used_memory
from apdu.emulator.security import Session
from apdu.fcp import LifeCycle

OK = 0x9000


@dataclass(frozen=True)
class Reply:
    """What a handler answers before T=0 / Le shaping: response data and status word."""

    data: bytes = b""
    sw: int = OK


class CardOs:
    def __init__(self, config: CardConfig, mf: DedicatedFile, serial: bytes) -> None:
        self.config = config
        self.mf = mf
        self.serial = serial
        self.eeprom = Eeprom()
        self.session = Session(mf)
        self.challenge: bytes | None = None
        self.offered: bytes | None = None

    def take_challenge(self) -> None:
        """A challenge from GET CHALLENGE is good for the very next command only: move it to
        ``offered`` for that command and forget it (ISO 7816-4 §11.5.6, single use)."""
        self.offered, self.challenge = self.challenge, None

    def reset(self) -> None:
        """Forget everything volatile (ISO 7816-3 reset): current files, proofs, challenge."""
        self.session = Session(self.mf)
        self.challenge = self.offered = None

    @property
    def capacity(self) -> int:
        return self.config.size.value

    @property
    def free_memory(self) -> int:
        return self.capacity - used_memory(self.mf)

    @property
    def life_cycle(self) -> LifeCycle:
        """The card's life cycle is the MF's life cycle status byte."""
        return self.mf.lcs
