"""Cards and what happens to them: status history, endorsements, handovers, OTP records, counter tokens.

Why a status history table and not only a status column: a block, a loss and a duplicate are facts with a
time and an operator that the centre and an inquiry both ask for (seed 000 §5, seed 003 §13). The OTP is
never stored, only HMAC-SHA-256 of it under the station data key, so a copied database reveals no OTP
(design.md "Handover": hashed at rest, constant-time compare).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Enum, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from card_station.domain.records import CardSize
from card_station.store.models.base import Base
from card_station.store.types import UtcDateTime


class CardStatus(PyEnum):
    PERSONALISED = "personalised"
    HANDED_OVER = "handed over"
    ACTIVE = "active"
    BLOCKED = "blocked"
    LOST = "lost"


class EndorsementKind(PyEnum):
    FMA_NO_OPD = "FMA: no OPD"
    CHANGE_OF_DATA = "change of data"


class TokenOutcome(PyEnum):
    ISSUED = "issued"
    REFUSED = "refused"


class CardRow(Base):
    __tablename__ = "cards"
    __table_args__ = (Index("ix_cards_member_id", "member_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    size: Mapped[CardSize] = mapped_column(Enum(CardSize, native_enum=False, length=8))
    layout_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[CardStatus] = mapped_column(Enum(CardStatus, native_enum=False, length=16))
    personalised_at: Mapped[datetime] = mapped_column(UtcDateTime)
    card_number: Mapped[str | None] = mapped_column(String(32), index=True)
    """The ECHS card number printed and written on the card (migration 0003; status lookups)."""


class CardStatusRow(Base):
    __tablename__ = "card_status_changes"
    __table_args__ = (Index("ix_card_status_changes_card_id", "card_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"))
    status: Mapped[CardStatus] = mapped_column(Enum(CardStatus, native_enum=False, length=16))
    reason: Mapped[str] = mapped_column(String(200))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class EndorsementRow(Base):
    __tablename__ = "endorsements"
    __table_args__ = (Index("ix_endorsements_member_id", "member_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))
    kind: Mapped[EndorsementKind] = mapped_column(Enum(EndorsementKind, native_enum=False, length=16))
    effective_from: Mapped[date] = mapped_column(Date)
    ceases_on: Mapped[date | None] = mapped_column(Date)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OtpRow(Base):
    __tablename__ = "otp_records"
    __table_args__ = (Index("ix_otp_records_application_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    otp_hmac: Mapped[bytes] = mapped_column(LargeBinary(32))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    consumed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    uid: Mapped[str | None] = mapped_column(String(32), unique=True)
    """The random OTP record id bound into the MAC (handover.OtpRecord.id; migration 0003)."""
    channel: Mapped[str | None] = mapped_column(String(20))
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    delivery: Mapped[str | None] = mapped_column(String(300))
    """"SMS OTP sent" or "OTP not sent: <reason>" (seed 000 §5(b)); None for an operator request."""

    def __repr__(self) -> str:
        return f"OtpRow(id={self.id}, application_id={self.application_id}, otp_hmac=<redacted>)"


class HandoverRow(Base):
    __tablename__ = "handovers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    otp_id: Mapped[int | None] = mapped_column(ForeignKey("otp_records.id"))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    handed_over_at: Mapped[datetime] = mapped_column(UtcDateTime)
    activation_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CounterTokenRow(Base):
    __tablename__ = "counter_tokens"
    __table_args__ = (
        Index("ix_counter_tokens_issued_on", "issued_on", "token_no"),
        Index("ux_counter_tokens_queue", "polyclinic", "issued_on", "token_no", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_serial: Mapped[str] = mapped_column(String(32))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    person_name: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date] = mapped_column(Date)
    token_no: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[TokenOutcome] = mapped_column(Enum(TokenOutcome, native_enum=False, length=8))
    reason: Mapped[str] = mapped_column(String(200))
    opd_allowed: Mapped[bool] = mapped_column(Boolean)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    polyclinic: Mapped[str | None] = mapped_column(String(64))
    """The queue a token number belongs to: one per polyclinic per day (migration 0003)."""
    person_id: Mapped[str | None] = mapped_column(String(8))
    care: Mapped[str | None] = mapped_column(String(8))
    """"OPD" or "IPD" (an IPD referral token); FMA members get IPD only (seed 003 §7)."""
