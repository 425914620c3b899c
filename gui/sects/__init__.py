"""The SECTS screens (issue 9 "Interfaces"; seed 001): DDO/TO registration, employee/pensioner
registration, DDO/TO verification, state-cell verification and printing, and self-print. Titles and
labels go through the app's catalogue (its Hindi is the circular's own words); the printed forms are
Hindi first, then English, as the scheme's forms are."""

from __future__ import annotations

from card_station.store.roles import Role
from gui.i18n import tr
from gui.sects import ddo_verification, employee_registration, officer_registration, self_print, state_cell
from gui.shell.registry import ScreenSpec

SECTS_ROLES = frozenset({Role.COORDINATOR, Role.DDO, Role.STATE_CELL})

SCREENS = (
    ScreenSpec(
        key="sects.officer_registration",
        title=lambda: tr(officer_registration.TITLE),
        roles=frozenset({Role.COORDINATOR}),
        factory=officer_registration.OfficerRegistrationScreen,
        order=60,
    ),
    ScreenSpec(
        key="sects.employee_registration",
        title=lambda: tr(employee_registration.TITLE),
        roles=frozenset({Role.COORDINATOR, Role.DDO}),
        factory=employee_registration.EmployeeRegistrationScreen,
        order=61,
    ),
    ScreenSpec(
        key="sects.ddo_verification",
        title=lambda: tr(ddo_verification.TITLE),
        roles=frozenset({Role.DDO}),
        factory=ddo_verification.DdoVerificationScreen,
        order=62,
    ),
    ScreenSpec(
        key="sects.state_cell",
        title=lambda: tr(state_cell.TITLE),
        roles=frozenset({Role.STATE_CELL}),
        factory=state_cell.StateCellScreen,
        order=63,
    ),
    ScreenSpec(
        key="sects.self_print",
        title=lambda: tr(self_print.TITLE),
        roles=SECTS_ROLES,
        factory=self_print.SelfPrintScreen,
        order=64,
    ),
)
