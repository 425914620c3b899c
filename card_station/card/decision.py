"""The counter's decision on a card that was read and verified: one frozen record (issue 4 "Read at a
counter"). Pure: no I/O, the moment is passed in.

Order of the checks, the first that fails decides the card: the card is an ECHS card and complete
(blank, interrupted personalisation or update, terminated, another application are refused as such);
genuine (EF.SOD verified against the scheme root; why not, otherwise); not blocked (seed 000: a lost card
is blocked); handed over (seed 000 §5(c): cards are handed over with the OTP); active (activation at
13:00 IST after handover, seed 000 §5(c)). Then per person: eligible today (a dependant's eligibility
ends on the day the card records, e.g. a son's 25th birthday, seed 002 §1(d)(ii)); OPD allowed unless an
FMA "No OPD" endorsement is in force today (seed 003 §7, §11: "OPD Treatment Not Allowed"); IPD always
allowed (seed 003 §7(g), §10).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from card_station.card.content import CardContent, CardState, DependantOnCard, Endorsement, EndorsementKind
from card_station.card.reading import Presence, VerifiedReading
from card_station.domain.dates import card_date_text
from card_station.domain.fma_grant import CareService, FmaGrant, care_allowed
from card_station.domain.handover import IST

OPD_NOT_ALLOWED = "OPD Treatment Not Allowed"


class CardVerdict(Enum):
    """The card as a whole; only ACTIVE lets the counter issue a token."""

    ACTIVE = "active"
    BLANK = "blank card"
    INCOMPLETE = "incomplete card"
    NOT_ECHS = "not an ECHS card"
    TERMINATED = "terminated card"
    NOT_GENUINE = "NOT GENUINE"
    BLOCKED = "blocked"
    NOT_HANDED_OVER = "not yet handed over"
    NOT_YET_ACTIVE = "not yet active"


_PRESENCE_VERDICT = {
    Presence.BLANK: CardVerdict.BLANK,
    Presence.PERSONALISATION_INCOMPLETE: CardVerdict.INCOMPLETE,
    Presence.UPDATE_INCOMPLETE: CardVerdict.INCOMPLETE,
    Presence.TERMINATED: CardVerdict.TERMINATED,
    Presence.OTHER_APPLICATION: CardVerdict.NOT_ECHS,
}


@dataclass(frozen=True)
class PersonDecision:
    """One person on the card, judged today."""

    person_id: str
    name: str
    relation: str
    eligible: bool
    reason: str
    opd_allowed: bool
    opd_text: str
    ipd_allowed: bool


@dataclass(frozen=True)
class CounterDecision:
    """What the counter shows. ``reasons`` say why the card is refused (empty when ACTIVE); ``persons``
    is empty unless the card is genuine."""

    verdict: CardVerdict
    reasons: tuple[str, ...]
    genuine: bool
    card_number: str | None = None
    active_from: datetime | None = None
    persons: tuple[PersonDecision, ...] = ()

    @property
    def token_allowed(self) -> bool:
        return self.verdict is CardVerdict.ACTIVE


def fma_grant(endorsements: tuple[Endorsement, ...]) -> FmaGrant | None:
    """The FMA option the endorsements record: the latest "No OPD" and any cessation after it."""
    grant = None
    for endorsement in endorsements:
        if endorsement.kind is EndorsementKind.FMA_NO_OPD:
            grant = FmaGrant(endorsement.effective_on, endorsement.effective_on, 0)
        elif endorsement.kind is EndorsementKind.FMA_CEASED and grant is not None:
            grant = FmaGrant(grant.applied_on, grant.commences_on, 0, endorsement.effective_on)
    return grant


def _opd(grant: FmaGrant | None, endorsements: tuple[Endorsement, ...], today: date) -> tuple[bool, str]:
    if grant is None:
        return True, "OPD allowed"
    opd = care_allowed(grant, CareService.OPD_POLYCLINIC, today)
    if opd.allowed:
        return True, f"OPD allowed ({opd.reason})"
    marking = next(
        (e.text for e in reversed(endorsements) if e.kind is EndorsementKind.FMA_NO_OPD),
        card_date_text(grant.commences_on),
    )
    return False, f"{OPD_NOT_ALLOWED}: {marking} (FMA from {card_date_text(grant.commences_on)})"


def _dependant_eligibility(dependant: DependantOnCard, today: date) -> tuple[bool, str]:
    if dependant.valid_until is not None and today >= dependant.valid_until:
        return False, (
            f"eligibility as {dependant.relation.value.lower()} ended on "
            f"{card_date_text(dependant.valid_until)} ({dependant.basis})"
        )
    until = "" if dependant.valid_until is None else f" until {card_date_text(dependant.valid_until)}"
    return True, f"eligible under {dependant.basis}{until}"


def _persons(content: CardContent, today: date) -> tuple[PersonDecision, ...]:
    grant = fma_grant(content.endorsements)
    opd_allowed, opd_text = _opd(grant, content.endorsements, today)
    member = content.member
    member_ok = member.valid_until is None or today < member.valid_until
    member_reason = "primary member"
    if member.valid_until is not None and not member_ok:
        member_reason = f"the membership ended on {card_date_text(member.valid_until)}"
    people = [
        PersonDecision("M", member.name, "Member", member_ok, member_reason, opd_allowed, opd_text, True)
    ]
    for dependant in content.dependants:
        eligible, reason = _dependant_eligibility(dependant, today)
        eligible = eligible and member_ok
        people.append(
            PersonDecision(
                dependant.person_id,
                dependant.name,
                dependant.relation.value,
                eligible,
                reason if member_ok else member_reason,
                opd_allowed and eligible,
                opd_text if eligible else "not eligible",
                eligible,
            )
        )
    return tuple(people)


def decide(checked: VerifiedReading, now: datetime) -> CounterDecision:
    """The decision for ``checked`` at ``now`` (timezone-aware; "today" is the date in IST)."""
    if now.tzinfo is None:
        raise ValueError("pass an aware datetime: the card's activation time is in IST")
    presence = checked.reading.presence
    if presence in _PRESENCE_VERDICT:
        return CounterDecision(_PRESENCE_VERDICT[presence], (presence.value,), False)
    content = checked.content
    if not checked.genuine or content is None:
        reasons = (checked.verdict.reasons if checked.verdict else ()) + checked.problems
        return CounterDecision(CardVerdict.NOT_GENUINE, reasons or ("the card could not be verified",), False)
    card_number = content.member.card_number
    card_status = content.status
    today = now.astimezone(IST).date()
    persons = _persons(content, today)
    if card_status.state is CardState.BLOCKED:
        reason = card_status.reason.name.replace("_", " ").lower() if card_status.reason else "blocked"
        return CounterDecision(
            CardVerdict.BLOCKED, (f"the card is blocked: {reason}",), True, card_number, None, persons
        )
    if card_status.state is CardState.PERSONALISED:
        return CounterDecision(
            CardVerdict.NOT_HANDED_OVER,
            ("the card has not been handed over: the temporary slip stays valid until handover",),
            True,
            card_number,
            None,
            persons,
        )
    active_from = card_status.active_from
    if active_from is not None and now < active_from:
        when = active_from.astimezone(IST).strftime("%d %b %Y %H:%M IST").upper()
        return CounterDecision(
            CardVerdict.NOT_YET_ACTIVE,
            (f"the card is active from {when}",),
            True,
            card_number,
            active_from,
            persons,
        )
    return CounterDecision(CardVerdict.ACTIVE, (), True, card_number, active_from, persons)
