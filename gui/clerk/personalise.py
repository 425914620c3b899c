"""The Personalise screen: pick a verified application and a reader, type the card particulars, insert a
blank card, watch a progress bar by file, cancel, and read the read-back verification result.

The run is a card job on the shell's reader worker (``ctx.reader.run_job``), never on the GUI thread.
A card pulled (or a cancel) mid-run leaves a torn personalisation; this screen says so and how to finish
it: put the same card back and personalise again (docs/card-operations.md: the rerun finishes it).
The cards are recorded in the store (``HandoverService.record_personalised``, which also keeps each
card's number) only once the master card and every add-on card verified (seed 002 §3(a)).

Keyboard: Ctrl+P personalise, Esc cancel, F5 reload the list.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from apdu.transport import Transport
from card_station.applications import ApplicationFile, CardParticulars
from card_station.card.content import BloodGroup
from card_station.card.personalise import Personalised
from card_station.store.lifecycle import ApplicationState
from card_station.store.mapping import application_from_row
from card_station.store.models.people import ApplicationRow
from gui.clerk import form_fields as f
from gui.clerk.actions import applications_in
from gui.clerk.card_failure import failure_text
from gui.clerk.progress_transport import ProgressTransport
from gui.clerk.queries import ApplicationLine
from gui.clerk.widgets.labelled_form import LabelledForm
from gui.clerk.widgets.outcome import Outcome
from gui.clerk.widgets.reader_picker import ReaderPicker
from gui.i18n import mark, tr
from gui.shell.context import AppContext
from gui.worker import CardJob, JobControl

READY = (ApplicationState.VERIFIED, ApplicationState.DUPLICATE_ORDERED)


class PersonaliseScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._lines: list[ApplicationLine] = []
        self._written: list[Personalised] = []
        self.job: CardJob | None = None
        self._job_line: ApplicationLine | None = None
        self.last_result: Personalised | None = None
        self.application = QComboBox()
        self.reader = ReaderPicker(ctx.reader)
        self.card_number = QLineEdit()
        self.polyclinic = QLineEdit()
        self.blood_group = QLineEdit()
        self.allergies = QLineEdit()
        self.progress = QProgressBar()
        self.progress.setFormat("%v / %m")
        self.step = QLabel()
        self.outcome = Outcome()
        self.start_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.start)
        QShortcut(QKeySequence("Escape"), self, activated=self.cancel)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)

        self._form = LabelledForm(
            (mark("Application (verified)"), self.application),
            (mark("Reader"), self.reader),
            (mark("Card number"), self.card_number),
            (mark("Parent polyclinic"), self.polyclinic),
            (mark("Blood group (optional)"), self.blood_group),
            (mark("Allergies (optional)"), self.allergies),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.start_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.step)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.outcome)
        layout.addStretch()
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self._form.retranslate()
        self.start_button.setText(tr("&Personalise the card in the reader (Ctrl+P)"))
        self.cancel_button.setText(tr("&Cancel (Esc)"))

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._lines = applications_in(self._ctx, READY)
        self.application.clear()
        for line in self._lines:
            self.application.addItem(
                f"{line.service_number}  {line.name}  ({line.card_size.value})", line.key
            )

    def _application_file(self, key: str) -> ApplicationFile:
        """The stored application with the card particulars typed here (photos are added at the desk
        that scans them; a card without photos is valid on both sizes)."""
        card = CardParticulars(
            card_number=f.required(self.card_number.text(), tr("Card number")),
            parent_polyclinic=f.required(self.polyclinic.text(), tr("Parent polyclinic")),
            blood_group=f.choice(self.blood_group.text(), BloodGroup, tr("Blood group"))
            if self.blood_group.text().strip()
            else None,
            allergies=self.allergies.text().strip() or None,
        )
        with self._ctx.store.read() as session:
            row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == key))
            if row is None:
                raise ValueError(tr("the application is no longer in the store: press F5"))
            application = application_from_row(row)
        return ApplicationFile(application, card, None, (None,) * len(application.dependants))

    def start(self) -> None:
        if self.job is not None:
            return
        line = next((x for x in self._lines if x.key == self.application.currentData()), None)
        try:
            if line is None:
                raise ValueError(tr("no verified application is selected: verify one first, then press F5"))
            reader = self.reader.chosen()
            application_file = self._application_file(line.key)
        except ValueError as exc:
            self.outcome.refusal(str(exc))
            return
        personalisation = self._ctx.services.personalisation

        def work(transport: Transport, control: JobControl) -> Personalised:
            control.progress(0, 1, "authenticate")
            return personalisation.personalise(ProgressTransport(transport, control), application_file)

        self.outcome.clear_outcome()
        self.progress.setValue(0)
        self.step.setText(tr("Insert a blank card in {reader}").format(reader=reader))
        job = self._ctx.reader.run_job(reader, work, label=tr("Personalising"))
        self.job = job
        self._job_line = line
        self.cancel_button.setEnabled(True)
        self.start_button.setEnabled(False)
        job.progress.connect(self._progress)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.ended.connect(self._ended)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.step.setText(tr("Cancelling at the next file boundary..."))

    # Bound slots, not lambdas (as the counter screen): Qt drops them with the screen, so a job ending
    # after the screen closed reaches nothing; ``sender()`` ignores any job but the current one.
    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        if self.sender() is not self.job:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.step.setText(tr("Writing {file}").format(file=text) if text.startswith("EF") else tr(text))

    @Slot()
    def _ended(self) -> None:
        if self.sender() is not self.job:
            return
        self.job = None
        self._job_line = None
        self.cancel_button.setEnabled(False)
        self.start_button.setEnabled(True)

    @Slot(object)
    def _succeeded(self, result: Personalised) -> None:
        if self.sender() is self.job and self._job_line is not None:
            self._done(self._job_line, result)

    def _done(self, line: ApplicationLine, result: Personalised) -> None:
        self.last_result = result
        self.progress.setValue(self.progress.maximum())
        serial = result.serial.hex().upper()
        self._written.append(result)
        needed = 1 + self._add_on_cards(line.key)
        finished = tr(" (an interrupted personalisation was finished)") if result.resumed else ""
        verified = tr("Card {serial} written, read back and verified genuine{finished}.").format(
            serial=serial, finished=finished
        )
        if len(self._written) < needed:
            self.outcome.success(
                verified
                + " "
                + tr("Insert add-on card {n} of {m} and personalise again.").format(
                    n=len(self._written), m=needed - 1
                )
            )
            return
        written = list(self._written)
        self._written.clear()
        try:
            self._ctx.services.handover.record_personalised(self._ctx.operator, line.key, written)
        except (ValueError, PermissionError) as exc:
            self.outcome.refusal(verified + " " + tr("Recording it failed: {problem}").format(problem=exc))
            return
        self.outcome.success(verified + " " + tr("Recorded; send the handover OTP next."))
        self.refresh()

    def _add_on_cards(self, key: str) -> int:
        with self._ctx.store.read() as session:
            row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == key))
            return 0 if row is None else row.add_on_cards

    @Slot(object)
    def _failed(self, problem: BaseException) -> None:
        if self.sender() is not self.job:
            return
        self.outcome.refusal(failure_text(problem, self.step.text(), "Ctrl+P"))
        self._ctx.feedback.error(problem)
