"""Lost cards and duplicates: find a card by card number, chip serial, service number or name; report it
lost (it is blocked for good and goes on every counter's hotlist through the centre: the store's
'card.blocked' event, ``services.applications.report_card_lost``); then order the duplicate, which the
Personalise screen then offers (``order_duplicate``: the application becomes "duplicate card ordered").

Keyboard: Ctrl+F search, F5 reload, Ctrl+Shift+L report the selected card lost, Ctrl+Shift+D order the
duplicate.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from card_station.services import applications as service
from card_station.store.models.operators import Operator
from gui.clerk.actions import as_operator, read_as_operator
from gui.clerk.queries import IssuedCard, find_cards
from gui.clerk.widgets.outcome import Outcome
from gui.clerk.widgets.tables import pick_one_row_table
from gui.i18n import tr
from gui.shell.context import AppContext


def _headers() -> list[str]:
    return [
        tr("Card number"),
        tr("Chip serial"),
        tr("Card"),
        tr("Service number"),
        tr("Name"),
        tr("Application"),
    ]


class CardsScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._cards: list[IssuedCard] = []
        self.search = QLineEdit()
        self.search.textChanged.connect(self.refresh)
        self.table = pick_one_row_table(6)
        self.lost_button = QPushButton()
        self.lost_button.clicked.connect(self.report_lost)
        self.duplicate_button = QPushButton()
        self.duplicate_button.clicked.connect(self.order_duplicate)
        self.outcome = Outcome()
        for keys, slot in (
            ("Ctrl+F", self.search.setFocus),
            ("F5", self.refresh),
            ("Ctrl+Shift+L", self.report_lost),
            ("Ctrl+Shift+D", self.order_duplicate),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lost_button)
        buttons.addWidget(self.duplicate_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("Card number, chip serial, service number or name (Ctrl+F)"))
        self.lost_button.setText(tr("Report the card &lost and block it (Ctrl+Shift+L)"))
        self.duplicate_button.setText(tr("Order a &duplicate card (Ctrl+Shift+D)"))
        self.table.setHorizontalHeaderLabels(_headers())
        self.refresh()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        with read_as_operator(self._ctx) as (session, operator):
            self._cards = find_cards(session, operator, self.search.text())
        self.table.setRowCount(len(self._cards))
        for row, card in enumerate(self._cards):
            cells = (
                card.card_number or "",
                card.serial,
                tr(card.status.value),
                card.service_number,
                card.name,
                tr(card.application_state.value),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self._cards:
            self.table.selectRow(0)

    def selected(self) -> IssuedCard | None:
        row = self.table.currentRow()
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def _step(self, call: Callable[[Session, Operator, IssuedCard], None], done: str) -> None:
        card = self.selected()
        if card is None:
            self.outcome.refusal(tr("select a card in the list first (Ctrl+F to search)"))
            return
        try:
            as_operator(self._ctx, lambda session, op: call(session, op, card))
        except (ValueError, PermissionError) as exc:
            self.outcome.refusal(str(exc))
            self._ctx.feedback.error(exc)
            return
        self.refresh()
        self.outcome.success(
            done.format(serial=card.serial, number=card.card_number or card.serial, name=card.name)
        )

    def report_lost(self) -> None:
        self._step(
            lambda session, op, card: service.report_card_lost(
                session, op, card.serial, now=self._ctx.clock()
            ),
            tr(
                "Card {number} ({serial}) is blocked as lost: every counter refuses it once the hotlist "
                "reaches it. Order the duplicate next (Ctrl+Shift+D)."
            ),
        )

    def order_duplicate(self) -> None:
        self._step(
            lambda session, op, card: service.order_duplicate(
                session, op, card.application_key, now=self._ctx.clock()
            ),
            tr("Duplicate ordered for {name}: personalise the new card on the Personalise screen."),
        )
