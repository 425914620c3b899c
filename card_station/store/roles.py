"""Roles and what each may do, as data (issue 5, "Roles and audit").

Why a table and not checks scattered through the GUI: every service function calls ``require`` itself, so
a permission holds whether the call comes from a screen, the CLI or a script. The split follows the
maker-checker rule (seed 001 DDO verification, seed 002 Record Office verification): the clerk who enters
an application cannot verify it, the verifier cannot personalise or hand over cards, and the admin manages
operators and the audit trail but touches no member's application.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol


class Role(Enum):
    CLERK = "card issuing clerk"
    VERIFIER = "verifier (DDO / Record Office check)"
    COUNTER = "token counter operator"
    TECHNICIAN = "technician"
    ADMIN = "administrator"
    COORDINATOR = "SECTS district coordinator (registration desk)"
    DDO = "SECTS DDO/TO (drawing and disbursing or treasury officer)"
    STATE_CELL = "SECTS state cell (राज्य स्तरीय प्रकोष्ठ)"
    EMPLOYEE = "SECTS employee or pensioner (self-print)"


class Permission(Enum):
    ENTER_APPLICATION = "enter or edit an application"
    SUBMIT_APPLICATION = "submit an application for verification"
    VERIFY_APPLICATION = "verify or return an application"
    PERSONALISE_CARD = "record a personalised card"
    SEND_OTP = "send the handover OTP"
    HAND_OVER = "hand cards over"
    BLOCK_CARD = "block a card"
    UNBLOCK_CARD = "unblock a card"
    REPORT_LOST = "report a card lost and order a duplicate"
    REQUEST_CHANGE = "request a change of data"
    APPROVE_CHANGE = "approve a change of data"
    VIEW_MEMBER = "view a member's record"
    REQUEST_OTP = "request the handover OTP for a beneficiary (audited fallback)"
    ISSUE_TOKEN = "issue a counter token"  # noqa: S105 (a permission name, not a secret)
    SELF_TEST = "run the self-test"
    BACKUP_DATABASE = "back up the database"
    EXPORT = "export data"
    MANAGE_OPERATORS = "create, lock and unlock operators"
    VERIFY_AUDIT = "verify the audit trail"
    SECTS_REGISTER_OFFICER = "register a DDO/TO and add its offices (SECTS)"
    SECTS_VERIFY_OFFICER = "mark a DDO/TO registration verified (SECTS state cell)"
    SECTS_REGISTER_BENEFICIARY = "register an employee or pensioner (SECTS)"
    SECTS_VERIFY_BENEFICIARY = "verify an employee or pensioner registration (SECTS DDO/TO)"
    SECTS_PRINT_CARD = "print SECTS health cards at state level"
    SECTS_SELF_PRINT = "print one's own SECTS health card"
    SECTS_VIEW = "view SECTS registrations"


_P = Permission
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {
            _P.ENTER_APPLICATION,
            _P.SUBMIT_APPLICATION,
            _P.PERSONALISE_CARD,
            _P.SEND_OTP,
            _P.HAND_OVER,
            _P.BLOCK_CARD,
            _P.REPORT_LOST,
            _P.REQUEST_CHANGE,
            _P.VIEW_MEMBER,
        }
    ),
    Role.VERIFIER: frozenset({_P.VERIFY_APPLICATION, _P.APPROVE_CHANGE, _P.VIEW_MEMBER}),
    Role.COUNTER: frozenset({_P.VIEW_MEMBER, _P.ISSUE_TOKEN, _P.REQUEST_OTP, _P.BLOCK_CARD}),
    Role.TECHNICIAN: frozenset({_P.SELF_TEST, _P.BACKUP_DATABASE, _P.EXPORT}),
    Role.ADMIN: frozenset(
        {_P.MANAGE_OPERATORS, _P.VERIFY_AUDIT, _P.UNBLOCK_CARD, _P.BACKUP_DATABASE, _P.EXPORT, _P.BLOCK_CARD}
    ),
    Role.COORDINATOR: frozenset({_P.SECTS_REGISTER_OFFICER, _P.SECTS_REGISTER_BENEFICIARY, _P.SECTS_VIEW}),
    Role.DDO: frozenset({_P.SECTS_REGISTER_BENEFICIARY, _P.SECTS_VERIFY_BENEFICIARY, _P.SECTS_VIEW}),
    Role.STATE_CELL: frozenset({_P.SECTS_VERIFY_OFFICER, _P.SECTS_PRINT_CARD, _P.SECTS_VIEW}),
    Role.EMPLOYEE: frozenset({_P.SECTS_SELF_PRINT}),
}
"""Who may do what. Blocking is open to the clerk, the counter (a card reported lost at the polyclinic) and
the admin, because a block protects the scheme and is always audited; unblocking is the admin's alone.

The SECTS roles (seed 001) follow its annexures: the district coordinator ("जिला समन्वयक", covering letter
para 3) enters DDO/TO forms and may enter employees' forms; the DDO/TO enters and verifies its employees'
forms (annexure 2, bullet 6), never one it entered itself (checked in ``sects.services``); the state cell
("राज्य स्तरीय प्रकोष्ठ", annexure 1, bullet 11) verifies DDO/TO forms and prints cards at state level; an
employee, logged in with the user ID and an OTP, prints only his own card (annexure 2, bullet 7(b))."""


class PermissionDenied(PermissionError):
    """The operator's role does not allow the action; nothing was changed."""


class Actor(Protocol):
    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Role: ...

    @property
    def active(self) -> bool: ...


class OperatorRef(Actor, Protocol):
    """Who is acting, as a service is handed it: the ORM ``Operator`` row or any record with its id (the
    desktop shell's logged-in operator). Services reload the row by ``id`` (``operators.current_operator``)
    and check the role on what the database holds now, so a stale record grants nothing."""

    @property
    def id(self) -> int: ...


def require(actor: Actor, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` is an active operator whose role grants ``permission``."""
    if not actor.active:
        raise PermissionDenied(f"operator {actor.username!r} is deactivated and may not {permission.value}")
    if permission not in PERMISSIONS[actor.role]:
        allowed = sorted(role.name.lower() for role, grants in PERMISSIONS.items() if permission in grants)
        raise PermissionDenied(
            f"operator {actor.username!r} ({actor.role.name.lower()}) may not {permission.value}; "
            f"that needs the role: {', '.join(allowed)}"
        )
