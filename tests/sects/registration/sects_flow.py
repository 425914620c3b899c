"""Steps of the SECTS flow that several tests need: a DDO/TO registered and verified by the state cell,
an employee registered under it with the form released and verified, each step through the real
services."""

from __future__ import annotations

from sects_reg_helpers import OFFICE, SectsStation, beneficiary_form, officer_form
from sqlalchemy import select

from card_station.sects.records import BeneficiaryForm, OfficerForm
from card_station.sects.services import beneficiaries, officers
from card_station.store.models.operators import Operator


def submitted_officer(sects: SectsStation, form: OfficerForm | None = None) -> str:
    """A DDO/TO registered by the coordinator with its first office added, so the form OTP went out by SMS;
    its code."""
    form = form or officer_form()
    with sects.store.transaction() as s:
        officers.register_officer(s, sects.ops["coordinator"], form, desk=sects.desk, now=sects.clock.now())
        officers.add_office(
            s, sects.ops["coordinator"], str(form.code), OFFICE, desk=sects.desk, now=sects.clock.now()
        )
    return str(form.code)


def verified_officer(sects: SectsStation, form: OfficerForm | None = None) -> Operator:
    """Register, add an office, release the form with the SMS OTP, verify at the state cell: the DDO/TO's
    operator (its password came by SMS)."""
    form = form or officer_form()
    now = sects.clock.now
    submitted_officer(sects, form)
    with sects.store.transaction() as s:
        check = officers.release_officer_form(
            s, sects.ops["coordinator"], str(form.code), sects.phone.last_otp(), desk=sects.desk, now=now()
        )
        assert check.accepted, check.message
    with sects.store.transaction() as s:
        officers.verify_officer(s, sects.ops["statecell"], str(form.code), desk=sects.desk, now=now())
    with sects.store.read() as s:
        return s.scalars(select(Operator).where(Operator.username == str(form.code))).one()


def released_registration(sects: SectsStation, form: BeneficiaryForm | None = None) -> int:
    """An employee registered at the desk by the coordinator, the form released with the SMS OTP."""
    now = sects.clock.now
    with sects.store.transaction() as s:
        registered, _ = beneficiaries.register_beneficiary(
            s, sects.ops["coordinator"], form or beneficiary_form(), desk=sects.desk, now=now()
        )
    with sects.store.transaction() as s:
        check = beneficiaries.release_beneficiary_form(
            s,
            sects.ops["coordinator"],
            registered.registration,
            sects.phone.last_otp(),
            desk=sects.desk,
            now=now(),
        )
        assert check.accepted, check.message
    return registered.registration


def verified_user(sects: SectsStation) -> str:
    """An employee with his spouse and son, registered and verified by their DDO/TO: his user ID."""
    ddo = verified_officer(sects)
    number = released_registration(sects)
    with sects.store.transaction() as s:
        user = beneficiaries.verify_beneficiary(
            s, ddo, number, desk=sects.desk, now=sects.clock.now()
        ).user_id
    assert user is not None
    return user
