"""The outbox table and the per-member sequence counter (issue 5, "Outbox and sync").

``position`` is the local insertion order (the drain order); ``id`` is the UUIDv7 the centre dedupes by;
``(member_key, member_seq)`` is unique, so two events can never claim one place in a member's history.
The counter lives in its own table so that deleting sent events later cannot reuse a member_seq.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from card_station.store.models.base import Base
from card_station.store.types import UtcDateTime


class OutboxEvent(Base):
    __tablename__ = "outbox_events"
    __table_args__ = (
        UniqueConstraint("member_key", "member_seq", name="member_place"),
        Index("ix_outbox_events_pending", "position", sqlite_where=text("sent_at IS NULL")),
    )

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(64))
    member_key: Mapped[str] = mapped_column(String(64))
    member_seq: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return (
            f"OutboxEvent(id={self.id!r}, kind={self.kind!r}, member_key={self.member_key!r}, "
            f"member_seq={self.member_seq}, sent={self.sent_at is not None})"
        )


class MemberSequence(Base):
    __tablename__ = "outbox_member_seq"

    member_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
