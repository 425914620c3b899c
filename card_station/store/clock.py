"""The time source the store and services are given, never one they reach for.

Why a protocol: tests, the crash test and the benchmark need time to be what they say it is (the handover
rule of seed 000 §5(c) turns on 13:00 IST), and a station's clock is an input like any other.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    """The machine's clock, in UTC; the only place the store's code asks the operating system the time."""

    def now(self) -> datetime:
        return datetime.now(UTC)
