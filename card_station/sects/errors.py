"""Typed errors of the SECTS rules and services (seed 001).

Why typed: the CLI and the screens tell apart "this entry is malformed, correct it" (``InvalidEntry``),
"this registration cannot take this step now" (``StepRefused``) and "this person is already registered"
(``DuplicateAadhaar``). Every message names the field or registration and says what to do; none carries an
Aadhaar or mobile number in full.
"""

from __future__ import annotations


class SectsError(ValueError):
    """Base of every SECTS error; nothing was changed when one is raised."""


class InvalidEntry(SectsError):
    """A field of a form is malformed (an Aadhaar number, a mobile number, a DDO/TO code, a photo)."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class StepRefused(SectsError):
    """The registration is not in a state that allows this step (printing before the OTP, verifying twice)."""


class DuplicateAadhaar(SectsError):
    """An Aadhaar number is already on another registration, or twice on this one."""

    def __init__(self, person: str, masked: str, where: str) -> None:
        self.person = person
        self.masked = masked
        self.where = where
        super().__init__(
            f"{person}: Aadhaar {masked} is already registered {where}; one person is registered only once, "
            "under one DDO/TO"
        )


class UnknownRecord(SectsError):
    """No registration, office or user ID with the given key."""
