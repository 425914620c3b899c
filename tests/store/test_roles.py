"""Every role tried on every service it must not use: refused with PermissionDenied, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from station_fixtures import PASSWORD

from card_station.domain.records import Application, Service
from card_station.services import applications as apps
from card_station.services import operators
from card_station.store.models import AuditRow, OutboxEvent, TransitionRow
from card_station.store.models.operators import Operator
from card_station.store.roles import PERMISSIONS, Actor, Permission, PermissionDenied, Role, require
from tests.store.conftest import Station
from tests.store.test_lifecycle import issue_to_active


@dataclass(frozen=True)
class Target:
    submitted: str
    active: str
    serial: str


Call = Callable[[Session, Operator, Station, Target], Any]

SERVICES: dict[str, tuple[Permission, Call]] = {
    "enter_application": (
        Permission.ENTER_APPLICATION,
        lambda s, op, st, t: apps.enter_application(
            s, op, _fresh_application(), mobile=None, aadhaar=None, data_key=st.data_key, now=st.clock.now()
        ),
    ),
    "submit_application": (
        Permission.SUBMIT_APPLICATION,
        lambda s, op, st, t: apps.submit_application(s, op, t.submitted, now=st.clock.now()),
    ),
    "return_application": (
        Permission.VERIFY_APPLICATION,
        lambda s, op, st, t: apps.return_application(s, op, t.submitted, now=st.clock.now()),
    ),
    "verify_application": (
        Permission.VERIFY_APPLICATION,
        lambda s, op, st, t: apps.verify_application(s, op, t.submitted, now=st.clock.now()),
    ),
    "record_card_personalised": (
        Permission.PERSONALISE_CARD,
        lambda s, op, st, t: apps.record_card_personalised(
            s, op, t.submitted, serials=["NEW"], layout_version=1, now=st.clock.now()
        ),
    ),
    "record_otp_sent": (
        Permission.SEND_OTP,
        lambda s, op, st, t: apps.record_otp_sent(
            s, op, t.submitted, otp_mac=b"\0" * 32, expires_at=st.clock.now(), now=st.clock.now()
        ),
    ),
    "record_handover": (
        Permission.HAND_OVER,
        lambda s, op, st, t: apps.record_handover(
            s, op, t.submitted, activation_at=st.clock.now(), now=st.clock.now()
        ),
    ),
    "activate_application": (
        Permission.HAND_OVER,
        lambda s, op, st, t: apps.activate_application(s, op, t.submitted, now=st.clock.now()),
    ),
    "block_card": (
        Permission.BLOCK_CARD,
        lambda s, op, st, t: apps.block_card(s, op, t.serial, reason="test", now=st.clock.now()),
    ),
    "unblock_card": (
        Permission.UNBLOCK_CARD,
        lambda s, op, st, t: apps.unblock_card(s, op, t.serial, reason="test", now=st.clock.now()),
    ),
    "report_card_lost": (
        Permission.REPORT_LOST,
        lambda s, op, st, t: apps.report_card_lost(s, op, t.serial, now=st.clock.now()),
    ),
    "order_duplicate": (
        Permission.REPORT_LOST,
        lambda s, op, st, t: apps.order_duplicate(s, op, t.active, now=st.clock.now()),
    ),
    "request_change": (
        Permission.REQUEST_CHANGE,
        lambda s, op, st, t: apps.request_change(s, op, t.active, now=st.clock.now()),
    ),
    "decide_change": (
        Permission.APPROVE_CHANGE,
        lambda s, op, st, t: apps.decide_change(s, op, t.active, approve=True, now=st.clock.now()),
    ),
    "find_member": (
        Permission.VIEW_MEMBER,
        lambda s, op, st, t: apps.find_member(s, op, Service.ARMY, "JC-1"),
    ),
    "search_members": (
        Permission.VIEW_MEMBER,
        lambda s, op, st, t: apps.search_members(s, op, "Ram"),
    ),
    "reveal_mobile": (
        Permission.SEND_OTP,
        lambda s, op, st, t: apps.reveal_mobile(s, op, "m", data_key=st.data_key),
    ),
    "create_operator": (
        Permission.MANAGE_OPERATORS,
        lambda s, op, st, t: operators.create_operator(
            s, op, "newbie", display_name="N", role=Role.CLERK, password=PASSWORD, now=st.clock.now()
        ),
    ),
    "unlock_operator": (
        Permission.MANAGE_OPERATORS,
        lambda s, op, st, t: operators.unlock_operator(s, op, "clerk", now=st.clock.now()),
    ),
    "deactivate_operator": (
        Permission.MANAGE_OPERATORS,
        lambda s, op, st, t: operators.deactivate_operator(s, op, "clerk", now=st.clock.now()),
    ),
}

ROLE_USER = {
    Role.CLERK: "clerk",
    Role.VERIFIER: "verifier",
    Role.COUNTER: "counter",
    Role.TECHNICIAN: "technician",
    Role.ADMIN: "admin",
}
FORBIDDEN = [
    (role, name)
    for name, (permission, _) in SERVICES.items()
    for role in ROLE_USER  # the station's roles; the SECTS roles are tried in tests/sects/registration
    if permission not in PERMISSIONS[role]
]


def _fresh_application() -> Application:
    from dataclasses import replace
    from datetime import date

    from card_station.domain.records import CardSize
    from tests.store.conftest import SAMPLE_MEMBER

    return Application(
        replace(SAMPLE_MEMBER, service_number="NEW-1"), date(2026, 11, 1), CardSize.KB32, "Delhi"
    )


def _counts(session: Session) -> tuple[int, int, int]:
    return (
        session.scalar(select(func.count()).select_from(OutboxEvent)) or 0,
        session.scalar(select(func.count()).select_from(AuditRow)) or 0,
        session.scalar(select(func.count()).select_from(TransitionRow)) or 0,
    )


@pytest.fixture
def target(station: Station, make_application: Callable[..., Application]) -> Target:
    active = issue_to_active(station, make_application(service_number="JC-1"))
    with station.store.transaction() as s:
        submitted = apps.enter_application(
            s,
            station.ops["clerk"],
            make_application(service_number="JC-2"),
            mobile=None,
            aadhaar=None,
            data_key=station.data_key,
            now=station.clock.now(),
        ).key
        apps.submit_application(s, station.ops["clerk"], submitted, now=station.clock.now())
    station.clock.advance(timedelta(minutes=1))
    return Target(submitted=submitted, active=active, serial="JC-1-0")


def test_every_service_is_listed_with_its_permission() -> None:
    public = {name for name in apps.__all__ if name[0].islower()} | {
        "create_operator",
        "unlock_operator",
        "deactivate_operator",
    }
    assert public == set(SERVICES)


@pytest.mark.parametrize(("role", "service"), FORBIDDEN, ids=[f"{r.name.lower()}-{n}" for r, n in FORBIDDEN])
def test_role_is_refused_and_nothing_is_written(
    station: Station, target: Target, role: Role, service: str
) -> None:
    permission, call = SERVICES[service]
    with station.store.transaction() as s:
        before = _counts(s)
    with pytest.raises(PermissionDenied, match=permission.value), station.store.transaction() as s:
        call(s, station.ops[ROLE_USER[role]], station, target)
    with station.store.transaction() as s:
        assert _counts(s) == before


def test_a_deactivated_operator_is_refused_at_once(station: Station, target: Target) -> None:
    with station.store.transaction() as s:
        operators.deactivate_operator(s, station.ops["admin"], "clerk", now=station.clock.now())
    with pytest.raises(PermissionDenied, match="deactivated"), station.store.transaction() as s:
        apps.submit_application(s, station.ops["clerk"], target.submitted, now=station.clock.now())


@dataclass(frozen=True)
class _Someone:
    username: str
    role: Role
    active: bool = True


@pytest.mark.parametrize("role", list(Role))
def test_require_grants_exactly_the_table(role: Role) -> None:
    actor: Actor = _Someone("x", role)
    for permission in Permission:
        if permission in PERMISSIONS[role]:
            require(actor, permission)
        else:
            with pytest.raises(PermissionDenied, match="that needs the role"):
                require(actor, permission)
