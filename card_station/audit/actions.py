"""What the audit trail records (issue 5: every login, card write, handover, OTP view or request, block
and export), as a closed set so that a typo cannot invent an action nobody looks for."""

from __future__ import annotations

from enum import Enum


class AuditAction(Enum):
    LOGIN = "login"
    LOGIN_FAILED = "login.failed"
    LOGIN_LOCKED = "login.locked"
    OPERATOR_CREATED = "operator.created"
    OPERATOR_UNLOCKED = "operator.unlocked"
    OPERATOR_DEACTIVATED = "operator.deactivated"
    APPLICATION_VERIFIED = "application.verified"
    CARD_WRITE = "card.write"
    HANDOVER = "handover"
    OTP_SENT = "otp.sent"
    OTP_VIEW = "otp.view"
    OTP_REQUEST = "otp.request"
    BLOCK = "card.block"
    UNBLOCK = "card.unblock"
    CARD_LOST = "card.lost"
    EXPORT = "export"
    BACKUP = "backup"
    SECTS_OFFICER_REGISTERED = "sects.officer.registered"
    SECTS_OFFICE_ADDED = "sects.office.added"
    SECTS_OTP_SENT = "sects.otp.sent"
    SECTS_OTP_REFUSED = "sects.otp.refused"
    SECTS_FORM_RELEASED = "sects.form.released"
    SECTS_FORM_PRINTED = "sects.form.printed"
    SECTS_OFFICER_VERIFIED = "sects.officer.verified"
    SECTS_BENEFICIARY_REGISTERED = "sects.beneficiary.registered"
    SECTS_BENEFICIARY_VERIFIED = "sects.beneficiary.verified"
    SECTS_BENEFICIARY_WITHDRAWN = "sects.beneficiary.withdrawn"
    SECTS_SELF_PRINT_LOGIN = "sects.login"
    SECTS_CARD_PRINTED = "sects.card.printed"
    SECTS_CHIP_READ = "sects.chip.read"
