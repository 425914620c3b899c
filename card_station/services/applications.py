"""Application and card use cases: enter, submit, verify (maker-checker), record personalisation, OTP sent,
handover, activation, block / unblock, loss and duplicate, change of data, and member lookup.

Why each function checks the permission itself and writes its outbox event and audit entry in the
caller's transaction: the GUI is not the only caller, and a change, its event and its audit entry must
commit together or not at all (issue 5, "Outbox": same transaction). The caller owns the transaction
(``with store.transaction() as session:``); on any error here it rolls back and nothing is half-written.
Mobile and Aadhaar numbers are encrypted before they reach a row and only masked forms leave this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station import audit
from card_station.audit import AuditAction
from card_station.domain.records import Application, Service
from card_station.services.operators import current_operator
from card_station.store.ids import uuid7
from card_station.store.lifecycle import Action, ApplicationState, next_state
from card_station.store.mapping import dependant_row, member_columns
from card_station.store.models.cards import CardRow, CardStatus, CardStatusRow, HandoverRow, OtpRow
from card_station.store.models.operators import Operator
from card_station.store.models.people import ApplicationRow, MemberRow, TransitionRow
from card_station.store.names import fold_name
from card_station.store.outbox import record_event
from card_station.store.pii import DataKey, normalise_aadhaar, normalise_mobile
from card_station.store.roles import OperatorRef, Permission, PermissionDenied, require


class ApplicationError(ValueError):
    """The request cannot be carried out on this application or card; nothing was changed."""


class MakerCheckerViolation(PermissionDenied):
    """The operator who made a record tried to check it (seed 001 DDO / seed 002 Record Office rule)."""


@dataclass(frozen=True)
class MemberSummary:
    """What a list or a lookup shows: never an unmasked mobile or Aadhaar number."""

    key: str
    service: Service
    service_number: str
    rank: str
    name: str
    mobile: str | None
    aadhaar: str | None


def _summary(row: MemberRow) -> MemberSummary:
    return MemberSummary(
        key=row.key,
        service=row.service,
        service_number=row.service_number,
        rank=row.rank,
        name=row.name,
        mobile=None if row.mobile_last4 is None else "XXXXXX" + row.mobile_last4,
        aadhaar=None if row.aadhaar_last4 is None else "XXXXXXXX" + row.aadhaar_last4,
    )


def _application(session: Session, application_key: str) -> ApplicationRow:
    row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == application_key))
    if row is None:
        raise ApplicationError(f"no application has the key {application_key!r}")
    return row


def _card(session: Session, serial: str) -> CardRow:
    row = session.scalar(select(CardRow).where(CardRow.serial == serial))
    if row is None:
        raise ApplicationError(f"no card with serial {serial!r} was issued by this station")
    return row


def _move(session: Session, actor: Operator, row: ApplicationRow, action: Action, now: datetime) -> None:
    """Apply one life-cycle step: the state, its history row and its outbox event."""
    before = row.state
    row.state = next_state(before, action)
    row.updated_at = now
    session.add(
        TransitionRow(
            application_id=row.id,
            from_state=before,
            to_state=row.state,
            action=action,
            operator_id=actor.id,
            at=now,
        )
    )
    record_event(
        session,
        kind=f"application.{action.name.lower()}",
        member_key=row.member.key,
        payload={"application": row.key, "state": row.state.name, "operator": actor.username},
        now=now,
    )


def _set_card_status(
    session: Session, actor: Operator, card: CardRow, status: CardStatus, *, reason: str, now: datetime
) -> None:
    card.status = status
    session.add(CardStatusRow(card_id=card.id, status=status, reason=reason, operator_id=actor.id, at=now))


def enter_application(
    session: Session,
    operator: Operator,
    application: Application,
    *,
    mobile: str | None,
    aadhaar: str | None,
    data_key: DataKey,
    now: datetime,
) -> ApplicationRow:
    """Record a new member's application as a draft; a member already registered is refused."""
    actor = current_operator(session, operator)
    require(actor, Permission.ENTER_APPLICATION)
    member = application.member
    existing = session.scalar(
        select(MemberRow).where(
            MemberRow.service == member.service, MemberRow.service_number == member.service_number
        )
    )
    if existing is not None:
        raise ApplicationError(
            f"{member.service.label} number {member.service_number} is already registered (member "
            f"{existing.key}); use a change of data or a duplicate card instead of a new application"
        )
    key = uuid7(now)
    mobile_digits = None if mobile is None else normalise_mobile(mobile)
    aadhaar_digits = None if aadhaar is None else normalise_aadhaar(aadhaar)
    member_row = MemberRow(
        key=key,
        **member_columns(member),
        mobile_enc=None
        if mobile_digits is None
        else data_key.encrypt(mobile_digits, field="mobile", owner=key),
        mobile_last4=None if mobile_digits is None else mobile_digits[-4:],
        aadhaar_enc=None
        if aadhaar_digits is None
        else data_key.encrypt(aadhaar_digits, field="aadhaar", owner=key),
        aadhaar_last4=None if aadhaar_digits is None else aadhaar_digits[-4:],
        created_at=now,
    )
    session.add(member_row)
    session.flush()
    row = ApplicationRow(
        key=uuid7(now),
        member=member_row,
        state=ApplicationState.DRAFT,
        applied_on=application.applied_on,
        card_size=application.card_size,
        submitted_at_regional_centre=application.submitted_at_regional_centre,
        add_on_cards=application.add_on_cards,
        entered_by=actor.id,
        verified_by=None,
        created_at=now,
        updated_at=now,
        dependants=[dependant_row(i, d) for i, d in enumerate(application.dependants)],
    )
    session.add(row)
    session.flush()
    session.add(
        TransitionRow(
            application_id=row.id,
            from_state=None,
            to_state=row.state,
            action=None,
            operator_id=actor.id,
            at=now,
        )
    )
    record_event(
        session,
        kind="application.entered",
        member_key=key,
        payload={"application": row.key, "state": row.state.name, "operator": actor.username},
        now=now,
    )
    return row


def submit_application(session: Session, operator: Operator, application_key: str, *, now: datetime) -> None:
    actor = current_operator(session, operator)
    require(actor, Permission.SUBMIT_APPLICATION)
    _move(session, actor, _application(session, application_key), Action.SUBMIT, now)


def return_application(session: Session, operator: Operator, application_key: str, *, now: datetime) -> None:
    """The verifier sends a submitted application back to the clerk for correction."""
    actor = current_operator(session, operator)
    require(actor, Permission.VERIFY_APPLICATION)
    _move(session, actor, _application(session, application_key), Action.RETURN, now)


def verify_application(session: Session, operator: Operator, application_key: str, *, now: datetime) -> None:
    """The checker's step: a second operator, never the one who entered it (seed 001, seed 002 §4)."""
    actor = current_operator(session, operator)
    require(actor, Permission.VERIFY_APPLICATION)
    row = _application(session, application_key)
    if row.entered_by == actor.id:
        raise MakerCheckerViolation(
            f"operator {actor.username!r} entered application {application_key} and cannot also verify it; "
            "another verifier must"
        )
    _move(session, actor, row, Action.VERIFY, now)
    row.verified_by = actor.id
    audit.record(session, actor, AuditAction.APPLICATION_VERIFIED, row.key, {}, now=now)


def record_card_personalised(
    session: Session,
    operator: Operator,
    application_key: str,
    *,
    serials: Sequence[str],
    layout_version: int,
    now: datetime,
) -> list[CardRow]:
    """Record the cards just written (the master card first, then add-on cards; seed 002 §3(a))."""
    actor = current_operator(session, operator)
    require(actor, Permission.PERSONALISE_CARD)
    row = _application(session, application_key)
    if len(serials) != 1 + row.add_on_cards:
        raise ApplicationError(
            f"application {application_key} needs {1 + row.add_on_cards} card serial(s), got {len(serials)}"
        )
    taken = session.scalars(select(CardRow.serial).where(CardRow.serial.in_(serials))).all()
    if taken or len(set(serials)) != len(serials):
        raise ApplicationError(
            f"card serial(s) already recorded or repeated: {sorted(set(taken)) or serials}"
        )
    _move(session, actor, row, Action.PERSONALISE, now)
    cards = []
    for serial in serials:
        card = CardRow(
            serial=serial,
            application_id=row.id,
            member_id=row.member_id,
            size=row.card_size,
            layout_version=layout_version,
            status=CardStatus.PERSONALISED,
            personalised_at=now,
        )
        session.add(card)
        session.flush()
        _set_card_status(session, actor, card, CardStatus.PERSONALISED, reason="personalised", now=now)
        audit.record(
            session,
            actor,
            AuditAction.CARD_WRITE,
            serial,
            {"application": row.key, "what": "personalise"},
            now=now,
        )
        record_event(
            session,
            kind="card.personalised",
            member_key=row.member.key,
            payload={"card_serial": serial, "size": row.card_size.name, "layout_version": layout_version},
            now=now,
        )
        cards.append(card)
    return cards


def record_otp_sent(
    session: Session,
    operator: Operator,
    application_key: str,
    *,
    otp_mac: bytes,
    expires_at: datetime,
    now: datetime,
) -> OtpRow:
    """Record that the handover OTP went out; only its HMAC (``DataKey.otp_mac``) is stored (seed 000)."""
    actor = current_operator(session, operator)
    require(actor, Permission.SEND_OTP)
    row = _application(session, application_key)
    _move(session, actor, row, Action.SEND_OTP, now)
    otp = OtpRow(application_id=row.id, otp_hmac=otp_mac, sent_at=now, expires_at=expires_at, attempts=0)
    session.add(otp)
    session.flush()
    audit.record(
        session, actor, AuditAction.OTP_SENT, row.key, {"expires_at": expires_at.isoformat()}, now=now
    )
    return otp


def record_handover(
    session: Session, operator: Operator, application_key: str, *, activation_at: datetime, now: datetime
) -> HandoverRow:
    """Cards handed over after the OTP was checked; ``activation_at`` from domain.handover.activation_time."""
    actor = current_operator(session, operator)
    require(actor, Permission.HAND_OVER)
    row = _application(session, application_key)
    _move(session, actor, row, Action.HAND_OVER, now)
    otp = session.scalars(
        select(OtpRow).where(OtpRow.application_id == row.id).order_by(OtpRow.sent_at.desc()).limit(1)
    ).first()
    handover = HandoverRow(
        application_id=row.id,
        otp_id=None if otp is None else otp.id,
        operator_id=actor.id,
        handed_over_at=now,
        activation_at=activation_at,
    )
    session.add(handover)
    for card in session.scalars(select(CardRow).where(CardRow.application_id == row.id)):
        if card.status is CardStatus.PERSONALISED:
            _set_card_status(session, actor, card, CardStatus.HANDED_OVER, reason="handed over", now=now)
    session.flush()
    audit.record(
        session, actor, AuditAction.HANDOVER, row.key, {"activation_at": activation_at.isoformat()}, now=now
    )
    return handover


def activate_application(
    session: Session, operator: Operator, application_key: str, *, now: datetime
) -> None:
    """Activate handed-over cards once their activation time has come (seed 000 §5(c))."""
    actor = current_operator(session, operator)
    require(actor, Permission.HAND_OVER)
    row = _application(session, application_key)
    handover = session.scalars(
        select(HandoverRow)
        .where(HandoverRow.application_id == row.id)
        .order_by(HandoverRow.id.desc())
        .limit(1)
    ).first()
    if handover is not None and now < handover.activation_at:
        raise ApplicationError(
            f"application {application_key} activates at {handover.activation_at.isoformat()}, not before"
        )
    _move(session, actor, row, Action.ACTIVATE, now)
    for card in session.scalars(select(CardRow).where(CardRow.application_id == row.id)):
        if card.status is CardStatus.HANDED_OVER:
            _set_card_status(session, actor, card, CardStatus.ACTIVE, reason="activated", now=now)


def block_card(session: Session, operator: Operator, serial: str, *, reason: str, now: datetime) -> None:
    """Block one card; it goes on every counter's hotlist through the centre ('card.blocked')."""
    actor = current_operator(session, operator)
    require(actor, Permission.BLOCK_CARD)
    card = _card(session, serial)
    if card.status in (CardStatus.BLOCKED, CardStatus.LOST):
        raise ApplicationError(f"card {serial} is already {card.status.value}")
    if not reason.strip():
        raise ApplicationError("a block needs a reason (it is shown at every counter)")
    _set_card_status(session, actor, card, CardStatus.BLOCKED, reason=reason, now=now)
    application = session.get(ApplicationRow, card.application_id)
    if application is not None and application.state is not ApplicationState.BLOCKED:
        _move(session, actor, application, Action.BLOCK, now)
    member_key = session.get(MemberRow, card.member_id).key  # type: ignore[union-attr]
    record_event(
        session,
        kind="card.blocked",
        member_key=member_key,
        payload={"card_serial": serial, "reason": reason},
        now=now,
    )
    audit.record(session, actor, AuditAction.BLOCK, serial, {"reason": reason}, now=now)


def unblock_card(session: Session, operator: Operator, serial: str, *, reason: str, now: datetime) -> None:
    actor = current_operator(session, operator)
    require(actor, Permission.UNBLOCK_CARD)
    card = _card(session, serial)
    if card.status is not CardStatus.BLOCKED:
        raise ApplicationError(f"card {serial} is {card.status.value}, not blocked")
    _set_card_status(session, actor, card, CardStatus.ACTIVE, reason=reason, now=now)
    application = session.get(ApplicationRow, card.application_id)
    if application is not None and application.state is ApplicationState.BLOCKED:
        _move(session, actor, application, Action.UNBLOCK, now)
    member_key = session.get(MemberRow, card.member_id).key  # type: ignore[union-attr]
    record_event(
        session,
        kind="card.unblocked",
        member_key=member_key,
        payload={"card_serial": serial, "reason": reason},
        now=now,
    )
    audit.record(session, actor, AuditAction.UNBLOCK, serial, {"reason": reason}, now=now)


def report_card_lost(session: Session, operator: Operator, serial: str, *, now: datetime) -> None:
    """A lost card is blocked for good (hotlisted) and its application awaits a duplicate."""
    actor = current_operator(session, operator)
    require(actor, Permission.REPORT_LOST)
    card = _card(session, serial)
    if card.status is CardStatus.LOST:
        raise ApplicationError(f"card {serial} is already reported lost")
    application = session.get(ApplicationRow, card.application_id)
    if application is None:
        raise ApplicationError(f"card {serial} has no application")
    _move(session, actor, application, Action.REPORT_LOST, now)
    _set_card_status(session, actor, card, CardStatus.LOST, reason="reported lost", now=now)
    record_event(
        session,
        kind="card.blocked",
        member_key=application.member.key,
        payload={"card_serial": serial, "reason": "lost"},
        now=now,
    )
    audit.record(session, actor, AuditAction.CARD_LOST, serial, {"application": application.key}, now=now)


def order_duplicate(session: Session, operator: Operator, application_key: str, *, now: datetime) -> None:
    actor = current_operator(session, operator)
    require(actor, Permission.REPORT_LOST)
    _move(session, actor, _application(session, application_key), Action.ORDER_DUPLICATE, now)


def request_change(session: Session, operator: Operator, application_key: str, *, now: datetime) -> None:
    actor = current_operator(session, operator)
    require(actor, Permission.REQUEST_CHANGE)
    _move(session, actor, _application(session, application_key), Action.REQUEST_CHANGE, now)


def decide_change(
    session: Session, operator: Operator, application_key: str, *, approve: bool, now: datetime
) -> None:
    """The checker's step for a change of data: never the operator who requested it."""
    actor = current_operator(session, operator)
    require(actor, Permission.APPROVE_CHANGE)
    row = _application(session, application_key)
    requested_by = session.scalar(
        select(TransitionRow.operator_id)
        .where(TransitionRow.application_id == row.id, TransitionRow.action == Action.REQUEST_CHANGE)
        .order_by(TransitionRow.id.desc())
        .limit(1)
    )
    if requested_by == actor.id:
        raise MakerCheckerViolation(
            f"operator {actor.username!r} requested this change of data and cannot also decide it"
        )
    _move(session, actor, row, Action.APPROVE_CHANGE if approve else Action.REJECT_CHANGE, now)


def find_member(
    session: Session, operator: Operator, service: Service, service_number: str
) -> MemberSummary | None:
    actor = current_operator(session, operator)
    require(actor, Permission.VIEW_MEMBER)
    row = session.scalar(
        select(MemberRow).where(MemberRow.service == service, MemberRow.service_number == service_number)
    )
    return None if row is None else _summary(row)


def search_members(
    session: Session, operator: Operator, name_prefix: str, *, limit: int = 20
) -> list[MemberSummary]:
    """Members whose folded name starts with the folded prefix (index range scan on ``name_norm``)."""
    actor = current_operator(session, operator)
    require(actor, Permission.VIEW_MEMBER)
    prefix = fold_name(name_prefix)
    if len(prefix) < 2:
        raise ApplicationError("type at least two letters of the name to search")
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    query = (
        select(MemberRow)
        .where(MemberRow.name_norm >= prefix, MemberRow.name_norm < upper)
        .order_by(MemberRow.name_norm)
        .limit(limit)
    )
    return [_summary(row) for row in session.scalars(query)]


OTP_SENDING_PERMISSIONS = frozenset({Permission.SEND_OTP, Permission.VERIFY_APPLICATION})
"""Who may have a member's mobile number decrypted to send a handover OTP: the clerk's first OTP and
resend, and the verifier's reissue after a lock (issue 6)."""


def reveal_mobile(
    session: Session,
    operator: OperatorRef,
    member_key: str,
    *,
    data_key: DataKey,
    permission: Permission = Permission.SEND_OTP,
) -> str | None:
    """The full mobile number, for sending the handover SMS (seed 000): only to roles that send OTPs, acting
    under ``permission`` (one of ``OTP_SENDING_PERMISSIONS``). The one place a mobile number is decrypted
    for sending, so every path checks the same way."""
    if permission not in OTP_SENDING_PERMISSIONS:
        raise ValueError(f"{permission.name} is not a permission that sends an OTP")
    actor = current_operator(session, operator)
    require(actor, permission)
    row = session.scalar(select(MemberRow).where(MemberRow.key == member_key))
    if row is None:
        raise ApplicationError(f"no member has the key {member_key!r}")
    if row.mobile_enc is None:
        return None
    return data_key.decrypt(row.mobile_enc, field="mobile", owner=member_key)


__all__ = [
    "ApplicationError",
    "MakerCheckerViolation",
    "MemberSummary",
    "activate_application",
    "block_card",
    "decide_change",
    "enter_application",
    "find_member",
    "order_duplicate",
    "record_card_personalised",
    "record_handover",
    "record_otp_sent",
    "report_card_lost",
    "request_change",
    "return_application",
    "reveal_mobile",
    "search_members",
    "submit_application",
    "unblock_card",
    "verify_application",
]
