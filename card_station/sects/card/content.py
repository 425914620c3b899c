"""What is on a SECTS card, as domain values (issue 9 "The health card"; docs/sects-card.md).

Why records of their own, separate from the registration records (``card_station.sects.records``): the card
carries what a hospital counter needs offline, the holder and the family members the DDO/TO verified (seed
001 annexure 2), with only the last four digits of each Aadhaar number (``aadhaar``), not the form.
EF.INFO and EF.STATUS reuse the ECHS records (``CardInfo``, ``CardStatus``) and their encodings byte for
byte, so the anti-tearing bracket and the card identity work the same way on both applications.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from apdu.tlv import Tlv
from card_station.card.content import (
    MEMBER_ID,
    CardInfo,
    CardStatus,
    check_people,
    dependant_id,
    frozen_photos,
)
from card_station.domain.records import Gender
from card_station.sects.card.aadhaar import is_last_four
from card_station.sects.codes import BeneficiaryKind
from card_station.sects.records import CardPerson

HOLDER_ID = MEMBER_ID
"""Person id of the card holder (the key of his photo), as on an ECHS card."""

MAX_FAMILY = 8
"""Family members a card holds (EF.FAMILY's record count)."""


def family_id(number: int) -> str:
    """Person id of the family member in record ``number`` of EF.FAMILY (1-based)."""
    return dependant_id(number)


def _check_aadhaar(last_four: str, who: str) -> None:
    if not is_last_four(last_four):
        raise ValueError(
            f"{who}: a card carries only the last four Aadhaar digits, got {len(last_four)} characters"
        )


@dataclass(frozen=True)
class HolderOnCard:
    """EF.HOLDER: the employee or pensioner, under the DDO/TO who verified him (seed 001 annexure 2)."""

    card_number: str
    kind: BeneficiaryKind
    name: str
    date_of_birth: date
    gender: Gender
    aadhaar_last_four: str
    ddo_code: str
    department: str
    district: str
    valid_until: date | None = None
    unknown: tuple[Tlv, ...] = ()

    def __post_init__(self) -> None:
        _check_aadhaar(self.aadhaar_last_four, self.name)


@dataclass(frozen=True)
class FamilyMemberOnCard(CardPerson):
    """One EF.FAMILY record: a family member on the holder's card (seed 001 annexure 2); ``number`` is the
    record's."""

    unknown: tuple[Tlv, ...] = ()

    def __post_init__(self) -> None:
        _check_aadhaar(self.aadhaar_last_four, self.name)

    @property
    def person_id(self) -> str:
        return family_id(self.number)


@dataclass(frozen=True)
class SectsContent:
    """Everything the SECTS application's files hold except EF.SOD (computed from the files)."""

    info: CardInfo
    status: CardStatus
    holder: HolderOnCard
    family: tuple[FamilyMemberOnCard, ...]
    photos: Mapping[str, bytes] = field(default_factory=lambda: frozen_photos({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "photos", frozen_photos(self.photos))
        check_people(
            [member.number for member in self.family], "family members", self.photos, self.person_ids()
        )
        if len(self.family) > MAX_FAMILY:
            raise ValueError(f"a SECTS card holds {MAX_FAMILY} family members, {len(self.family)} were given")

    def person_ids(self) -> tuple[str, ...]:
        return (HOLDER_ID, *(member.person_id for member in self.family))
