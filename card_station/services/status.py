"""The card status as the scheme's portal shows it (seed 000 §5(a), §5(d)), looked up by card number or
service number: "SMS OTP sent", "Cards handed over" with "Active from ...", "Card Blocked", "Blocked due
to Change in Data" (the portal's words, seeds README), and the states before and between them.

Why a read-only lookup with no operator: seed 000 §5(a) lets the beneficiary check the status himself
(portal, app, or "visit nearest polyclinic"); the answer holds no OTP, no mobile or Aadhaar number, and
nothing a clerk typed beyond the name. Why the temporary slip is a line of its own: it "remains
functional till the time cards are not electronically handed over" (seed 000 §4) and "will stop
functioning" once the OTP is entered (§5(c)), so the beneficiary must see which is the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station.domain.dates import card_date_text
from card_station.domain.handover import IST, temporary_slip_status
from card_station.domain.parameters import RuleParameterTable, load_rule_parameters
from card_station.handover.otp import OtpChannel, ist_text
from card_station.store.database import Store
from card_station.store.lifecycle import ApplicationState
from card_station.store.models.cards import CardRow, CardStatus, CardStatusRow, HandoverRow, OtpRow
from card_station.store.models.people import ApplicationRow, MemberRow

SMS_OTP_SENT = "SMS OTP sent"
CARDS_HANDED_OVER = "Cards handed over"
CARD_BLOCKED = "Card Blocked"
BLOCKED_CHANGE_OF_DATA = "Blocked due to Change in Data"


class StatusNotFound(LookupError):
    """No card number or service number of this station matches."""


@dataclass(frozen=True)
class PortalStatus:
    """``headline`` is the portal's status; ``lines`` explain it (activation, slip, OTP, cards)."""

    query: str
    name: str
    card_numbers: tuple[str, ...]
    headline: str
    lines: tuple[str, ...]


def active_from_text(moment: datetime) -> str:
    """'Active from 24 NOV 2026 13:00 IST' (seed 000 §5(c): after 1300 hrs)."""
    local = moment.astimezone(IST)
    return f"Active from {card_date_text(local.date())} {local:%H:%M} IST"


def is_change_of_data(reason: str) -> bool:
    """Whether a block's recorded reason is a change of data ('change of data', 'change-of-data')."""
    words = reason.lower().replace("-", " ").replace("_", " ").split()
    return "change" in words and "data" in words


def _application(session: Session, query: str) -> ApplicationRow:
    wanted = query.strip()
    card = session.scalar(select(CardRow).where(CardRow.card_number == wanted.upper()).limit(1))
    if card is not None:
        application = session.get(ApplicationRow, card.application_id)
        assert application is not None
        return application
    member = session.scalar(select(MemberRow).where(MemberRow.service_number == wanted.upper()))
    if member is None:
        member = session.scalar(select(MemberRow).where(MemberRow.service_number == wanted))
    if member is not None:
        latest = session.scalars(
            select(ApplicationRow)
            .where(ApplicationRow.member_id == member.id)
            .order_by(ApplicationRow.id.desc())
            .limit(1)
        ).first()
        if latest is not None:
            return latest
    raise StatusNotFound(
        f"no card number or service number {wanted!r} is known to this station; check it against the card "
        "or the discharge book, or ask the card issuing station"
    )


def _block_reason(session: Session, card: CardRow) -> str:
    row = session.scalars(
        select(CardStatusRow)
        .where(CardStatusRow.card_id == card.id)
        .order_by(CardStatusRow.id.desc())
        .limit(1)
    ).first()
    return "" if row is None else row.reason


def _otp_lines(otp: OtpRow, now: datetime) -> tuple[str, tuple[str, ...]]:
    """The headline and lines while the family waits for its OTP to be entered."""
    if otp.locked_at is not None:
        return SMS_OTP_SENT, (
            "the OTP is locked after repeated wrong entries: a verifier must issue a new one",
        )
    if now >= otp.expires_at:
        return SMS_OTP_SENT, (
            f"the OTP expired on {ist_text(otp.expires_at)}: a verifier must issue a new one",
        )
    valid = f"OTP valid until {ist_text(otp.expires_at)}"
    if otp.channel == OtpChannel.OPERATOR_REQUEST.value:
        return SMS_OTP_SENT, ("OTP requested at the parent polyclinic (seed 000 §5(c))", valid)
    if otp.delivery is not None and otp.delivery != SMS_OTP_SENT:
        return otp.delivery, ("visit the parent polyclinic and ask for the OTP request (seed 000 §5(b))",)
    return SMS_OTP_SENT, (valid, "give the OTP at the parent polyclinic to have the cards handed over")


def _status(session: Session, query: str, now: datetime, rules: RuleParameterTable) -> PortalStatus:
    application = _application(session, query)
    member = application.member
    cards = session.scalars(
        select(CardRow).where(CardRow.application_id == application.id).order_by(CardRow.id)
    ).all()
    numbers = tuple(dict.fromkeys(c.card_number for c in cards if c.card_number))

    def result(headline: str, *lines: str) -> PortalStatus:
        return PortalStatus(query, member.name, numbers, headline, tuple(lines))

    blocked = [c for c in cards if c.status in (CardStatus.BLOCKED, CardStatus.LOST)]
    if blocked:
        reasons = [_block_reason(session, c) for c in blocked]
        if any(is_change_of_data(r) for r in reasons):
            return result(
                BLOCKED_CHANGE_OF_DATA,
                *(f"card {c.serial}: {r}" for c, r in zip(blocked, reasons, strict=True)),
            )
        return result(CARD_BLOCKED, *(f"card {c.serial}: {r}" for c, r in zip(blocked, reasons, strict=True)))
    handover = session.scalars(
        select(HandoverRow)
        .where(HandoverRow.application_id == application.id)
        .order_by(HandoverRow.id.desc())
    ).first()
    params = rules.parameters_on(now.astimezone(IST).date())
    if handover is not None:
        pending = [c.serial for c in cards if c.status is CardStatus.PERSONALISED]
        lines = [
            active_from_text(handover.activation_at),
            f"temporary slip: stopped at the electronic handover on {ist_text(handover.handed_over_at)}",
        ]
        lines += [
            f"card {serial}: not yet written as handed over; bring it to the station" for serial in pending
        ]
        return result(CARDS_HANDED_OVER, *lines)
    slip = temporary_slip_status(application.applied_on, 0, None, now, params)
    slip_line = f"temporary slip: {'valid' if slip.valid else 'NOT valid'} ({slip.reason})"
    otp = session.scalars(
        select(OtpRow).where(OtpRow.application_id == application.id).order_by(OtpRow.id.desc()).limit(1)
    ).first()
    if otp is not None:
        headline, lines = _otp_lines(otp, now)
        return result(headline, *lines, slip_line)
    if application.state is ApplicationState.CARD_PERSONALISED:
        return result("Cards ready, OTP not yet sent", slip_line)
    return result(f"Application {application.state.value}", slip_line)


def application_key_for(store: Store, query: str) -> str:
    """The key of the application a card number, service number or application key names."""
    with store.read() as session:
        row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == query.strip()))
        return (row or _application(session, query)).key


def portal_status(
    store: Store, query: str, now: datetime, rules: RuleParameterTable | None = None
) -> PortalStatus:
    """The status of the family whose card number or service number is ``query``, at ``now``."""
    with store.read() as session:
        return _status(session, query, now, rules or load_rule_parameters())
