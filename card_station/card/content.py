"""What is on an ECHS card, as domain values (design "The card application"; docs/card-layout.md).

Why records separate from the domain's ``Member`` / ``Dependant``: the card carries the facts a counter
needs and the conclusions the issuing station reached (the basis of each dependant's eligibility and the
day it ends, seed 002 §1(d)), not the affidavit's facts (income, marriage dates). Every record keeps the
data objects a newer layout added (``unknown``) so that a station rewriting a file does not drop them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from types import MappingProxyType

from apdu.tlv import Tlv
from card_station.card.profile import CardProfile
from card_station.card.version import LAYOUT_VERSION, READABLE_FROM
from card_station.domain.dependants import DependantDecision
from card_station.domain.records import Application, Dependant, DisabilityKind, Gender, Member, Relation
from card_station.domain.reference.service import Service

MEMBER_ID = "M"
"""Person id of the primary beneficiary (the key of his photo)."""


def dependant_id(number: int) -> str:
    """Person id of the dependant in record ``number`` of EF.DEPENDANTS (1-based)."""
    return f"D{number}"


class CardState(Enum):
    """Life-cycle state of the card held in EF.STATUS byte 3 (seed 000 §4-§5: issue, then handover)."""

    PERSONALISED = 0x01
    HANDED_OVER = 0x02
    BLOCKED = 0x03


class BlockReason(Enum):
    """Why a card is blocked (EF.STATUS byte 4); issue 4 "block a card (lost, change of data)"."""

    LOST = 0x01
    CHANGE_OF_DATA = 0x02
    DAMAGED = 0x03
    WITHDRAWN = 0x04


class BloodGroup(Enum):
    A_POS = "A+"
    A_NEG = "A-"
    B_POS = "B+"
    B_NEG = "B-"
    AB_POS = "AB+"
    AB_NEG = "AB-"
    O_POS = "O+"
    O_NEG = "O-"


class EndorsementKind(Enum):
    """What an EF.ENDORSE record says; the value is its one-byte code on the card."""

    FMA_NO_OPD = 0x01
    """FMA granted: "No OPD" from ``effective_on`` (seed 003 §7, §11)."""
    FMA_CEASED = 0x02
    """FMA ceased, OPD allowed again from ``effective_on`` (seed 003 §6(d), §8(c))."""
    BLOCKED = 0x03
    """The card was blocked (lost, change of data); EF.STATUS holds the current state."""
    UNBLOCKED = 0x04
    CHANGE_OF_DATA = 0x05
    """A person's data changed (``text`` says what); the new data is in EF.MEMBER / EF.DEPENDANTS."""


@dataclass(frozen=True)
class CardInfo:
    """EF.CARD under the MF: the card's identity and how it was made."""

    serial: bytes
    size: CardProfile
    layout_version: int
    issuer: str
    personalised_on: date
    station_id: str
    readable_from: int = READABLE_FROM
    unknown: tuple[Tlv, ...] = ()


@dataclass(frozen=True)
class CardStatus:
    """EF.STATUS: the anti-tearing record (the eGK EF.StatusVD pattern) and the card's life-cycle state.

    ``update_open`` is set first and cleared last by every write session; a reader that sees it set
    refuses the card as incomplete. ``reason`` is set exactly when the state is BLOCKED.
    """

    state: CardState
    reason: BlockReason | None
    handed_over_at: datetime | None
    active_from: datetime | None
    update_open: bool
    update_counter: int
    updated_at: datetime
    layout_version: int = LAYOUT_VERSION
    readable_from: int = READABLE_FROM

    def __post_init__(self) -> None:
        if (self.state is CardState.BLOCKED) != (self.reason is not None):
            raise ValueError("a block reason is given exactly when the card state is BLOCKED")


@dataclass(frozen=True)
class IssueParticulars:
    """What the issuing station adds to an application for the card (not on the application form).

    ``valid_until`` None means the membership has no end date (ECHS membership is for life).
    """

    card_number: str
    category: str
    regional_centre: str
    parent_polyclinic: str
    ward_entitlement: str
    blood_group: BloodGroup | None = None
    allergies: str | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class MemberOnCard:
    """EF.MEMBER: the primary beneficiary as the counter shows him."""

    card_number: str
    service: Service
    service_number: str
    rank: str
    name: str
    date_of_birth: date
    gender: Gender
    ppo_number: str | None
    category: str
    regional_centre: str
    parent_polyclinic: str
    ward_entitlement: str
    blood_group: BloodGroup | None
    allergies: str | None
    valid_until: date | None
    unknown: tuple[Tlv, ...] = ()

    @classmethod
    def from_member(cls, member: Member, issue: IssueParticulars) -> MemberOnCard:
        return cls(
            card_number=issue.card_number,
            service=member.service,
            service_number=member.service_number,
            rank=member.rank,
            name=member.name,
            date_of_birth=member.date_of_birth,
            gender=member.gender,
            ppo_number=member.ppo_number,
            category=issue.category,
            regional_centre=issue.regional_centre,
            parent_polyclinic=issue.parent_polyclinic,
            ward_entitlement=issue.ward_entitlement,
            blood_group=issue.blood_group,
            allergies=issue.allergies,
            valid_until=issue.valid_until,
        )


@dataclass(frozen=True)
class DependantOnCard:
    """One EF.DEPENDANTS record: an eligible dependant, with the rule that admitted him (seed 002 §1(d)).

    ``number`` is the record number (1-based) and names the person's photo (``dependant_id``).
    ``valid_until`` is the first day he is no longer eligible (a son's 25th birthday, §1(d)(ii)), None if
    no date ends it. ``basis`` is the citation of the admitting rule, e.g. "seed 002 §1(d)(ii)".
    """

    number: int
    name: str
    relation: Relation
    date_of_birth: date
    gender: Gender
    basis: str
    valid_until: date | None
    disability: DisabilityKind | None
    unknown: tuple[Tlv, ...] = ()

    @property
    def person_id(self) -> str:
        return dependant_id(self.number)

    @classmethod
    def from_decision(cls, number: int, dependant: Dependant, decision: DependantDecision) -> DependantOnCard:
        """The card record of an eligible dependant; refuses a decision that is not his, or not eligible."""
        if decision.name != dependant.name or decision.relation is not dependant.relation:
            raise ValueError(
                f"the decision for {decision.name} ({decision.relation.value}) does not belong to "
                f"{dependant.name} ({dependant.relation.value})"
            )
        if not decision.eligible:
            raise ValueError(f"{dependant.name} is not eligible ({decision.reason}) and cannot go on a card")
        return cls(
            number=number,
            name=dependant.name,
            relation=dependant.relation,
            date_of_birth=dependant.date_of_birth,
            gender=dependant.gender,
            basis=str(decision.rule),
            valid_until=decision.ends_on,
            disability=dependant.disability.kind if dependant.disability is not None else None,
        )


def dependants_on_card(
    application: Application, decisions: tuple[DependantDecision, ...]
) -> tuple[DependantOnCard, ...]:
    """The eligible dependants of an application, numbered 1.. in the order listed.

    ``decisions`` are ``domain.dependants.evaluate_dependants(application, ...)``, one per listed person.
    """
    if len(decisions) != len(application.dependants):
        raise ValueError(
            f"{len(decisions)} eligibility decisions given for {len(application.dependants)} listed persons"
        )
    eligible = [
        (d, decision)
        for d, decision in zip(application.dependants, decisions, strict=True)
        if decision.eligible
    ]
    return tuple(
        DependantOnCard.from_decision(number, d, decision) for number, (d, decision) in enumerate(eligible, 1)
    )


@dataclass(frozen=True)
class Endorsement:
    """One EF.ENDORSE record (seed 003 §11: the card is marked "No OPD" with the date)."""

    kind: EndorsementKind
    effective_on: date
    text: str
    station_id: str
    unknown: tuple[Tlv, ...] = ()


def frozen_photos(photos: Mapping[str, bytes]) -> Mapping[str, bytes]:
    """A read-only copy of ``photos`` in person-id order, so that a content value stays frozen and equal
    contents compare equal whatever order their photos came in."""
    return MappingProxyType(dict(sorted(photos.items())))


def check_people(
    numbers: list[int], what: str, photos: Mapping[str, bytes], person_ids: Iterable[str]
) -> None:
    """The records of ``what`` are numbered 1..n in order, and every photo belongs to a person on the card."""
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"{what} must be numbered 1..{len(numbers)} in order, got {numbers}")
    strangers = sorted(set(photos) - set(person_ids))
    if strangers:
        raise ValueError(f"photos for persons not on the card: {', '.join(strangers)}")


@dataclass(frozen=True)
class CardContent:
    """Everything the application's files hold except EF.SOD (which is computed from the files)."""

    info: CardInfo
    status: CardStatus
    member: MemberOnCard
    dependants: tuple[DependantOnCard, ...]
    endorsements: tuple[Endorsement, ...] = ()
    photos: Mapping[str, bytes] = field(default_factory=lambda: frozen_photos({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "photos", frozen_photos(self.photos))
        numbers = [d.number for d in self.dependants]
        check_people(numbers, "dependants", self.photos, (MEMBER_ID, *(d.person_id for d in self.dependants)))
