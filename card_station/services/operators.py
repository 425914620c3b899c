"""Operators: create, log in (with lockout), unlock, deactivate (issue 5, "Roles and audit").

Why login returns a result instead of raising on a wrong password: the failed attempt, the failure count
and the audit entry must be committed even though the login is refused, so the caller commits the
session in every case; raising would roll them back and let an attacker guess without limit. Why an
unknown username still costs one scrypt derivation: the refusal takes as long as a wrong password, so
response time does not tell which usernames exist. Lockout: ``MAX_FAILED_LOGINS`` wrong passwords in a
row lock the account for ``LOCKOUT``; an admin can unlock sooner; every refusal is audited.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from card_station import audit
from card_station.audit import AuditAction
from card_station.store.models.operators import Operator
from card_station.store.passwords import check_strength, hash_password, password_matches
from card_station.store.roles import OperatorRef, Permission, PermissionDenied, Role, require

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
_DUMMY_SALT = os.urandom(16)
_DUMMY_HASH = bytes(32)


class OperatorError(ValueError):
    """An operator cannot be created or changed as asked."""


class LoginRefusal(Enum):
    BAD_CREDENTIALS = "unknown username or wrong password"
    LOCKED = "the account is locked after repeated failures; try later or ask an administrator"
    DEACTIVATED = "the account is deactivated; ask an administrator"


@dataclass(frozen=True)
class LoginResult:
    """``operator`` on success; otherwise ``refusal`` says why. Commit the session either way."""

    operator: Operator | None
    refusal: LoginRefusal | None


def current_operator(session: Session, operator: OperatorRef) -> Operator:
    """The operator as the database holds it now (a role change or deactivation takes effect at once)."""
    current = session.get(Operator, operator.id)
    if current is None:
        raise PermissionDenied(f"operator {operator.username!r} no longer exists")
    return current


def bootstrap_admin(
    session: Session, username: str, display_name: str, password: str, *, now: datetime
) -> Operator:
    """Create the first administrator of an empty station; refused once any operator exists."""
    if session.scalar(select(func.count()).select_from(Operator)):
        raise OperatorError("the station already has operators; an administrator must create new ones")
    return _create(
        session, None, username, display_name=display_name, role=Role.ADMIN, password=password, now=now
    )


def create_operator(
    session: Session,
    admin: Operator,
    username: str,
    *,
    display_name: str,
    role: Role,
    password: str,
    now: datetime,
) -> Operator:
    actor = current_operator(session, admin)
    require(actor, Permission.MANAGE_OPERATORS)
    return _create(session, actor, username, display_name=display_name, role=role, password=password, now=now)


def create_officer_login(
    session: Session, state_cell: Operator, code: str, *, display_name: str, password: str, now: datetime
) -> Operator:
    """A verified SECTS DDO/TO's login: user ID its code, role DDO, made by the state cell as it verifies
    the officer (seed 001 annexure 1, bullet 11). The one operator made without ``MANAGE_OPERATORS``, and
    only of the role DDO."""
    actor = current_operator(session, state_cell)
    require(actor, Permission.SECTS_VERIFY_OFFICER)
    return _create(session, actor, code, display_name=display_name, role=Role.DDO, password=password, now=now)


def _create(
    session: Session,
    actor: Operator | None,
    username: str,
    *,
    display_name: str,
    role: Role,
    password: str,
    now: datetime,
) -> Operator:
    if not username or len(username) > 64 or not username.isprintable() or username.strip() != username:
        raise OperatorError("a username is 1-64 printable characters without leading or trailing spaces")
    if session.scalar(select(Operator.id).where(Operator.username == username)) is not None:
        raise OperatorError(f"username {username!r} is taken; choose another")
    check_strength(password, username)
    salt, digest = hash_password(password)
    operator = Operator(
        username=username,
        display_name=display_name,
        role=role,
        password_salt=salt,
        password_hash=digest,
        failed_logins=0,
        locked_until=None,
        active=True,
        created_at=now,
    )
    session.add(operator)
    session.flush()
    audit.record(session, actor, AuditAction.OPERATOR_CREATED, username, {"role": role.name}, now=now)
    return operator


def login(session: Session, username: str, password: str, *, now: datetime) -> LoginResult:
    operator = session.scalar(select(Operator).where(Operator.username == username))
    if operator is None:
        password_matches(password, _DUMMY_SALT, _DUMMY_HASH)
        audit.record(
            session, None, AuditAction.LOGIN_FAILED, username, {"reason": "unknown username"}, now=now
        )
        return LoginResult(None, LoginRefusal.BAD_CREDENTIALS)
    if operator.locked_until is not None and now < operator.locked_until:
        password_matches(password, _DUMMY_SALT, _DUMMY_HASH)
        audit.record(session, None, AuditAction.LOGIN_LOCKED, username, {"reason": "locked"}, now=now)
        return LoginResult(None, LoginRefusal.LOCKED)
    if not password_matches(password, operator.password_salt, operator.password_hash):
        operator.failed_logins += 1
        details: dict[str, str | int | bool | None] = {"failed_logins": operator.failed_logins}
        if operator.failed_logins >= MAX_FAILED_LOGINS:
            operator.locked_until = now + LOCKOUT
            details["locked"] = True
        audit.record(session, None, AuditAction.LOGIN_FAILED, username, details, now=now)
        return LoginResult(None, LoginRefusal.BAD_CREDENTIALS)
    if not operator.active:
        audit.record(session, None, AuditAction.LOGIN_FAILED, username, {"reason": "deactivated"}, now=now)
        return LoginResult(None, LoginRefusal.DEACTIVATED)
    operator.failed_logins = 0
    operator.locked_until = None
    audit.record(session, operator, AuditAction.LOGIN, username, {"role": operator.role.name}, now=now)
    return LoginResult(operator, None)


def _target(session: Session, username: str) -> Operator:
    target = session.scalar(select(Operator).where(Operator.username == username))
    if target is None:
        raise OperatorError(f"no operator is named {username!r}")
    return target


def unlock_operator(session: Session, admin: Operator, username: str, *, now: datetime) -> None:
    actor = current_operator(session, admin)
    require(actor, Permission.MANAGE_OPERATORS)
    target = _target(session, username)
    target.failed_logins = 0
    target.locked_until = None
    audit.record(session, actor, AuditAction.OPERATOR_UNLOCKED, username, {}, now=now)


def deactivate_operator(session: Session, admin: Operator, username: str, *, now: datetime) -> None:
    actor = current_operator(session, admin)
    require(actor, Permission.MANAGE_OPERATORS)
    target = _target(session, username)
    if target.id == actor.id:
        raise OperatorError("an administrator cannot deactivate their own account; ask another administrator")
    target.active = False
    audit.record(session, actor, AuditAction.OPERATOR_DEACTIVATED, username, {}, now=now)
