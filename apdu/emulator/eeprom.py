"""The emulated EEPROM: page-wise writes, and tearing injection.

A real card writes EEPROM one page at a time; if the card loses power between pages, what was written
stays and the rest is old. The emulator models exactly that so that anti-tearing logic above it (seed 002
EF.STATUS bracketing) can be tested: every persistent change goes through ``Eeprom.write`` (file data,
page by page) or ``Eeprom.commit`` (one page of file-system metadata: a file header, a life-cycle byte,
a retry counter, a cyclic file's pointer). ``tear_after(n)`` makes the n-th page write from now the last
one: it lands, then ``PowerLost`` is raised and the command in flight never answers.

Pages are ``PAGE_SIZE`` bytes, counted from the start of each file's data area (each file's data is
page-aligned in this model).
"""

from __future__ import annotations

from collections.abc import Callable

PAGE_SIZE = 64


class PowerLost(Exception):
    """The card lost power in the middle of a command (tearing injection): no response was sent."""


class Eeprom:
    """Counts page writes and fires the armed tearing."""

    def __init__(self) -> None:
        self._writes_left: int | None = None

    def tear_after(self, n: int) -> None:
        if n < 1:
            raise ValueError(f"tearing needs a page-write count of at least 1, got {n}")
        self._writes_left = n

    def disarm(self) -> None:
        self._writes_left = None

    def _page_written(self) -> None:
        if self._writes_left is None:
            return
        self._writes_left -= 1
        if self._writes_left == 0:
            self._writes_left = None
            raise PowerLost("tearing injection: power lost after the armed EEPROM page write")

    def commit(self, change: Callable[[], None]) -> None:
        """Apply one page of metadata (``change``) atomically: it lands whole or not at all."""
        change()
        self._page_written()

    def write(
        self, target: bytearray, offset: int, data: bytes, finish: Callable[[], None] | None = None
    ) -> None:
        """Write ``data`` into ``target`` at ``offset`` page by page; ``finish`` lands with the last page."""
        pos = offset
        end = offset + len(data)
        while pos < end:
            page_end = min(end, (pos // PAGE_SIZE + 1) * PAGE_SIZE)
            target[pos:page_end] = data[pos - offset : page_end - offset]
            if page_end == end and finish is not None:
                finish()
            pos = page_end
            self._page_written()
        if not data and finish is not None:
            self.commit(finish)
