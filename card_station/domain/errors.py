"""Typed errors of the domain rules.

Why typed: a caller (clerk screen, counter, CLI) must tell apart "the rules refuse this" (a decision, not an
error), "the inputs contradict each other" (the clerk must correct the form), "an input is missing" and "the
rule-parameter file is broken" (an operator must fix the installation). Every message names the person or
entry and says what to do.
"""

from __future__ import annotations

from pathlib import Path


class DomainError(ValueError):
    """Base of every error raised by the domain rules."""


class ContradictoryInput(DomainError):
    """Two facts about one person cannot both be true (a son born before the member, a future birth date).

    Raised instead of a decision: deciding on contradictory facts would put a wrong record on a card.
    """

    def __init__(self, person: str, contradiction: str) -> None:
        self.person = person
        self.contradiction = contradiction
        super().__init__(f"{person}: {contradiction}; correct the application before it is evaluated")


class IncompleteInput(DomainError):
    """A fact a rule needs is missing (a spouse without a date of marriage)."""

    def __init__(self, person: str, missing: str) -> None:
        self.person = person
        self.missing = missing
        super().__init__(f"{person}: {missing} is required by the rules; add it to the application")


class RequestRefused(DomainError):
    """A request the rules forbid outright (a third add-on card, stopping FMA at the member's wish)."""

    def __init__(self, rule: str, reason: str) -> None:
        self.rule = rule
        self.reason = reason
        super().__init__(f"refused by {rule}: {reason}")


class RuleParameterError(DomainError):
    """The rule-parameter file is unreadable or invalid; names the file, the entry and the problem."""

    def __init__(self, path: Path, entry: str, problem: str) -> None:
        self.path = path
        self.entry = entry
        self.problem = problem
        super().__init__(f"{path}: {entry}: {problem}")
