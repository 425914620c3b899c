"""The three Services whose pensioners ECHS covers (seed 002 §1(a); rank table at seed 002 line 122)."""

from __future__ import annotations

from enum import Enum


class Service(Enum):
    """A member's Service; the value is the spelling used in the fixture files."""

    ARMY = "army"
    NAVY = "navy"
    AIR_FORCE = "air_force"

    @property
    def label(self) -> str:
        return {"army": "Army", "navy": "Navy", "air_force": "Air Force"}[self.value]
