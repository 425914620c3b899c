"""Exponential backoff with equal jitter: growing, capped, bounded in attempts, only for a down centre."""

from __future__ import annotations

import random

import pytest

from card_station.sync.backoff import Backoff, with_retries
from card_station.sync.errors import CentralRefused, CentralUnavailable, SyncStopped


def test_each_delay_lies_in_the_upper_half_of_its_capped_exponential_step() -> None:
    backoff = Backoff(base_s=1, cap_s=20, attempts=10)
    rng = random.Random(7)
    for retry in range(1, 12):
        step = min(20, 2 ** (retry - 1))
        delays = [backoff.delay(retry, rng) for _ in range(200)]
        assert all(step / 2 <= d <= step for d in delays)
        assert len(set(delays)) > 100  # jittered, not one fixed value


@pytest.mark.parametrize(
    ("base", "cap", "attempts"),
    [(0, 1, 1), (2, 1, 1), (1, 2, 0)],
    ids=["zero-base", "cap-below-base", "no-tries"],
)
def test_a_nonsensical_backoff_is_refused(base: float, cap: float, attempts: int) -> None:
    with pytest.raises(ValueError, match="backoff needs"):
        Backoff(base_s=base, cap_s=cap, attempts=attempts)


def test_an_unavailable_centre_is_retried_until_it_answers() -> None:
    answers = iter([CentralUnavailable("down"), CentralUnavailable("down"), "ok"])
    waits: list[float] = []

    def call() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    result = with_retries(
        call, Backoff(base_s=1, cap_s=8, attempts=5), lambda s: waits.append(s) or False, random.Random(1)
    )
    assert result == "ok" and len(waits) == 2


def test_retries_end_after_the_attempt_limit_with_the_last_reason() -> None:
    calls: list[int] = []

    def call() -> None:
        calls.append(1)
        raise CentralUnavailable("connection refused")

    with pytest.raises(CentralUnavailable, match=r"connection refused \(gave up after 4 attempts\)"):
        with_retries(call, Backoff(attempts=4), lambda s: False, random.Random(1))
    assert len(calls) == 4


def test_a_refusal_is_never_retried() -> None:
    calls: list[int] = []

    def call() -> None:
        calls.append(1)
        raise CentralRefused("409")

    with pytest.raises(CentralRefused):
        with_retries(call, Backoff(attempts=4), lambda s: False, random.Random(1))
    assert len(calls) == 1


def test_a_stop_during_the_wait_ends_the_retries() -> None:
    def call() -> None:
        raise CentralUnavailable("down")

    with pytest.raises(SyncStopped):
        with_retries(call, Backoff(attempts=4), lambda s: True, random.Random(1))
