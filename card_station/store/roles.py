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
}
"""Who may do what. Blocking is open to the clerk, the counter (a card reported lost at the polyclinic) and
the admin, because a block protects the scheme and is always audited; unblocking is the admin's alone."""


class PermissionDenied(PermissionError):
    """The operator's role does not allow the action; nothing was changed."""


class Actor(Protocol):
    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Role: ...

    @property
    def active(self) -> bool: ...


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
