"""The run's applications as the store has them (pending, writing, interrupted, done, failed with the
reason), and the cards refused without being written: what the operator looks at when a run ends."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from card_station.issuing.batch.ledger import Item
from card_station.store.models.issuing import ItemState
from gui.i18n import mark, tr

ITEM_STATES = {
    ItemState.PENDING: mark("Waiting for a card"),
    ItemState.WRITING: mark("Being written"),
    ItemState.INTERRUPTED: mark("Interrupted: put its card back"),
    ItemState.ISSUED: mark("Done"),
    ItemState.FAILED: mark("Failed"),
}


class ItemsTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 5)
        self.setObjectName("items-table")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.items: tuple[Item, ...] = ()

    def __repr__(self) -> str:
        return f"ItemsTable({len(self.items)} applications)"

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [tr("Card number"), tr("State"), tr("Reader"), tr("Chip"), tr("Details")]
        )
        self.show_items(self.items)

    def show_items(self, items: Sequence[Item]) -> None:
        self.items = tuple(items)
        self.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            details = item.failure if item.state is not ItemState.ISSUED else item.face
            texts = (item.card_number, tr(ITEM_STATES[item.state]), item.reader, item.serial, details)
            for column, text in enumerate(texts):
                self.setItem(row, column, QTableWidgetItem(text or ""))

    def states(self) -> dict[str, str]:
        """Card number -> the state shown."""
        return {item.card_number: tr(ITEM_STATES[item.state]) for item in self.items}
