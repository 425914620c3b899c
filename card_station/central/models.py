"""The central service's own tables (SQLAlchemy 2), portable between SQLite and PostgreSQL.

Why these four: ``stations`` holds each station's hashed credential; ``events`` every outbox event
received, once (its ID is unique; ``(station, member, member_seq)`` is unique too, so two different events
can never claim the same place in a member's history); ``feed_items`` the current state of what stations
pull (hotlist, FMA list, district notices), one row per item with the change sequence of its latest
version; ``feed_head`` one row holding the last change sequence handed out (see ``CentralStore.publish``
for why the sequence is not a database identity column).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL wants BIGINT for a long-lived log.
_SERIAL = BigInteger().with_variant(Integer(), "sqlite")


class Feed(Enum):
    """What the centre sends back to stations (issue 5; design.md "the central service sends back")."""

    HOTLIST = "hotlist"
    FMA = "fma"
    NOTICE = "notice"


class Base(DeclarativeBase):
    pass


class Station(Base):
    __tablename__ = "stations"

    station_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("station_id", "member_key", "member_seq", name="uq_events_member_place"),
    )

    received_seq: Mapped[int] = mapped_column(_SERIAL, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.station_id"))
    kind: Mapped[str] = mapped_column(String(64))
    member_key: Mapped[str] = mapped_column(String(64))
    member_seq: Mapped[int] = mapped_column(BigInteger)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FeedItem(Base):
    __tablename__ = "feed_items"
    __table_args__ = (Index("ix_feed_items_seq", "seq", unique=True),)

    feed: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    station_id: Mapped[str | None] = mapped_column(String(40))
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


class FeedHead(Base):
    __tablename__ = "feed_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger)
