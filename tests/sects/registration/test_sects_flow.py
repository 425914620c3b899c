"""The whole SECTS flow (seed 001 annexures 1 and 2) through the real services, a real SQLite store and
the console SMS gateway: DDO/TO registration to a self-printed health card, and the refusals on the way."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sects_flow import released_registration, submitted_officer, verified_officer, verified_user
from sects_reg_helpers import (
    DDO_CODE,
    DDO_MOBILE,
    EMPLOYEE_AADHAAR,
    EMPLOYEE_MOBILE,
    OFFICE,
    SectsStation,
    aadhaar,
    beneficiary_form,
    family,
    officer_form,
    photo,
)
from sqlalchemy import select, text

from card_station import audit
from card_station.domain.records import Gender
from card_station.handover import OtpOutcome
from card_station.sects.errors import DuplicateAadhaar, InvalidEntry, StepRefused, UnknownRecord
from card_station.sects.mobile import MobileKind
from card_station.sects.print_route import PrintRoute
from card_station.sects.records import BeneficiaryStatus, FamilyMember, OfficerStatus, Relation
from card_station.sects.services import beneficiaries, cards, officers
from card_station.services import operators
from card_station.store.models.outbox import OutboxEvent
from card_station.store.models.sects import SectsCardPrintRow
from card_station.store.roles import Role


def test_the_whole_flow_from_ddo_registration_to_a_self_printed_card(sects: SectsStation) -> None:
    now = sects.clock.now
    coordinator = sects.ops["coordinator"]
    # Annexure 1: the DDO/TO Registration Form, then "Add Office"; its submission sends the OTP.
    with sects.store.transaction() as s:
        officer = officers.register_officer(s, coordinator, officer_form(), desk=sects.desk, now=now())
        assert officer.status is OfficerStatus.SUBMITTED
        assert officer.mobile_kind is MobileKind.CUG
        assert officer.mobile_masked == "XXXXXX2345"
        officer, sent = officers.add_office(s, coordinator, DDO_CODE, OFFICE, desk=sects.desk, now=now())
    assert sent is not None and sent.delivered and sent.to == "XXXXXX2345"
    assert officer.status is OfficerStatus.OTP_SENT
    assert "to XXXXXX2345" in sects.phone.last()
    # The form cannot be printed before the OTP.
    with pytest.raises(StepRefused, match="not released"), sects.store.transaction() as s:
        officers.officer_form(s, coordinator, DDO_CODE, desk=sects.desk, now=now())
    with sects.store.transaction() as s:
        assert officers.release_officer_form(
            s, coordinator, DDO_CODE, sects.phone.last_otp(), desk=sects.desk, now=now()
        ).accepted
        form = officers.officer_form(s, coordinator, DDO_CODE, desk=sects.desk, now=now())
    assert form.status is OfficerStatus.FORM_RELEASED
    assert form.offices[0].district == "लखनऊ"
    # The state cell verifies; user ID (the code) and password go to the DDO/TO's mobile.
    with sects.store.transaction() as s:
        verified = officers.verify_officer(s, sects.ops["statecell"], DDO_CODE, desk=sects.desk, now=now())
    assert verified.status is OfficerStatus.VERIFIED
    assert f"User ID {DDO_CODE}" in sects.phone.last()
    with sects.store.transaction() as s:
        logged_in = operators.login(s, DDO_CODE, sects.phone.last_password(), now=now())
    assert logged_in.operator is not None and logged_in.operator.role is Role.DDO
    ddo = logged_in.operator

    # Annexure 2: the employee's form under the DDO/TO code, OTP, form printed.
    with sects.store.transaction() as s:
        registered, sent = beneficiaries.register_beneficiary(
            s, coordinator, beneficiary_form(), desk=sects.desk, now=now()
        )
    assert sent.delivered and sent.to == "XXXXXX8765"
    assert registered.status is BeneficiaryStatus.OTP_SENT
    assert [m.aadhaar_masked for m in registered.members] == [
        f"XXXX XXXX {aadhaar(body)[-4:]}" for body in EMPLOYEE_AADHAAR
    ]
    number = registered.registration
    with sects.store.transaction() as s:
        assert beneficiaries.release_beneficiary_form(
            s, coordinator, number, sects.phone.last_otp(), desk=sects.desk, now=now()
        ).accepted
        printed_form = beneficiaries.beneficiary_form(s, coordinator, number, desk=sects.desk, now=now())
    assert printed_form.status is BeneficiaryStatus.FORM_RELEASED
    # No card before the DDO/TO verifies.
    with sects.store.read() as s:
        assert beneficiaries.pending_for_officer(s, ddo, desk=sects.desk)[0].registration == number
    # The DDO/TO verifies online; the user ID goes to the employee by auto-SMS.
    sects.clock.advance(timedelta(days=2))
    with sects.store.transaction() as s:
        verified_employee = beneficiaries.verify_beneficiary(s, ddo, number, desk=sects.desk, now=now())
    user = verified_employee.user_id
    assert user == "UPE00000001"
    assert sects.phone.last_user_id() == user
    assert "to XXXXXX8765" in sects.phone.last()

    # State-level printing is now possible.
    with sects.store.transaction() as s:
        state_card = cards.print_card_at_state(s, sects.ops["statecell"], user, desk=sects.desk, now=now())
    assert [p.card_number for p in state_card.people] == [
        "UPE00000001-01",
        "UPE00000001-02",
        "UPE00000001-03",
    ]
    assert state_card.valid_from == date(2026, 11, 25)
    assert state_card.valid_until == date(2031, 11, 24)

    # Self-print: user ID, the OTP button, the OTP, the card.
    with sects.store.transaction() as s:
        cards.request_login_otp(s, user.lower(), desk=sects.desk, now=now())
    with sects.store.transaction() as s:
        result = cards.log_in_with_otp(s, user, sects.phone.last_otp(), desk=sects.desk, now=now())
    assert result.login is not None and result.login.role is Role.EMPLOYEE
    with sects.store.transaction() as s:
        card = cards.self_print_card(s, result.login, desk=sects.desk, now=now())
    assert card.holder.name == "रमेश चन्द्र वर्मा"
    assert card.holder.relation is Relation.SELF
    assert card.holder.aadhaar_masked == f"XXXX XXXX {aadhaar(EMPLOYEE_AADHAAR[0])[-4:]}"
    assert str(card.officer_code) == DDO_CODE

    with sects.store.read() as s:
        routes = [row.route for row in s.scalars(select(SectsCardPrintRow).order_by(SectsCardPrintRow.id))]
        kinds = [event.kind for event in s.scalars(select(OutboxEvent).order_by(OutboxEvent.position))]
        assert audit.verify(s).ok
    assert routes == [PrintRoute.STATE, PrintRoute.SELF]
    assert kinds == [
        "sects.officer.registered",
        "sects.office.added",
        "sects.officer.form_released",
        "sects.officer.verified",
        "sects.beneficiary.registered",
        "sects.beneficiary.form_released",
        "sects.beneficiary.verified",
        "sects.card.printed",
        "sects.card.printed",
    ]


def test_numbers_are_encrypted_at_rest_and_never_in_the_audit_or_outbox(sects: SectsStation) -> None:
    verified_user(sects)
    raw = sects.store.path.read_bytes()
    for secret in (DDO_MOBILE, EMPLOYEE_MOBILE, *(aadhaar(body) for body in EMPLOYEE_AADHAAR)):
        assert secret.encode() not in raw
    with sects.store.read() as s:
        dumps = [
            str(row)
            for table in ("audit_entries", "outbox_events")
            for row in s.execute(text(f"SELECT * FROM {table}"))
        ]
    for secret in (DDO_MOBILE, EMPLOYEE_MOBILE, *(aadhaar(body) for body in EMPLOYEE_AADHAAR)):
        assert not any(secret in dump for dump in dumps)


def test_a_wrong_otp_is_counted_and_refused_and_the_right_one_still_works(sects: SectsStation) -> None:
    now = sects.clock.now
    submitted_officer(sects)
    right = sects.phone.last_otp()
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    with sects.store.transaction() as s:
        check = officers.release_officer_form(
            s, sects.ops["coordinator"], DDO_CODE, wrong, desk=sects.desk, now=now()
        )
    assert check.outcome is OtpOutcome.WRONG
    assert check.message == "wrong OTP: 4 attempts left"
    with sects.store.read() as s:
        assert officers.find_officer(s, sects.ops["coordinator"], DDO_CODE, desk=sects.desk).status is (
            OfficerStatus.OTP_SENT
        )
    with sects.store.transaction() as s:
        assert officers.release_officer_form(
            s, sects.ops["coordinator"], DDO_CODE, right, desk=sects.desk, now=now()
        ).accepted


def test_five_wrong_otps_lock_it_and_a_new_otp_is_needed(sects: SectsStation) -> None:
    now = sects.clock.now
    submitted_officer(sects)
    right = sects.phone.last_otp()
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    outcomes = []
    for _ in range(5):
        with sects.store.transaction() as s:
            outcomes.append(
                officers.release_officer_form(
                    s, sects.ops["coordinator"], DDO_CODE, wrong, desk=sects.desk, now=now()
                ).outcome
            )
    assert outcomes == [OtpOutcome.WRONG] * 4 + [OtpOutcome.LOCKED]
    with sects.store.transaction() as s:
        check = officers.release_officer_form(
            s, sects.ops["coordinator"], DDO_CODE, right, desk=sects.desk, now=now()
        )
    assert check.outcome is OtpOutcome.LOCKED
    with sects.store.transaction() as s:
        officers.send_officer_form_otp(s, sects.ops["coordinator"], DDO_CODE, desk=sects.desk, now=now())
    fresh = sects.phone.last_otp()
    with sects.store.transaction() as s:
        assert officers.release_officer_form(
            s, sects.ops["coordinator"], DDO_CODE, fresh, desk=sects.desk, now=now()
        ).accepted


def test_an_expired_otp_is_refused_and_a_resent_one_is_accepted(sects: SectsStation) -> None:
    ddo = verified_officer(sects)
    assert ddo.role is Role.DDO
    now = sects.clock.now
    with sects.store.transaction() as s:
        registered, _ = beneficiaries.register_beneficiary(
            s, sects.ops["coordinator"], beneficiary_form(), desk=sects.desk, now=now()
        )
    old = sects.phone.last_otp()
    sects.clock.advance(sects.desk.otp_validity)
    with sects.store.transaction() as s:
        check = beneficiaries.release_beneficiary_form(
            s, sects.ops["coordinator"], registered.registration, old, desk=sects.desk, now=now()
        )
    assert check.outcome is OtpOutcome.EXPIRED
    assert "ask for a new OTP" in check.message
    with sects.store.transaction() as s:
        beneficiaries.send_beneficiary_form_otp(
            s, sects.ops["coordinator"], registered.registration, desk=sects.desk, now=now()
        )
    new = sects.phone.last_otp()
    if new != old:
        with sects.store.transaction() as s:
            check = beneficiaries.release_beneficiary_form(
                s, sects.ops["coordinator"], registered.registration, old, desk=sects.desk, now=now()
            )
        assert not check.accepted
    with sects.store.transaction() as s:
        assert beneficiaries.release_beneficiary_form(
            s, sects.ops["coordinator"], registered.registration, new, desk=sects.desk, now=now()
        ).accepted


def test_an_otp_for_the_form_does_not_log_the_employee_in(sects: SectsStation) -> None:
    user = verified_user(sects)
    with sects.store.transaction() as s:
        result = cards.log_in_with_otp(s, user, "123456", desk=sects.desk, now=sects.clock.now())
    assert result.login is None
    assert "ask for one first" in result.check.message
    with sects.store.transaction() as s:
        cards.request_login_otp(s, user, desk=sects.desk, now=sects.clock.now())
    sects.clock.advance(timedelta(minutes=16))
    with sects.store.transaction() as s:
        result = cards.log_in_with_otp(
            s, user, sects.phone.last_otp(), desk=sects.desk, now=sects.clock.now()
        )
    assert result.check.outcome is OtpOutcome.EXPIRED
    assert result.login is None


def test_a_ddo_verifying_its_own_entry_is_refused(sects: SectsStation) -> None:
    ddo = verified_officer(sects)
    now = sects.clock.now
    with sects.store.transaction() as s:
        registered, _ = beneficiaries.register_beneficiary(
            s, ddo, beneficiary_form(), desk=sects.desk, now=now()
        )
    with sects.store.transaction() as s:
        assert beneficiaries.release_beneficiary_form(
            s, ddo, registered.registration, sects.phone.last_otp(), desk=sects.desk, now=now()
        ).accepted
    with pytest.raises(StepRefused, match="never verifies it"), sects.store.transaction() as s:
        beneficiaries.verify_beneficiary(s, ddo, registered.registration, desk=sects.desk, now=now())
    with sects.store.read() as s:
        assert beneficiaries.pending_for_officer(s, ddo, desk=sects.desk) == []
        assert (
            beneficiaries.find_beneficiary(s, ddo, registered.registration, desk=sects.desk).status
            is BeneficiaryStatus.FORM_RELEASED
        )
    # The way out: the DDO withdraws its entry, the employee is entered at the desk and verified.
    with sects.store.transaction() as s:
        beneficiaries.withdraw_beneficiary(
            s, ddo, registered.registration, reason="entered by the DDO", now=now()
        )
    again = released_registration(sects)
    with sects.store.transaction() as s:
        assert (
            beneficiaries.verify_beneficiary(s, ddo, again, desk=sects.desk, now=now()).user_id
            == "UPE00000001"
        )


def test_another_ddo_cannot_verify_or_register_under_a_foreign_code(sects: SectsStation) -> None:
    ddo = verified_officer(sects)
    other = verified_officer(sects, officer_form("TO-6601-00001", cug=None, personal="9415099999"))
    number = released_registration(sects)
    with (
        pytest.raises(StepRefused, match=f"only that DDO/TO verifies it, not {other.username}"),
        sects.store.transaction() as s,
    ):
        beneficiaries.verify_beneficiary(s, other, number, desk=sects.desk, now=sects.clock.now())
    with pytest.raises(StepRefused, match="only under its own code"), sects.store.transaction() as s:
        beneficiaries.register_beneficiary(
            s, other, beneficiary_form(family("56745674567")), desk=sects.desk, now=sects.clock.now()
        )
    assert ddo.username == DDO_CODE


def test_a_duplicate_aadhaar_across_two_registrations_is_refused(sects: SectsStation) -> None:
    verified_officer(sects)
    released_registration(sects)
    shared = EMPLOYEE_AADHAAR[1]  # the spouse is on the first form already
    second = beneficiary_form(family("67867867867", shared), mobile="9839011111")
    with (
        pytest.raises(
            DuplicateAadhaar, match=rf"XXXX XXXX {aadhaar(shared)[-4:]} is already registered on a "
        ),
        sects.store.transaction() as s,
    ):
        beneficiaries.register_beneficiary(
            s, sects.ops["coordinator"], second, desk=sects.desk, now=sects.clock.now()
        )
    with sects.store.read() as s:
        assert s.scalar(text("SELECT count(*) FROM sects_registrations")) == 1


def test_an_invalid_aadhaar_number_is_refused_with_what_to_do(sects: SectsStation) -> None:
    valid = aadhaar("23412341234")
    wrong_check = valid[:-1] + str((int(valid[-1]) + 1) % 10)
    with pytest.raises(
        InvalidEntry, match="सुनीता वर्मा: Aadhaar number: the Aadhaar number's check digit is wrong"
    ):
        FamilyMember("सुनीता वर्मा", Relation.SPOUSE, date(1976, 8, 2), Gender.FEMALE, wrong_check, photo(1))
    with sects.store.read() as s:
        assert s.scalar(text("SELECT count(*) FROM sects_family_members")) == 0


def test_employees_register_only_under_a_verified_ddo(sects: SectsStation) -> None:
    now = sects.clock.now
    with sects.store.transaction() as s:
        officers.register_officer(s, sects.ops["coordinator"], officer_form(), desk=sects.desk, now=now())
    with (
        pytest.raises(StepRefused, match="not yet verified by the state cell"),
        sects.store.transaction() as s,
    ):
        beneficiaries.register_beneficiary(
            s, sects.ops["coordinator"], beneficiary_form(), desk=sects.desk, now=now()
        )
    with (
        pytest.raises(UnknownRecord, match="no DDO/TO is registered with code DDO-6601-00099"),
        sects.store.transaction() as s,
    ):
        beneficiaries.register_beneficiary(
            s,
            sects.ops["coordinator"],
            beneficiary_form(code="DDO-6601-00099"),
            desk=sects.desk,
            now=now(),
        )


def test_the_state_cell_verifies_only_a_released_form_and_only_once(sects: SectsStation) -> None:
    now = sects.clock.now
    with sects.store.transaction() as s:
        officers.register_officer(s, sects.ops["coordinator"], officer_form(), desk=sects.desk, now=now())
    with pytest.raises(StepRefused, match="has not printed its form yet"), sects.store.transaction() as s:
        officers.verify_officer(s, sects.ops["statecell"], DDO_CODE, desk=sects.desk, now=now())
    with pytest.raises(StepRefused, match="add an office first"), sects.store.transaction() as s:
        officers.send_officer_form_otp(s, sects.ops["coordinator"], DDO_CODE, desk=sects.desk, now=now())
    with pytest.raises(StepRefused, match="already registered"), sects.store.transaction() as s:
        officers.register_officer(s, sects.ops["coordinator"], officer_form(), desk=sects.desk, now=now())


def test_no_card_before_the_ddo_verifies(sects: SectsStation) -> None:
    verified_officer(sects)
    released_registration(sects)
    with (
        pytest.raises(UnknownRecord, match="no verified registration has user ID UPE00000001"),
        sects.store.transaction() as s,
    ):
        cards.print_card_at_state(
            s, sects.ops["statecell"], "UPE00000001", desk=sects.desk, now=sects.clock.now()
        )
    with pytest.raises(UnknownRecord), sects.store.transaction() as s:
        cards.request_login_otp(s, "UPE00000001", desk=sects.desk, now=sects.clock.now())
