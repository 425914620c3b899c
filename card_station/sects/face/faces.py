"""The SECTS health card's faces: one per person, as the issuing run's renderer takes them
(``issuing.face.printable.PrintableFace`` with the SECTS layout's fields), each with its signed QR code.

Why one face per person: each family member has a card number of his own (``sects.codes.card_number``)
and shows his own card at the hospital (seed 001 annexure 2, bullet 7). The face carries exactly what the
QR code signs, Aadhaar masked.
"""

from __future__ import annotations

from datetime import date

from card_station.domain.dates import card_date_text
from card_station.issuing.face.printable import PrintableFace
from card_station.keys import KeyStore
from card_station.sects.card.aadhaar import masked_aadhaar
from card_station.sects.codes import BeneficiaryKind
from card_station.sects.face.layout import SectsField
from card_station.sects.face.qr import SectsClaim, sign_sects_claim
from card_station.sects.records import HealthCard, PersonOnCard, Relation

KIND_TEXT = {BeneficiaryKind.EMPLOYEE: "कर्मचारी / Employee", BeneficiaryKind.PENSIONER: "पेंशनर / Pensioner"}
RELATION_TEXT = {
    Relation.SELF: "स्वयं / Self",
    Relation.SPOUSE: "पति/पत्नी / Spouse",
    Relation.SON: "पुत्र / Son",
    Relation.DAUGHTER: "पुत्री / Daughter",
    Relation.FATHER: "पिता / Father",
    Relation.MOTHER: "माता / Mother",
}


def claim_for(card: HealthCard, person: PersonOnCard, issued_on: date, serial: bytes | None) -> SectsClaim:
    return SectsClaim(
        card_number=person.card_number,
        name=person.name,
        relation=person.relation,
        date_of_birth=person.date_of_birth,
        aadhaar_last_four=person.aadhaar_last_four,
        ddo_code=str(card.officer_code),
        valid_until=card.valid_until,
        issued_on=issued_on,
        serial=serial,
    )


def face_for(
    card: HealthCard, person: PersonOnCard, keys: KeyStore, issued_on: date, serial: bytes | None = None
) -> PrintableFace:
    """The face of ``person``'s card, its QR signed by the station key of ``keys``; ``serial`` is the
    chip's when the card has one (a self-printed card has none)."""
    qr = sign_sects_claim(claim_for(card, person, issued_on, serial), keys)
    fields = {
        SectsField.NAME: person.name,
        SectsField.CARD_NUMBER: person.card_number,
        SectsField.KIND: KIND_TEXT[card.kind],
        SectsField.RELATION: RELATION_TEXT[person.relation],
        SectsField.DATE_OF_BIRTH: card_date_text(person.date_of_birth),
        SectsField.AADHAAR: masked_aadhaar(person.aadhaar_last_four),
        SectsField.DDO_CODE: str(card.officer_code),
        SectsField.DEPARTMENT: card.department,
        SectsField.DISTRICT: card.district,
        SectsField.VALID_UNTIL: card_date_text(card.valid_until),
    }
    return PrintableFace(
        title=f"SECTS card {person.card_number}",
        qr=qr,
        fields={str(k): v for k, v in fields.items()},
        photo=person.photo,
    )


def faces_for(
    card: HealthCard, keys: KeyStore, issued_on: date, serial: bytes | None = None
) -> tuple[PrintableFace, ...]:
    """A face for every person on the card, the employee or pensioner first."""
    return tuple(face_for(card, person, keys, issued_on, serial) for person in card.people)
