"""Exponential backoff with jitter, bounded, for retrying a centre that is unavailable.

Why "equal jitter" (half the exponential step fixed, half random; AWS Architecture Blog, "Exponential
Backoff And Jitter", 2015): the fixed half guarantees the delay grows, so a down centre is not hammered;
the random half spreads hundreds of stations that lost the centre at the same moment, so they do not all
come back in the same second. Bounded in each delay (``cap_s``) and in the number of attempts.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from card_station.sync.errors import CentralUnavailable, SyncStopped

T = TypeVar("T")

Sleep = Callable[[float], bool]
"""Waits up to the given seconds; returns True if the wait was cut short because the sync must stop."""


@dataclass(frozen=True)
class Backoff:
    base_s: float = 0.5
    cap_s: float = 60.0
    attempts: int = 8

    def __post_init__(self) -> None:
        if self.base_s <= 0 or self.cap_s < self.base_s or self.attempts < 1:
            raise ValueError(
                f"backoff needs 0 < base_s <= cap_s and attempts >= 1; got base_s={self.base_s}, "
                f"cap_s={self.cap_s}, attempts={self.attempts}"
            )

    def delay(self, retry: int, rng: random.Random) -> float:
        """Seconds to wait before retry number ``retry`` (from 1)."""
        step = min(self.cap_s, self.base_s * 2 ** (retry - 1))
        return step / 2 + rng.uniform(0, step / 2)


def with_retries(operation: Callable[[], T], backoff: Backoff, sleep: Sleep, rng: random.Random) -> T:
    """Run ``operation``; on ``CentralUnavailable`` wait and retry, at most ``backoff.attempts`` tries in
    all. Any other error passes straight through: only an unavailable centre is worth retrying."""
    for retry in range(1, backoff.attempts):
        try:
            return operation()
        except CentralUnavailable:
            if sleep(backoff.delay(retry, rng)):
                raise SyncStopped("sync stopped while waiting to retry the central service") from None
    try:
        return operation()
    except CentralUnavailable as exc:
        raise CentralUnavailable(f"{exc} (gave up after {backoff.attempts} attempts)") from exc
