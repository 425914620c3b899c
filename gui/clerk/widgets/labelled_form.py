"""A form whose labels follow the app's language: each label keeps its English text (marked for the
catalogue) and is its field's buddy, so Alt+<letter> and a language switch both work (docs/gui.md
"Translations")."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from gui.i18n import tr


class LabelledForm(QFormLayout):
    def __init__(self, *rows: tuple[str, QWidget]) -> None:
        super().__init__()
        self._labels: list[tuple[QLabel, str]] = []
        for english, field in rows:
            self._add_row(english, field)

    def _add_row(self, english: str, field: QWidget) -> None:
        """``field`` with the label ``tr(english)``, redone by ``retranslate``."""
        label = QLabel(tr(english))
        label.setBuddy(field)
        self._labels.append((label, english))
        self.addRow(label, field)

    def retranslate(self) -> None:
        for label, english in self._labels:
            label.setText(tr(english))
