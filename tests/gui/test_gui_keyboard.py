"""Keyboard-driven (issue 7 "Everyone"): every action of the shell, the counter and the technician is
reachable without a mouse: log in, move between screens, choose the reader, close a message, switch the
language, log out and quit."""

from __future__ import annotations

from gui_helpers import issue_card, log_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from apdu.emulator.stack import EmulatorStack
from gui.app import CardStationApp
from gui.counter.screen import CounterScreen
from gui.i18n import Language
from gui.technician.screen import TechnicianScreen

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_digits_walk_the_screens_and_ctrl_l_logs_out(qtbot: QtBot, gui_shell: CardStationApp) -> None:
    main = log_in(qtbot, gui_shell, "counter")
    keys = [spec.key for spec in main.specs]
    for index in reversed(range(len(keys))):
        qtbot.keyClick(main, getattr(Qt.Key, f"Key_{index + 1}"), CTRL)
        assert main.current_key() == keys[index]
        assert main.stack.currentWidget() is main.screens[keys[index]]
    qtbot.keyClick(main, Qt.Key.Key_L, CTRL)
    assert gui_shell.main is None
    assert gui_shell.login.isVisible()
    assert gui_shell.login.username.hasFocus() or gui_shell.login.focusWidget() is gui_shell.login.username


def test_a_refusal_shows_in_the_message_bar_and_esc_closes_it(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    issue_card(gui_shell.station, gui_stack.reader_names[0], handed_over=False)
    main = log_in(qtbot, gui_shell, "counter")
    screen = main.screens["counter.read"]
    assert isinstance(screen, CounterScreen)
    qtbot.waitUntil(lambda: screen.read is not None, timeout=10_000)
    screen.persons.setFocus()
    qtbot.keyClick(screen, Qt.Key.Key_I, CTRL)
    assert screen.issued is None
    assert main.message_bar.isVisible()
    assert main.message_bar.text.text().startswith("No token: the card is refused (NOT YET HANDED OVER: not")
    qtbot.keyClick(main, Qt.Key.Key_Escape)
    assert not main.message_bar.isVisible()


def test_language_and_quit_have_keys(qtbot: QtBot, gui_shell: CardStationApp) -> None:
    main = log_in(qtbot, gui_shell, "technician")
    qtbot.keyClick(main, Qt.Key.Key_H, CTRL_SHIFT)
    assert gui_shell.translations.language is Language.HINDI
    qtbot.keyClick(main, Qt.Key.Key_E, CTRL_SHIFT)
    assert gui_shell.translations.language is Language.ENGLISH
    with qtbot.waitSignal(main.quit_requested, timeout=1_000):
        qtbot.keyClick(main, Qt.Key.Key_Q, CTRL)


def test_every_button_has_a_mnemonic_or_a_named_key(qtbot: QtBot, gui_shell: CardStationApp) -> None:
    """A button without '&' and without a key in its label cannot be pressed from the keyboard except by
    tabbing to it: every button of the shell, the counter and the technician names its key."""
    for username, key in (("counter", "counter.read"), ("technician", "technician.selftest")):
        main = log_in(qtbot, gui_shell, username)
        screen = main.screens[key]
        assert isinstance(screen, CounterScreen | TechnicianScreen)
        buttons = [*screen.findChildren(QAbstractButton), *main.message_bar.findChildren(QAbstractButton)]
        assert buttons
        for button in buttons:
            text = button.text()
            assert "&" in text or "(" in text, text
        qtbot.keyClick(main, Qt.Key.Key_L, CTRL)
