"""The technician's self-test (issue 7 "Technician"): a live checklist filled as each check finishes (the
checks run on the card worker thread: they talk to readers), then export as JSON or PDF."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from card_station.selftest import (
    CHECKS,
    CheckResult,
    CheckStatus,
    SelfTestConfig,
    SelfTestReport,
    run_selftest,
)
from gui.i18n import tr
from gui.shell.context import AppContext
from gui.technician.pdf import write_pdf
from gui.worker import JobControl

RUN_KEY = "F5"
_MARKS = {CheckStatus.PASS: "✔", CheckStatus.WARN: "⚠", CheckStatus.FAIL: "✘", CheckStatus.SKIPPED: "–"}


class TechnicianScreen(QWidget):
    """Emits ``finished(report)`` when a run ends."""

    finished = Signal(object)
    _result = Signal(object)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self.report: SelfTestReport | None = None
        self.run_button = QPushButton()
        self.run_button.setObjectName("run-selftest")
        self.run_button.clicked.connect(self.run)
        QShortcut(QKeySequence(RUN_KEY), self, self._run_if_idle)
        self.json_button = QPushButton()
        self.json_button.setObjectName("export-json")
        self.json_button.clicked.connect(lambda: self._export("json"))
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("export-pdf")
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.summary = QLabel()
        self.summary.setObjectName("selftest-summary")
        self.summary.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.checklist = QTreeWidget()
        self.checklist.setObjectName("checklist")
        self.checklist.setColumnCount(3)
        self.checklist.setRootIsDecorated(False)
        self.checklist.setWordWrap(True)
        self.checklist.setUniformRowHeights(False)
        self.checklist.header().setStretchLastSection(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        for key, _title in CHECKS:
            item = QTreeWidgetItem(["", "", ""])
            self.items[key] = item
            self.checklist.addTopLevelItem(item)
        buttons = QHBoxLayout()
        for button in (self.run_button, self.json_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.checklist, 1)
        self.setFocusProxy(self.run_button)
        self._result.connect(self._show_result)
        self._set_export_enabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.run_button.setText(tr("&Run self-test ({key})").format(key=RUN_KEY))
        self.json_button.setText(tr("Export &JSON"))
        self.pdf_button.setText(tr("Export &PDF"))
        self.checklist.setHeaderLabels([tr("Result"), tr("Check"), tr("What was found")])
        for key, title in CHECKS:
            self.items[key].setText(1, tr(title))
        for column in (0, 1):
            self.checklist.resizeColumnToContents(column)
        if self.report is None:
            self.summary.setText(
                tr("Insert a BLANK test card for the write/read check, then run the self-test.")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_export_enabled(self, enabled: bool) -> None:
        self.json_button.setEnabled(enabled)
        self.pdf_button.setEnabled(enabled)

    def config(self) -> SelfTestConfig:
        station = self._context.station
        return SelfTestConfig(
            station_id=station.issuer.station_id,
            database=station.store.path,
            data_dir=station.data_dir,
            central_url=station.central_url,
            transport_key=station.transport_key,
            clock=station.clock,
            reader=self._context.reader.selected,
        )

    def _run_if_idle(self) -> None:
        if self.run_button.isEnabled():
            self.run()

    def run(self) -> None:
        self.report = None
        self._set_export_enabled(False)
        self.run_button.setEnabled(False)
        for item in self.items.values():
            item.setText(0, "…")
            item.setText(2, "")
        self.summary.setText(tr("Running the self-test..."))
        config = self.config()

        def work(control: JobControl) -> SelfTestReport:
            return run_selftest(config, on_result=self._result.emit)

        job = self._context.reader.run_task(work, label=tr("Self-test"))
        self._context.feedback.track(job)
        job.succeeded.connect(self._done)
        job.ended.connect(self._ended)

    def _show_result(self, result: CheckResult) -> None:
        item = self.items[result.key]
        item.setText(0, f"{_MARKS[result.status]} {tr(result.status.value.upper())}")
        item.setText(2, "\n".join((result.summary, *result.details)))
        item.setToolTip(2, item.text(2))
        self.checklist.resizeColumnToContents(0)

    # Bound slots, not lambdas (as the counter screen): Qt drops them with the screen, so a self-test
    # ending after the screen closed reaches nothing.
    @Slot()
    def _ended(self) -> None:
        self.run_button.setEnabled(True)

    @Slot(object)
    def _done(self, report: SelfTestReport) -> None:
        self.report = report
        self._set_export_enabled(True)
        self.summary.setText(tr("No check failed.") if report.ok else tr("FAILED: see the checks marked ✘."))
        self.finished.emit(report)

    def export_json(self, path: Path) -> None:
        if self.report is None:
            raise ValueError("run the self-test before exporting its report")
        path.write_text(json.dumps(self.report.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")

    def export_pdf(self, path: Path) -> None:
        if self.report is None:
            raise ValueError("run the self-test before exporting its report")
        write_pdf(self.report, path)

    def _export(self, kind: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save the self-test report"), f"selftest.{kind}", f"{kind.upper()} (*.{kind})"
        )
        if not name:
            return
        try:
            (self.export_json if kind == "json" else self.export_pdf)(Path(name))
        except (OSError, ValueError) as exc:
            self._context.feedback.error(exc)
            return
        self._context.feedback.info(tr("Report saved: {path}").format(path=name))
