"""Every SECTS service refuses every role that lacks its permission (store.roles), and writes nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from sects_flow import released_registration, verified_officer
from sects_reg_helpers import DDO_CODE, OFFICE, SectsStation, beneficiary_form, officer_form
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from card_station.sects.services import beneficiaries, cards, officers
from card_station.sects.services.actors import EmployeeLogin
from card_station.store.models.audit import AuditRow
from card_station.store.models.operators import Operator
from card_station.store.models.outbox import OutboxEvent
from card_station.store.roles import PERMISSIONS, Permission, PermissionDenied, Role

Call = Callable[[Session, Operator, SectsStation, int], Any]
SERVICES: dict[str, tuple[Permission, Call]] = {
    "register_officer": (
        Permission.SECTS_REGISTER_OFFICER,
        lambda s, op, st, r: officers.register_officer(
            s, op, officer_form("TO-6601-00009"), desk=st.desk, now=st.clock.now()
        ),
    ),
    "add_office": (
        Permission.SECTS_REGISTER_OFFICER,
        lambda s, op, st, r: officers.add_office(s, op, DDO_CODE, OFFICE, desk=st.desk, now=st.clock.now()),
    ),
    "verify_officer": (
        Permission.SECTS_VERIFY_OFFICER,
        lambda s, op, st, r: officers.verify_officer(s, op, DDO_CODE, desk=st.desk, now=st.clock.now()),
    ),
    "register_beneficiary": (
        Permission.SECTS_REGISTER_BENEFICIARY,
        lambda s, op, st, r: beneficiaries.register_beneficiary(
            s, op, beneficiary_form(), desk=st.desk, now=st.clock.now()
        ),
    ),
    "verify_beneficiary": (
        Permission.SECTS_VERIFY_BENEFICIARY,
        lambda s, op, st, r: beneficiaries.verify_beneficiary(s, op, r, desk=st.desk, now=st.clock.now()),
    ),
    "print_card_at_state": (
        Permission.SECTS_PRINT_CARD,
        lambda s, op, st, r: cards.print_card_at_state(
            s, op, "UPE00000001", desk=st.desk, now=st.clock.now()
        ),
    ),
    "find_beneficiary": (
        Permission.SECTS_VIEW,
        lambda s, op, st, r: beneficiaries.find_beneficiary(s, op, r, desk=st.desk),
    ),
}
OPERATOR_ROLES = [role for role in Role if role is not Role.EMPLOYEE]
FORBIDDEN = [
    (role, name)
    for name, (permission, _) in SERVICES.items()
    for role in OPERATOR_ROLES
    if permission not in PERMISSIONS[role]
]


def _counts(session: Session) -> tuple[int, int]:
    return (
        session.scalar(select(func.count()).select_from(OutboxEvent)) or 0,
        session.scalar(select(func.count()).select_from(AuditRow)) or 0,
    )


def _operator(sects: SectsStation, role: Role, ddo: Operator) -> Operator:
    if role is Role.DDO:
        return ddo
    if role is Role.ADMIN:
        return sects.ops["admin"]
    return next(op for op in sects.ops.values() if op.role is role)


@pytest.mark.parametrize(("role", "service"), FORBIDDEN, ids=[f"{r.name.lower()}-{n}" for r, n in FORBIDDEN])
def test_a_role_without_the_permission_is_refused_and_nothing_is_written(
    sects: SectsStation, role: Role, service: str
) -> None:
    ddo = verified_officer(sects)
    registration = released_registration(sects)
    permission, call = SERVICES[service]
    with sects.store.read() as s:
        before = _counts(s)
    with pytest.raises(PermissionDenied, match=re.escape(permission.value)), sects.store.transaction() as s:
        call(s, _operator(sects, role, ddo), sects, registration)
    with sects.store.read() as s:
        assert _counts(s) == before


def test_an_employee_login_prints_only_its_own_card_and_nothing_else(sects: SectsStation) -> None:
    ddo = verified_officer(sects)
    registration = released_registration(sects)
    with sects.store.transaction() as s:
        beneficiaries.verify_beneficiary(s, ddo, registration, desk=sects.desk, now=sects.clock.now())
    login = EmployeeLogin("UPE00000001", sects.clock.now())
    with pytest.raises(PermissionDenied, match="has expired"), sects.store.transaction() as s:
        cards.self_print_card(s, login, desk=sects.desk, now=sects.clock.now())
    assert Permission.SECTS_SELF_PRINT in PERMISSIONS[Role.EMPLOYEE]
    assert PERMISSIONS[Role.EMPLOYEE] == {Permission.SECTS_SELF_PRINT}


def test_the_station_roles_have_no_sects_permission_and_sects_roles_no_echs_one() -> None:
    sects_permissions = {p for p in Permission if p.name.startswith("SECTS_")}
    for role in (Role.CLERK, Role.VERIFIER, Role.COUNTER, Role.TECHNICIAN, Role.ADMIN):
        assert not PERMISSIONS[role] & sects_permissions
    for role in (Role.COORDINATOR, Role.DDO, Role.STATE_CELL, Role.EMPLOYEE):
        assert PERMISSIONS[role] <= sects_permissions
