"""DDO/TO registration, "Add Office", the OTP-released form, and the state cell's verification (seed 001,
annexure 1).

The steps, in the circular's words: fill the "DDO/TO Registration Form" and submit (bullets 2-4); "तत्पश्चात्
"Add Office" का फॉर्म भरें" (bullet 5); on submit an OTP to the registered mobile, "जिसका प्रयोग कर ... अपने
भरे हुए पंजीकरण फॉर्म का प्रिन्ट/डाउनलोड कर सकेंगे" (bullet 6); sign it, have the controlling officer verify it
and send it to SACHI (bullets 7-10); "राज्य स्तरीय प्रकोष्ठ द्वारा ... ऑनलाईन सत्यापन करने के पश्चात् ...
पंजीकृत मोबाइल नम्बर पर उनका यूजर आई०डी० एवं पासवर्ड प्रेषित कर दिया जायेगा" (bullet 11). The user ID is the
DDO/TO code; the password is random, sent only by SMS and stored only as scrypt (store.passwords), as an
operator with the role DDO (``services.operators.create_officer_login``), so the DDO/TO logs in and
verifies its employees like any operator.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from card_station import audit
from card_station.audit import AuditAction
from card_station.handover import OtpCheck
from card_station.sects.errors import StepRefused
from card_station.sects.otp_purpose import OtpPurpose
from card_station.sects.records import OfficeForm, Officer, OfficerForm, OfficerStatus
from card_station.sects.services.actors import operator_may
from card_station.sects.services.credentials import send_credentials
from card_station.sects.services.desk import SectsDesk
from card_station.sects.services.otps import OtpSent, release_form, send_otp
from card_station.sects.services.protect import open_mobile, seal_mobile
from card_station.sects.services.views import officer_row, officer_view
from card_station.services import operators
from card_station.store.models.operators import Operator
from card_station.store.models.sects import SectsOfficeRow, SectsOfficerRow
from card_station.store.outbox import record_event
from card_station.store.roles import Permission

PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"  # noqa: S105 (an alphabet)
"""No 0/O, 1/l/I: the password is read off a phone screen and typed in."""
PASSWORD_LENGTH = 12


def register_officer(
    session: Session, operator: Operator, form: OfficerForm, *, desk: SectsDesk, now: datetime
) -> Officer:
    """Record a submitted DDO/TO Registration Form (annexure 1, bullets 2-4); the OTP follows the office."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_OFFICER)
    code = str(form.code)
    if session.scalar(select(SectsOfficerRow.id).where(SectsOfficerRow.code == code)) is not None:
        raise StepRefused(f"DDO/TO {code} is already registered; use 'Add Office' or check the code")
    if session.scalar(select(Operator.id).where(Operator.username == code)) is not None:
        raise StepRefused(f"a station operator is already named {code}; ask the administrator to rename it")
    row = SectsOfficerRow(
        code=code,
        kind=form.kind,
        name=form.name,
        designation=form.designation,
        controlling_officer=form.controlling_officer,
        mobile_kind=form.mobile_kind,
        mobile_encrypted=seal_mobile(desk.data_key, form.mobile, owner=code),
        email=form.email,
        status=OfficerStatus.SUBMITTED,
        registered_by=actor.username,
        registered_at=now,
    )
    session.add(row)
    session.flush()
    details = {"kind": form.kind.name, "mobile_kind": form.mobile_kind.name}
    audit.record(session, actor, AuditAction.SECTS_OFFICER_REGISTERED, code, details, now=now)
    record_event(
        session, kind="sects.officer.registered", member_key=code, payload={"code": code, **details}, now=now
    )
    return officer_view(session, row, desk.data_key)


def add_office(
    session: Session, operator: Operator, code: str, office: OfficeForm, *, desk: SectsDesk, now: datetime
) -> tuple[Officer, OtpSent | None]:
    """ "Add Office" (annexure 1, bullet 5). The first office completes the form, so its submission sends
    the OTP that releases the form (bullet 6); later offices send none."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_OFFICER)
    row = officer_row(session, code)
    if row.status is OfficerStatus.VERIFIED:
        raise StepRefused(
            f"DDO/TO {row.code} is already verified by the state cell; its form can no longer change"
        )
    count = session.scalar(
        select(func.count()).select_from(SectsOfficeRow).where(SectsOfficeRow.officer_id == row.id)
    )
    number = (count or 0) + 1
    session.add(
        SectsOfficeRow(
            officer_id=row.id,
            number=number,
            name=office.name,
            department=office.department,
            district=office.district,
            address=office.address,
        )
    )
    audit.record(session, actor, AuditAction.SECTS_OFFICE_ADDED, row.code, {"office": number}, now=now)
    record_event(
        session,
        kind="sects.office.added",
        member_key=row.code,
        payload={"code": row.code, "office": number, "district": office.district},
        now=now,
    )
    sent = None
    if row.status is OfficerStatus.SUBMITTED:
        sent = _send_form_otp(session, desk, actor, row, now)
    session.flush()
    return officer_view(session, row, desk.data_key), sent


def send_officer_form_otp(
    session: Session, operator: Operator, code: str, *, desk: SectsDesk, now: datetime
) -> OtpSent:
    """Send the form OTP again (the SMS did not arrive, or the OTP expired or locked)."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_OFFICER)
    row = officer_row(session, code)
    if row.status is not OfficerStatus.OTP_SENT:
        raise StepRefused(_otp_step_refusal(row))
    return _send_form_otp(session, desk, actor, row, now)


def _otp_step_refusal(row: SectsOfficerRow) -> str:
    if row.status is OfficerStatus.SUBMITTED:
        return f"DDO/TO {row.code} has no office yet: add an office first, which sends the OTP"
    return f"the form of DDO/TO {row.code} is already released; print it without an OTP"


def _send_form_otp(
    session: Session, desk: SectsDesk, actor: Operator, row: SectsOfficerRow, now: datetime
) -> OtpSent:
    mobile = open_mobile(desk.data_key, row.mobile_encrypted, owner=row.code)
    sent = send_otp(
        session, desk, actor, purpose=OtpPurpose.OFFICER_FORM, subject=row.code, mobile=mobile, now=now
    )
    row.status = OfficerStatus.OTP_SENT
    return sent


def release_officer_form(
    session: Session, operator: Operator, code: str, otp: str, *, desk: SectsDesk, now: datetime
) -> OtpCheck:
    """The OTP unlocks printing/downloading the filled form (annexure 1, bullet 6). Commit either way."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_OFFICER)
    row = officer_row(session, code)
    if row.status is not OfficerStatus.OTP_SENT:
        raise StepRefused(_otp_step_refusal(row))
    result = release_form(
        session,
        desk,
        actor,
        purpose=OtpPurpose.OFFICER_FORM,
        subject=row.code,
        candidate=otp,
        audited={"form": "officer"},
        event="sects.officer.form_released",
        payload={"code": row.code},
        now=now,
    )
    if result.accepted:
        row.status = OfficerStatus.FORM_RELEASED
    return result


def officer_form(
    session: Session, operator: Operator, code: str, *, desk: SectsDesk, now: datetime
) -> Officer:
    """The filled form to print or download, once the OTP released it (annexure 1, bullet 6); audited."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_OFFICER)
    row = officer_row(session, code)
    if row.status not in (OfficerStatus.FORM_RELEASED, OfficerStatus.VERIFIED):
        raise StepRefused(
            f"the form of DDO/TO {row.code} is not released: "
            "enter the OTP sent to the registered mobile first"
        )
    audit.record(session, actor, AuditAction.SECTS_FORM_PRINTED, row.code, {"form": "officer"}, now=now)
    return officer_view(session, row, desk.data_key)


def verify_officer(
    session: Session, operator: Operator, code: str, *, desk: SectsDesk, now: datetime
) -> Officer:
    """The state cell marks the signed, controlling-officer-verified form verified online; the user ID (the
    code) and a new password go to the registered mobile by SMS (annexure 1, bullet 11).

    If the SMS is not sent, nothing is kept (``StepRefused``): a DDO/TO must never have an account whose
    password nobody received; the state cell verifies again when the gateway works.
    """
    actor = operator_may(session, operator, Permission.SECTS_VERIFY_OFFICER)
    row = officer_row(session, code)
    if row.status is OfficerStatus.VERIFIED:
        raise StepRefused(f"DDO/TO {row.code} was already verified on {row.verified_at:%Y-%m-%d}")
    if row.status is not OfficerStatus.FORM_RELEASED:
        raise StepRefused(
            f"DDO/TO {row.code} has not printed its form yet (status: {row.status.value}); the state cell "
            "verifies only the signed form verified by the controlling officer"
        )
    password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))
    login = operators.create_officer_login(
        session, actor, row.code, display_name=row.name, password=password, now=now
    )
    row.operator_id = login.id
    row.status = OfficerStatus.VERIFIED
    row.verified_by = actor.username
    row.verified_at = now
    audit.record(session, actor, AuditAction.SECTS_OFFICER_VERIFIED, row.code, {}, now=now)
    record_event(
        session, kind="sects.officer.verified", member_key=row.code, payload={"code": row.code}, now=now
    )
    send_credentials(
        desk,
        desk.texts.credentials(row.code, password),
        mobile_encrypted=row.mobile_encrypted,
        owner=row.code,
        subject=f"DDO/TO {row.code}",
        what="the user ID and password",
    )
    session.flush()
    return officer_view(session, row, desk.data_key)


def find_officer(session: Session, operator: Operator, code: str, *, desk: SectsDesk) -> Officer:
    operator_may(session, operator, Permission.SECTS_VIEW)
    return officer_view(session, officer_row(session, code), desk.data_key)


def list_officers(session: Session, operator: Operator, *, desk: SectsDesk) -> list[Officer]:
    operator_may(session, operator, Permission.SECTS_VIEW)
    rows = session.scalars(select(SectsOfficerRow).order_by(SectsOfficerRow.code))
    return [officer_view(session, row, desk.data_key) for row in rows]
