"""Employee/pensioner registration under a DDO/TO, the OTP-released form, and the DDO/TO's verification
(seed 001, annexure 2).

The steps, in the circular's words: the Registration Form with "डी0डी0ओ0/टी0ओ0 कोड एवं ... आधार कार्ड नम्बर एवं
फोटो" (bullet 3); on submit an OTP to the registered mobile to print/download the filled form (bullet 4);
the signed form goes to the DDO/TO (bullet 5); "डी0डी0ओ0/टी0ओ0 द्वारा कर्मचारी/पेंशनर के फॉर्म को ऑनलाईन
सत्यापित किया जायेगा, जिसके पश्चात् राज्य स्तर पर कार्ड प्रिंट किया जा सकेगा" (bullet 6: the DDO/TO verifies
online, after which the card can be printed at state level), and the user ID goes to the employee by
auto-SMS (bullet 7(a)).

Maker-checker (issue 9; store.roles): the DDO/TO verifies only forms under its own code, and never one it
entered itself. One person, one registration: every Aadhaar number is looked up by its keyed index
(``protect.aadhaar_index``) across all registrations before anything is written.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from card_station import audit
from card_station.audit import AuditAction
from card_station.domain.handover import IST
from card_station.handover import OtpCheck
from card_station.sects.codes import user_id
from card_station.sects.errors import DuplicateAadhaar, StepRefused
from card_station.sects.otp_purpose import OtpPurpose
from card_station.sects.records import Beneficiary, BeneficiaryForm, BeneficiaryStatus, OfficerStatus
from card_station.sects.services.actors import operator_may
from card_station.sects.services.credentials import send_credentials
from card_station.sects.services.desk import SectsDesk
from card_station.sects.services.otps import OtpSent, release_form, send_otp
from card_station.sects.services.protect import aadhaar_index, open_mobile, seal_aadhaar, seal_mobile
from card_station.sects.services.views import beneficiary_view, officer_row, registration_row
from card_station.store.models.operators import Operator
from card_station.store.models.sects import (
    SectsFamilyMemberRow,
    SectsOfficerRow,
    SectsOtpRow,
    SectsRegistrationRow,
)
from card_station.store.outbox import record_event
from card_station.store.roles import Permission, Role


def register_beneficiary(
    session: Session, operator: Operator, form: BeneficiaryForm, *, desk: SectsDesk, now: datetime
) -> tuple[Beneficiary, OtpSent]:
    """Record a submitted Registration Form and send the OTP that releases it (annexure 2, bullets 3-4).

    Refused before anything is written when the DDO/TO is not registered and verified (employees register
    "पंजीकृत आहरण एवं वितरण अधिकारियों/कोषाधिकारियों के माध्यम से", covering letter para 2), when a DDO/TO enters
    a form under another officer's code, or when any Aadhaar number is already registered.
    """
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_BENEFICIARY)
    officer = officer_row(session, str(form.officer_code))
    if officer.status is not OfficerStatus.VERIFIED:
        raise StepRefused(
            f"DDO/TO {officer.code} is not yet verified by the state cell (status: {officer.status.value}); "
            "employees register only under a verified DDO/TO"
        )
    if actor.role is Role.DDO and actor.username != officer.code:
        raise StepRefused(
            f"DDO/TO {actor.username} may enter forms only under its own code, not {officer.code}"
        )
    indexes = [aadhaar_index(desk.data_key, member.aadhaar) for member in form.members]
    for member, index in zip(form.members, indexes, strict=True):
        taken = session.scalar(
            select(SectsOfficerRow.code)
            .join(SectsRegistrationRow, SectsRegistrationRow.officer_id == SectsOfficerRow.id)
            .join(SectsFamilyMemberRow, SectsFamilyMemberRow.registration_id == SectsRegistrationRow.id)
            .where(SectsFamilyMemberRow.aadhaar_index == index)
        )
        if taken is not None:
            raise DuplicateAadhaar(
                member.name, member.aadhaar_masked, f"on a registration under DDO/TO {taken}"
            )
    key = f"SR{secrets.token_hex(16)}"
    row = SectsRegistrationRow(
        key=key,
        officer_id=officer.id,
        kind=form.kind,
        designation=form.designation,
        department=form.department,
        district=form.district,
        mobile_encrypted=seal_mobile(desk.data_key, form.mobile, owner=key),
        status=BeneficiaryStatus.OTP_SENT,
        entered_by=actor.username,
        registered_at=now,
    )
    session.add(row)
    session.flush()
    for number, (member, index) in enumerate(zip(form.members, indexes, strict=True), start=1):
        session.add(
            SectsFamilyMemberRow(
                registration_id=row.id,
                number=number,
                name=member.name,
                relation=member.relation,
                date_of_birth=member.date_of_birth,
                gender=member.gender,
                aadhaar_encrypted=seal_aadhaar(desk.data_key, member.aadhaar, owner=key, number=number),
                aadhaar_index=index,
                photo=member.photo,
            )
        )
    details = {
        "registration": row.id,
        "kind": form.kind.name,
        "officer": officer.code,
        "people": len(form.members),
    }
    audit.record(session, actor, AuditAction.SECTS_BENEFICIARY_REGISTERED, key, details, now=now)
    record_event(session, kind="sects.beneficiary.registered", member_key=key, payload=details, now=now)
    sent = send_otp(
        session, desk, actor, purpose=OtpPurpose.BENEFICIARY_FORM, subject=key, mobile=form.mobile, now=now
    )
    session.flush()
    return beneficiary_view(session, row, desk.data_key), sent


def send_beneficiary_form_otp(
    session: Session, operator: Operator, registration: int, *, desk: SectsDesk, now: datetime
) -> OtpSent:
    """Send the form OTP again (not received, expired or locked)."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_BENEFICIARY)
    row = registration_row(session, registration)
    if row.status is not BeneficiaryStatus.OTP_SENT:
        raise StepRefused(f"the form of registration {row.id} is already released; print it without an OTP")
    mobile = open_mobile(desk.data_key, row.mobile_encrypted, owner=row.key)
    return send_otp(
        session, desk, actor, purpose=OtpPurpose.BENEFICIARY_FORM, subject=row.key, mobile=mobile, now=now
    )


def release_beneficiary_form(
    session: Session, operator: Operator, registration: int, otp: str, *, desk: SectsDesk, now: datetime
) -> OtpCheck:
    """The OTP unlocks printing the filled form (annexure 2, bullet 4). Commit the session either way."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_BENEFICIARY)
    row = registration_row(session, registration)
    if row.status is not BeneficiaryStatus.OTP_SENT:
        raise StepRefused(f"the form of registration {row.id} is already released; print it without an OTP")
    result = release_form(
        session,
        desk,
        actor,
        purpose=OtpPurpose.BENEFICIARY_FORM,
        subject=row.key,
        candidate=otp,
        audited={"registration": row.id},
        event="sects.beneficiary.form_released",
        payload={"registration": row.id},
        now=now,
    )
    if result.accepted:
        row.status = BeneficiaryStatus.FORM_RELEASED
    return result


def beneficiary_form(
    session: Session, operator: Operator, registration: int, *, desk: SectsDesk, now: datetime
) -> Beneficiary:
    """The filled form to print (Aadhaar masked), once its OTP released it; audited."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_BENEFICIARY)
    row = registration_row(session, registration)
    if row.status is BeneficiaryStatus.OTP_SENT:
        raise StepRefused(
            f"the form of registration {row.id} is not released: "
            "enter the OTP sent to the registered mobile first"
        )
    audit.record(session, actor, AuditAction.SECTS_FORM_PRINTED, row.key, {"registration": row.id}, now=now)
    return beneficiary_view(session, row, desk.data_key)


def card_validity(verified_at: datetime, years: int) -> tuple[date, date]:
    """(valid from, valid until): from the IST day of verification, for ``years`` years less a day."""
    start = verified_at.astimezone(IST).date()
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    return start, end - timedelta(days=1)


def verify_beneficiary(
    session: Session, operator: Operator, registration: int, *, desk: SectsDesk, now: datetime
) -> Beneficiary:
    """The DDO/TO verifies the signed form online (annexure 2, bullet 6); the user ID goes to the employee
    by SMS (bullet 7(a)) and the card becomes printable at state level.

    Refused unless the actor is the DDO/TO whose code the form names, and never by the operator who entered
    the form. If the SMS is not sent, nothing is kept, so no user ID exists that its owner never received.
    """
    actor = operator_may(session, operator, Permission.SECTS_VERIFY_BENEFICIARY)
    row = registration_row(session, registration)
    officer = session.get_one(SectsOfficerRow, row.officer_id)
    if actor.username != officer.code:
        raise StepRefused(
            f"registration {row.id} is under DDO/TO {officer.code}; "
            f"only that DDO/TO verifies it, not {actor.username}"
        )
    if row.entered_by == actor.username:
        raise StepRefused(
            f"registration {row.id} was entered by {actor.username}, and the person who entered a form never "
            "verifies it; withdraw it and have the employee enter it at the registration desk"
        )
    if row.status is BeneficiaryStatus.VERIFIED:
        raise StepRefused(f"registration {row.id} was already verified (user ID {row.user_id})")
    if row.status is not BeneficiaryStatus.FORM_RELEASED:
        raise StepRefused(
            f"registration {row.id} has not printed its form yet; "
            "the DDO/TO verifies the signed form (annexure 2)"
        )
    issued = session.scalar(
        select(func.count())
        .select_from(SectsRegistrationRow)
        .where(SectsRegistrationRow.kind == row.kind, SectsRegistrationRow.user_id.is_not(None))
    )
    row.user_id = user_id(row.kind, (issued or 0) + 1)
    row.status = BeneficiaryStatus.VERIFIED
    row.verified_by = actor.username
    row.verified_at = now
    row.valid_from, row.valid_until = card_validity(now, desk.card_validity_years)
    details = {"registration": row.id, "user_id": row.user_id}
    audit.record(session, actor, AuditAction.SECTS_BENEFICIARY_VERIFIED, row.key, details, now=now)
    record_event(session, kind="sects.beneficiary.verified", member_key=row.key, payload=details, now=now)
    send_credentials(
        desk,
        desk.texts.user_id(row.user_id),
        mobile_encrypted=row.mobile_encrypted,
        owner=row.key,
        subject=f"registration {row.id}",
        what="the user ID",
    )
    session.flush()
    return beneficiary_view(session, row, desk.data_key)


def find_beneficiary(
    session: Session, operator: Operator, registration: int, *, desk: SectsDesk
) -> Beneficiary:
    operator_may(session, operator, Permission.SECTS_VIEW)
    return beneficiary_view(session, registration_row(session, registration), desk.data_key)


def pending_for_officer(session: Session, operator: Operator, *, desk: SectsDesk) -> list[Beneficiary]:
    """The forms a DDO/TO has to verify: released, under its own code, not entered by itself."""
    actor = operator_may(session, operator, Permission.SECTS_VERIFY_BENEFICIARY)
    rows = session.scalars(
        select(SectsRegistrationRow)
        .join(SectsOfficerRow, SectsRegistrationRow.officer_id == SectsOfficerRow.id)
        .where(
            SectsOfficerRow.code == actor.username,
            SectsRegistrationRow.status == BeneficiaryStatus.FORM_RELEASED,
            SectsRegistrationRow.entered_by != actor.username,
        )
        .order_by(SectsRegistrationRow.id)
    )
    return [beneficiary_view(session, row, desk.data_key) for row in rows]


def withdraw_beneficiary(
    session: Session, operator: Operator, registration: int, *, reason: str, now: datetime
) -> None:
    """Withdraw an unverified registration (entered wrongly, or by the DDO/TO itself, which may not verify
    it), freeing its Aadhaar numbers for a correct entry. Only the operator who entered it, or a district
    coordinator, may; a verified registration stays. The audit entry keeps who withdrew it and why."""
    actor = operator_may(session, operator, Permission.SECTS_REGISTER_BENEFICIARY)
    row = registration_row(session, registration)
    if row.status is BeneficiaryStatus.VERIFIED:
        raise StepRefused(
            f"registration {row.id} is verified (user ID {row.user_id}) and cannot be withdrawn"
        )
    if actor.role is not Role.COORDINATOR and actor.username != row.entered_by:
        raise StepRefused(
            f"registration {row.id} was entered by {row.entered_by}; only that operator or a district "
            "coordinator may withdraw it"
        )
    if not reason.strip():
        raise StepRefused("say why the registration is withdrawn; the reason goes into the audit trail")
    for member in session.scalars(
        select(SectsFamilyMemberRow).where(SectsFamilyMemberRow.registration_id == row.id)
    ):
        session.delete(member)
    for otp in session.scalars(select(SectsOtpRow).where(SectsOtpRow.subject == row.key)):
        session.delete(otp)
    details = {"registration": row.id, "reason": reason.strip()}
    audit.record(session, actor, AuditAction.SECTS_BENEFICIARY_WITHDRAWN, row.key, details, now=now)
    record_event(session, kind="sects.beneficiary.withdrawn", member_key=row.key, payload=details, now=now)
    session.flush()
    session.delete(row)
    session.flush()
