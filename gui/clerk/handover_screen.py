"""The Handover screen (seed 000): send the SMS OTP for a family whose cards are ready, take the OTP the
beneficiary gives, show the attempts left and the activation time the handover will give (§5(c): 13:00
IST the same day before 13:00, else the next day), write the handover onto each card, and print the
handover receipt. The OTP-request fallback of §5(b)-(c) is here for the polyclinic operator the SMS never
reached; a verifier reissues a locked or expired OTP.

Every rule is the service's (``services.handover.HandoverService``): the OTP is checked there (HMAC at
rest, constant-time, limited attempts); this screen shows its answers. The card write runs on the reader
worker; a card pulled mid-write is finished by "Resume" with the same card, no new OTP needed.

Keyboard: F5 reload, Ctrl+Shift+S send the OTP, Ctrl+Shift+N resend it, Ctrl+Shift+I reissue it (verifier),
Ctrl+Shift+F request it (fallback), Alt+O the OTP field, Ctrl+Return hand over, Ctrl+Shift+W resume
writing the cards, Ctrl+Shift+P the handover receipt (PDF and print dialog).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression, Slot
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from apdu.transport import Transport
from card_station.domain.errors import DomainError
from card_station.domain.handover import activation_time
from card_station.handover import OtpCheck, Refused
from card_station.handover.otp import ist_text
from card_station.services.handover import CardHandover, SendResult
from card_station.store.lifecycle import ApplicationState
from gui.clerk.actions import applications_in
from gui.clerk.card_failure import failure_text
from gui.clerk.queries import ApplicationLine
from gui.clerk.receipts import ReceiptError, handover_receipt, open_print_dialog, receipts_folder, write_pdf
from gui.clerk.widgets.labelled_form import LabelledForm
from gui.clerk.widgets.outcome import Outcome
from gui.clerk.widgets.reader_picker import ReaderPicker
from gui.i18n import mark, tr
from gui.shell.context import AppContext
from gui.worker import CardJob, JobControl

SHOWN = (ApplicationState.CARD_PERSONALISED, ApplicationState.OTP_SENT, ApplicationState.HANDED_OVER)


class HandoverScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._service = ctx.services.handover
        self._lines: list[ApplicationLine] = []
        self.job: CardJob | None = None
        self.last_check: OtpCheck | None = None
        self.print_dialog: QWidget | None = None
        self.last_pdf: Path | None = None
        self.application = QComboBox()
        self.application.currentIndexChanged.connect(self._show_state)
        self.state = QLabel()
        self.state.setObjectName("handover-state")
        self.state.setWordWrap(True)
        self.otp = QLineEdit()
        self.otp.setMaxLength(6)
        self.otp.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}")))
        self.otp.returnPressed.connect(self.hand_over)
        self.attempts = QLabel()
        self.attempts.setObjectName("attempts-left")
        self.activation = QLabel()
        self.activation.setObjectName("activation-preview")
        self.fallback_otp = QLabel()
        self.fallback_otp.setObjectName("fallback-otp")
        self.fallback_otp.setStyleSheet("font-size: 20pt; font-weight: bold")
        self.reader = ReaderPicker(ctx.reader)
        self.outcome = Outcome()
        self.buttons: dict[str, QPushButton] = {}
        actions = (
            ("send", "Ctrl+Shift+S", self.send),
            ("resend", "Ctrl+Shift+N", self.resend),
            ("reissue", "Ctrl+Shift+I", self.reissue),
            ("fallback", "Ctrl+Shift+F", self.request_fallback),
            ("hand_over", "Ctrl+Return", self.hand_over),
            ("resume", "Ctrl+Shift+W", self.resume),
            ("receipt", "Ctrl+Shift+P", self.receipt),
        )
        grid = QGridLayout()
        for index, (name, keys, slot) in enumerate(actions):
            button = QPushButton()
            button.setObjectName(f"handover-{name}")
            button.clicked.connect(slot)
            QShortcut(QKeySequence(keys), self, activated=slot)
            self.buttons[name] = button
            grid.addWidget(button, index // 3, index % 3)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        QShortcut(QKeySequence("Alt+O"), self, activated=self.otp.setFocus)
        self._form = LabelledForm(
            (mark("Application"), self.application),
            (mark("Status"), self.state),
            (mark("Reader"), self.reader),
            (mark("OTP from the beneficiary"), self.otp),
            (mark("Attempts left"), self.attempts),
            (mark("Cards will be active from"), self.activation),
            (mark("OTP requested (show once)"), self.fallback_otp),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addLayout(grid)
        layout.addWidget(self.outcome)
        layout.addStretch()
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self._form.retranslate()
        texts = {
            "send": tr("&Send the OTP by SMS (Ctrl+Shift+S)"),
            "resend": tr("Rese&nd the OTP (Ctrl+Shift+N)"),
            "reissue": tr("Re&issue a locked OTP (verifier, Ctrl+Shift+I)"),
            "fallback": tr("Request the OTP: SMS &not received (Ctrl+Shift+F)"),
            "hand_over": tr("&Hand over with the OTP (Ctrl+Enter)"),
            "resume": tr("Resume &writing the cards (Ctrl+Shift+W)"),
            "receipt": tr("Handover &receipt: PDF and print (Ctrl+Shift+P)"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self._show_state()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        chosen = self.application.currentData()
        self._lines = applications_in(self._ctx, SHOWN)
        self.application.blockSignals(True)
        self.application.clear()
        for line in self._lines:
            self.application.addItem(
                f"{line.service_number}  {line.name}  ({tr(line.state.value)})", line.key
            )
        if chosen is not None and self.application.findData(chosen) >= 0:
            self.application.setCurrentIndex(self.application.findData(chosen))
        self.application.blockSignals(False)
        self._show_state()

    def select_key(self, key: str) -> None:
        self.application.setCurrentIndex(self.application.findData(key))

    def _line(self) -> ApplicationLine:
        line = next((x for x in self._lines if x.key == self.application.currentData()), None)
        if line is None:
            raise ValueError(
                tr("no application with personalised cards is selected: personalise first, press F5")
            )
        return line

    def _show_state(self) -> None:
        line = next((x for x in self._lines if x.key == self.application.currentData()), None)
        if line is None:
            self.state.setText(tr("No family is waiting for a handover."))
            self.activation.setText("")
            return
        progress = self._service.progress(line.key)
        if progress is None:
            self.state.setText(tr(line.state.value))
            now = self._ctx.clock()
            try:
                when = activation_time(now, self._ctx.issuer.rules.parameters_on(now.date()))
                self.activation.setText(tr("{when} (if the OTP is entered now)").format(when=ist_text(when)))
            except DomainError as exc:
                self.activation.setText(str(exc))
            return
        pending = ", ".join(progress.pending) or tr("none")
        self.state.setText(
            tr("Cards handed over at {at}; cards still to write: {pending}").format(
                at=ist_text(progress.handed_over_at), pending=pending
            )
        )
        self.activation.setText(ist_text(progress.activation_at))

    def _refuse(self, problem: BaseException | str) -> None:
        self.outcome.refusal(str(problem))
        self._ctx.feedback.error(problem)

    def _sent(self, result: SendResult | Refused) -> None:
        if isinstance(result, Refused):
            after = (
                ""
                if result.retry_after is None
                else " " + tr("Try again after {at}.").format(at=ist_text(result.retry_after))
            )
            self._refuse(result.reason + after)
        elif result.sent:
            self.outcome.success(
                tr("{status}; the OTP is valid until {until}.").format(
                    status=tr(result.status_text), until=ist_text(result.expires_at)
                )
            )
        else:
            self._refuse(result.status_text)
        self.refresh()

    def _call(self, action: str) -> None:
        """Run one OTP service call for the selected family; the service's refusals are shown as they are."""
        try:
            key = self._line().key
            operator = self._ctx.operator
            calls = {
                "send": self._service.send_otp,
                "resend": self._service.resend_otp,
                "reissue": self._service.reissue_otp,
            }
            result = calls[action](operator, key)
        except (ValueError, PermissionError) as exc:
            self._refuse(exc)
            return
        self._sent(result)

    def send(self) -> None:
        self._call("send")

    def resend(self) -> None:
        self._call("resend")

    def reissue(self) -> None:
        self._call("reissue")

    def request_fallback(self) -> None:
        """Seed 000 §5(b)-(c): the OTP is shown once, to this operator only; the request is audited."""
        try:
            result = self._service.request_fallback_otp(self._ctx.operator, self._line().key)
        except (ValueError, PermissionError) as exc:
            self._refuse(exc)
            return
        if isinstance(result, Refused):
            self._refuse(result.reason)
            return
        self.fallback_otp.setText(result.otp.digits)
        self.outcome.success(
            tr("OTP request recorded for {by}; give it to no one else. Valid until {until}.").format(
                by=result.requested_by, until=ist_text(result.expires_at)
            )
        )
        self.refresh()

    def hand_over(self) -> None:
        """Check the OTP (in the store, at once); accepted: write the handover onto the card in the reader."""
        if self.job is not None:
            return
        try:
            key = self._line().key
            entry = self._service.enter_otp(self._ctx.operator, key, self.otp.text())
        except (ValueError, PermissionError) as exc:
            self._refuse(exc)
            return
        self.otp.clear()
        self.fallback_otp.clear()
        check = entry.check
        self.last_check = check
        self.attempts.setText(str(check.attempts_left))
        if not check.accepted:
            self._refuse(tr("OTP not accepted: {message}").format(message=check.message))
            self._show_state()
            return
        self.outcome.success(tr("OTP accepted. Writing the handover onto the card..."))
        self._show_state()
        self._write(key)

    def resume(self) -> None:
        try:
            key = self._line().key
        except ValueError as exc:
            self._refuse(exc)
            return
        self._write(key)

    def _write(self, key: str) -> None:
        if self.job is not None:
            return
        try:
            reader = self.reader.chosen()
        except ValueError as exc:
            self._refuse(exc)
            return
        service = self._service
        operator = self._ctx.operator

        def work(transport: Transport, control: JobControl) -> CardHandover:
            control.progress(0, 1, tr("writing the handover"))
            return service.write_card(operator, key, transport)

        job = self._ctx.reader.run_job(reader, work, label=tr("Handing over"))
        self.job = job
        job.succeeded.connect(self._written)
        job.failed.connect(self._failed)
        job.ended.connect(self._ended)

    # Bound slots, not lambdas (as the counter screen): Qt drops them with the screen, so a card write
    # ending after the screen closed reaches nothing; ``sender()`` ignores any job but the current one.
    @Slot(object)
    def _written(self, done: CardHandover) -> None:
        if self.sender() is not self.job:
            return
        progress = self._service.progress(self.application.currentData())
        what = tr("written") if done.written else tr("already showed the handover")
        tail = (
            tr("All cards handed over; active from {at}. Print the handover receipt (Ctrl+Shift+P).").format(
                at=ist_text(progress.activation_at)
            )
            if progress is not None and progress.complete
            else tr("Insert the next card of the family and press Ctrl+Shift+W.")
        )
        self.outcome.success(
            tr("Card {number} ({serial}) {what}. {tail}").format(
                number=done.card_number, serial=done.serial, what=what, tail=tail
            )
        )
        self.refresh()

    @Slot(object)
    def _failed(self, problem: BaseException) -> None:
        if self.sender() is self.job:
            self._refuse(failure_text(problem, tr("writing the handover"), "Ctrl+Shift+W"))

    @Slot()
    def _ended(self) -> None:
        if self.sender() is self.job:
            self.job = None

    def receipt(self) -> None:
        try:
            key = self._line().key
            with self._ctx.store.read() as session:
                receipt = handover_receipt(session, key)
            path = write_pdf(receipt, receipts_folder(self._ctx.station.data_dir))
        except (ReceiptError, ValueError, OSError) as exc:
            self._refuse(exc)
            return
        self.last_pdf = path
        self.outcome.success(tr("Handover receipt saved as {path}").format(path=path))
        self.print_dialog = open_print_dialog(receipt, self)
