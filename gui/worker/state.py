"""What the reader watcher reports: one frozen record per reader, as pcscd sees it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReaderState:
    """A reader pcscd knows; ``atr`` is empty when no card is present."""

    name: str
    card_present: bool
    atr: bytes = b""
