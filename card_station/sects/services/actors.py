"""Who is acting: a station operator re-read from the database, or an employee logged in by OTP.

Why re-read the operator: a role change or deactivation must take effect at once, whatever object the
screen still holds (``services.operators.current_operator``). Why the employee is not an operator row:
seed 001 annexure 2, bullet 7(b) logs the employee in with the user ID and an OTP, no password; the
``EmployeeLogin`` that a successful OTP check returns carries the role ``EMPLOYEE`` and the user ID, and
is good for ``LOGIN_VALIDITY`` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from card_station.services.operators import current_operator
from card_station.store.models.operators import Operator
from card_station.store.roles import Permission, PermissionDenied, Role, require

LOGIN_VALIDITY = timedelta(minutes=15)


@dataclass(frozen=True)
class EmployeeLogin:
    """An employee or pensioner logged in for self-printing; ``username`` is the user ID."""

    username: str
    expires_at: datetime
    role: Role = Role.EMPLOYEE
    active: bool = True


def operator_may(session: Session, operator: Operator, permission: Permission) -> Operator:
    """The operator as stored now, after checking it may do ``permission``; ``PermissionDenied`` otherwise."""
    actor = current_operator(session, operator)
    require(actor, permission)
    return actor


def employee_may(login: EmployeeLogin, permission: Permission, *, now: datetime) -> EmployeeLogin:
    require(login, permission)
    if now >= login.expires_at:
        raise PermissionDenied(f"the log-in of {login.username} has expired; log in again with a new OTP")
    return login
