"""The readers a run works with, behind a small seam: waiting for a card, for its removal, and connecting.

Why a seam and not direct calls: a worker must run unchanged on the real PC/SC path (``PcscReaders``) and
in the one test that a vpcd reader cannot play for real. pcscd's vpcd readers come from its reader.conf
and never leave while pcscd runs, so "a reader disappearing" is played by a wrapper that raises the very
error the PC/SC layer raises for a reader that went away (``apdu.transport.NoReader``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from apdu.transport import Transport
from apdu.transport.pcsc import PcscTransport, WaitTimeout, list_readers, wait_for_card, wait_for_removal


class Readers(Protocol):
    """What a worker needs from its reader. Each method raises ``NoReader`` when the reader is gone."""

    def names(self) -> list[str]:
        """The readers present now."""
        ...

    def wait_for_card(self, reader: str, timeout: float) -> bool:
        """Block until a card is in ``reader``; False after ``timeout`` seconds without one."""
        ...

    def wait_for_removal(self, reader: str, timeout: float) -> bool:
        """Block until ``reader`` is empty; False after ``timeout`` seconds with the card still in."""
        ...

    def connect(self, reader: str) -> AbstractContextManager[Transport]:
        """An exclusive connection to the card in ``reader`` (the station never shares a card mid-write)."""
        ...


class PcscReaders:
    """The readers pcscd manages (apdu.transport.pcsc), waited on with SCardGetStatusChange, never polled."""

    def __repr__(self) -> str:
        return "PcscReaders()"

    def names(self) -> list[str]:
        return [info.name for info in list_readers()]

    def wait_for_card(self, reader: str, timeout: float) -> bool:
        try:
            wait_for_card(reader, timeout)
        except WaitTimeout:
            return False
        return True

    def wait_for_removal(self, reader: str, timeout: float) -> bool:
        try:
            wait_for_removal(reader, timeout)
        except WaitTimeout:
            return False
        return True

    def connect(self, reader: str) -> AbstractContextManager[Transport]:
        return PcscTransport(reader)
