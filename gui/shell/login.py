"""The operator login (issue 5 "Roles and audit": ``services.operators.login``; the refusal is committed
and audited by the service, the window only shows why)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from card_station.services.operators import LoginRefusal, login
from gui.i18n import Language, Translations, mark, tr
from gui.shell.context import OperatorInfo, Station

_REFUSALS = {
    LoginRefusal.BAD_CREDENTIALS: mark("Unknown username or wrong password."),
    LoginRefusal.LOCKED: mark(
        "The account is locked after repeated failures; try later or ask an administrator."
    ),
    LoginRefusal.DEACTIVATED: mark("The account is deactivated; ask an administrator."),
}


class LoginWindow(QWidget):
    """Username, password, language; Enter logs in. Emits ``logged_in`` with the operator."""

    logged_in = Signal(object)

    def __init__(self, station: Station, translations: Translations) -> None:
        super().__init__()
        self.setObjectName("login")
        self._station = station
        self._translations = translations
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for language in Language:
            self.language.addItem(language.native_name, language)
        self.language.setCurrentIndex(list(Language).index(translations.language))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.submit = QPushButton()
        self.submit.setObjectName("submit")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.attempt)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.attempt)
        self.refusal = QLabel()
        self.refusal.setObjectName("refusal")
        self.refusal.setStyleSheet("color: #b00020; font-weight: bold;")
        self.refusal.setWordWrap(True)
        self._labels = (QLabel(), QLabel(), QLabel())
        for label, buddy in zip(self._labels, (self.username, self.password, self.language), strict=True):
            label.setBuddy(buddy)
        form = QFormLayout()
        form.addRow(self._labels[0], self.username)
        form.addRow(self._labels[1], self.password)
        form.addRow(self._labels[2], self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.submit)
        layout.addWidget(self.refusal)
        layout.addStretch()
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.language)
        self.setTabOrder(self.language, self.submit)
        self.resize(520, 320)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Card Station: log in"))
        self.heading.setText(
            f"<h2>{tr('Card Station')}</h2><p>{tr('Log in with your operator account.')}</p>"
        )
        self._labels[0].setText(tr("&Username"))
        self._labels[1].setText(tr("&Password"))
        self._labels[2].setText(tr("&Language"))
        self.submit.setText(tr("&Log in"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(list(Language).index(self._translations.language))
        self.language.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self, index: int) -> None:
        self._translations.switch(self.language.itemData(index))

    def reset(self) -> None:
        """Empty for the next operator (a counter desk is shared: no name left from the last one)."""
        self.username.clear()
        self.password.clear()
        self.refusal.clear()
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def attempt(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        self.password.clear()
        if not username or not password:
            self.refusal.setText(tr("Enter your username and password."))
            return
        with self._station.store.transaction() as session:
            result = login(session, username, password, now=self._station.clock())
            operator = result.operator
            info = (
                None
                if operator is None
                else OperatorInfo(operator.id, operator.username, operator.display_name, operator.role)
            )
        if info is None:
            refusal = result.refusal or LoginRefusal.BAD_CREDENTIALS
            self.refusal.setText(tr(_REFUSALS[refusal]))
            self.password.setFocus()
            return
        self.refusal.clear()
        self.logged_in.emit(info)
