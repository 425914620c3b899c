"""The live table of an issuing run: one row per reader with its state (waiting for a blank card,
writing, verifying, printing face, done, refused…), the card, the run's own words, and the operator's
next step. Kept as data (``ReaderLine``) so that a language switch draws it again in the other language."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from card_station.issuing.batch.feed import Outcome
from card_station.issuing.batch.worker import PHASES, Event, EventKind
from gui.i18n import tr
from gui.issuing import view

_ENDED = (EventKind.FINISHED, EventKind.READER_GONE)


@dataclass(frozen=True)
class ReaderLine:
    kind: EventKind | None = None
    card: str = ""
    detail: str = ""
    wanted: tuple[str, ...] | None = None
    """The reader asked for a card (a blank one, or one of these interrupted chips)."""
    outcome: Outcome | None = None
    """The run is done with the card in the reader: take it out to this tray."""
    stopping: bool = False


class ReaderTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 5)
        self.setObjectName("reader-table")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.lines: dict[str, ReaderLine] = {}

    def __repr__(self) -> str:
        return f"ReaderTable({list(self.lines)})"

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [tr("Reader"), tr("State"), tr("Card number"), tr("Details"), tr("Next step")]
        )
        self._draw()

    def begin(self, readers: tuple[str, ...]) -> None:
        self.lines = {reader: ReaderLine() for reader in readers}
        self._draw()

    def stopping(self) -> None:
        self.lines = {reader: replace(line, stopping=True) for reader, line in self.lines.items()}
        self._draw()

    def apply(self, event: Event) -> None:
        """A worker's news: its state, the card in hand, and (for an outcome) the run's own words."""
        line = self.lines.get(event.reader, ReaderLine())
        self.lines[event.reader] = replace(
            line,
            kind=event.kind,
            card=event.card_number or ("" if event.kind is EventKind.WAITING else line.card),
            detail="" if event.kind in PHASES or event.kind is EventKind.WAITING else view.detail(event),
            wanted=line.wanted if event.kind is EventKind.WAITING else None,
            outcome=None if event.kind in PHASES else line.outcome,
        )
        self._draw_row(event.reader)

    def asked_for_card(self, reader: str, wanted: tuple[str, ...]) -> None:
        self.lines[reader] = replace(self.lines.get(reader, ReaderLine()), wanted=wanted, outcome=None)
        self._draw_row(reader)

    def card_done(self, reader: str, outcome: Outcome) -> None:
        self.lines[reader] = replace(self.lines.get(reader, ReaderLine()), wanted=None, outcome=outcome)
        self._draw_row(reader)

    def state_of(self, reader: str) -> str:
        """The state column of ``reader``'s row as shown."""
        item = self.item(list(self.lines).index(reader), 1)
        return item.text() if item is not None else ""

    def text_of(self, reader: str, column: int) -> str:
        item = self.item(list(self.lines).index(reader), column)
        return item.text() if item is not None else ""

    def _draw(self) -> None:
        self.setRowCount(len(self.lines))
        for reader in self.lines:
            self._draw_row(reader)

    def _draw_row(self, reader: str) -> None:
        readers = list(self.lines)
        if reader not in readers:
            return
        line = self.lines[reader]
        if line.stopping and line.kind not in _ENDED:
            state = tr(view.STOPPING)
        else:
            state = view.state_label(line.kind) if line.kind is not None else tr(view.IDLE)
        if line.outcome is not None:
            step = view.take_prompt(line.outcome)
        elif line.wanted is not None:
            step = view.insert_prompt(line.wanted)
        else:
            step = ""
        row = readers.index(reader)
        if self.rowCount() <= row:
            self.setRowCount(row + 1)
        for column, text in enumerate((reader, state, line.card, line.detail, step)):
            self.setItem(row, column, QTableWidgetItem(text))
