"""The outbox API: services record an event in the same transaction as the change; the sync drains it.

Why the same transaction: the change and its event commit together or not at all, so after any crash
every committed change has its event and no event describes a change that never happened (issue 5,
"Every state change writes its event in the same transaction as the change"). Why ``member_seq``: the
centre must apply a member's events in the order the station made them; events of different members may
interleave freely. Drain order is the local insertion order (``position``), which is each member's order
because a member's events take their sequence numbers inside the station's serialised write transactions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from card_station.store.ids import uuid7
from card_station.store.models.outbox import MemberSequence, OutboxEvent

__all__ = ["OutboxError", "OutboxEvent", "mark_sent", "outbox_depth", "pending_events", "record_event"]

_KIND = re.compile(r"[a-z][a-z0-9_.]{0,63}")
_MEMBER_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")


class OutboxError(ValueError):
    """An event was malformed or a mark-sent named an unknown event; nothing was written."""


def record_event(
    session: Session, *, kind: str, member_key: str, payload: dict[str, Any], now: datetime
) -> OutboxEvent:
    """Add an event to the session's transaction, with the member's next ``member_seq``.

    ``kind`` is a dotted lower-case name ('application.submitted', 'card.blocked'); ``member_key`` is the
    member's key (``MemberRow.key``); ``payload`` must be JSON-serialisable and hold no OTP, key or
    unmasked PII. The caller commits (or rolls back) the event with its change.
    """
    if not _KIND.fullmatch(kind):
        raise OutboxError(f"event kind must be a dotted lower-case name such as 'card.blocked', got {kind!r}")
    if not _MEMBER_KEY.fullmatch(member_key):
        raise OutboxError(f"member_key must be 1-64 of A-Z a-z 0-9 _ -, got {member_key!r}")
    if not isinstance(payload, dict):
        raise OutboxError(f"payload must be a JSON object (dict), got {type(payload).__name__}")
    counter = session.get(MemberSequence, member_key)
    if counter is None:
        counter = MemberSequence(member_key=member_key, last_seq=0)
        session.add(counter)
    counter.last_seq += 1
    event = OutboxEvent(
        id=uuid7(now),
        kind=kind,
        member_key=member_key,
        member_seq=counter.last_seq,
        payload=payload,
        created_at=now,
        sent_at=None,
    )
    session.add(event)
    session.flush()
    return event


def pending_events(session: Session, limit: int) -> list[OutboxEvent]:
    """Unsent events, oldest first (each member's in ``member_seq`` order), at most ``limit``."""
    if limit < 1:
        raise OutboxError(f"limit must be at least 1, got {limit}")
    query = select(OutboxEvent).where(OutboxEvent.sent_at.is_(None)).order_by(OutboxEvent.position)
    return list(session.scalars(query.limit(limit)))


def mark_sent(session: Session, event_ids: Sequence[str], *, now: datetime) -> None:
    """Mark the centre-acknowledged events sent; marking an already-sent event again changes nothing.

    An ID the outbox never held is an error (the acknowledgement does not belong to this station's
    outbox), and nothing is marked.
    """
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        return
    known = set(session.scalars(select(OutboxEvent.id).where(OutboxEvent.id.in_(ids))))
    unknown = [event_id for event_id in ids if event_id not in known]
    if unknown:
        raise OutboxError(
            f"{len(unknown)} acknowledged event ID(s) are not in this outbox, e.g. {unknown[0]!r}"
        )
    session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.id.in_(ids), OutboxEvent.sent_at.is_(None))
        .values(sent_at=now)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()


def outbox_depth(session: Session) -> int:
    """How many events wait to be sent."""
    return session.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None)))
