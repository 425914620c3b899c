"""Hand a family's cards over with the SMS OTP (seed 000 §2, §4, §5(b)-(c)): send, resend, reissue, the
fallback OTP request, the OTP check, and writing the handover onto every card of the family.

Why the handover is split into "OTP accepted" and "card written", and why that is safe to retry
(docs/handover.md "Retry safety"): the OTP is the beneficiary's consent and is single use, so the moment
it is accepted is recorded at once, in ONE transaction: the OTP record consumed, the application moved
to "handed over", the handover row with its time and its activation time (13:00 IST rule,
``domain.handover.activation_time``), the audit entry and the outbox event. The cards are then written
one at a time (EF.STATUS "handed over", via ``card.update.hand_over``, an idempotent update that
finishes itself if torn); each card's row moves to "handed over" only after its card verified. A card
pulled halfway leaves its row "personalised": ``resume`` writes the SAME handover time and activation
time (read from the handover row) to the cards still pending, without a new OTP; a card already handed
over is skipped. A card written whose store commit was lost is recognised by what it shows and recorded.

Who may do what is checked here (docs/store.md "Roles"): a clerk sends, resends and hands over; a
verifier reissues (the way out of a lock, issue 6); an authorised polyclinic operator raises the fallback
request, may enter the OTP he alone was shown and then write the family's cards. The plaintext OTP exists
only in a ``PlainOtp``: in the SMS, or once in the requesting operator's result; never in the store, the
audit trail or a log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from apdu.iso7816 import Iso7816
from apdu.transport import Transport, TransportError
from card_station import audit
from card_station.audit import AuditAction
from card_station.card.content import CardState
from card_station.card.operation_errors import CardOperationError
from card_station.card.personalise import Personalised
from card_station.card.reader import read_card
from card_station.card.reading import Presence, verify_reading
from card_station.card.version import LAYOUT_VERSION
from card_station.domain.handover import activation_time
from card_station.domain.parameters import RuleParameterTable
from card_station.handover import (
    MAX_WRONG_ATTEMPTS,
    RESEND_COOLDOWN,
    OtpChannel,
    OtpCheck,
    OtpPolicy,
    OtpRecord,
    OtpSecret,
    PlainOtp,
    Refused,
    Replaced,
    check_otp,
    issue_otp,
    reissue_otp,
    request_fallback_otp,
    resend_otp,
    send_otp_sms,
)
from card_station.keys import KeyStore
from card_station.services.applications import (
    _move,
    _set_card_status,
    record_card_personalised,
    reveal_mobile,
)
from card_station.services.clock import Clock
from card_station.services.endorsement import EndorsementService
from card_station.services.operators import current_operator
from card_station.sms.message import SmsGateway
from card_station.sms.template import OtpSmsTemplate
from card_station.store.database import Store
from card_station.store.lifecycle import Action, ApplicationState
from card_station.store.models.cards import CardRow, CardStatus, HandoverRow, OtpRow
from card_station.store.models.operators import Operator
from card_station.store.models.people import ApplicationRow
from card_station.store.outbox import record_event
from card_station.store.pii import DataKey
from card_station.store.roles import OperatorRef, Permission, PermissionDenied, require


class HandoverError(ValueError):
    """The request cannot apply to this application or card (nothing was changed); the message says why
    and what to do."""


@dataclass(frozen=True)
class SendResult:
    """What the clerk sees after a send: 'SMS OTP sent' only if the gateway accepted the SMS."""

    sent: bool
    status_text: str
    expires_at: datetime


@dataclass(frozen=True)
class FallbackOtp:
    """Seed 000 §5(c): the OTP shown ONCE to the polyclinic operator who requested it."""

    otp: PlainOtp
    expires_at: datetime
    requested_by: str


@dataclass(frozen=True)
class HandoverProgress:
    """The family's handover: when the OTP was accepted, when the cards activate, which cards (chip
    serials) are written and which are still to be."""

    application_key: str
    handed_over_at: datetime
    activation_at: datetime
    done: tuple[str, ...]
    pending: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.pending


@dataclass(frozen=True)
class OtpEntry:
    """The OTP check and, when it was accepted (now or before), the handover's progress."""

    check: OtpCheck
    progress: HandoverProgress | None


@dataclass(frozen=True)
class CardHandover:
    """One card: ``written`` False when it already showed the handover (a retry skipped it)."""

    serial: str
    card_number: str
    written: bool


@dataclass(frozen=True)
class HandoverRun:
    """A run over the cards presented: the OTP check (None for ``resume``), the cards handled, the
    progress after it, and ``problem`` when a card could not be written (retry with ``resume``)."""

    check: OtpCheck | None
    cards: tuple[CardHandover, ...]
    progress: HandoverProgress | None
    problem: str | None


def serial_text(serial: bytes) -> str:
    """How the store names a card: its chip serial in upper-case hex."""
    return serial.hex().upper()


def _application(session: Session, application_key: str) -> ApplicationRow:
    row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == application_key))
    if row is None:
        raise HandoverError(f"no application has the key {application_key!r}; check the key")
    return row


def _latest_otp(session: Session, application: ApplicationRow) -> OtpRow | None:
    return session.scalars(
        select(OtpRow)
        .where(OtpRow.application_id == application.id, OtpRow.uid.is_not(None))
        .order_by(OtpRow.id.desc())
        .limit(1)
    ).first()


def _record(session: Session, application: ApplicationRow, row: OtpRow) -> OtpRecord:
    requester = None if row.requested_by is None else session.get(Operator, row.requested_by)
    assert row.uid is not None and row.channel is not None
    return OtpRecord(
        id=row.uid,
        family_key=application.key,
        mac=row.otp_hmac,
        channel=OtpChannel(row.channel),
        issued_at=row.sent_at,
        expires_at=row.expires_at,
        attempts=row.attempts,
        locked_at=row.locked_at,
        used_at=row.consumed_at,
        superseded_at=row.superseded_at,
        requested_by=None if requester is None else requester.username,
    )


def _store_record(row: OtpRow, record: OtpRecord) -> None:
    row.attempts = record.attempts
    row.locked_at = record.locked_at
    row.consumed_at = record.used_at
    row.superseded_at = record.superseded_at


def _new_row(application: ApplicationRow, record: OtpRecord, requested_by: int | None) -> OtpRow:
    return OtpRow(
        application_id=application.id,
        uid=record.id,
        otp_hmac=record.mac,
        channel=record.channel.value,
        sent_at=record.issued_at,
        expires_at=record.expires_at,
        attempts=0,
        requested_by=requested_by,
    )


def _handover_row(session: Session, application: ApplicationRow) -> HandoverRow | None:
    return session.scalars(
        select(HandoverRow)
        .where(HandoverRow.application_id == application.id)
        .order_by(HandoverRow.id.desc())
        .limit(1)
    ).first()


def _progress(session: Session, application: ApplicationRow) -> HandoverProgress | None:
    handover = _handover_row(session, application)
    if handover is None:
        return None
    cards = session.scalars(
        select(CardRow).where(CardRow.application_id == application.id).order_by(CardRow.id)
    ).all()
    return HandoverProgress(
        application.key,
        handover.handed_over_at,
        handover.activation_at,
        tuple(c.serial for c in cards if c.status is not CardStatus.PERSONALISED),
        tuple(c.serial for c in cards if c.status is CardStatus.PERSONALISED),
    )


class HandoverService:
    """The handover use cases of one issuing station (collaborators passed in; docs/handover.md)."""

    def __init__(
        self,
        *,
        store: Store,
        keys: KeyStore,
        gateway: SmsGateway,
        template: OtpSmsTemplate,
        clock: Clock,
        secret: OtpSecret,
        rules: RuleParameterTable,
        data_key: DataKey,
        station_id: str,
        max_attempts: int = MAX_WRONG_ATTEMPTS,
        resend_cooldown: timedelta = RESEND_COOLDOWN,
    ) -> None:
        self._store = store
        self._keys = keys
        self._gateway = gateway
        self._template = template
        self._clock = clock
        self._secret = secret
        self._rules = rules
        self._data_key = data_key
        self._station_id = station_id
        self._max_attempts = max_attempts
        self._cooldown = resend_cooldown

    def __repr__(self) -> str:
        return f"HandoverService(station={self._station_id!r}, gateway={self._gateway.name!r})"

    def _policy(self, now: datetime) -> OtpPolicy:
        return OtpPolicy(self._rules.parameters_on(now.date()), self._max_attempts, self._cooldown)

    def record_personalised(
        self, operator: OperatorRef, application_key: str, cards: Sequence[Personalised]
    ) -> tuple[str, ...]:
        """Record the family's personalised cards (master card first), with their card number."""
        now = self._clock()
        serials = [serial_text(card.serial) for card in cards]
        with self._store.transaction() as session:
            rows = record_card_personalised(
                session, operator, application_key, serials=serials, layout_version=LAYOUT_VERSION, now=now
            )
            for row, card in zip(rows, cards, strict=True):
                row.card_number = card.content.member.card_number
        return tuple(serials)

    def _deliver(
        self,
        operator: OperatorRef,
        application_key: str,
        otp: PlainOtp,
        record: OtpRecord,
        now: datetime,
        *,
        sent_as: Permission,
    ) -> SendResult:
        """Send the OTP already stored, then record the outcome; the state moves only if it was sent."""
        with self._store.read() as session:
            member = _application(session, application_key).member
            mobile = reveal_mobile(session, operator, member.key, data_key=self._data_key, permission=sent_as)
        if mobile is None:
            delivery_text = "OTP not sent: no registered mobile number; raise the OTP request (fallback)"
            sent = False
        else:
            delivery = send_otp_sms(self._gateway, self._template, mobile, otp, record)
            delivery_text = delivery.status_text
            sent = delivery.reason is None
        with self._store.transaction() as session:
            actor = current_operator(session, operator)
            application = _application(session, application_key)
            row = session.scalar(select(OtpRow).where(OtpRow.uid == record.id))
            assert row is not None
            row.delivery = delivery_text
            if sent:
                _move(session, actor, application, Action.SEND_OTP, now)
                audit.record(
                    session,
                    actor,
                    AuditAction.OTP_SENT,
                    application.key,
                    {"otp_record": record.id, "expires_at": record.expires_at.isoformat()},
                    now=now,
                )
        return SendResult(sent, delivery_text, record.expires_at)

    def send_otp(self, operator: OperatorRef, application_key: str) -> SendResult:
        """The first OTP of a family whose cards are ready (seed 000 §2)."""
        now = self._clock()
        with self._store.transaction() as session:
            actor = current_operator(session, operator)
            require(actor, Permission.SEND_OTP)
            application = _application(session, application_key)
            if application.state is not ApplicationState.CARD_PERSONALISED:
                raise HandoverError(
                    f"application {application_key} is {application.state.value}: the first OTP is sent "
                    "when its cards are personalised"
                )
            if _latest_otp(session, application) is not None:
                raise HandoverError(
                    f"an OTP was already issued for application {application_key}; resend it instead"
                )
            otp, record = issue_otp(application.key, now, self._policy(now), self._secret)
            session.add(_new_row(application, record, None))
        return self._deliver(operator, application_key, otp, record, now, sent_as=Permission.SEND_OTP)

    def _replace(
        self, operator: OperatorRef, application_key: str, permission: Permission, *, reissue: bool
    ) -> SendResult | Refused:
        now = self._clock()
        with self._store.transaction() as session:
            actor = current_operator(session, operator)
            require(actor, permission)
            application = _application(session, application_key)
            row = _latest_otp(session, application)
            if row is None:
                raise HandoverError(f"no OTP was issued for application {application_key}; send one first")
            previous = _record(session, application, row)
            replace_otp = reissue_otp if reissue else resend_otp
            result = replace_otp(previous, now, self._policy(now), self._secret)
            if isinstance(result, Refused):
                return result
            _store_record(row, result.superseded)
            session.add(_new_row(application, result.record, None))
        return self._deliver(operator, application_key, result.otp, result.record, now, sent_as=permission)

    def resend_otp(self, operator: OperatorRef, application_key: str) -> SendResult | Refused:
        """A new OTP by SMS (the clerk), after the cool-down; keeps the collection window."""
        return self._replace(operator, application_key, Permission.SEND_OTP, reissue=False)

    def reissue_otp(self, operator: OperatorRef, application_key: str) -> SendResult | Refused:
        """A verifier's new OTP after a lock or an expired window (issue 6); a fresh window."""
        return self._replace(operator, application_key, Permission.VERIFY_APPLICATION, reissue=True)

    def request_fallback_otp(self, operator: OperatorRef, application_key: str) -> FallbackOtp | Refused:
        """Seed 000 §5(b)-(c): the SMS never arrived; the polyclinic operator sees a new OTP, once."""
        now = self._clock()
        with self._store.transaction() as session:
            actor = current_operator(session, operator)
            require(actor, Permission.REQUEST_OTP)
            application = _application(session, application_key)
            row = _latest_otp(session, application)
            if row is None:
                raise HandoverError(
                    f"no OTP was issued for application {application_key}: the issuing station sends it first"
                )
            result = request_fallback_otp(
                _record(session, application, row),
                now,
                self._policy(now),
                self._secret,
                operator=actor.username,
            )
            if isinstance(result, Refused):
                return result
            assert isinstance(result, Replaced)
            _store_record(row, result.superseded)
            session.add(_new_row(application, result.record, actor.id))
            if application.state is ApplicationState.CARD_PERSONALISED:
                _move(session, actor, application, Action.SEND_OTP, now)
            for event in result.audit:
                audit.record(
                    session,
                    actor,
                    AuditAction(event.kind.value),
                    application.key,
                    event.details(),
                    now=now,
                )
        return FallbackOtp(result.otp, result.record.expires_at, actor.username)

    def enter_otp(self, operator: OperatorRef, application_key: str, otp: str) -> OtpEntry:
        """Check the OTP the beneficiary gave; accepted: the family is handed over in the store at once."""
        now = self._clock()
        with self._store.transaction() as session:
            actor = current_operator(session, operator)
            application = _application(session, application_key)
            row = _latest_otp(session, application)
            if row is None:
                raise HandoverError(f"no OTP was issued for application {application_key}; send one first")
            record = _record(session, application, row)
            self._may_enter(actor, record)
            check, updated = check_otp(
                record,
                otp,
                family_key=application.key,
                now=now,
                secret=self._secret,
                policy=self._policy(now),
            )
            _store_record(row, updated)
            if check.accepted:
                self._accept(session, actor, application, row, now)
            progress = _progress(session, application)
        return OtpEntry(check, progress)

    @staticmethod
    def _may_enter(actor: Operator, record: OtpRecord) -> None:
        """A clerk hands over; the polyclinic operator may enter only the OTP he requested (§5(c))."""
        try:
            require(actor, Permission.HAND_OVER)
        except PermissionDenied:
            require(actor, Permission.REQUEST_OTP)
            if record.requested_by != actor.username:
                raise PermissionDenied(
                    f"operator {actor.username!r} may enter only an OTP he requested; "
                    "the card issuing clerk enters the OTP sent by SMS"
                ) from None

    @staticmethod
    def _may_write(session: Session, actor: Operator, handover: HandoverRow) -> None:
        """A clerk writes any family's handover; the polyclinic operator only the one whose OTP he
        requested and entered (seed 000 §5(c): the parent polyclinic enters it, the cards then work)."""
        try:
            require(actor, Permission.HAND_OVER)
        except PermissionDenied:
            require(actor, Permission.REQUEST_OTP)
            otp = None if handover.otp_id is None else session.get(OtpRow, handover.otp_id)
            if otp is None or otp.requested_by != actor.id:
                raise PermissionDenied(
                    f"operator {actor.username!r} may write only a handover whose OTP he requested and "
                    "entered; the card issuing clerk writes the others"
                ) from None

    def _accept(
        self, session: Session, actor: Operator, application: ApplicationRow, row: OtpRow, now: datetime
    ) -> None:
        activation = activation_time(now, self._rules.parameters_on(now.date()))
        _move(session, actor, application, Action.HAND_OVER, now)
        session.add(
            HandoverRow(
                application_id=application.id,
                otp_id=row.id,
                operator_id=actor.id,
                handed_over_at=now,
                activation_at=activation,
            )
        )
        session.flush()
        audit.record(
            session,
            actor,
            AuditAction.HANDOVER,
            application.key,
            {"otp_record": row.uid or "", "activation_at": activation.isoformat()},
            now=now,
        )

    def progress(self, application_key: str) -> HandoverProgress | None:
        with self._store.read() as session:
            return _progress(session, _application(session, application_key))

    def write_card(self, operator: OperatorRef, application_key: str, transport: Transport) -> CardHandover:
        """Write the family's handover onto the card in ``transport`` (or skip it: already written)."""
        with self._store.read() as session:
            actor = current_operator(session, operator)
            application = _application(session, application_key)
            handover = _handover_row(session, application)
            if handover is None:
                require(actor, Permission.HAND_OVER)
                raise HandoverError(
                    f"the OTP of application {application_key} has not been accepted: cards are handed "
                    "over only with the beneficiary's OTP (seed 000 §2)"
                )
            self._may_write(session, actor, handover)
            handed_over_at, activation_at = handover.handed_over_at, handover.activation_at
            cards = {
                c.serial: c.status
                for c in session.scalars(select(CardRow).where(CardRow.application_id == application.id))
            }
        reading = read_card(Iso7816(transport), stop_when_open=False)
        if reading.serial is None:
            raise HandoverError(f"the card in {transport.name} is not a personalised ECHS card")
        serial = serial_text(reading.serial)
        if serial not in cards:
            raise HandoverError(
                f"card {serial} is not a card of application {application_key}; its cards are "
                f"{', '.join(sorted(cards))}"
            )
        checked = verify_reading(reading, self._keys.root_certificate(), self._clock())
        content = checked.content
        shows = (
            content is not None
            and reading.presence is not Presence.UPDATE_INCOMPLETE
            and content.status.state is CardState.HANDED_OVER
            and content.status.active_from == activation_at
        )
        if not shows:
            updater = EndorsementService(self._keys, self._station_id, self._rules, self._clock)
            content = updater.hand_over(transport, handed_over_at).content
        assert content is not None
        card_number = content.member.card_number
        if cards[serial] is CardStatus.PERSONALISED:
            self._record_card(operator, application_key, serial, card_number, activation_at)
        return CardHandover(serial, card_number, not shows)

    def _record_card(
        self,
        operator: OperatorRef,
        application_key: str,
        serial: str,
        card_number: str,
        activation_at: datetime,
    ) -> None:
        now = self._clock()
        with self._store.transaction() as session:
            actor = current_operator(session, operator)
            application = _application(session, application_key)
            card = session.scalar(select(CardRow).where(CardRow.serial == serial))
            assert card is not None
            card.card_number = card_number
            _set_card_status(session, actor, card, CardStatus.HANDED_OVER, reason="handed over", now=now)
            audit.record(
                session,
                actor,
                AuditAction.CARD_WRITE,
                serial,
                {"application": application.key, "what": "hand over"},
                now=now,
            )
            record_event(
                session,
                kind="card.handed_over",
                member_key=application.member.key,
                payload={"card_serial": serial, "activation_at": activation_at.isoformat()},
                now=now,
            )

    def _write_all(
        self, operator: OperatorRef, application_key: str, cards: Iterable[Transport], check: OtpCheck | None
    ) -> HandoverRun:
        done: list[CardHandover] = []
        problem = None
        for transport in cards:
            try:
                done.append(self.write_card(operator, application_key, transport))
            except (TransportError, CardOperationError) as error:
                problem = (
                    f"card in {transport.name} not written ({error}); put it back and resume the handover: "
                    "no new OTP is needed"
                )
                break
        return HandoverRun(check, tuple(done), self.progress(application_key), problem)

    def hand_over(
        self, operator: OperatorRef, application_key: str, otp: str, cards: Iterable[Transport]
    ) -> HandoverRun:
        """The OTP check, then every card presented (one audited operation; safe to retry by ``resume``)."""
        entry = self.enter_otp(operator, application_key, otp)
        if not entry.check.accepted:
            return HandoverRun(entry.check, (), entry.progress, None)
        return self._write_all(operator, application_key, cards, entry.check)

    def resume(self, operator: OperatorRef, application_key: str, cards: Iterable[Transport]) -> HandoverRun:
        """Finish a handover whose OTP was accepted: write the cards still pending, skip the others."""
        return self._write_all(operator, application_key, cards, None)
