"""The FMA screen (seed 003): record a member's FMA application with the date the Station HQ received it,
show the commencement date (§8(b): the first day of the second month after), endorse each of the family's
cards "No OPD – <date>" (§11), record a cessation when a §3 facility opens (§8(c)) and write it on the
cards, and save the §13 cessation report as CSV and PDF.

Dates come from ``domain.fma_grant``; the card writes are ``EndorsementService`` calls on the reader
worker, each bracketed on the card (a pulled card is finished by running the same action again).

Keyboard: F5 reload, Alt+P the application, Alt+D the receipt date, Ctrl+Shift+A record the application,
Ctrl+E endorse the card in the reader, Ctrl+Shift+C record the cessation, Ctrl+Shift+K write the cessation
on the card, Ctrl+Shift+T save the §13 report (CSV and PDF).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apdu.iso7816 import Iso7816
from apdu.transport import Transport
from card_station.card.reader import read_card
from card_station.card.update import Updated
from card_station.domain.dates import card_date_text
from card_station.domain.errors import DomainError
from card_station.domain.fma_grant import CessationGround, fma_commencement
from card_station.domain.fma_report import CESSATION_REPORT_COLUMNS, cessation_report_csv
from card_station.services.handover import serial_text
from card_station.store.lifecycle import ApplicationState
from gui.clerk import fma_records as records
from gui.clerk import form_fields as f
from gui.clerk.actions import as_operator, read_as_operator
from gui.clerk.card_failure import failure_text
from gui.clerk.queries import ApplicationLine, find_applications
from gui.clerk.receipts import Receipt, write_pdf
from gui.clerk.widgets.labelled_form import LabelledForm
from gui.clerk.widgets.outcome import Outcome
from gui.clerk.widgets.reader_picker import ReaderPicker
from gui.clerk.widgets.tables import pick_one_row_table
from gui.i18n import mark, tr
from gui.shell.context import AppContext
from gui.worker import CardJob, JobControl

WITH_CARDS = (
    ApplicationState.CARD_PERSONALISED,
    ApplicationState.OTP_SENT,
    ApplicationState.HANDED_OVER,
    ApplicationState.ACTIVE,
)
_FOR_CARDS = "endorsed"
_CEASED = "ceased_on_cards"


def _grant_headers() -> list[str]:
    return [
        tr("Service number"),
        tr("Name"),
        tr("Received on"),
        tr("No OPD from"),
        tr("Ceases on"),
        tr("Cards"),
    ]


class FmaScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._applications: list[ApplicationLine] = []
        self._grants: list[records.FmaLine] = []
        self.job: CardJob | None = None
        self._writing: tuple[records.FmaLine, str] | None = None
        self.report_paths: tuple[Path, Path] | None = None
        self.application = QComboBox()
        self.received_on = QLineEdit(ctx.clock().date().isoformat())
        self.received_on.textChanged.connect(self._show_commencement)
        self.commencement = QLabel()
        self.commencement.setObjectName("fma-commencement")
        self.grants = pick_one_row_table(6)
        self.reader = ReaderPicker(ctx.reader)
        self.ground = QComboBox()
        for ground in CessationGround:
            self.ground.addItem(ground.value, ground)
        self.facility_on = QLineEdit()
        self.outcome = Outcome()
        self.buttons: dict[str, QPushButton] = {}
        actions: tuple[tuple[str, str, Callable[[], None]], ...] = (
            ("record", "Ctrl+Shift+A", self.record),
            ("endorse", "Ctrl+E", self.endorse),
            ("cease", "Ctrl+Shift+C", self.cease),
            ("cease_card", "Ctrl+Shift+K", self.write_cessation),
            ("report", "Ctrl+Shift+T", self.save_report),
        )
        for name, keys, slot in actions:
            button = QPushButton()
            button.setObjectName(f"fma-{name}")
            button.clicked.connect(slot)
            QShortcut(QKeySequence(keys), self, activated=slot)
            self.buttons[name] = button
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        QShortcut(QKeySequence("Alt+P"), self, activated=self.application.setFocus)
        QShortcut(QKeySequence("Alt+D"), self, activated=self.received_on.setFocus)
        self._top = LabelledForm(
            (mark("Application"), self.application),
            (mark("FMA application received on (YYYY-MM-DD)"), self.received_on),
            (mark("No OPD from (commencement)"), self.commencement),
        )
        self._bottom = LabelledForm(
            (mark("Reader"), self.reader),
            (mark("Cessation: why"), self.ground),
            (mark("Cessation: facility operational on (YYYY-MM-DD)"), self.facility_on),
        )
        card_buttons = QHBoxLayout()
        for name in ("endorse", "cease", "cease_card", "report"):
            card_buttons.addWidget(self.buttons[name])
        layout = QVBoxLayout(self)
        layout.addLayout(self._top)
        layout.addWidget(self.buttons["record"])
        layout.addWidget(self.grants, 1)
        layout.addLayout(self._bottom)
        layout.addLayout(card_buttons)
        layout.addWidget(self.outcome)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self._top.retranslate()
        self._bottom.retranslate()
        texts = {
            "record": tr("Record the FMA &application (Ctrl+Shift+A)"),
            "endorse": tr('&Endorse the card in the reader "No OPD" (Ctrl+E)'),
            "cease": tr("Record the &cessation (Ctrl+Shift+C)"),
            "cease_card": tr("Write the cessation on the &card (Ctrl+Shift+K)"),
            "report": tr("Save the §13 cessation &report: CSV and PDF (Ctrl+Shift+T)"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.grants.setHorizontalHeaderLabels(_grant_headers())
        self._show_commencement()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        with read_as_operator(self._ctx) as (session, operator):
            self._applications = [x for x in find_applications(session, operator) if x.state in WITH_CARDS]
            self._grants = records.fma_lines(session, operator)
        chosen = self.application.currentData()
        self.application.clear()
        for line in self._applications:
            self.application.addItem(f"{line.service_number}  {line.name}", line.key)
        if chosen is not None and self.application.findData(chosen) >= 0:
            self.application.setCurrentIndex(self.application.findData(chosen))
        row_before = self.grants.currentRow()
        self.grants.setRowCount(len(self._grants))
        for row, grant in enumerate(self._grants):
            cells = (
                grant.service_number,
                grant.name,
                grant.applied_on.isoformat(),
                card_date_text(grant.commences_on),
                "" if grant.ceases_on is None else grant.ceases_on.isoformat(),
                ", ".join(
                    f"{serial} ({tr('No OPD') if serial in grant.endorsed else tr('not endorsed')})"
                    for serial in grant.cards
                ),
            )
            for column, text in enumerate(cells):
                self.grants.setItem(row, column, QTableWidgetItem(text))
        if self._grants:
            self.grants.selectRow(min(max(row_before, 0), len(self._grants) - 1))

    def _show_commencement(self) -> None:
        try:
            received = f.day(self.received_on.text(), tr("Received on"))
            commences = fma_commencement(received, self._ctx.issuer.rules.parameters_on(received))
        except (f.FormError, DomainError) as exc:
            self.commencement.setText(str(exc))
            return
        self.commencement.setText(
            tr('{day}: the card will read "No OPD \u2013 {text}" (seed 003 §8(b), §11)').format(
                day=commences.isoformat(), text=card_date_text(commences)
            )
        )

    def _refuse(self, problem: BaseException | str) -> None:
        self.outcome.refusal(str(problem))
        self._ctx.feedback.error(problem)

    def selected_grant(self) -> records.FmaLine | None:
        row = self.grants.currentRow()
        return self._grants[row] if 0 <= row < len(self._grants) else None

    def record(self) -> None:
        key = self.application.currentData()
        try:
            if key is None:
                raise ValueError(tr("no application with cards is selected: press F5"))
            received = f.day(self.received_on.text(), tr("Received on"))
            line = as_operator(
                self._ctx,
                lambda session, op: records.record_fma_application(
                    session,
                    op,
                    key,
                    received_on=received,
                    rules=self._ctx.issuer.rules,
                    now=self._ctx.clock(),
                ),
            )
        except (ValueError, PermissionError) as exc:
            self._refuse(exc)
            return
        self.refresh()
        self.grants.selectRow(next(i for i, g in enumerate(self._grants) if g.grant_id == line.grant_id))
        self.outcome.success(
            tr("FMA recorded for {name}: no OPD from {day}. Endorse each card (Ctrl+E).").format(
                name=line.name, day=card_date_text(line.commences_on)
            )
        )

    def _card_job(self, what: str, write: Callable[[Transport, records.FmaLine], Updated]) -> None:
        """Read the card's serial, refuse a card not of this member, then write; record it when done."""
        if self.job is not None:
            return
        grant = self.selected_grant()
        try:
            if grant is None:
                raise ValueError(tr("select an FMA grant in the list first"))
            reader = self.reader.chosen()
        except ValueError as exc:
            self._refuse(exc)
            return
        store = self._ctx.store

        def work(transport: Transport, control: JobControl) -> tuple[str, Updated]:
            control.progress(0, 2, tr("reading the card"))
            reading = read_card(Iso7816(transport), stop_when_open=False)
            if reading.serial is None:
                raise ValueError(
                    tr("the card in {reader} is not a personalised ECHS card").format(reader=reader)
                )
            serial = serial_text(reading.serial)
            with store.read() as session:
                records.card_of_grant(session, grant.grant_id, serial)
            control.check()
            control.progress(1, 2, tr("writing the card"))
            return serial, write(transport, grant)

        job = self._ctx.reader.run_job(reader, work, label=tr("Writing the FMA endorsement"))
        self.job = job
        self._writing = (grant, what)
        job.succeeded.connect(self._card_written)
        job.failed.connect(self._card_failed)
        job.ended.connect(self._ended)

    # Bound slots, not lambdas (as the counter screen): Qt drops them with the screen, so a card job
    # ending after the screen closed reaches nothing; what the job was for is kept in ``_writing``.
    @Slot()
    def _ended(self) -> None:
        if self.sender() is self.job:
            self.job = None

    @Slot(object)
    def _card_failed(self, problem: BaseException) -> None:
        if self.sender() is not self.job or self._writing is None:
            return
        retry = "Ctrl+E" if self._writing[1] == _FOR_CARDS else "Ctrl+Shift+K"
        self._refuse(failure_text(problem, tr("writing the card"), retry))

    @Slot(object)
    def _card_written(self, result: tuple[str, Updated]) -> None:
        if self.sender() is not self.job or self._writing is None:
            return
        grant, what = self._writing
        serial, updated = result
        try:
            as_operator(
                self._ctx,
                lambda session, op: records.record_card_written(
                    session, op, grant.grant_id, serial, what=what, now=self._ctx.clock()
                ),
            )
        except (ValueError, PermissionError) as exc:
            self._refuse(exc)
            return
        shown = updated.content.endorsements[-1].text if updated.content.endorsements else ""
        self.refresh()
        self.outcome.success(
            tr("Card {number} ({serial}) now shows: {text}").format(
                number=updated.content.member.card_number, serial=serial, text=shown
            )
        )

    def endorse(self) -> None:
        service = self._ctx.services.endorsement
        self._card_job(
            _FOR_CARDS, lambda transport, grant: service.endorse_fma(transport, grant.commences_on)
        )

    def cease(self) -> None:
        grant = self.selected_grant()
        try:
            if grant is None:
                raise ValueError(tr("select an FMA grant in the list first"))
            facility = f.day(self.facility_on.text(), tr("Facility operational on"))
            line = as_operator(
                self._ctx,
                lambda session, op: records.record_cessation(
                    session,
                    op,
                    grant.grant_id,
                    ground=self.ground.currentData(),
                    facility_on=facility,
                    rules=self._ctx.issuer.rules,
                    now=self._ctx.clock(),
                ),
            )
        except (ValueError, PermissionError, DomainError) as exc:
            self._refuse(exc)
            return
        self.refresh()
        self.outcome.success(
            tr(
                "FMA of {name} ceases on {day}; OPD recommences. Write it on each card (Ctrl+Shift+K)."
            ).format(name=line.name, day=line.ceases_on)
        )

    def write_cessation(self) -> None:
        grant = self.selected_grant()
        if grant is not None and grant.ceases_on is None:
            self._refuse(tr("record the cessation first (Ctrl+Shift+C)"))
            return
        service = self._ctx.services.endorsement

        def write(transport: Transport, ceased: records.FmaLine) -> Updated:
            assert ceased.ceases_on is not None  # checked above, before the card job was queued
            return service.cease_fma(transport, ceased.ceases_on)

        self._card_job(_CEASED, write)

    def save_report(self) -> None:
        """Seed 003 §13: the format the letter gives, one row per beneficiary of every ceased grant."""
        try:
            with read_as_operator(self._ctx) as (session, operator):
                entries = records.cessation_entries(session, operator)
            csv_text = cessation_report_csv(entries)
            folder = self._ctx.station.data_dir / "reports"
            folder.mkdir(parents=True, exist_ok=True)
            stem = f"fma-cessation-{self._ctx.clock().date().isoformat()}"
            csv_path = folder / f"{stem}.csv"
            csv_path.write_text(csv_text, encoding="utf-8", newline="")
            pdf_path = write_pdf(_report_receipt(stem, csv_text), folder)
        except (DomainError, OSError) as exc:
            self._refuse(exc)
            return
        self.report_paths = (csv_path, pdf_path)
        self.outcome.success(
            tr("§13 report with {n} rows saved as {csv} and {pdf}").format(
                n=len(entries), csv=csv_path, pdf=pdf_path
            )
        )


def _report_receipt(stem: str, csv_text: str) -> Receipt:
    """The CSV's rows as a table (the PDF is what the Regional Centre reads; the CSV what it loads)."""
    rows = list(csv.reader(io.StringIO(csv_text)))[1:]
    head = "".join(f"<th>{html.escape(column)}</th>" for column in CESSATION_REPORT_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    title = tr("Cessation of FMA (seed 003 §13)")
    return Receipt(
        title,
        stem,
        f"<h2>{html.escape(title)}</h2>"
        f"<table border='1' cellspacing='0' cellpadding='2' style='font-size: 7pt'><tr>{head}</tr>{body}"
        "</table>",
        landscape=True,
    )
