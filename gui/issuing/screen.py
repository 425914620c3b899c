"""The issuing run at the desktop (issue 8 "the desktop app gets the screens for it"; docs/issuing.md "The
desktop screen"): pick the store's verified applications or a folder of application files, choose the
readers, start the run; one live row per reader, the totals, stop, resume, and "retry failed" on request.

The run is the batch package's (one worker thread per reader, its state in the store); this screen only
observes it. Every piece of news reaches the GUI thread through ``RunSignals`` on queued connections, to
bound slots (a connection to a bound slot is dropped by Qt when the screen goes; a lambda would keep it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from card_station.issuing.batch.feed import CardFeed, Outcome
from card_station.issuing.batch.ledger import Ledger, RunError
from card_station.issuing.batch.readers import PcscReaders, Readers
from card_station.issuing.batch.rendered_faces import RenderedFaces
from card_station.issuing.batch.run import BatchRun, Rate, Summary
from card_station.issuing.batch.sources import BatchListError
from card_station.issuing.batch.worker import Event, EventKind
from card_station.store import StoreError
from card_station.store.roles import PermissionDenied
from gui.i18n import tr
from gui.issuing import view
from gui.issuing.items_table import ItemsTable
from gui.issuing.reader_table import ReaderTable
from gui.issuing.running import RunningBatch, RunRequest, Source, open_ledger, signed_in_operator
from gui.issuing.runs import resumable_runs
from gui.issuing.signals import PromptingFeed, RunSignals
from gui.shell.context import AppContext
from gui.worker import ReaderState

_NOT_STARTED = (BatchListError, RunError, StoreError, PermissionDenied, OSError)
"""What stops a run from starting; the operator is told what to change, and nothing was written."""


class IssuingScreen(QWidget):
    """Emits ``run_ended(Summary)`` when a session of a run has ended and the screen shows it, and
    ``reader_shown`` for each change of a reader's row (tests and the benchmark follow them).

    ``feed`` is what brings cards to the readers besides the operator (a card printer's hopper; the
    emulated hopper in tests); None: the operator, prompted in the table. ``readers`` is the PC/SC seam
    of the batch package (default: the real readers)."""

    run_ended = Signal(object)
    reader_shown = Signal(str, str, str)
    """(reader, state, details) as the row now shows them, after each event of the run."""

    def __init__(
        self, context: AppContext, *, feed: CardFeed | None = None, readers: Readers | None = None
    ) -> None:
        super().__init__()
        self._context = context
        self._feed = feed
        self._readers = readers or PcscReaders()
        self._running: RunningBatch | None = None
        self._ledger: Ledger | None = None
        self._unchecked: set[str] = set()
        self._printer: QPrinter | None = None
        self._printer_name: str | None = None
        self._print_dialog: QPrintDialog | None = None
        self.summary: Summary | None = None
        self._rate: Rate | None = None

        self._build_source()
        self._build_readers()
        self._build_faces()
        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals")
        self.totals_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.table = ReaderTable()
        self.items_table = ItemsTable()
        self.items_label = QLabel()
        self.items_label.setBuddy(self.items_table)
        self.refused_list = QListWidget()
        self.refused_list.setObjectName("refused")
        self.refused_label = QLabel()
        self.refused_label.setBuddy(self.refused_list)

        top = QHBoxLayout()
        top.addWidget(self.source_box, 2)
        top.addWidget(self.readers_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.faces_box)
        layout.addLayout(self._build_buttons())
        layout.addWidget(self.totals_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.items_label)
        layout.addWidget(self.items_table, 2)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused_list, 1)

        for keys, slot in (
            ("Ctrl+O", self.choose_folder),
            ("Ctrl+D", self.choose_faces_folder),
            ("Ctrl+P", self.choose_printer),
            ("Ctrl+R", self.start),
            ("Ctrl+T", self.stop),
            ("Ctrl+U", self.resume),
            ("Ctrl+Shift+R", self.retry_failed),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        context.reader.readers_changed.connect(self._readers_changed)
        self._readers_changed(context.reader.readers())
        self.refresh_runs()
        self.retranslate()
        self._update_buttons()

    def _build_source(self) -> None:
        self.verified_radio = QRadioButton()
        self.verified_radio.setObjectName("source-verified")
        self.verified_radio.setChecked(True)
        self.folder_radio = QRadioButton()
        self.folder_radio.setObjectName("source-folder")
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("applications-folder")
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder_edit)
        self.choose_folder_button = QPushButton()
        self.choose_folder_button.clicked.connect(self.choose_folder)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("run-name")
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.source_box = QGroupBox()
        source = QGridLayout(self.source_box)
        source.addWidget(self.verified_radio, 0, 0, 1, 3)
        source.addWidget(self.folder_radio, 1, 0, 1, 3)
        source.addWidget(self.folder_label, 2, 0)
        source.addWidget(self.folder_edit, 2, 1)
        source.addWidget(self.choose_folder_button, 2, 2)
        source.addWidget(self.name_label, 3, 0)
        source.addWidget(self.name_edit, 3, 1, 1, 2)

    def _build_readers(self) -> None:
        self.readers_list = QListWidget()
        self.readers_list.setObjectName("readers")
        self.readers_list.itemChanged.connect(self._reader_checked)
        self.readers_box = QGroupBox()
        QVBoxLayout(self.readers_box).addWidget(self.readers_list)

    def _build_faces(self) -> None:
        self.pdf_radio = QRadioButton()
        self.pdf_radio.setObjectName("faces-pdf")
        self.pdf_radio.setChecked(True)
        self.faces_edit = QLineEdit()
        self.faces_edit.setObjectName("faces-folder")
        self.choose_faces_button = QPushButton()
        self.choose_faces_button.clicked.connect(self.choose_faces_folder)
        self.printer_radio = QRadioButton()
        self.printer_radio.setObjectName("faces-printer")
        self.printer_label = QLabel()
        self.printer_label.setObjectName("printer-name")
        self.choose_printer_button = QPushButton()
        self.choose_printer_button.clicked.connect(self.choose_printer)
        self.faces_box = QGroupBox()
        faces = QGridLayout(self.faces_box)
        faces.addWidget(self.pdf_radio, 0, 0)
        faces.addWidget(self.faces_edit, 0, 1)
        faces.addWidget(self.choose_faces_button, 0, 2)
        faces.addWidget(self.printer_radio, 1, 0)
        faces.addWidget(self.printer_label, 1, 1)
        faces.addWidget(self.choose_printer_button, 1, 2)

    def _build_buttons(self) -> QHBoxLayout:
        self.start_button = QPushButton()
        self.start_button.setObjectName("start-run")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop-run")
        self.stop_button.clicked.connect(self.stop)
        self.runs_combo = QComboBox()
        self.runs_combo.setObjectName("runs")
        self.runs_label = QLabel()
        self.runs_label.setBuddy(self.runs_combo)
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resume-run")
        self.resume_button.clicked.connect(self.resume)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retry-failed")
        self.retry_button.clicked.connect(self.retry_failed)
        row = QHBoxLayout()
        for widget in (self.start_button, self.stop_button, self.runs_label, self.runs_combo):
            row.addWidget(widget)
        row.addWidget(self.resume_button)
        row.addWidget(self.retry_button)

        return row

    # Language

    def retranslate(self) -> None:
        self.source_box.setTitle(tr("Applications"))
        self.verified_radio.setText(tr("&Verified applications in the store"))
        self.folder_radio.setText(tr("An applications &folder"))
        self.folder_label.setText(tr("Folder of the application files:"))
        self.choose_folder_button.setText(tr("Choose folder… (Ctrl+O)"))
        self.name_label.setText(tr("Run &name:"))
        self.name_edit.setPlaceholderText(tr("default: the folder's name, or verified- and the time"))
        self.readers_box.setTitle(tr("Readers"))
        self.faces_box.setTitle(tr("Card faces"))
        self.pdf_radio.setText(tr("PDF files in &this folder"))
        self.faces_edit.setPlaceholderText(tr("default: the data folder's faces/<run>"))
        self.choose_faces_button.setText(tr("Choose faces folder… (Ctrl+D)"))
        self.printer_radio.setText(tr("A p&rinter"))
        self.printer_label.setText(self._printer_name or tr("no printer chosen"))
        self.choose_printer_button.setText(tr("Choose printer… (Ctrl+P)"))
        self.start_button.setText(tr("&Start run (Ctrl+R)"))
        self.stop_button.setText(tr("S&top (Ctrl+T)"))
        self.runs_label.setText(tr("Unfinished run&s:"))
        self.resume_button.setText(tr("Res&ume (Ctrl+U)"))
        self.retry_button.setText(tr("Retry f&ailed (Ctrl+Shift+R)"))
        self.table.retranslate()
        self.items_label.setText(tr("&Applications of the run:"))
        self.refused_label.setText(tr("Cards refused without being written:"))
        self.items_table.retranslate()
        self._show_totals()
        self._show_items()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def activated(self) -> None:
        self.refresh_runs()

    # Choosing

    @property
    def running(self) -> bool:
        return self._running is not None

    def chosen_readers(self) -> tuple[str, ...]:
        return tuple(
            item.text()
            for item in (self.readers_list.item(i) for i in range(self.readers_list.count()))
            if item.checkState() is Qt.CheckState.Checked
        )

    @Slot(object)
    def _readers_changed(self, states: Sequence[ReaderState]) -> None:
        self.readers_list.blockSignals(True)
        self.readers_list.clear()
        for state in states:
            item = QListWidgetItem(state.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = state.name not in self._unchecked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.readers_list.addItem(item)
        self.readers_list.blockSignals(False)

    @Slot(QListWidgetItem)
    def _reader_checked(self, item: QListWidgetItem) -> None:
        if item.checkState() is Qt.CheckState.Checked:
            self._unchecked.discard(item.text())
        else:
            self._unchecked.add(item.text())

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder of the application files"))
        if folder:
            self.folder_edit.setText(folder)

    @Slot()
    def choose_faces_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder for the card face PDFs"))
        if folder:
            self.faces_edit.setText(folder)
            self.pdf_radio.setChecked(True)

    @Slot()
    def choose_printer(self) -> QPrintDialog:
        """Qt's print dialog, window-modal; the printer is taken only when the dialog is accepted."""
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        dialog.setObjectName("faces-print-dialog")
        dialog.setWindowTitle(tr("Printer for the card faces"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(self._printer_chosen)
        self._print_dialog = dialog
        dialog.show()
        return dialog

    @Slot()
    def _printer_chosen(self) -> None:
        name = self._printer.printerName() if self._printer is not None else ""
        if not name:
            self._context.feedback.error(
                tr(
                    "The print dialog named no installed printer: choose a card printer, "
                    "or send the faces to PDF files"
                )
            )
            return
        self._printer_name = name
        self.printer_label.setText(name)
        self.printer_radio.setChecked(True)

    # Running

    @Slot()
    def start(self) -> None:
        source = Source.VERIFIED if self.verified_radio.isChecked() else Source.FOLDER
        text = self.folder_edit.text().strip()
        folder = Path(text).expanduser() if text else None
        name = self.name_edit.text().strip() or self._default_name(source, folder)
        self._launch(RunRequest(source, name, folder))

    @Slot()
    def resume(self) -> None:
        self._launch_chosen(retry=False)

    @Slot()
    def retry_failed(self) -> None:
        """The operator's request to try the failed applications again (never done by the run itself)."""
        self._launch_chosen(retry=True)

    @Slot()
    def stop(self) -> None:
        if self._running is None:
            return
        self._running.stop()
        self.table.stopping()
        self.stop_button.setEnabled(False)
        self._context.feedback.info(tr("Stopping after the cards in hand; resume the run to go on"))

    def refresh_runs(self) -> None:
        current = self.runs_combo.currentText()
        self.runs_combo.clear()
        try:
            names = resumable_runs(self._context.store)
        except StoreError as exc:
            self._context.feedback.error(exc)
            return
        self.runs_combo.addItems(names)
        if current in names:
            self.runs_combo.setCurrentText(current)
        self._update_buttons()

    def _default_name(self, source: Source, folder: Path | None) -> str:
        if source is Source.VERIFIED:
            return f"verified-{self._context.clock():%Y%m%d-%H%M%S}"
        return folder.resolve().stem if folder is not None else ""

    def _launch_chosen(self, *, retry: bool) -> None:
        name = self.runs_combo.currentText()
        if not name:
            self._context.feedback.error(tr("No unfinished run to resume: start a run"))
            return
        self._launch(RunRequest(Source.RESUME, name, retry=retry))

    def _launch(self, request: RunRequest) -> None:
        if self._running is not None:
            return
        readers = self.chosen_readers()
        if not readers:
            self._context.feedback.error(tr("Choose at least one reader for the run"))
            return
        if self.printer_radio.isChecked() and self._printer_name is None:
            self._context.feedback.error(
                tr("Choose a printer first (Ctrl+P), or send the faces to PDF files")
            )
            return
        ctx = self._context
        try:
            operator = signed_in_operator(ctx.store, ctx.operator.id)
            ledger, queued = open_ledger(ctx.store, operator, request, ctx.clock())
            printer = self._printer_name if self.printer_radio.isChecked() else None
            faces = RenderedFaces(ctx.keys, ctx.issuer.reference, self._faces_folder(ledger.name), printer)
        except _NOT_STARTED as exc:
            ctx.feedback.error(exc)
            return
        if request.retry:
            ctx.feedback.info(tr("{count} failed application(s) queued again").format(count=queued))
        signals = RunSignals()
        queued_connection = Qt.ConnectionType.QueuedConnection
        signals.event.connect(self._event, queued_connection)
        signals.insert.connect(self._insert, queued_connection)
        signals.take.connect(self._take, queued_connection)
        signals.ended.connect(self._ended, queued_connection)
        signals.crashed.connect(self._crashed, queued_connection)
        batch = BatchRun(
            ledger,
            personaliser=ctx.services.personalisation,
            faces=faces,
            feed=PromptingFeed(signals, self._feed),
            readers=self._readers,
            clock=ctx.clock,
            report=signals.report,
            phases=signals.phase,
        )
        self._ledger = ledger
        self.summary = None
        self.table.begin(readers)
        self._running = RunningBatch(batch, readers, signals)
        self.destroyed.connect(self._running.stop)
        self._show_totals(batch.rate())
        self._show_items()
        self._update_buttons()
        self._running.start()

    def _faces_folder(self, run_name: str) -> Path:
        text = self.faces_edit.text().strip()
        return Path(text).expanduser() if text else self._context.station.data_dir / "faces" / run_name

    # News from the run (queued to the GUI thread)

    @Slot(object, object)
    def _event(self, event: Event, rate: Rate | None) -> None:
        self.table.apply(event)
        if rate is not None:
            self._show_totals(rate)
            if event.kind is not EventKind.WAITING:
                self._show_items()
        self.reader_shown.emit(
            event.reader, self.table.state_of(event.reader), self.table.text_of(event.reader, 3)
        )

    @Slot(str, object)
    def _insert(self, reader: str, wanted: tuple[str, ...]) -> None:
        self.table.asked_for_card(reader, wanted)

    @Slot(str, object)
    def _take(self, reader: str, outcome: Outcome) -> None:
        self.table.card_done(reader, outcome)

    @Slot(object)
    def _ended(self, summary: Summary) -> None:
        self._running = None
        self.summary = summary
        self._show_totals(summary.rate)
        self._show_items()
        self.refresh_runs()
        p = summary.rate.progress
        if summary.complete and p.failed == 0:
            self._context.feedback.info(tr("Run complete: every application issued"))
        elif summary.complete:
            self._context.feedback.info(
                tr(
                    "Run ended: {failed} failed; they are tried again only when you ask (Ctrl+Shift+R)"
                ).format(failed=p.failed)
            )
        else:
            self._context.feedback.info(
                tr("Run stopped: {remaining} application(s) remaining; resume it to go on (Ctrl+U)").format(
                    remaining=p.remaining
                )
            )
        self._update_buttons()
        self.run_ended.emit(summary)

    @Slot(object)
    def _crashed(self, problem: BaseException) -> None:
        self._running = None
        self._context.feedback.error(problem)
        self.refresh_runs()
        self._show_items()
        self._update_buttons()

    # Drawing

    def _update_buttons(self) -> None:
        idle = self._running is None
        for widget in (
            self.start_button,
            self.source_box,
            self.readers_box,
            self.faces_box,
            self.runs_combo,
        ):
            widget.setEnabled(idle)
        has_run = self.runs_combo.count() > 0
        self.resume_button.setEnabled(idle and has_run)
        self.retry_button.setEnabled(idle and has_run)
        self.stop_button.setEnabled(not idle)

    def state_of(self, reader: str) -> str:
        """The state column of ``reader``'s row as shown (tests read it)."""
        return self.table.state_of(reader)

    def _show_totals(self, rate: Rate | None = None) -> None:
        """``rate``, or the last one shown again (a language switch)."""
        self._rate = rate or self._rate
        self.totals_label.setText(view.totals(self._rate) if self._rate is not None else tr("No run started"))

    def _show_items(self) -> None:
        if self._ledger is None:
            return
        try:
            items = self._ledger.items()
            refusals = self._ledger.refusals()
        except StoreError as exc:
            self._context.feedback.error(exc)
            return
        self.items_table.show_items(items)
        self.refused_list.clear()
        for reader, serial, reason in refusals:
            self.refused_list.addItem(
                tr("{reader}, chip {chip}: {reason}").format(reader=reader, chip=serial or "?", reason=reason)
            )
