"""SECTS tables (seed 001; issue 9): DDO/TO officers and their offices, employee/pensioner registrations
with their family members, the OTPs that unlock forms and logins, and the card prints.

Why Aadhaar and mobile numbers are ciphertext here: seed 001 annexure 2 collects "आधार कार्ड नम्बर" of every
family member, and a copied database must reveal none (``store.pii.DataKey``, AES-GCM with the row's key as
associated data). Why ``aadhaar_index`` is a keyed HMAC and unique: the duplicate-Aadhaar check needs
equality without the number, and a plain hash of a 12-digit number is reversed by trying them all; the
unique constraint makes a second registration of one person fail even if two stations' rows meet.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Enum, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from card_station.domain.records import Gender
from card_station.sects.codes import BeneficiaryKind, OfficerKind
from card_station.sects.mobile import MobileKind
from card_station.sects.otp_purpose import OtpPurpose
from card_station.sects.print_route import PrintRoute
from card_station.sects.records import BeneficiaryStatus, OfficerStatus, Relation
from card_station.store.models.base import Base
from card_station.store.types import UtcDateTime


class SectsOfficerRow(Base):
    """A DDO/TO registration (seed 001 annexure 1); ``operator_id`` is its login, made once verified."""

    __tablename__ = "sects_officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[OfficerKind] = mapped_column(Enum(OfficerKind, native_enum=False, length=8))
    name: Mapped[str] = mapped_column(String(200))
    designation: Mapped[str] = mapped_column(String(200))
    controlling_officer: Mapped[str] = mapped_column(String(200))
    mobile_kind: Mapped[MobileKind] = mapped_column(Enum(MobileKind, native_enum=False, length=8))
    mobile_encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    email: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[OfficerStatus] = mapped_column(Enum(OfficerStatus, native_enum=False, length=16))
    registered_by: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    verified_by: Mapped[str | None] = mapped_column(String(64))
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))


class SectsOfficeRow(Base):
    """An office added by a DDO/TO ("Add Office", seed 001 annexure 1, bullet 5)."""

    __tablename__ = "sects_offices"
    __table_args__ = (UniqueConstraint("officer_id", "number", name="uq_sects_offices_officer_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("sects_officers.id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200))
    district: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text)


class SectsRegistrationRow(Base):
    """An employee/pensioner registration under a DDO/TO (seed 001 annexure 2). ``key`` binds the
    ciphertexts and OTPs to this row and is the outbox member key."""

    __tablename__ = "sects_registrations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("sects_officers.id"), index=True)
    kind: Mapped[BeneficiaryKind] = mapped_column(Enum(BeneficiaryKind, native_enum=False, length=16))
    designation: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200))
    district: Mapped[str] = mapped_column(String(200))
    mobile_encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[BeneficiaryStatus] = mapped_column(Enum(BeneficiaryStatus, native_enum=False, length=16))
    entered_by: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[str | None] = mapped_column(String(16), unique=True)
    verified_by: Mapped[str | None] = mapped_column(String(64))
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)


class SectsFamilyMemberRow(Base):
    """One person of a registration, the employee first (number 1)."""

    __tablename__ = "sects_family_members"
    __table_args__ = (
        UniqueConstraint("registration_id", "number", name="uq_sects_family_members_registration_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("sects_registrations.id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[Relation] = mapped_column(Enum(Relation, native_enum=False, length=16))
    date_of_birth: Mapped[date] = mapped_column(Date)
    gender: Mapped[Gender] = mapped_column(Enum(Gender, native_enum=False, length=8))
    aadhaar_encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    aadhaar_index: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    photo: Mapped[bytes] = mapped_column(LargeBinary)


class SectsOtpRow(Base):
    """A SECTS OTP: only its HMAC (``handover.OtpSecret``), bound to its purpose and subject."""

    __tablename__ = "sects_otps"
    __table_args__ = (Index("ix_sects_otps_subject_purpose", "subject", "purpose"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    purpose: Mapped[OtpPurpose] = mapped_column(Enum(OtpPurpose, native_enum=False, length=24))
    subject: Mapped[str] = mapped_column(String(40))
    mac: Mapped[bytes] = mapped_column(LargeBinary(32))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SectsCardPrintRow(Base):
    """A health card printed at state level or by the employee (seed 001 annexure 2, bullet 7)."""

    __tablename__ = "sects_card_prints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("sects_registrations.id"), index=True)
    route: Mapped[PrintRoute] = mapped_column(Enum(PrintRoute, native_enum=False, length=8))
    printed_by: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime)
