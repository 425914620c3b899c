"""A SECTS health card as part A's services hand it over (``sects.records.HealthCard``), for the chip
tests: an employee with a spouse, a son and a daughter, names in Devanagari, generated photos."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from PIL import Image

from card_station.domain.records import Gender
from card_station.sects.codes import BeneficiaryKind, OfficerCode
from card_station.sects.records import HealthCard, PersonOnCard, Relation

NOW = datetime(2026, 1, 10, 6, 0, tzinfo=UTC)
"""Personalisation time of the tests (10 Jan 2026, 11:30 IST)."""
STATION = "UP-LKO-01"


def photo(shade: int) -> bytes:
    """A 300 x 400 JPEG, as a scanner gives it (the composer fits it to the card's budget)."""
    picture = Image.new("RGB", (300, 400), (shade, 120, 255 - shade))
    for x in range(0, 300, 7):
        for y in range(0, 400, 9):
            picture.putpixel((x, y), ((x * y) % 256, x % 256, y % 256))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=90)
    return out.getvalue()


def person(
    number: int, name: str, relation: Relation, born: date, *, gender: Gender, last4: str
) -> PersonOnCard:
    return PersonOnCard(
        number=number,
        card_number=f"UPE00000042-{number:02d}",
        name=name,
        relation=relation,
        date_of_birth=born,
        gender=gender,
        aadhaar_last_four=last4,
        photo=photo(40 * number),
    )


def health_card(family: int = 3) -> HealthCard:
    people = (
        person(1, "रमेश चन्द्र वर्मा", Relation.SELF, date(1972, 3, 14), gender=Gender.MALE, last4="4821"),
        person(2, "सुनीता वर्मा", Relation.SPOUSE, date(1976, 8, 2), gender=Gender.FEMALE, last4="1937"),
        person(3, "अमित वर्मा", Relation.SON, date(2001, 11, 23), gender=Gender.MALE, last4="5502"),
        person(4, "प्रिया वर्मा", Relation.DAUGHTER, date(2005, 6, 9), gender=Gender.FEMALE, last4="7716"),
    )
    return HealthCard(
        user_id="UPE00000042",
        kind=BeneficiaryKind.EMPLOYEE,
        officer_code=OfficerCode.parse("DDO-6601-00023"),
        department="चिकित्सा एवं स्वास्थ्य विभाग",
        district="लखनऊ",
        valid_from=date(2026, 1, 10),
        valid_until=date(2031, 1, 9),
        people=people[: family + 1],
    )
