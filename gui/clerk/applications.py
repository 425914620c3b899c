"""The clerk's Applications screen: find an application by service number, name or card serial; enter a
new one on the form; submit it; and, for a verifier, verify or return it (maker-checker: seed 002 §4,
enforced by ``services.applications.verify_application``; this screen only shows the refusal).

Keyboard: Ctrl+F search, Ctrl+N new form, Ctrl+S save the form as a draft, Ctrl+Return submit the
selected application, Ctrl+Shift+V verify it, Ctrl+Shift+R return it for correction, Ctrl+Shift+P the
receipt of documents (seed 002) as a PDF with the print dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from card_station.services import applications as service
from gui.clerk.actions import as_operator, read_as_operator
from gui.clerk.application_form import ApplicationForm
from gui.clerk.form_fields import FormError
from gui.clerk.queries import ApplicationLine, find_applications
from gui.clerk.receipts import ReceiptError, documents_receipt, open_print_dialog, receipts_folder, write_pdf
from gui.clerk.widgets.outcome import Outcome
from gui.clerk.widgets.tables import pick_one_row_table
from gui.i18n import tr
from gui.shell.context import AppContext


def _list_headers() -> list[str]:
    return [tr("Service number"), tr("Name"), tr("Rank"), tr("State"), tr("Applied on"), tr("Cards")]


class ApplicationsScreen(QWidget):
    """The station's data key encrypts the mobile number before it is stored (docs/store.md "PII
    encryption")."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._lines: list[ApplicationLine] = []
        self.search = QLineEdit()
        self.search.textChanged.connect(self.refresh)
        self.table = pick_one_row_table(6)
        self.form = ApplicationForm(ctx.issuer)
        self.outcome = Outcome()
        self.new_button = QPushButton()
        self.save_button = QPushButton()
        self.submit_button = QPushButton()
        self.verify_button = QPushButton()
        self.return_button = QPushButton()
        self.receipt_button = QPushButton()
        self.last_pdf: Path | None = None
        self.print_dialog: QWidget | None = None
        self.new_button.clicked.connect(self.new_form)
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        self.verify_button.clicked.connect(self.verify)
        self.return_button.clicked.connect(self.return_for_correction)
        self.receipt_button.clicked.connect(self.receipt)
        for keys, slot in (
            ("Ctrl+F", self.search.setFocus),
            ("Ctrl+N", self.new_form),
            ("Ctrl+S", self.save),
            ("Ctrl+Return", self.submit),
            ("Ctrl+Shift+V", self.verify),
            ("Ctrl+Shift+R", self.return_for_correction),
            ("Ctrl+Shift+P", self.receipt),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self._lay_out()
        self.retranslate()
        self.refresh()

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)
        actions = QHBoxLayout()
        for button in (self.submit_button, self.verify_button, self.return_button, self.receipt_button):
            actions.addWidget(button)
        left_layout.addLayout(actions)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        right_layout.addWidget(scroll)
        form_actions = QHBoxLayout()
        form_actions.addWidget(self.new_button)
        form_actions.addWidget(self.save_button)
        form_actions.addStretch()
        right_layout.addLayout(form_actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.outcome)

    def retranslate(self) -> None:
        self.new_button.setText(tr("&New application (Ctrl+N)"))
        self.save_button.setText(tr("&Save as draft (Ctrl+S)"))
        self.submit_button.setText(tr("S&ubmit for verification (Ctrl+Enter)"))
        self.verify_button.setText(tr("&Verify (Ctrl+Shift+V)"))
        self.return_button.setText(tr("&Return for correction (Ctrl+Shift+R)"))
        self.receipt_button.setText(tr("Receipt of &documents: PDF and print (Ctrl+Shift+P)"))
        self.search.setPlaceholderText(tr("Service number, name or card number (Ctrl+F)"))
        self.table.setHorizontalHeaderLabels(_list_headers())
        self.form.retranslate()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Reload the list for the search text (every keystroke: the store answers in well under 1 ms)."""
        text = self.search.text()
        with read_as_operator(self._ctx) as (session, operator):
            self._lines = find_applications(session, operator, text)
        self.table.setRowCount(len(self._lines))
        for row, line in enumerate(self._lines):
            cells = (
                line.service_number,
                line.name,
                line.rank,
                tr(line.state.value),
                line.applied_on.isoformat(),
                ", ".join(f"{card.serial} ({tr(card.status.value)})" for card in line.cards),
            )
            for column, text_ in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text_))
        if self._lines:
            self.table.selectRow(0)

    def selected(self) -> ApplicationLine | None:
        row = self.table.currentRow()
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def select_key(self, key: str) -> None:
        for row, line in enumerate(self._lines):
            if line.key == key:
                self.table.selectRow(row)

    def new_form(self) -> None:
        self.form.deleteLater()
        self.form = ApplicationForm(self._ctx.issuer)
        scroll = self.findChild(QScrollArea)
        assert scroll is not None
        scroll.setWidget(self.form)
        self.outcome.clear_outcome()
        self.form.service_number.setFocus()

    def _refuse(self, exc: Exception) -> None:
        self.outcome.refusal(str(exc))
        self._ctx.feedback.error(exc)

    def save(self) -> None:
        """Enter the form as a draft application (``services.applications.enter_application``)."""
        try:
            entered = self.form.entered()
        except FormError as exc:
            self._refuse(exc)
            return
        data_key = self._ctx.station.data_key
        try:
            key = as_operator(
                self._ctx,
                lambda session, op: (
                    service.enter_application(
                        session,
                        op,
                        entered.application,
                        mobile=entered.mobile,
                        aadhaar=None,
                        data_key=data_key,
                        now=self._ctx.clock(),
                    ).key
                ),
            )
        except (ValueError, PermissionError) as exc:
            self._refuse(exc)
            return
        self.outcome.success(tr("Application saved as a draft: submit it for verification"))
        self.search.clear()
        self.refresh()
        self.select_key(key)

    def _step(self, call: Callable[..., None], done: str) -> None:
        line = self.selected()
        if line is None:
            self._refuse(ValueError(tr("select an application in the list first")))
            return
        try:
            as_operator(self._ctx, lambda session, op: call(session, op, line.key, now=self._ctx.clock()))
        except (ValueError, PermissionError) as exc:
            self._refuse(exc)
            return
        self.outcome.success(done.format(name=line.name))
        self.refresh()
        self.select_key(line.key)

    def submit(self) -> None:
        self._step(service.submit_application, tr("{name}: submitted for verification"))

    def verify(self) -> None:
        self._step(service.verify_application, tr("{name}: verified; the cards can be personalised"))

    def return_for_correction(self) -> None:
        self._step(service.return_application, tr("{name}: returned to the clerk for correction"))

    def receipt(self) -> None:
        """Seed 002 "Receipt of documents" for the selected application: a PDF, then the print dialog."""
        line = self.selected()
        if line is None:
            self._refuse(ValueError(tr("select an application in the list first")))
            return
        try:
            with self._ctx.store.read() as session:
                receipt = documents_receipt(
                    session,
                    self._ctx.issuer,
                    line.key,
                    place=self._ctx.issuer.station_id,
                    at=self._ctx.clock(),
                )
            self.last_pdf = write_pdf(receipt, receipts_folder(self._ctx.station.data_dir))
        except (ReceiptError, OSError) as exc:
            self._refuse(exc)
            return
        self.outcome.success(tr("Receipt of documents saved as {path}").format(path=self.last_pdf))
        self.print_dialog = open_print_dialog(receipt, self)
