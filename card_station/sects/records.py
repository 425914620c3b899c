"""SECTS records: DDO/TO and office, employee or pensioner with family, health card (seed 001).

Why these shapes: they are the two forms of seed 001 (annexure 1, the "DDO/TO Registration Form" and the
"Add Office" form; annexure 2, the employee/pensioner "Registration Form") and the health card the state
prints (annexure 2, bullet 7). Forms (``OfficerForm``, ``OfficeForm``, ``BeneficiaryForm``) are what is typed
in; their constructors check every field, so a form that exists is well-formed. The views (``Officer``,
``Beneficiary``, ``HealthCard``) are what the services hand back to screens, the CLI and the card face:
they carry Aadhaar and mobile numbers only masked, so no view can print a number in full.

Forms do hold full numbers (they are about to be encrypted and stored); those fields are excluded from
``repr`` so that a form in a log or a traceback shows no number. Every record is frozen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from card_station.domain.records import Gender
from card_station.sects.aadhaar import mask_aadhaar, normalise_aadhaar
from card_station.sects.codes import BeneficiaryKind, OfficerCode, OfficerKind
from card_station.sects.errors import DuplicateAadhaar, InvalidEntry
from card_station.sects.mobile import MobileKind, choose_registered_mobile, normalise_mobile
from card_station.sects.photos import PhotoFormat, photo_format

__all__ = [
    "Beneficiary",
    "BeneficiaryForm",
    "BeneficiaryKind",
    "BeneficiaryStatus",
    "CardPerson",
    "FamilyMember",
    "FamilyMemberView",
    "Gender",
    "HealthCard",
    "MobileKind",
    "Office",
    "OfficeForm",
    "Officer",
    "OfficerCode",
    "OfficerForm",
    "OfficerKind",
    "OfficerStatus",
    "PersonOnCard",
    "PhotoFormat",
    "Relation",
]


def _text(value: str, name: str, *, limit: int = 200) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InvalidEntry(name, "is required; fill it in")
    if len(cleaned) > limit:
        raise InvalidEntry(name, f"is {len(cleaned)} characters, over the {limit}-character limit")
    return cleaned


class OfficerStatus(Enum):
    """Where a DDO/TO registration stands (seed 001 annexure 1, bullets 4-11)."""

    SUBMITTED = "फॉर्म जमा (form submitted; add an office)"
    OTP_SENT = "ओ०टी०पी० भेजा गया (OTP sent to the registered mobile)"
    FORM_RELEASED = "फॉर्म प्रिंट हेतु उपलब्ध (form released for printing)"
    VERIFIED = "राज्य स्तरीय प्रकोष्ठ द्वारा सत्यापित (verified by the state cell; user ID sent)"


class BeneficiaryStatus(Enum):
    """Where an employee/pensioner registration stands (seed 001 annexure 2, bullets 4-7)."""

    OTP_SENT = "ओ0टी0पी0 भेजा गया (OTP sent to the registered mobile)"
    FORM_RELEASED = "फॉर्म प्रिंट हेतु उपलब्ध (form released for printing; give the signed form to the DDO/TO)"
    VERIFIED = "डी0डी0ओ0/टी0ओ0 द्वारा सत्यापित (verified by the DDO/TO; card printable)"


class Relation(Enum):
    """A family member's relation to the employee or pensioner ("आश्रित परिवार के सदस्य", annexure 2)."""

    SELF = "स्वयं (self)"
    SPOUSE = "पति/पत्नी (spouse)"
    SON = "पुत्र (son)"
    DAUGHTER = "पुत्री (daughter)"
    FATHER = "पिता (father)"
    MOTHER = "माता (mother)"


@dataclass(frozen=True)
class OfficeForm:
    """The "Add Office" form (seed 001 annexure 1, bullet 5: "तत्पश्चात् "Add Office" का फॉर्म भरें")."""

    name: str
    department: str
    district: str
    address: str

    def __post_init__(self) -> None:
        for name in ("name", "department", "district", "address"):
            object.__setattr__(self, name, _text(getattr(self, name), f"office {name}"))


@dataclass(frozen=True)
class Office:
    """An office as registered, numbered within its DDO/TO."""

    number: int
    name: str
    department: str
    district: str
    address: str


@dataclass(frozen=True)
class OfficerForm:
    """The DDO/TO Registration Form (seed 001 annexure 1, bullets 2-3).

    ``mobile`` is the registered mobile chosen by ``OfficerForm.create`` from the CUG and personal numbers
    (CUG preferred, annexure 1 last bullet); the OTP and the credentials go to it.
    """

    code: OfficerCode
    name: str
    designation: str
    controlling_officer: str
    mobile_kind: MobileKind
    mobile: str = field(repr=False)
    email: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _text(self.name, "name"))
        object.__setattr__(self, "designation", _text(self.designation, "designation"))
        object.__setattr__(
            self, "controlling_officer", _text(self.controlling_officer, "controlling officer")
        )
        object.__setattr__(self, "mobile", normalise_mobile(self.mobile, field="registered mobile number"))
        if self.email is not None:
            email = self.email.strip()
            if email.count("@") != 1 or "." not in email.split("@")[1] or " " in email:
                raise InvalidEntry("e-mail", f"{email!r} is not an e-mail address; correct or leave it empty")
            object.__setattr__(self, "email", email)

    @classmethod
    def create(
        cls,
        *,
        code: str,
        name: str,
        designation: str,
        controlling_officer: str,
        cug_mobile: str | None,
        personal_mobile: str | None = None,
        email: str | None = None,
    ) -> OfficerForm:
        number, kind = choose_registered_mobile(cug_mobile, personal_mobile)
        return cls(
            code=OfficerCode.parse(code),
            name=name,
            designation=designation,
            controlling_officer=controlling_officer,
            mobile_kind=kind,
            mobile=number,
            email=email or None,
        )

    @property
    def kind(self) -> OfficerKind:
        return self.code.kind


@dataclass(frozen=True)
class Officer:
    """A registered DDO/TO as shown: the mobile number masked."""

    code: OfficerCode
    name: str
    designation: str
    controlling_officer: str
    mobile_kind: MobileKind
    mobile_masked: str
    email: str | None
    offices: tuple[Office, ...]
    status: OfficerStatus
    registered_at: datetime
    verified_at: datetime | None

    @property
    def kind(self) -> OfficerKind:
        return self.code.kind


@dataclass(frozen=True)
class FamilyMember:
    """One person on an employee/pensioner form, the employee included (relation ``SELF``).

    seed 001 annexure 2, bullet 3: "राज्य कर्मचारी तथा उनके आश्रित परिवार के सदस्यों का आधार कार्ड नम्बर एवं फोटो"
    (the Aadhaar number and photo of the employee and of each dependent family member).
    """

    name: str
    relation: Relation
    date_of_birth: date
    gender: Gender
    aadhaar: str = field(repr=False)
    photo: bytes = field(repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _text(self.name, "family member name"))
        object.__setattr__(
            self, "aadhaar", normalise_aadhaar(self.aadhaar, person=f"{self.name}: Aadhaar number")
        )
        photo_format(self.photo, person=self.name)

    @property
    def aadhaar_masked(self) -> str:
        return mask_aadhaar(self.aadhaar)

    @property
    def photo_format(self) -> PhotoFormat:
        return photo_format(self.photo, person=self.name)


@dataclass(frozen=True)
class BeneficiaryForm:
    """The employee/pensioner Registration Form (seed 001 annexure 2, bullets 2-3).

    ``members[0]`` is the employee or pensioner (``Relation.SELF``); the rest are the dependent family.
    ``designation`` is the post held (for a pensioner, the last post); ``department`` the employer;
    ``district`` where the employee works or the pensioner draws the pension.
    """

    kind: BeneficiaryKind
    officer_code: OfficerCode
    designation: str
    department: str
    district: str
    members: tuple[FamilyMember, ...]
    mobile: str = field(repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "designation", _text(self.designation, "designation"))
        object.__setattr__(self, "department", _text(self.department, "department"))
        object.__setattr__(self, "district", _text(self.district, "district"))
        object.__setattr__(self, "mobile", normalise_mobile(self.mobile, field="registered mobile number"))
        if not self.members or self.members[0].relation is not Relation.SELF:
            raise InvalidEntry(
                "family members", "the first person on the form is the employee (relation self)"
            )
        if any(member.relation is Relation.SELF for member in self.members[1:]):
            raise InvalidEntry(
                "family members", "only the first person on the form can have the relation self"
            )
        if len(self.members) > 99:
            raise InvalidEntry("family members", "a form lists at most 99 people")
        seen: dict[str, str] = {}
        for member in self.members:
            if member.aadhaar in seen:
                raise DuplicateAadhaar(
                    member.name, member.aadhaar_masked, f"for {seen[member.aadhaar]} on this form"
                )
            seen[member.aadhaar] = member.name

    @property
    def holder(self) -> FamilyMember:
        return self.members[0]


@dataclass(frozen=True)
class FamilyMemberView:
    """A family member as shown: Aadhaar masked, photo kept for the form and the card face."""

    number: int
    name: str
    relation: Relation
    date_of_birth: date
    gender: Gender
    aadhaar_masked: str
    photo: bytes = field(repr=False)


@dataclass(frozen=True)
class Beneficiary:
    """A registered employee or pensioner as shown. ``user_id`` is set once the DDO/TO has verified."""

    registration: int
    kind: BeneficiaryKind
    officer_code: OfficerCode
    designation: str
    department: str
    district: str
    mobile_masked: str
    members: tuple[FamilyMemberView, ...]
    status: BeneficiaryStatus
    entered_by: str
    registered_at: datetime
    user_id: str | None
    verified_by: str | None
    verified_at: datetime | None

    @property
    def holder(self) -> FamilyMemberView:
        return self.members[0]


@dataclass(frozen=True)
class CardPerson:
    """One person as a SECTS card shows them, printed (``PersonOnCard``) or on the chip
    (``card.content.FamilyMemberOnCard``), with that person's own card number (``codes.card_number``).

    Only the last four Aadhaar digits: the card is shown at hospital counters, and the circular collects
    the Aadhaar number for registration (annexure 2, bullet 3), not for display.
    """

    number: int
    card_number: str
    name: str
    relation: Relation
    date_of_birth: date
    gender: Gender
    aadhaar_last_four: str

    @property
    def aadhaar_masked(self) -> str:
        return mask_aadhaar(self.aadhaar_last_four)


@dataclass(frozen=True)
class PersonOnCard(CardPerson):
    """One person on a SECTS health card to print, with the photo."""

    photo: bytes = field(repr=False)


@dataclass(frozen=True)
class HealthCard:
    """The SECTS health card of a verified registration ("हेल्थ कार्ड", seed 001 annexure 2, bullet 7).

    Printable once the DDO/TO has verified the registration online (annexure 2, bullet 6: "जिसके पश्चात्
    राज्य स्तर पर कार्ड प्रिंट किया जा सकेगा"). ``people[0]`` is the employee or pensioner; each person has a
    card number ``<user ID>-<member number>``.
    """

    user_id: str
    kind: BeneficiaryKind
    officer_code: OfficerCode
    department: str
    district: str
    valid_from: date
    valid_until: date
    people: tuple[PersonOnCard, ...]

    @property
    def holder(self) -> PersonOnCard:
        return self.people[0]
