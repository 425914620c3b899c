"""The SECTS application on a chip card: personalised from a verified registration, and read back, at the
state level (issue 9 "The health card": "where a chip card is issued, a SECTS application on the card
beside or instead of the ECHS one"; seed 001 annexure 2, bullet 6: the card is printed at state level
once the DDO/TO has verified the form).

Why the state cell's permission (``SECTS_PRINT_CARD``) for both: a chip is the card the state issues,
and reading one back shows names and dates of birth of a whole family. Why the card I/O runs between two
short transactions (the permission and the card first, the audit after): a write takes seconds and must
not hold the station database. Every attempt to write is audited (``CARD_WRITE``), failed ones with the
reason, since a failed write may have changed the card; every read is audited (``SECTS_CHIP_READ``).
Card I/O and the clock are passed in.
"""

from __future__ import annotations

from datetime import datetime

from apdu.iso7816 import Iso7816
from apdu.status import ApduError
from card_station import audit
from card_station.audit import AuditAction
from card_station.card.errors import CardLayoutError
from card_station.card.operation_errors import CardOperationError
from card_station.keys import KeyStore
from card_station.sects.card.compose import NotOnCard, sects_content
from card_station.sects.card.personalise import Placement, SectsPersonalised, personalise_sects
from card_station.sects.records import HealthCard
from card_station.sects.services.actors import operator_may
from card_station.sects.services.cards import health_card, verified_registration
from card_station.sects.services.desk import SectsDesk
from card_station.sects.verify import SectsCheck, verify_card
from card_station.services.clock import Clock
from card_station.store import Store
from card_station.store.models.operators import Operator
from card_station.store.outbox import record_event
from card_station.store.roles import Permission

CARD_FAILURES = (ApduError, CardLayoutError, CardOperationError, NotOnCard)
"""What a personalisation raises when the card was not (wholly) written; audited, then raised again."""


def _serial(serial: bytes) -> str:
    return serial.hex().upper()


def personalise_chip(
    store: Store,
    operator: Operator,
    user: str,
    card_io: Iso7816,
    *,
    desk: SectsDesk,
    keys: KeyStore,
    transport_key: bytes,
    station_id: str,
    placement: Placement,
    clock: Clock,
) -> SectsPersonalised:
    """Put the health card of the verified registration ``user`` (its user ID) on the chip of ``card_io``,
    alone on a blank card or beside ECHS (``placement``); running it again finishes a torn write."""
    with store.read() as session:
        operator_may(session, operator, Permission.SECTS_PRINT_CARD)
        row = verified_registration(session, user)
        key, card = row.key, health_card(session, row, desk.data_key)
    now = clock()
    try:
        done = personalise_sects(
            card_io,
            lambda serial, profile: sects_content(card, serial, profile, station_id, now),
            keys,
            transport_key,
            now,
            placement=placement,
        )
    except CARD_FAILURES as failure:
        _audit_failed(store, operator, card, card_io, failure=failure, now=clock())
        raise
    with store.transaction() as session:
        actor = operator_may(session, operator, Permission.SECTS_PRINT_CARD)
        details = {
            "scheme": "SECTS",
            "user_id": card.user_id,
            "what": "personalise",
            "start": done.start.name,
            "bytes_written": done.bytes_written,
        }
        audit.record(session, actor, AuditAction.CARD_WRITE, _serial(done.serial), details, now=now)
        if done.bytes_written:
            record_event(
                session,
                kind="sects.chip.personalised",
                member_key=key,
                payload={"user_id": card.user_id, "card_serial": _serial(done.serial)},
                now=now,
            )
    return done


def _audit_failed(
    store: Store, operator: Operator, card: HealthCard, card_io: Iso7816, *, failure: Exception, now: datetime
) -> None:
    subject = card_io.transport.name or "card"
    details = {"scheme": "SECTS", "user_id": card.user_id, "what": "personalise", "failed": str(failure)}
    with store.transaction() as session:
        actor = operator_may(session, operator, Permission.SECTS_PRINT_CARD)
        audit.record(session, actor, AuditAction.CARD_WRITE, subject, details, now=now)


def read_chip(
    store: Store, operator: Operator, card_io: Iso7816, *, root_certificate: bytes, clock: Clock
) -> SectsCheck:
    """Read and check the SECTS application of the card on ``card_io`` as a counter does (no key), for the
    state cell; the read and its verdict are audited."""
    with store.read() as session:
        operator_may(session, operator, Permission.SECTS_PRINT_CARD)
    now = clock()
    check = verify_card(card_io, root_certificate, now)
    with store.transaction() as session:
        actor = operator_may(session, operator, Permission.SECTS_PRINT_CARD)
        audit.record(
            session,
            actor,
            AuditAction.SECTS_CHIP_READ,
            check.card_number or card_io.transport.name or "card",
            {"verdict": check.verdict.name, "genuine": check.genuine},
            now=now,
        )
    return check
