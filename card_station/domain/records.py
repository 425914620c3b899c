"""The domain records: member, dependant, disability, application.

Why these shapes: they are what the clerk types from the application form and affidavit (seed 002 §4,
affidavit paras 1-10), what the card codecs write and what the store keeps, so they hold facts, never
conclusions: eligibility is computed by the rules on a given date, not stored. Money is whole rupees
(pensions are paid rounded to the rupee). Every record is frozen; a change of data is a new record.

Facts are stored so that contradictions can be seen rather than hidden: a dependant's marital status AND
date of marriage are both kept, so "unmarried" with a marriage date is detectable (see `consistency`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from card_station.domain.reference.service import Service

__all__ = [
    "COMPULSORY_MEMBERSHIP_FROM",
    "Application",
    "CardSize",
    "Dependant",
    "Disability",
    "DisabilityKind",
    "Gender",
    "MaritalStatus",
    "Member",
    "PensionKind",
    "Relation",
    "Route",
    "Service",
]

COMPULSORY_MEMBERSHIP_FROM = date(2003, 4, 1)
"""Retirees from this date are compulsory members, earlier pensioners optional (seed 002 §2(b), seed 003 §2).

A statutory date fixed by the scheme's founding order, not a tunable amount, hence a constant."""


class Gender(Enum):
    MALE = "M"
    FEMALE = "F"
    OTHER = "O"


class PensionKind(Enum):
    """What the applicant draws (seed 002 §1(a), (b))."""

    SERVICE = "service pension"
    DISABILITY = "disability pension"
    FAMILY_WIDOW = "family pension (widow)"
    FAMILY_NEXT_OF_KIN = "family pension (next of kin)"
    NOT_DRAWING = "not drawing pension"


class Route(Enum):
    """Application route: pre or post 01 Apr 2003 (seed 002 §2, §3(a), §4)."""

    PRE_2003 = "pre 01 Apr 2003"
    POST_2003 = "post 01 Apr 2003"


class Relation(Enum):
    """Relation of a listed person to the primary beneficiary, as written on the affidavit (para 2)."""

    SPOUSE = "Spouse"
    SON = "Son"
    DAUGHTER = "Daughter"
    FATHER = "Father"
    MOTHER = "Mother"
    FATHER_IN_LAW = "Father-in-law"
    MOTHER_IN_LAW = "Mother-in-law"
    GRANDPARENT = "Grandparent"
    GRANDCHILD = "Grandchild"

    @property
    def is_child(self) -> bool:
        return self in (Relation.SON, Relation.DAUGHTER)

    @property
    def is_parent(self) -> bool:
        return self in (Relation.FATHER, Relation.MOTHER)

    @property
    def is_parent_in_law(self) -> bool:
        return self in (Relation.FATHER_IN_LAW, Relation.MOTHER_IN_LAW)


class MaritalStatus(Enum):
    UNMARRIED = "unmarried"
    MARRIED = "married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class DisabilityKind(Enum):
    PHYSICAL = "physical"
    MENTAL = "mental"


class CardSize(Enum):
    """ECHS card generation by memory size (seed 003 §13 'Type of ECHS Card (32/64 kb)')."""

    KB32 = "32 KB"
    KB64 = "64 KB"


@dataclass(frozen=True)
class Disability:
    """A child's disability (seed 002 §1(d)(iv)).

    `specialist_certificate_no` is the number of the certificate signed by a Service specialist, None if
    there is none; `onset_on` is the date the disability began (onset after 25 does not qualify).
    """

    kind: DisabilityKind
    onset_on: date
    specialist_certificate_no: str | None
    proof_of_dependency: bool


@dataclass(frozen=True)
class Member:
    """The primary beneficiary: the ex-serviceman, or the widow / next of kin drawing family pension.

    `date_of_retirement` is the ex-serviceman's retirement or discharge (for a family pensioner, the
    deceased soldier's); `pension_from` is the first day of pension or family pension (seed 003 §5(b)),
    None when no pension is drawn. `basic_plus_dearness_pension_rs` is the monthly uncommuted basic pension
    plus dearness pension the contribution slab is read from (seed 002 §2(a)). `other_medical_scheme` names
    another government medical scheme the member belongs to (seed 002 §1(c)), None if none.
    """

    service: Service
    service_number: str
    rank: str
    name: str
    date_of_birth: date
    gender: Gender
    date_of_retirement: date
    pension_kind: PensionKind
    pension_from: date | None
    ppo_number: str | None
    basic_plus_dearness_pension_rs: int
    record_office: str
    war_widow: bool = False
    remarried: bool = False
    other_medical_scheme: str | None = None
    contribution_deducted_at_source: bool = False

    @property
    def route(self) -> Route:
        if self.date_of_retirement < COMPULSORY_MEMBERSHIP_FROM:
            return Route.PRE_2003
        return Route.POST_2003

    @property
    def is_widow_pensioner(self) -> bool:
        return self.pension_kind is PensionKind.FAMILY_WIDOW


@dataclass(frozen=True)
class Dependant:
    """A person listed for inclusion, with the facts the affidavit asks for (affidavit paras 2-7).

    `recorded_in_service_records`: the name is in the pensioner's service records (seed 002 §1(d)(i)-(vi)).
    `part_ii_order_no`: the Part II Order / CRD / SD / POR number publishing a marriage or birth after
    retirement (seed 002 §1(d)(ix)). `monthly_income_rs` is income from all sources; `govt_or_psu_pension`
    marks a retired Central / State Government or PSU employee (seed 002 §1(d)(v)). `from_present_husband`
    marks a remarried widow's child by her present husband (seed 002 §1(d)(vii)).
    """

    name: str
    relation: Relation
    date_of_birth: date
    gender: Gender
    recorded_in_service_records: bool
    marital_status: MaritalStatus = MaritalStatus.UNMARRIED
    date_of_marriage: date | None = None
    employed: bool = False
    monthly_income_rs: int = 0
    govt_or_psu_pension: bool = False
    disability: Disability | None = None
    part_ii_order_no: str | None = None
    from_present_husband: bool = False


@dataclass(frozen=True)
class Application:
    """One membership application (seed 002 §4).

    `submitted_at_regional_centre` is the Regional Centre in whose jurisdiction it is submitted, which
    receives a pre-2003 applicant's card fee (seed 002 §3(a)(i)). `add_on_cards` counts the add-on cards
    asked for besides the master card (seed 002 §3(a)).
    """

    member: Member
    applied_on: date
    card_size: CardSize
    submitted_at_regional_centre: str
    add_on_cards: int = 0
    dependants: tuple[Dependant, ...] = field(default_factory=tuple)

    @property
    def route(self) -> Route:
        return self.member.route
