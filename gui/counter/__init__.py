"""The polyclinic counter screen."""

from card_station.store.roles import Role
from gui.counter.screen import CounterScreen
from gui.i18n import tr
from gui.shell.registry import ScreenSpec

SCREENS = (
    ScreenSpec(
        key="counter.read",
        title=lambda: tr("Counter: read card, issue token"),
        roles=frozenset({Role.COUNTER}),
        factory=CounterScreen,
        order=5,
    ),
)
