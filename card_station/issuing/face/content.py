"""What one printed ECHS card face shows, taken from the card as personalised (``CardContent``), for the
member or one dependant (issue 8 "Card face"; seed 002 receipt: card number, ward entitlement, parent
polyclinic; seed 002 §4(a)(i): the rank in its abbreviated form; seed 003 §11: the FMA card is marked
"No OPD – <date>").

Why from ``CardContent`` and not from the application form: the face must show exactly what the chip
holds (eligibility, ward and validity are the station's conclusions on the day of issue,
card_station.card.compose), and the FMA marking comes from the card's own EF.ENDORSE record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from card_station.card.content import MEMBER_ID, CardContent, EndorsementKind
from card_station.domain.dates import card_date_text
from card_station.domain.reference.errors import ReferenceLookupError
from card_station.domain.reference.ranks import Ward
from card_station.domain.reference.reference_data import ReferenceData
from card_station.issuing.face.fit import FaceError
from card_station.issuing.face.printable import PrintableFace
from card_station.issuing.face.qr_payload import FaceClaim, sign_claim
from card_station.keys import KeyStore

LIFE = "Life / आजीवन"
"""Validity of a card with no end date (ECHS membership is for life)."""

WARD_TEXT = {Ward.GENERAL: "General", Ward.SEMI_PRIVATE: "Semi-Private", Ward.PRIVATE: "Private"}
"""The ward entitlement as the receipt's boxes write it (seed 002 line 166)."""


class EchsField(StrEnum):
    """The fields of an ECHS face, by the names the ECHS layout (``echs_layout``) places."""

    NAME = "name"
    SERVICE_NUMBER = "service_number"
    RANK = "rank"
    CARD_NUMBER = "card_number"
    RELATION = "relation"
    DATE_OF_BIRTH = "date_of_birth"
    VALID_UNTIL = "valid_until"
    WARD = "ward"
    POLYCLINIC = "polyclinic"
    ENDORSEMENT = "endorsement"


@dataclass(frozen=True)
class CardFace:
    """Front and back of one person's CR80 card. ``relation`` and ``date_of_birth`` are set on a
    dependant's card; ``endorsement`` is the FMA marking in force; ``claim`` is what the QR code signs."""

    card_number: str
    person_id: str
    name: str
    service_number: str
    rank: str
    relation: str | None
    date_of_birth: date | None
    valid_until: date | None
    ward: str
    polyclinic: str
    endorsement: str | None
    photo: bytes | None
    claim: FaceClaim

    def validity_text(self) -> str:
        return LIFE if self.valid_until is None else card_date_text(self.valid_until)

    def fields(self) -> dict[str, str]:
        """The field values the ECHS layout places (absent when the card has none)."""
        born = None if self.date_of_birth is None else card_date_text(self.date_of_birth)
        values = {
            EchsField.NAME: self.name,
            EchsField.SERVICE_NUMBER: self.service_number,
            EchsField.RANK: self.rank,
            EchsField.CARD_NUMBER: self.card_number,
            EchsField.VALID_UNTIL: self.validity_text(),
            EchsField.WARD: self.ward,
            EchsField.POLYCLINIC: self.polyclinic,
            EchsField.RELATION: self.relation,
            EchsField.DATE_OF_BIRTH: born,
            EchsField.ENDORSEMENT: self.endorsement,
        }
        return {str(key): value for key, value in values.items() if value is not None}

    def printable(self, keys: KeyStore) -> PrintableFace:
        """The face ready for the renderer, its QR payload signed with the station key of ``keys``."""
        return PrintableFace(
            title=f"ECHS card {self.card_number} ({self.person_id})",
            qr=sign_claim(self.claim, keys),
            fields=self.fields(),
            photo=self.photo,
        )


def fma_marking(content: CardContent) -> str | None:
    """The latest FMA record's text if it is "No OPD" (seed 003 §11); a later cessation lifts it (seed 003
    §6(d), §8(c)), so a card whose FMA ceased prints no marking."""
    fma = [
        e for e in content.endorsements if e.kind in (EndorsementKind.FMA_NO_OPD, EndorsementKind.FMA_CEASED)
    ]
    if not fma:
        return None
    latest = max(fma, key=lambda e: e.effective_on)
    return latest.text if latest.kind is EndorsementKind.FMA_NO_OPD else None


def _rank_abbreviation(content: CardContent, reference: ReferenceData) -> str:
    """The rank "in Abbreviated form" (seed 002 §4(a)(i)); a rank the reference data no longer knows is
    printed as the chip holds it, since the face must match the chip."""
    member = content.member
    try:
        return reference.rank(member.service, member.rank).abbreviation
    except ReferenceLookupError:
        return member.rank


def _ward_text(content: CardContent) -> str:
    value = content.member.ward_entitlement
    try:
        return WARD_TEXT[Ward(value)]
    except ValueError:
        raise FaceError(
            f"card {content.member.card_number} holds the ward entitlement {value!r}, which is none of "
            f"{', '.join(w.value for w in Ward)}: read the card again or correct its data"
        ) from None


def face_for(content: CardContent, reference: ReferenceData, person_id: str = MEMBER_ID) -> CardFace:
    """The face of ``person_id``'s card ("M" the member, "D1".. a dependant) from the card content."""
    member = content.member
    claim = FaceClaim(member.card_number, content.info.serial, person_id, content.info.personalised_on)
    common = {
        "card_number": member.card_number,
        "person_id": person_id,
        "service_number": member.service_number,
        "rank": _rank_abbreviation(content, reference),
        "ward": _ward_text(content),
        "polyclinic": member.parent_polyclinic,
        "endorsement": fma_marking(content),
        "photo": content.photos.get(person_id),
        "claim": claim,
    }
    if person_id == MEMBER_ID:
        return CardFace(
            name=member.name, relation=None, date_of_birth=None, valid_until=member.valid_until, **common
        )
    for dependant in content.dependants:
        if dependant.person_id == person_id:
            return CardFace(
                name=dependant.name,
                relation=dependant.relation.value,
                date_of_birth=dependant.date_of_birth,
                valid_until=dependant.valid_until,
                **common,
            )
    known = ", ".join([MEMBER_ID, *(d.person_id for d in content.dependants)])
    raise FaceError(f"card {member.card_number} has no person {person_id!r}; its persons are {known}")


def faces_for(content: CardContent, reference: ReferenceData) -> tuple[CardFace, ...]:
    """The member's face and one per dependant on the card (ECHS gives each family member a card)."""
    persons = (MEMBER_ID, *(d.person_id for d in content.dependants))
    return tuple(face_for(content, reference, pid) for pid in persons)
