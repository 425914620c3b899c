"""The reader a clerk's card action uses: the readers pcscd reports, the status bar's choice first.

Why editable: a station with one reader never has to choose, and a reader that pcscd names later (plugged
in while the screen is open) or a reader name typed from the label on the device both work.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from gui.i18n import tr
from gui.worker import ReaderState, ReaderWorker


class ReaderPicker(QComboBox):
    def __init__(self, worker: ReaderWorker) -> None:
        super().__init__()
        self.setEditable(True)
        self._worker = worker
        worker.readers_changed.connect(self._readers_changed)
        self._readers_changed(worker.readers())

    def _readers_changed(self, readers: tuple[ReaderState, ...]) -> None:
        typed = self.currentText()
        self.clear()
        for state in readers:
            self.addItem(state.name, state.name)
            mark = tr("card present") if state.card_present else tr("empty")
            self.setItemData(self.count() - 1, mark)
        chosen = typed or self._worker.selected
        if chosen:
            self.setCurrentText(chosen)

    def chosen(self) -> str:
        """The reader name; ``ValueError`` saying what to do when there is none."""
        name = self.currentText().strip()
        if not name:
            raise ValueError(
                tr("no reader is chosen: connect a reader and pick it (Alt+R in the status bar)")
            )
        return name
