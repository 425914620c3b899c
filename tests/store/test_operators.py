"""Operator login: scrypt with a per-operator salt, lockout after repeated failures, every attempt audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from station_fixtures import PASSWORD, START

from card_station.services import operators
from card_station.services.operators import MAX_FAILED_LOGINS, LoginRefusal
from card_station.store.models import AuditRow
from card_station.store.models.operators import Operator
from card_station.store.passwords import WeakPassword, hash_password, password_matches
from card_station.store.roles import PermissionDenied, Role
from tests.store.conftest import Station


def _login(station: Station, username: str, password: str) -> operators.LoginResult:
    with station.store.transaction() as s:
        return operators.login(s, username, password, now=station.clock.now())


def _last_audit(station: Station) -> AuditRow:
    with station.store.transaction() as s:
        return s.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1)).one()


def test_login_succeeds_with_the_right_password_and_is_audited(station: Station) -> None:
    result = _login(station, "clerk", PASSWORD)
    assert result.operator is not None
    assert result.operator.role is Role.CLERK
    entry = _last_audit(station)
    assert (entry.action, entry.operator, entry.subject) == ("login", "clerk", "clerk")
    assert PASSWORD not in entry.details


def test_wrong_password_and_unknown_user_get_the_same_refusal(station: Station) -> None:
    assert _login(station, "clerk", "wrong password!").refusal is LoginRefusal.BAD_CREDENTIALS
    assert _login(station, "nobody", PASSWORD).refusal is LoginRefusal.BAD_CREDENTIALS
    assert _last_audit(station).action == "login.failed"


def test_lockout_after_repeated_failures_then_expiry(station: Station) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        assert _login(station, "clerk", "wrong password!").operator is None
    assert _login(station, "clerk", PASSWORD).refusal is LoginRefusal.LOCKED
    station.clock.advance(operators.LOCKOUT + timedelta(seconds=1))
    assert _login(station, "clerk", PASSWORD).operator is not None


def test_admin_unlocks_a_locked_operator(station: Station) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        _login(station, "clerk", "wrong password!")
    with station.store.transaction() as s:
        operators.unlock_operator(s, station.ops["admin"], "clerk", now=station.clock.now())
    assert _login(station, "clerk", PASSWORD).operator is not None


def test_a_successful_login_resets_the_failure_count(station: Station) -> None:
    for _ in range(MAX_FAILED_LOGINS - 1):
        _login(station, "clerk", "wrong password!")
    assert _login(station, "clerk", PASSWORD).operator is not None
    for _ in range(MAX_FAILED_LOGINS - 1):
        _login(station, "clerk", "wrong password!")
    assert _login(station, "clerk", PASSWORD).operator is not None


def test_deactivated_operator_cannot_log_in(station: Station) -> None:
    with station.store.transaction() as s:
        operators.deactivate_operator(s, station.ops["admin"], "counter", now=station.clock.now())
    assert _login(station, "counter", PASSWORD).refusal is LoginRefusal.DEACTIVATED


def test_passwords_are_salted_scrypt_hashes(station: Station) -> None:
    with station.store.transaction() as s:
        rows = s.scalars(select(Operator)).all()
    assert len({row.password_salt for row in rows}) == len(rows)
    assert len({row.password_hash for row in rows}) == len(rows)
    assert all(PASSWORD.encode() not in row.password_hash for row in rows)
    salt, digest = hash_password("another good one")
    assert password_matches("another good one", salt, digest)
    assert not password_matches("another good onE", salt, digest)


@pytest.mark.parametrize(
    ("username", "password", "error"),
    [
        ("newbie", "short", WeakPassword),
        ("newbie", "newbie-is-my-name", WeakPassword),
        ("clerk", PASSWORD, operators.OperatorError),
        (" spaced", PASSWORD, operators.OperatorError),
    ],
)
def test_bad_new_operators_are_refused(
    station: Station, username: str, password: str, error: type[Exception]
) -> None:
    with pytest.raises(error), station.store.transaction() as s:
        operators.create_operator(
            s,
            station.ops["admin"],
            username,
            display_name="N",
            role=Role.CLERK,
            password=password,
            now=station.clock.now(),
        )


def test_bootstrap_only_on_an_empty_station(station: Station) -> None:
    with (
        pytest.raises(operators.OperatorError, match="already has operators"),
        station.store.transaction() as s,
    ):
        operators.bootstrap_admin(s, "root2", "Root", PASSWORD, now=station.clock.now())


def test_an_admin_cannot_deactivate_themselves(station: Station) -> None:
    with pytest.raises(operators.OperatorError, match="own account"), station.store.transaction() as s:
        operators.deactivate_operator(s, station.ops["admin"], "admin", now=station.clock.now())


def test_only_the_state_cell_makes_a_ddo_login_and_only_of_the_role_ddo(station: Station) -> None:
    """Seed 001 annexure 1, bullet 11: "राज्य स्तरीय प्रकोष्ठ द्वारा ... यूजर आई०डी० एवं पासवर्ड प्रेषित कर
    दिया जायेगा" (the state cell sends the user ID and password)."""
    for not_state_cell in ("clerk", "admin", "coordinator"):
        with pytest.raises(PermissionDenied), station.store.transaction() as s:
            operators.create_officer_login(
                s,
                station.ops[not_state_cell],
                "DDO-6601-00023",
                display_name="CMO",
                password=PASSWORD,
                now=START,
            )
    with station.store.transaction() as s:
        login = operators.create_officer_login(
            s, station.ops["statecell"], "DDO-6601-00023", display_name="CMO", password=PASSWORD, now=START
        )
        assert login.role is Role.DDO
    entry = _last_audit(station)
    assert (entry.action, entry.operator, entry.subject) == (
        "operator.created",
        "statecell",
        "DDO-6601-00023",
    )
    assert _login(station, "DDO-6601-00023", PASSWORD).operator is not None
