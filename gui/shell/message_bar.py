"""The message bar at the top of the main window (``Feedback.error`` / ``info``); Esc closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from gui.i18n import tr
from gui.shell.feedback import Tone

_STYLE = {
    Tone.ERROR: "background: #fde7e9; color: #8b0000; border: 2px solid #b00020;",
    Tone.INFO: "background: #e8f0fe; color: #0b3d91; border: 2px solid #3367d6;",
}


class MessageBar(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("message-bar")
        self.text = QLabel()
        self.text.setObjectName("message-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.tone: Tone | None = None
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setText(tr("Close (Esc)"))

    def show_message(self, tone: Tone, text: str) -> None:
        self.tone = tone
        self.setStyleSheet(f"QFrame#message-bar {{ {_STYLE[tone]} }}")
        self.text.setText(text)
        self.show()
