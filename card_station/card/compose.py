"""From an application to what goes on its card (``CardContent``), for a given chip serial and moment.

Why here and not in the loader: the card carries the station's conclusions, not the form. Eligibility is
decided on the day of issue (seed 002 §1(d): only eligible dependants go on the card, each with the rule
that admitted him and the day it ends), the ward comes from the rank (seed 002 receipt para 2) and the
Regional Centre from the record office (seed 002 table "Regional Centre / Affiliated Sections"), all from
the reference data rather than typed by the clerk. Photos are fitted to the profile's budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from card_station.applications import ApplicationFile
from card_station.card.content import (
    MEMBER_ID,
    CardContent,
    CardInfo,
    CardState,
    CardStatus,
    IssueParticulars,
    MemberOnCard,
    dependant_id,
    dependants_on_card,
)
from card_station.card.photos import PhotoPolicy, prepare_photos
from card_station.card.profile import CardProfile
from card_station.card.version import LAYOUT_VERSION
from card_station.domain.dependants import evaluate_dependants
from card_station.domain.membership import evaluate_member
from card_station.domain.parameters import RuleParameterTable
from card_station.domain.reference.ranks import RankCategory
from card_station.domain.reference.reference_data import ReferenceData

ISSUER = "ECHS"
_CATEGORY_TEXT = {
    RankCategory.OFFICER: "Officer",
    RankCategory.HONORARY_OFFICER: "Honorary Officer",
    RankCategory.JCO: "JCO",
    RankCategory.HONORARY_JCO: "Honorary JCO",
    RankCategory.WARRANT_OFFICER: "Warrant Officer",
    RankCategory.OTHER_RANK: "Other Rank",
}


class NotIssuable(ValueError):
    """The application cannot be put on a card (the member is not eligible)."""


@dataclass(frozen=True)
class Issuer:
    """Who issues: the station's id (written on the card) and the rules and reference data it applies."""

    station_id: str
    rules: RuleParameterTable
    reference: ReferenceData
    photo_policy: PhotoPolicy | None = None


def card_content(
    application_file: ApplicationFile, serial: bytes, profile: CardProfile, issuer: Issuer, now: datetime
) -> CardContent:
    """The card of ``application_file`` on the chip ``serial``, personalised at ``now`` (aware)."""
    application = application_file.application
    today = now.date()
    member = application.member
    verdict = evaluate_member(member, today)
    if not verdict.eligible:
        raise NotIssuable(
            f"{member.name} is not eligible for ECHS membership ({verdict.rule}: {verdict.reason})"
        )
    params = issuer.rules.parameters_on(today)
    decisions = evaluate_dependants(application, today, params)
    rank = issuer.reference.rank(member.service, member.rank)
    particulars = IssueParticulars(
        card_number=application_file.card.card_number,
        category=_CATEGORY_TEXT[rank.category],
        regional_centre=issuer.reference.regional_centre_for_record_office(member.record_office).name,
        parent_polyclinic=application_file.card.parent_polyclinic,
        ward_entitlement=rank.ward.value,
        blood_group=application_file.card.blood_group,
        allergies=application_file.card.allergies,
    )
    dependants = dependants_on_card(application, decisions)
    listed_photos = [
        photo
        for photo, decision in zip(application_file.dependant_photos, decisions, strict=True)
        if decision.eligible
    ]
    photos = {dependant_id(n): p for n, p in enumerate(listed_photos, 1) if p is not None}
    if application_file.member_photo is not None:
        photos[MEMBER_ID] = application_file.member_photo
    return CardContent(
        info=CardInfo(serial, profile, LAYOUT_VERSION, ISSUER, today, issuer.station_id),
        status=CardStatus(CardState.PERSONALISED, None, None, None, False, 0, now),
        member=MemberOnCard.from_member(member, particulars),
        dependants=dependants,
        photos=prepare_photos(photos, profile, issuer.photo_policy),
    )
