"""Rows to the records that leave the services (``sects.records``): numbers decrypted only to be masked."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station.sects.aadhaar import mask_aadhaar
from card_station.sects.codes import OfficerCode
from card_station.sects.errors import UnknownRecord
from card_station.sects.mobile import mask_mobile
from card_station.sects.records import Beneficiary, FamilyMemberView, Office, Officer
from card_station.sects.services.protect import open_aadhaar, open_mobile
from card_station.store.models.sects import (
    SectsFamilyMemberRow,
    SectsOfficeRow,
    SectsOfficerRow,
    SectsRegistrationRow,
)
from card_station.store.pii import DataKey


def officer_row(session: Session, code: str) -> SectsOfficerRow:
    """The DDO/TO with ``code`` (any accepted spelling); ``UnknownRecord`` if none is registered."""
    canonical = str(OfficerCode.parse(code))
    row = session.scalar(select(SectsOfficerRow).where(SectsOfficerRow.code == canonical))
    if row is None:
        raise UnknownRecord(
            f"no DDO/TO is registered with code {canonical}; check the code or register it first"
        )
    return row


def registration_row(session: Session, registration: int) -> SectsRegistrationRow:
    row = session.get(SectsRegistrationRow, registration)
    if row is None:
        raise UnknownRecord(f"no employee/pensioner registration number {registration}; check the number")
    return row


def officer_view(session: Session, row: SectsOfficerRow, key: DataKey) -> Officer:
    offices = session.scalars(
        select(SectsOfficeRow).where(SectsOfficeRow.officer_id == row.id).order_by(SectsOfficeRow.number)
    )
    return Officer(
        code=OfficerCode.parse(row.code),
        name=row.name,
        designation=row.designation,
        controlling_officer=row.controlling_officer,
        mobile_kind=row.mobile_kind,
        mobile_masked=mask_mobile(open_mobile(key, row.mobile_encrypted, owner=row.code)),
        email=row.email,
        offices=tuple(
            Office(office.number, office.name, office.department, office.district, office.address)
            for office in offices
        ),
        status=row.status,
        registered_at=row.registered_at,
        verified_at=row.verified_at,
    )


def member_rows(session: Session, row: SectsRegistrationRow) -> list[SectsFamilyMemberRow]:
    return list(
        session.scalars(
            select(SectsFamilyMemberRow)
            .where(SectsFamilyMemberRow.registration_id == row.id)
            .order_by(SectsFamilyMemberRow.number)
        )
    )


def beneficiary_view(session: Session, row: SectsRegistrationRow, key: DataKey) -> Beneficiary:
    officer = session.get_one(SectsOfficerRow, row.officer_id)
    members = tuple(
        FamilyMemberView(
            number=member.number,
            name=member.name,
            relation=member.relation,
            date_of_birth=member.date_of_birth,
            gender=member.gender,
            aadhaar_masked=mask_aadhaar(
                open_aadhaar(key, member.aadhaar_encrypted, owner=row.key, number=member.number)
            ),
            photo=member.photo,
        )
        for member in member_rows(session, row)
    )
    return Beneficiary(
        registration=row.id,
        kind=row.kind,
        officer_code=OfficerCode.parse(officer.code),
        designation=row.designation,
        department=row.department,
        district=row.district,
        mobile_masked=mask_mobile(open_mobile(key, row.mobile_encrypted, owner=row.key)),
        members=members,
        status=row.status,
        entered_by=row.entered_by,
        registered_at=row.registered_at,
        user_id=row.user_id,
        verified_by=row.verified_by,
        verified_at=row.verified_at,
    )
