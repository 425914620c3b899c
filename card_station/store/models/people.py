"""Members, applications, their dependants and the application's transition history.

Why dependants hang off the application, not the member: an application is what the clerk took on a day
(seed 002 §4) and a change of data is a new record, never an edit of an old one (domain/records.py), so
the history of who was listed when stays readable. Mobile and Aadhaar numbers are stored only encrypted
(``*_enc``, AES-GCM with the station data key) with their last four digits for masked lists (XXXXXX1234).
``name_norm`` is the name folded for prefix search, indexed.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum as PyEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from card_station.domain.records import (
    CardSize,
    DisabilityKind,
    Gender,
    MaritalStatus,
    PensionKind,
    Relation,
    Service,
)
from card_station.store.lifecycle import Action, ApplicationState
from card_station.store.models.base import Base
from card_station.store.types import UtcDateTime


def _enum(kind: type[PyEnum], length: int = 32) -> Enum:
    return Enum(kind, native_enum=False, length=length)


class MemberRow(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("service", "service_number", name="service_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(36), unique=True)
    service: Mapped[Service] = mapped_column(_enum(Service))
    service_number: Mapped[str] = mapped_column(String(32))
    rank: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    name_norm: Mapped[str] = mapped_column(String(200), index=True)
    date_of_birth: Mapped[date] = mapped_column(Date)
    gender: Mapped[Gender] = mapped_column(_enum(Gender))
    date_of_retirement: Mapped[date] = mapped_column(Date)
    pension_kind: Mapped[PensionKind] = mapped_column(_enum(PensionKind))
    pension_from: Mapped[date | None] = mapped_column(Date)
    ppo_number: Mapped[str | None] = mapped_column(String(64))
    basic_plus_dearness_pension_rs: Mapped[int] = mapped_column(Integer)
    record_office: Mapped[str] = mapped_column(String(64))
    war_widow: Mapped[bool] = mapped_column(Boolean)
    remarried: Mapped[bool] = mapped_column(Boolean)
    other_medical_scheme: Mapped[str | None] = mapped_column(String(200))
    contribution_deducted_at_source: Mapped[bool] = mapped_column(Boolean)
    mobile_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    mobile_last4: Mapped[str | None] = mapped_column(String(4))
    aadhaar_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    aadhaar_last4: Mapped[str | None] = mapped_column(String(4))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        mobile = f"XXXXXX{self.mobile_last4}" if self.mobile_last4 else None
        return f"MemberRow(key={self.key!r}, service_number={self.service_number!r}, mobile={mobile!r})"


class ApplicationRow(Base):
    __tablename__ = "applications"
    __table_args__ = (
        CheckConstraint("verified_by IS NULL OR verified_by <> entered_by", name="maker_checker"),
        Index("ix_applications_member_id", "member_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(36), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    state: Mapped[ApplicationState] = mapped_column(_enum(ApplicationState))
    applied_on: Mapped[date] = mapped_column(Date)
    card_size: Mapped[CardSize] = mapped_column(_enum(CardSize, 8))
    submitted_at_regional_centre: Mapped[str] = mapped_column(String(64))
    add_on_cards: Mapped[int] = mapped_column(Integer)
    entered_by: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    verified_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    member: Mapped[MemberRow] = relationship()
    dependants: Mapped[list[DependantRow]] = relationship(
        order_by="DependantRow.position", cascade="all, delete-orphan"
    )


class DependantRow(Base):
    __tablename__ = "dependants"
    __table_args__ = (UniqueConstraint("application_id", "position", name="position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[Relation] = mapped_column(_enum(Relation))
    date_of_birth: Mapped[date] = mapped_column(Date)
    gender: Mapped[Gender] = mapped_column(_enum(Gender))
    recorded_in_service_records: Mapped[bool] = mapped_column(Boolean)
    marital_status: Mapped[MaritalStatus] = mapped_column(_enum(MaritalStatus))
    date_of_marriage: Mapped[date | None] = mapped_column(Date)
    employed: Mapped[bool] = mapped_column(Boolean)
    monthly_income_rs: Mapped[int] = mapped_column(Integer)
    govt_or_psu_pension: Mapped[bool] = mapped_column(Boolean)
    disability_kind: Mapped[DisabilityKind | None] = mapped_column(_enum(DisabilityKind))
    disability_onset_on: Mapped[date | None] = mapped_column(Date)
    disability_certificate_no: Mapped[str | None] = mapped_column(String(64))
    disability_proof_of_dependency: Mapped[bool | None] = mapped_column(Boolean)
    part_ii_order_no: Mapped[str | None] = mapped_column(String(64))
    from_present_husband: Mapped[bool] = mapped_column(Boolean)


class TransitionRow(Base):
    """One step of an application's life cycle: who moved it, from what, by which action, when."""

    __tablename__ = "application_transitions"
    __table_args__ = (Index("ix_application_transitions_application_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    from_state: Mapped[ApplicationState | None] = mapped_column(_enum(ApplicationState))
    to_state: Mapped[ApplicationState] = mapped_column(_enum(ApplicationState))
    action: Mapped[Action | None] = mapped_column(_enum(Action))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
