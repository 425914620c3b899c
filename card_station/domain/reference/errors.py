"""Typed errors of the reference data.

Why two families: a broken fixture file is an installation fault an operator must fix (the message names the
file, the line and what is wrong, so the fix is one edit), while a name that matches no rank, Regional Centre
or polyclinic is a clerk's input to correct (the message names what was looked for and the nearest names).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class ReferenceDataError(ValueError):
    """A reference-data file is missing, unreadable or wrong; raised at start-up, never mid-session."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {problem} (see docs/reference-data.md for the file's format)")


class ReferenceLookupError(LookupError):
    """A name given by a user or a record matches no reference entry, or more than one."""

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownReference(ReferenceLookupError):
    """No entry has this name; the message lists the closest known names so the clerk can correct it."""

    def __init__(self, what: str, given: str, suggestions: Sequence[str]) -> None:
        self.what = what
        self.given = given
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no {what} named {given!r}{hint}")


class AmbiguousReference(ReferenceLookupError):
    """More than one entry has this name (seed 002 gives BEG for two Engineer Groups)."""

    def __init__(self, what: str, given: str, candidates: Sequence[str]) -> None:
        self.what = what
        self.given = given
        self.candidates = tuple(candidates)
        super().__init__(
            f"{given!r} names more than one {what}: {', '.join(self.candidates)}; give the full name instead"
        )
