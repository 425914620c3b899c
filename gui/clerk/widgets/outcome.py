"""The line under a clerk's action that says what happened: a refusal in red with the service's own
words (maker-checker, an illegal step), a success in green. It stays on the screen, unlike the shell's
message bar, so the clerk can read it back to the beneficiary; errors also go to the bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class Outcome(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.ok: bool | None = None

    def success(self, text: str) -> None:
        self.ok = True
        self.setStyleSheet("color: #1b5e20; font-weight: bold")
        self.setText(text)

    def refusal(self, text: str) -> None:
        self.ok = False
        self.setStyleSheet("color: #b00020; font-weight: bold")
        self.setText(text)

    def clear_outcome(self) -> None:
        self.ok = None
        self.setText("")
