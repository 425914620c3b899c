"""English and Hindi (issue 7 "Everyone"): switched live from the login window and from the main window
by keyboard, every visible label follows, a font with Devanagari is installed, and the Hindi catalogue
covers every text of the shell, the counter and the technician."""

from __future__ import annotations

import re
from pathlib import Path

from gui_helpers import issue_card, log_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from pytestqt.qtbot import QtBot

from apdu.emulator.stack import EmulatorStack
from gui.app import CardStationApp
from gui.counter.screen import CounterScreen
from gui.i18n import Language, load_ts, missing_devanagari_font
from gui.i18n.update_ts import TS_PATH, labels, texts_in

GUI_DIR = Path(__file__).resolve().parents[2] / "gui"


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w*)\}", text))


OURS = ("shell", "counter", "technician", "widgets", "worker", "i18n")


def test_every_text_of_the_shell_counter_and_technician_has_a_hindi_translation() -> None:
    table = load_ts(TS_PATH)
    texts = {text for folder in OURS for path in (GUI_DIR / folder).rglob("*.py") for text in texts_in(path)}
    texts |= set(labels())
    missing = sorted(text for text in texts if ("gui", text) not in table)
    assert missing == []
    lost = [text for text in texts if _fields(text) != _fields(table[("gui", text)])]
    assert lost == []
    broken = [table[("gui", text)] for text in texts if re.search(r"&(?![A-Za-z&])", table[("gui", text)])]
    assert broken == [], "a mnemonic before a Devanagari letter splits its cluster: write (&X) instead"


def test_a_font_with_devanagari_is_installed(qapp: object) -> None:
    assert missing_devanagari_font() is None
    family = QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari)[0]
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "कार्ड डालें")


def test_switch_to_hindi_at_login_and_back_in_the_main_window(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    login = gui_shell.login
    assert login.submit.text() == "&Log in"
    login.language.setFocus()
    qtbot.keyClick(login.language, Qt.Key.Key_Down)
    assert gui_shell.translations.language is Language.HINDI
    assert login.submit.text() == "लॉग इन करें (&L)"
    assert login.windowTitle() == "कार्ड स्टेशन: लॉग इन"
    issue_card(gui_shell.station, gui_stack.reader_names[0])
    main = log_in(qtbot, gui_shell, "counter")
    screen = main.screens["counter.read"]
    assert isinstance(screen, CounterScreen)
    qtbot.waitUntil(lambda: screen.read is not None, timeout=10_000)
    assert screen.banner.message == "सक्रिय: असली कार्ड"
    assert main.navigation.item(0).text() == "1. काउंटर: कार्ड पढ़ें, टोकन दें"
    assert main.status.operator.text() == "ऑपरेटर: Counter (टोकन काउंटर ऑपरेटर)"
    assert screen.persons.item(0).text().splitlines()[2] == "ओपीडी अनुमत"
    qtbot.keyClick(
        main, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert gui_shell.translations.language is Language.ENGLISH
    assert screen.banner.message == "ACTIVE: GENUINE CARD"
    assert main.navigation.item(0).text() == "1. Counter: read card, issue token"
    assert screen.persons.item(0).text().splitlines()[2] == "OPD allowed"
    qtbot.keyClick(
        main, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert screen.issue_button.text() == "टोकन दें (&I, Enter)"
    main.logout_action.trigger()
    assert login.language.currentData() is Language.HINDI
