"""The main window: the screens the operator's role may use, a message bar, menus with shortcuts, the
status bar. Keyboard: Ctrl+1..9 open the screens in navigation order, Ctrl+L logs out, Ctrl+Shift+E /
Ctrl+Shift+H switch to English / Hindi, Esc closes the message bar, F4 opens the reader choice, Ctrl+Q
quits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import Language, Translations, tr
from gui.shell.context import AppContext
from gui.shell.message_bar import MessageBar
from gui.shell.registry import ScreenSpec
from gui.shell.status import READER_KEY, StationStatusBar

NAVIGATION_WIDTH = (160, 340)
"""The navigation list's narrowest and widest width in pixels."""


class MainWindow(QMainWindow):
    logout_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self, context: AppContext, specs: tuple[ScreenSpec, ...], translations: Translations
    ) -> None:
        super().__init__()
        self.setObjectName("main")
        self.context = context
        self.specs = specs
        self._translations = translations
        self.message_bar = MessageBar()
        context.feedback.message.connect(self.message_bar.show_message)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.screens: dict[str, QWidget] = {}
        for spec in specs:
            screen = spec.factory(context)
            screen.setObjectName(spec.key)
            self.screens[spec.key] = screen
            self.stack.addWidget(screen)
            self.navigation.addItem("")
        self.navigation.currentRowChanged.connect(self._show_row)
        self.empty = QLabel()
        self.empty.setObjectName("no-screens")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("font-size: 16pt;")
        if not specs:
            self.stack.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.status = StationStatusBar(context)
        self.setStatusBar(self.status)
        self._build_menus()
        for index in range(min(len(specs), 9)):
            QShortcut(
                QKeySequence(f"Ctrl+{index + 1}"), self, lambda i=index: self.navigation.setCurrentRow(i)
            )
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.message_bar.hide)
        QShortcut(QKeySequence(READER_KEY), self, self.status.choose_reader)
        self.resize(1280, 800)
        self.retranslate()
        if specs:
            self.navigation.setCurrentRow(0)

    def _build_menus(self) -> None:
        self.session_menu = self.menuBar().addMenu("")
        self.logout_action = QAction(self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+L"))
        self.logout_action.triggered.connect(self.logout_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quit_requested)
        self.session_menu.addActions([self.logout_action, self.quit_action])
        self.language_menu = self.menuBar().addMenu("")
        self.language_actions: dict[Language, QAction] = {}
        for language, keys in ((Language.ENGLISH, "Ctrl+Shift+E"), (Language.HINDI, "Ctrl+Shift+H")):
            action = QAction(language.native_name, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, chosen=language: self._translations.switch(chosen))
            self.language_menu.addAction(action)
            self.language_actions[language] = action

    def current_key(self) -> str | None:
        row = self.navigation.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else None

    def show_screen(self, key: str) -> None:
        self.navigation.setCurrentRow([spec.key for spec in self.specs].index(key))

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        screen = self.stack.currentWidget()
        activated = getattr(screen, "activated", None)
        if callable(activated):
            activated()
        screen.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate(self) -> None:
        op = self.context.operator
        self.setWindowTitle(tr("Card Station: {name}").format(name=op.display_name))
        for row, spec in enumerate(self.specs):
            self.navigation.item(row).setText(f"{row + 1}. {spec.title()}")
        self._fit_navigation()
        self.session_menu.setTitle(tr("&Session"))
        self.logout_action.setText(tr("&Log out"))
        self.quit_action.setText(tr("&Quit"))
        self.language_menu.setTitle(tr("L&anguage"))
        self.empty.setText(
            tr("There is no screen for your role ({role}) at this station. Log out with Ctrl+L.").format(
                role=tr(op.role.value)
            )
        )
        self.message_bar.retranslate()
        for screen in self.screens.values():
            retranslate = getattr(screen, "retranslate", None)
            if callable(retranslate):
                retranslate()

    def _fit_navigation(self) -> None:
        """Wide enough for the longest title in the current language, within NAVIGATION_WIDTH."""
        wanted = self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 16
        self.navigation.setFixedWidth(max(NAVIGATION_WIDTH[0], min(wanted, NAVIGATION_WIDTH[1])))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
