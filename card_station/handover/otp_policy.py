"""The limits of the handover OTP: how long it is valid, how many wrong tries lock it, how soon it may be
resent.

Why these numbers: the validity is the collection window, a rule parameter (`collection_window_days`,
30 days by default; seeds README), so that the OTP and the window of domain.handover close together.
Seed 000 sets no attempt limit; five wrong attempts lock the OTP "until a verifier issues a new one"
(issue 6, a project decision: with 10^6 codes, five guesses succeed with probability 5 in a million).
The resend cool-down (60 s by default, issue 6) keeps a clerk's double click or an impatient retry from
flooding the beneficiary's phone and the SMS bill; it is configurable because providers differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from card_station.domain.handover import collection_closes_at
from card_station.domain.parameters import RuleParameters

MAX_WRONG_ATTEMPTS = 5
RESEND_COOLDOWN = timedelta(seconds=60)


class OtpPolicyError(ValueError):
    """An OTP policy value that cannot work (no attempts allowed, a negative cool-down)."""


@dataclass(frozen=True)
class OtpPolicy:
    """The rule parameters in force (for the collection window) and the two OTP limits."""

    rules: RuleParameters
    max_attempts: int = MAX_WRONG_ATTEMPTS
    resend_cooldown: timedelta = RESEND_COOLDOWN

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise OtpPolicyError(f"max_attempts must be 1 or more, got {self.max_attempts}")
        if self.resend_cooldown < timedelta(0):
            raise OtpPolicyError(f"resend_cooldown must be zero or more, got {self.resend_cooldown}")

    def expires_at(self, issued_at: datetime) -> datetime:
        """The end of the collection window that an OTP issued at `issued_at` opens (in IST)."""
        return collection_closes_at(issued_at, self.rules)
