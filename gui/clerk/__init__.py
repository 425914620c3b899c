"""The card issuing clerk's screens at Station HQ (issue 7 "Clerk"; docs/gui-clerk.md).

The verifier sees Applications (to verify or return) and Handover (to reissue a locked OTP); the
polyclinic counter operator sees Handover for the audited OTP request of seed 000 §5(b)-(c). The services
check every permission again (``store.roles.require``); the list here only decides what is shown.
"""

from card_station.store.roles import Role
from gui.clerk.applications import ApplicationsScreen
from gui.clerk.cards_screen import CardsScreen
from gui.clerk.fma_screen import FmaScreen
from gui.clerk.handover_screen import HandoverScreen
from gui.clerk.personalise import PersonaliseScreen
from gui.i18n import tr
from gui.shell.registry import ScreenSpec

SCREENS = (
    ScreenSpec(
        key="clerk.applications",
        title=lambda: tr("Applications"),
        roles=frozenset({Role.CLERK, Role.VERIFIER}),
        factory=ApplicationsScreen,
        order=10,
    ),
    ScreenSpec(
        key="clerk.personalise",
        title=lambda: tr("Personalise cards"),
        roles=frozenset({Role.CLERK}),
        factory=PersonaliseScreen,
        order=20,
    ),
    ScreenSpec(
        key="clerk.handover",
        title=lambda: tr("Handover (OTP)"),
        roles=frozenset({Role.CLERK, Role.VERIFIER, Role.COUNTER}),
        factory=HandoverScreen,
        order=30,
    ),
    ScreenSpec(
        key="clerk.fma",
        title=lambda: tr("FMA: No OPD"),
        roles=frozenset({Role.CLERK}),
        factory=FmaScreen,
        order=40,
    ),
    ScreenSpec(
        key="clerk.cards",
        title=lambda: tr("Lost cards and duplicates"),
        roles=frozenset({Role.CLERK}),
        factory=CardsScreen,
        order=45,
    ),
)
