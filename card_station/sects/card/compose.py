"""From a verified registration's health card (``sects.records.HealthCard``) to what goes on the chip.

Why here: the card carries what the DDO/TO verified (seed 001 annexure 2, bullet 6: the card is printable
only after the DDO/TO verifies the form online), with each person's own card number, the last four
Aadhaar digits (``aadhaar``) and the photo fitted to the application's per-person budget.
"""

from __future__ import annotations

from datetime import datetime

from card_station.card.content import CardInfo, CardState, CardStatus
from card_station.card.photos import PhotoPolicy, PhotoSubjects, prepare_photos
from card_station.card.profile import CardProfile
from card_station.sects.card.content import (
    HOLDER_ID,
    MAX_FAMILY,
    FamilyMemberOnCard,
    HolderOnCard,
    SectsContent,
    family_id,
)
from card_station.sects.card.files import PHOTO_PER_PERSON
from card_station.sects.records import HealthCard, Relation

ISSUER = "SECTS Uttar Pradesh (SACHI)"
PHOTO_POLICY = PhotoPolicy(PhotoSubjects.EVERYONE, PHOTO_PER_PERSON)
LAYOUT_VERSION = 1


class NotOnCard(ValueError):
    """A health card that cannot go on a chip as it stands; says what to change."""


def sects_content(
    card: HealthCard, serial: bytes, profile: CardProfile, station_id: str, now: datetime
) -> SectsContent:
    """The SECTS application for ``card`` on the chip ``serial`` of ``profile``, personalised at ``now``."""
    holder, family = card.people[0], card.people[1:]
    if holder.relation is not Relation.SELF:
        raise NotOnCard(f"the first person of card {card.user_id} must be the employee or pensioner himself")
    if len(family) > MAX_FAMILY:
        raise NotOnCard(
            f"card {card.user_id} lists {len(family)} family members and a chip holds {MAX_FAMILY}: "
            "print the card faces without a chip, or split the family across cards"
        )
    photos = {HOLDER_ID: holder.photo} | {family_id(n): p.photo for n, p in enumerate(family, 1) if p.photo}
    return SectsContent(
        info=CardInfo(serial, profile, LAYOUT_VERSION, ISSUER, now.date(), station_id),
        status=CardStatus(CardState.PERSONALISED, None, None, None, False, 0, now),
        holder=HolderOnCard(
            card_number=holder.card_number,
            kind=card.kind,
            name=holder.name,
            date_of_birth=holder.date_of_birth,
            gender=holder.gender,
            aadhaar_last_four=holder.aadhaar_last_four,
            ddo_code=str(card.officer_code),
            department=card.department,
            district=card.district,
            valid_until=card.valid_until,
        ),
        family=tuple(
            FamilyMemberOnCard(
                number=n,
                card_number=person.card_number,
                name=person.name,
                relation=person.relation,
                date_of_birth=person.date_of_birth,
                gender=person.gender,
                aadhaar_last_four=person.aadhaar_last_four,
            )
            for n, person in enumerate(family, 1)
        ),
        photos=prepare_photos(photos, profile, PHOTO_POLICY),
    )
