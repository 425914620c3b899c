"""Issuing runs (issue 8 "Batches across readers"): the run, one row per application in it, and the cards
a reader refused.

Why the run lives in the store and not in memory: stopping the station, pulling a card or losing power
mid-run must lose nothing. Each application is claimed for a reader in one write transaction (BEGIN
IMMEDIATE, store/database.py) and the chip serial is recorded in that same transaction, BEFORE the first
write to the card; so after a crash every application is either untouched (pending), finished (issued),
reported (failed), or tied to one known chip serial whose card shows how far it got (interrupted).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum as PyEnum

from sqlalchemy import Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from card_station.domain.records import CardSize
from card_station.store.models.base import Base
from card_station.store.types import UtcDateTime


class ItemState(PyEnum):
    PENDING = "pending"
    """Not yet claimed by any reader."""
    WRITING = "writing"
    """Claimed by a reader; the chip serial is recorded and the card is being written."""
    INTERRUPTED = "interrupted"
    """The card left (pulled, power lost, station stopped) mid-write; finished when that chip returns."""
    ISSUED = "issued"
    """Personalised, verified by reading back, and its face printed."""
    FAILED = "failed"
    """Stopped with a reason; retried only on request."""


class FailureKind(PyEnum):
    CARD = "card"
    """The card or the application could not be personalised (nothing genuine was made)."""
    PRINT = "print"
    """The chip is issued and genuine, but its face could not be printed."""
    RECORD = "record"
    """The chip is issued and genuine, but the store refused to record it against its verified
    application (the application changed state, the operator lost the right)."""


class IssuingRunRow(Base):
    __tablename__ = "issuing_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class IssuingItemRow(Base):
    __tablename__ = "issuing_items"
    __table_args__ = (
        UniqueConstraint("run_id", "position", name="position"),
        UniqueConstraint("run_id", "card_number", name="card_number"),
        Index("ix_issuing_items_serial", "serial"),
        Index("ix_issuing_items_run_id_state", "run_id", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("issuing_runs.id"))
    position: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    card_number: Mapped[str] = mapped_column(String(32))
    card_size: Mapped[CardSize] = mapped_column(Enum(CardSize, native_enum=False, length=8))
    application_key: Mapped[str | None] = mapped_column(String(36))
    """The verified application in this store the card is for (``--verified`` runs); None for a run of
    application files alone."""
    state: Mapped[ItemState] = mapped_column(Enum(ItemState, native_enum=False, length=16))
    reader: Mapped[str | None] = mapped_column(String(200))
    serial: Mapped[str | None] = mapped_column(String(32))
    attempts: Mapped[int] = mapped_column(Integer)
    interruptions: Mapped[int] = mapped_column(Integer)
    failure_kind: Mapped[FailureKind | None] = mapped_column(Enum(FailureKind, native_enum=False, length=8))
    failure: Mapped[str | None] = mapped_column(Text)
    face: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class IssuingRefusalRow(Base):
    """A card a reader refused without writing (not blank, wrong size, unknown chip)."""

    __tablename__ = "issuing_refusals"
    __table_args__ = (Index("ix_issuing_refusals_run_id", "run_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("issuing_runs.id"))
    reader: Mapped[str] = mapped_column(String(200))
    serial: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
