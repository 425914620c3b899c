"""The issuing run at the desktop (issue 8; docs/issuing.md "The desktop screen"): the clerk issues the
store's verified applications, or a folder of application files, across every reader at once."""

from card_station.store.roles import Role
from gui.i18n import tr
from gui.issuing.screen import IssuingScreen
from gui.shell.registry import ScreenSpec

SCREENS = (
    ScreenSpec(
        key="issuing.run",
        title=lambda: tr("Issuing run"),
        roles=frozenset({Role.CLERK}),
        factory=IssuingScreen,
        order=25,
    ),
)
