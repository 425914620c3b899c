"""What the issuing screen's tests share besides tests/issuing_samples.py (application files, blank cards,
entering applications, reading a card back): showing the screen as the active window (shortcuts reach only
the active window) and choosing its readers."""

from __future__ import annotations

import warnings

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.issuing.screen import IssuingScreen

SAMPLES = ("war-widow", "family-six-dependants")
CTRL = Qt.KeyboardModifier.ControlModifier
RUN_TIMEOUT_MS = 180_000


def shown(qtbot: QtBot, screen: IssuingScreen) -> IssuingScreen:
    """Show ``screen`` as the active window (the offscreen platform activates a window only when told)."""
    qtbot.addWidget(screen)
    screen.resize(1200, 900)
    screen.show()
    qtbot.waitExposed(screen)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(screen)
    assert screen.isActiveWindow()
    return screen


def only_readers(screen: IssuingScreen, names: list[str]) -> None:
    """Tick ``names`` in the screen's reader list and untick the others, as the operator would."""
    for row in range(screen.readers_list.count()):
        item = screen.readers_list.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)
