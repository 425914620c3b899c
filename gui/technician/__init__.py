"""The technician's self-test screen."""

from card_station.store.roles import Role
from gui.i18n import tr
from gui.shell.registry import ScreenSpec
from gui.technician.screen import TechnicianScreen

SCREENS = (
    ScreenSpec(
        key="technician.selftest",
        title=lambda: tr("Self-test"),
        roles=frozenset({Role.TECHNICIAN}),
        factory=TechnicianScreen,
        order=90,
    ),
)
