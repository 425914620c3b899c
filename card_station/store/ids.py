"""Unique, time-ordered identifiers: UUID version 7 (RFC 9562 §5.7) from the instant passed in.

Why UUIDv7: outbox event IDs must be unique across stations (the centre dedupes by ID) and sort in the
order they were made. The 48-bit Unix-millisecond prefix gives the order, 74 random bits the uniqueness;
within one millisecond, and if the clock steps back, the 12-bit ``rand_a`` field counts up from the last
ID (RFC 9562 §6.2, method 1), so IDs from this process never go backwards.
"""

from __future__ import annotations

import secrets
import threading
import uuid
from datetime import datetime

_MAX_COUNTER = 0xFFF


class _Uuid7Source:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_ms = -1
        self._counter = 0

    def next(self, now: datetime) -> str:
        ms = int(now.timestamp() * 1000)
        with self._lock:
            if ms <= self._last_ms:
                ms = self._last_ms
                self._counter += 1
                if self._counter > _MAX_COUNTER:
                    ms += 1
                    self._counter = secrets.randbits(11)
            else:
                self._counter = secrets.randbits(11)
            self._last_ms = ms
            counter = self._counter
        value = (ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= counter << 64
        value |= 0b10 << 62
        value |= secrets.randbits(62)
        return str(uuid.UUID(int=value))


_SOURCE = _Uuid7Source()


def uuid7(now: datetime) -> str:
    """A new UUIDv7 as its canonical 36-character text, ordered after every earlier one from this process."""
    return _SOURCE.next(now)
