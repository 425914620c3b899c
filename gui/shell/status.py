"""The status bar: reader (choosable, F4), the card present, sync state, the operator, busy work."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QLabel, QStatusBar

from card_station.store.outbox import outbox_depth
from gui.i18n import tr
from gui.shell.context import AppContext
from gui.worker import ReaderState

READER_KEY = "F4"
"""Opens the reader choice (an F key: letter mnemonics belong to the screens' buttons)."""


class StationStatusBar(QStatusBar):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self.reader_label = QLabel()
        self.readers = QComboBox()
        self.readers.setObjectName("reader-choice")
        self.reader_label.setBuddy(self.readers)
        self.readers.activated.connect(self._chosen)
        self.card = QLabel()
        self.card.setObjectName("card-state")
        self.sync = QLabel()
        self.sync.setObjectName("sync-state")
        self.operator = QLabel()
        self.operator.setObjectName("operator")
        self.busy = QLabel()
        self.busy.setObjectName("busy")
        self.addWidget(self.busy, 1)
        for widget in (self.reader_label, self.readers, self.card, self.sync, self.operator):
            self.addPermanentWidget(widget)
        worker = context.reader
        worker.readers_changed.connect(self._readers_changed)
        worker.selection_changed.connect(lambda _: self._readers_changed(worker.readers()))
        worker.service_changed.connect(lambda *_: self._readers_changed(worker.readers()))
        context.feedback.busy_changed.connect(self._busy_changed)
        self.retranslate()
        self._readers_changed(worker.readers())

    def retranslate(self) -> None:
        self.reader_label.setText(tr("Reader ({key}):").format(key=READER_KEY))
        op = self._context.operator
        self.operator.setText(
            tr("Operator: {name} ({role})").format(name=op.display_name, role=tr(op.role.value))
        )
        self.refresh_sync()
        self._show_card()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose_reader(self) -> None:
        self.readers.setFocus()
        self.readers.showPopup()

    def refresh_sync(self) -> None:
        with self._context.store.read() as session:
            waiting = outbox_depth(session)
        text = tr("Sync: up to date") if waiting == 0 else tr("Sync: {n} changes waiting").format(n=waiting)
        self.sync.setText(text)

    def _chosen(self, index: int) -> None:
        self._context.reader.select(self.readers.itemData(index))

    def _readers_changed(self, readers: tuple[ReaderState, ...]) -> None:
        self.readers.blockSignals(True)
        self.readers.clear()
        for state in readers:
            self.readers.addItem(state.name, state.name)
        selected = self._context.reader.selected
        if selected is not None:
            self.readers.setCurrentIndex(self.readers.findData(selected))
        self.readers.blockSignals(False)
        self._show_card()

    def _show_card(self) -> None:
        worker = self._context.reader
        if not worker.reachable:
            self.card.setText(tr("PC/SC service not reachable"))
            return
        if not worker.readers():
            self.card.setText(tr("No reader connected"))
            return
        state = worker.state_of(worker.selected)
        present = state is not None and state.card_present
        self.card.setText(tr("Card present") if present else tr("No card"))

    def _busy_changed(self, label: str) -> None:
        self.busy.setText(f"⏳ {label}" if label else "")
        if not label:
            self.refresh_sync()
