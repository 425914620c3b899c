"""The SECTS health card: printable once the DDO/TO verified, printed at state level or by the employee
after logging in with the user ID and an OTP (seed 001 annexure 2, bullets 6-7).

Annexure 2, bullet 7(b): "कर्मचारी/पेंशनर वेबसाईट ... में लॉग-इन के लिए यूजर आई0डी0 डालेंगे तथा ओ0टी0पी0 बटन पर
क्लिक करेंगे। इसके पश्चात् उन्हें उनके पंजीकृत मोबाइल पर ओ0टी0पी0 प्राप्त होगा, जिसकी सहायता से वे ... अपना
हेल्थ कार्ड प्रिंट कर सकेंगे" (the employee enters the user ID and clicks the OTP button, gets an OTP on the
registered mobile, and with it reaches the card printing page and prints the health card). An employee's
login prints only the card of its own user ID.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station import audit
from card_station.audit import AuditAction
from card_station.handover import OtpCheck
from card_station.sects.codes import OfficerCode, card_number, parse_user_id
from card_station.sects.errors import StepRefused, UnknownRecord
from card_station.sects.otp_purpose import OtpPurpose
from card_station.sects.print_route import PrintRoute
from card_station.sects.records import BeneficiaryStatus, HealthCard, PersonOnCard
from card_station.sects.services.actors import LOGIN_VALIDITY, EmployeeLogin, employee_may, operator_may
from card_station.sects.services.desk import SectsDesk
from card_station.sects.services.otps import OtpSent, check_otp, send_otp
from card_station.sects.services.protect import open_aadhaar, open_mobile
from card_station.sects.services.views import member_rows
from card_station.store.models.operators import Operator
from card_station.store.models.sects import SectsCardPrintRow, SectsOfficerRow, SectsRegistrationRow
from card_station.store.outbox import record_event
from card_station.store.pii import DataKey
from card_station.store.roles import Permission


def verified_registration(session: Session, text: str) -> SectsRegistrationRow:
    """The verified registration whose user ID is ``text``; ``UnknownRecord`` names the user ID otherwise."""
    user = parse_user_id(text)
    row = session.scalar(select(SectsRegistrationRow).where(SectsRegistrationRow.user_id == user))
    if row is None or row.status is not BeneficiaryStatus.VERIFIED:
        raise UnknownRecord(f"no verified registration has user ID {user}; check the SMS from UP SECTS")
    return row


def health_card(session: Session, row: SectsRegistrationRow, key: DataKey) -> HealthCard:
    """The card of a verified registration: one card number per person, Aadhaar as its last four digits."""
    if row.user_id is None or row.valid_from is None or row.valid_until is None:
        raise StepRefused(f"registration {row.id} is not verified by its DDO/TO; no card can be printed yet")
    officer = session.get_one(SectsOfficerRow, row.officer_id)
    people = tuple(
        PersonOnCard(
            number=member.number,
            card_number=card_number(row.user_id, member.number),
            name=member.name,
            relation=member.relation,
            date_of_birth=member.date_of_birth,
            gender=member.gender,
            aadhaar_last_four=open_aadhaar(
                key, member.aadhaar_encrypted, owner=row.key, number=member.number
            )[-4:],
            photo=member.photo,
        )
        for member in member_rows(session, row)
    )
    return HealthCard(
        user_id=row.user_id,
        kind=row.kind,
        officer_code=OfficerCode.parse(officer.code),
        department=row.department,
        district=row.district,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        people=people,
    )


def _printed(
    session: Session, row: SectsRegistrationRow, actor_name: str, route: PrintRoute, now: datetime
) -> None:
    session.add(SectsCardPrintRow(registration_id=row.id, route=route, printed_by=actor_name, printed_at=now))
    record_event(
        session,
        kind="sects.card.printed",
        member_key=row.key,
        payload={"user_id": row.user_id, "route": route.name},
        now=now,
    )
    session.flush()


def print_card_at_state(
    session: Session, operator: Operator, user: str, *, desk: SectsDesk, now: datetime
) -> HealthCard:
    """State-level printing (annexure 2, bullet 6: "राज्य स्तर पर कार्ड प्रिंट किया जा सकेगा"); audited."""
    actor = operator_may(session, operator, Permission.SECTS_PRINT_CARD)
    row = verified_registration(session, user)
    card = health_card(session, row, desk.data_key)
    audit.record(
        session,
        actor,
        AuditAction.SECTS_CARD_PRINTED,
        row.key,
        {"user_id": card.user_id, "route": "STATE"},
        now=now,
    )
    _printed(session, row, actor.username, PrintRoute.STATE, now)
    return card


def request_login_otp(session: Session, user: str, *, desk: SectsDesk, now: datetime) -> OtpSent:
    """The "OTP" button of the self-print login: an OTP to the registered mobile of ``user``."""
    row = verified_registration(session, user)
    mobile = open_mobile(desk.data_key, row.mobile_encrypted, owner=row.key)
    return send_otp(
        session, desk, None, purpose=OtpPurpose.SELF_PRINT_LOGIN, subject=row.key, mobile=mobile, now=now
    )


@dataclass(frozen=True)
class LoginResult:
    """``login`` when the OTP was accepted, else ``check`` says why. Commit the session either way."""

    check: OtpCheck
    login: EmployeeLogin | None


def log_in_with_otp(session: Session, user: str, otp: str, *, desk: SectsDesk, now: datetime) -> LoginResult:
    """Log the employee in with the user ID and the OTP; the login lasts ``LOGIN_VALIDITY``."""
    row = verified_registration(session, user)
    named = _Named(row.user_id or "")
    result = check_otp(
        session, desk, named, purpose=OtpPurpose.SELF_PRINT_LOGIN, subject=row.key, candidate=otp, now=now
    )
    if not result.accepted:
        return LoginResult(result, None)
    audit.record(
        session, named, AuditAction.SECTS_SELF_PRINT_LOGIN, row.key, {"user_id": row.user_id}, now=now
    )
    return LoginResult(result, EmployeeLogin(username=row.user_id or "", expires_at=now + LOGIN_VALIDITY))


@dataclass(frozen=True)
class _Named:
    username: str


def self_print_card(session: Session, login: EmployeeLogin, *, desk: SectsDesk, now: datetime) -> HealthCard:
    """The employee prints his own health card (annexure 2, bullet 7(b)); audited as a self-print."""
    employee_may(login, Permission.SECTS_SELF_PRINT, now=now)
    row = verified_registration(session, login.username)
    card = health_card(session, row, desk.data_key)
    audit.record(
        session,
        login,
        AuditAction.SECTS_CARD_PRINTED,
        row.key,
        {"user_id": card.user_id, "route": "SELF"},
        now=now,
    )
    _printed(session, row, login.username, PrintRoute.SELF, now)
    return card
