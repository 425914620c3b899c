"""The counter's token: a queue number per polyclinic per day for one person on a card that was read
(issue 6 "Issue a token"), recorded with the card, the person and the decision, and queued for sync.

Why the refusals are recorded too: a refused beneficiary is a fact the polyclinic and the centre ask about
(an FMA member sent away from OPD, a blocked card presented), so a refusal gets a row (without a number)
and an outbox event like a token. Why FMA members still get a token: seed 003 §7 takes OPD away, not the
scheme: "OPD Treatment Not Allowed" is printed on their tokens, and IPD referral stays allowed (seed 003
§7(g), §10), so the counter issues them IPD referral tokens only.

Numbers: the day is the IST date (the polyclinic's day); the next number is the day's highest plus one,
taken inside the store's serialised write transaction (BEGIN IMMEDIATE), and a unique index on
(polyclinic, day, number) refuses a duplicate even from a second station on the same database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sqlalchemy import func, select

from card_station.card.decision import OPD_NOT_ALLOWED, PersonDecision
from card_station.domain.handover import IST
from card_station.services.clock import Clock
from card_station.services.counter import CounterRead
from card_station.services.operators import current_operator
from card_station.store.database import Store
from card_station.store.models.cards import CardRow, CounterTokenRow, TokenOutcome
from card_station.store.models.people import MemberRow
from card_station.store.outbox import record_event
from card_station.store.roles import OperatorRef, Permission, require


class Care(Enum):
    """What a token is for: an OPD consultation, or an IPD referral (seed 003 §7(g), §10)."""

    OPD = "OPD"
    IPD = "IPD referral"


@dataclass(frozen=True)
class TokenResult:
    """A token (``issued``, its number) or a refusal with its reason; recorded either way."""

    issued: bool
    token_no: int | None
    reason: str
    care: Care
    person_name: str


def _person(read: CounterRead, person_id: str) -> PersonDecision | None:
    return next((p for p in read.decision.persons if p.person_id == person_id), None)


def allowed_care(read: CounterRead, person_id: str) -> tuple[Care, ...]:
    """What the counter may offer ``person_id`` on this card today: nothing on a refused card or for a
    person not eligible; IPD referral only for an FMA member (seed 003 §7); else OPD and IPD."""
    person = _person(read, person_id)
    if not read.decision.token_allowed or person is None or not person.eligible:
        return ()
    if not person.opd_allowed:
        return (Care.IPD,) if person.ipd_allowed else ()
    return (Care.OPD, Care.IPD) if person.ipd_allowed else (Care.OPD,)


def refusal(read: CounterRead, person_id: str, care: Care) -> str | None:
    """Why no token of ``care`` may be issued for ``person_id`` (None: it may). Pure."""
    decision = read.decision
    if not decision.token_allowed:
        reasons = "; ".join(decision.reasons) or decision.verdict.value
        return f"card {decision.verdict.value}: {reasons}"
    person = _person(read, person_id)
    if person is None:
        listed = ", ".join(p.person_id for p in decision.persons)
        return f"no person {person_id!r} on this card; the card lists {listed}"
    if not person.eligible:
        return f"{person.name} is not eligible today: {person.reason}"
    if care is Care.OPD and not person.opd_allowed:
        return f"{person.opd_text}; an IPD referral token may be issued (seed 003 §7(g))"
    if care is Care.IPD and not person.ipd_allowed:
        return f"{person.name} may not be referred for IPD today"
    return None


class TokenService:
    """Issues tokens at one polyclinic's counter (docs/handover.md "The counter and tokens")."""

    def __init__(self, store: Store, clock: Clock, *, polyclinic: str) -> None:
        if not polyclinic.strip():
            raise ValueError("a token queue belongs to a polyclinic: give its name")
        self._store = store
        self._clock = clock
        self._polyclinic = polyclinic

    def __repr__(self) -> str:
        return f"TokenService(polyclinic={self._polyclinic!r})"

    @staticmethod
    def allowed_care(read: CounterRead, person_id: str) -> tuple[Care, ...]:
        return allowed_care(read, person_id)

    def issue(self, operator: OperatorRef, read: CounterRead, *, person_id: str, care: Care) -> TokenResult:
        """A token of ``care`` for ``person_id`` on the card read, or a recorded refusal."""
        now = self._clock()
        today = now.astimezone(IST).date()
        decision = read.decision
        person = _person(read, person_id)
        name = person.name if person is not None else person_id
        why_not = refusal(read, person_id, care)
        with self._store.transaction() as session:
            actor = current_operator(session, operator)
            require(actor, Permission.ISSUE_TOKEN)
            serial = read.serial or ""
            card = session.scalar(select(CardRow).where(CardRow.serial == serial)) if serial else None
            member = None if card is None else session.get(MemberRow, card.member_id)
            token_no = None
            if why_not is None:
                last = session.scalar(
                    select(func.max(CounterTokenRow.token_no)).where(
                        CounterTokenRow.polyclinic == self._polyclinic, CounterTokenRow.issued_on == today
                    )
                )
                token_no = (last or 0) + 1
            reason = why_not or _issued_text(care, person)
            session.add(
                CounterTokenRow(
                    card_serial=serial,
                    member_id=None if member is None else member.id,
                    person_name=name,
                    issued_on=today,
                    token_no=token_no,
                    outcome=TokenOutcome.ISSUED if why_not is None else TokenOutcome.REFUSED,
                    reason=reason[:200],
                    opd_allowed=person is not None and person.opd_allowed,
                    operator_id=actor.id,
                    at=now,
                    polyclinic=self._polyclinic,
                    person_id=person_id[:8],
                    care=care.name,
                )
            )
            record_event(
                session,
                kind="counter.token_issued" if why_not is None else "counter.token_refused",
                member_key=_member_key(member, decision.card_number, serial),
                payload={
                    "polyclinic": self._polyclinic,
                    "issued_on": today.isoformat(),
                    "token_no": token_no,
                    "card_serial": serial,
                    "card_number": decision.card_number,
                    "person_id": person_id,
                    "care": care.name,
                    "verdict": decision.verdict.name,
                    "reason": reason,
                },
                now=now,
            )
        return TokenResult(why_not is None, token_no, reason, care, name)


def _issued_text(care: Care, person: PersonDecision | None) -> str:
    if care is Care.IPD and person is not None and not person.opd_allowed:
        return f"IPD referral token; {OPD_NOT_ALLOWED} (FMA, seed 003 §7)"
    return f"{care.value} token"


def _member_key(member: MemberRow | None, card_number: str | None, serial: str) -> str:
    """The outbox orders events per member: this station's member key, else the card's number (a card
    issued elsewhere), else its chip serial."""
    if member is not None:
        return member.key
    return card_number or serial or "unidentified-card"
