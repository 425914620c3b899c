"""Errors of the card application's layout, codecs and security object.

Why typed errors that carry the file name: a counter reading an untrusted card must say which file was
wrong and how ("EF.MEMBER: tag 84 (name) is not UTF-8"), and a clerk whose application does not fit a
card must see what to shorten and by how much. Nothing here ever surfaces an IndexError.
"""

from __future__ import annotations


class CardLayoutError(Exception):
    """Base class of every error of the card application's layout and codecs."""


class EncodeError(CardLayoutError, ValueError):
    """A value that cannot be written in the declared layout (a field too long, a bad value)."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}")


class MalformedFile(CardLayoutError):
    """Bytes read from a card file that are not what the layout declares; names the file and the fault."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file} is malformed: {problem}")


class UnknownLayoutVersion(MalformedFile):
    """A card written by a newer layout that this station cannot read (docs/card-layout.md "Versions")."""

    def __init__(self, file: str, version: int, readable_from: int, supported: int) -> None:
        self.version = version
        self.readable_from = readable_from
        self.supported = supported
        super().__init__(
            file,
            f"the card uses layout version {version}, which needs a reader of layout version "
            f"{readable_from} or later; this station reads layout version {supported}: "
            "update the station software to read this card",
        )


class CapacityError(CardLayoutError):
    """An application that does not fit the card: says what does not fit and by how many bytes."""

    def __init__(self, message: str, file: str, shortfall: int) -> None:
        self.file = file
        self.shortfall = shortfall
        super().__init__(message)


class SecurityObjectError(CardLayoutError):
    """EF.SOD cannot be built from what was given (a missing or undeclared file)."""
